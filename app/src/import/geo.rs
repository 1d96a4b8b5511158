//! A gazetteer of German postcodes and places: where a listing that gives only a postcode and/or a town
//! name lies, its municipality and federal state.
//!
//! Data (`content/places-de.md` documents columns and sources): `places-de-postcodes.tsv` and
//! `places-de-towns.tsv` are GeoNames data (CC BY 4.0, credit GeoNames); `places-de-towns-osm.tsv` adds
//! municipality names GeoNames lacks and is OpenStreetMap data (ODbL 1.0, credit the OpenStreetMap
//! contributors). Whatever shows a result publicly carries both notices.
//!
//! Rules; an unknown place beats a wrong guess:
//! - Names are compared folded: case-insensitive, ä=ae ö=oe ü=ue ß=ss, every run of other characters than
//!   letters and digits is one space, "St." reads "Sankt". The base name cuts a name at the first "(",
//!   "/", ",", " am ", " an ", " auf ", " bei ", " im ", " in ", " ob ", " vor ", " a.", " b.", " i.", " v.";
//!   what follows is the qualifier ("Frankfurt am Main": base "frankfurt", qualifier "main").
//! - A postcode counts when it is five digits and known. With a locality, the postcode's place that
//!   matches it (by name, by the town it is part of, by base name, or as "Town-Part") gives town and
//!   coordinates; otherwise the postcode wins (44787 with "Dortmund" is Bochum): the mean of its places,
//!   the town the most common among them.
//!   An unknown postcode is ignored and the locality decides alone.
//! - A locality alone is looked up in levels; the first level that finds anything in the given state
//!   decides, and when what it finds is not one place, the place is unknown:
//!   1. the folded name equals a place's name or base name ("Essen", "Frankfurt am Main", "Frankfurt");
//!   2. for a qualified name ("Frankfurt/M.", "Mülheim a.d. Ruhr"): the places of its base name whose
//!      qualifier or state its qualifier words abbreviate ("Frankfurt am Main", "Halle (Westf.)"), then
//!      those without a qualifier ("Essen (Ruhr)" is Essen);
//!   3. the name shortened word by word from the end, for a part of a town ("Bochum-Wattenscheid"), only
//!      towns with several postcodes.
//! - Places found are one place when all lie within `NEARBY_KM` of the strongest (the one whose town has
//!   the most postcodes); at levels 1 and 3 also when the strongest is a city of `CITY_POSTCODES` or more
//!   postcodes and all farther ones are villages of one postcode ("Essen", "Halle", "Münster"; not
//!   "Frankfurt", as Frankfurt (Oder) is a city too).
//! - OpenStreetMap municipalities count like GeoNames places (an OSM name that GeoNames has for another
//!   place elsewhere makes the name ambiguous); of equally strong places the GeoNames one is taken. A region
//!   that names a state narrows every level; any other region text is ignored.
use std::collections::HashMap;
use std::sync::OnceLock;

use super::geo_names::{
    MAX_NAME_CHARS, STATES, is_word_prefix, name_key, qualifier_matches, split_base, state_of, words,
};

/// Places of one name closer than this to the strongest are taken for parts of one place.
const NEARBY_KM: f64 = 15.0;
/// A place with this many postcodes is a city that its name means over villages of one postcode.
const CITY_POSTCODES: usize = 4;
/// Coordinates farther than this from every German postcode's place lie outside Germany.
const NEAREST_KM: f64 = 25.0;
/// Words of a locality shortened at level 3; a place name has fewer.
const MAX_PREFIX_WORDS: usize = 8;

/// Places and postcodes, indexed for lookups.
pub struct Gazetteer {
    towns: Vec<Town>,
    /// Folded name → towns, in file order (GeoNames first).
    by_key: HashMap<String, Vec<u32>>,
    /// Folded base name → towns with a qualifier.
    by_base: HashMap<String, Vec<u32>>,
    by_postcode: HashMap<u32, Vec<Spot>>,
}

/// A row of a towns file: a place in one district.
struct Town {
    name: String,
    parent: Option<String>,
    state: Option<u8>,
    lat: f64,
    lon: f64,
    postcodes: Box<[u32]>,
    /// Postcodes of the town it is part of (its own when it is none): how strongly its name is meant.
    weight: usize,
    key: String,
    base: String,
    /// Qualifier words without particles, space-separated.
    qualifier: String,
}

/// A row of the postcodes file: a place at a postcode.
struct Spot {
    town: u32,
    lat: f64,
    lon: f64,
}

/// A place found on the map.
#[derive(Debug, Clone, PartialEq)]
pub struct Located {
    /// The municipality's name as shown to users, e.g. "Bochum"; a part of a town gives the town.
    pub town: String,
    /// The postcode when the input gave one that exists, else the town's postcode when it has exactly one.
    pub postal_code: Option<String>,
    /// The federal state's German name, e.g. "Nordrhein-Westfalen" (None for Jungholz, Austria).
    pub state: Option<&'static str>,
    pub lat: f64,
    pub lon: f64,
}

/// A locality as given, folded for lookups.
struct Name {
    key: String,
    base: String,
    qualifier: Vec<String>,
}

impl Gazetteer {
    /// The data shipped with the app, parsed on first use.
    pub fn shipped() -> &'static Gazetteer {
        static SHIPPED: OnceLock<Gazetteer> = OnceLock::new();
        SHIPPED.get_or_init(|| {
            Gazetteer::parse(
                include_str!("../../../content/places-de-postcodes.tsv"),
                include_str!("../../../content/places-de-towns.tsv"),
                include_str!("../../../content/places-de-towns-osm.tsv"),
            )
        })
    }

    /// Parses the three files' contents; lines that do not fit their columns are skipped, and so are
    /// postcode rows whose place is not in the towns file.
    pub fn parse(postcodes: &str, towns: &str, towns_osm: &str) -> Gazetteer {
        let mut g = Gazetteer {
            towns: Vec::new(),
            by_key: HashMap::new(),
            by_base: HashMap::new(),
            by_postcode: HashMap::new(),
        };
        let mut by_district: HashMap<(&str, &str), u32> = HashMap::new();
        let mut parents: Vec<(u32, &str, &str)> = Vec::new();
        for text in [towns, towns_osm] {
            for cols in rows(text) {
                let [place, parent, state, district_key, _, lat, lon, codes] = cols[..] else { continue };
                let (Some(lat), Some(lon)) = (coordinate(lat), coordinate(lon)) else { continue };
                let id = g.towns.len() as u32;
                by_district.entry((place, district_key)).or_insert(id);
                if !parent.is_empty() {
                    parents.push((id, parent, district_key));
                }
                let (base, qualifier) = split_base(place);
                let postcodes: Box<[u32]> = codes.split(' ').filter_map(postcode).collect();
                g.towns.push(Town {
                    name: place.to_string(),
                    parent: Some(parent.to_string()).filter(|p| !p.is_empty()),
                    state: STATES.iter().position(|s| s.0 == state).map(|i| i as u8),
                    lat,
                    lon,
                    weight: postcodes.len(),
                    postcodes,
                    key: name_key(place),
                    base,
                    qualifier: qualifier.join(" "),
                });
            }
        }
        for (part, parent, district_key) in parents {
            if let Some(&town) = by_district.get(&(parent, district_key)) {
                let weight = g.towns[town as usize].postcodes.len();
                let part = &mut g.towns[part as usize];
                part.weight = part.weight.max(weight);
            }
        }
        for (id, town) in g.towns.iter().enumerate() {
            g.by_key.entry(town.key.clone()).or_default().push(id as u32);
            if town.base != town.key && !town.base.is_empty() {
                g.by_base.entry(town.base.clone()).or_default().push(id as u32);
            }
        }
        for cols in rows(postcodes) {
            let [code, place, _, district_key, _, lat, lon, ..] = cols[..] else { continue };
            let (Some(code), Some(lat), Some(lon)) = (postcode(code), coordinate(lat), coordinate(lon)) else {
                continue;
            };
            if let Some(&town) = by_district.get(&(place, district_key)) {
                g.by_postcode.entry(code).or_default().push(Spot { town, lat, lon });
            }
        }
        g
    }

    /// Where a place given as postcode and/or town name (and optionally its state as written, e.g. "NRW",
    /// "Nordrhein-Westfalen", "NW", "Bayern") lies; None when it cannot be told without guessing.
    pub fn locate(&self, postal_code: Option<&str>, locality: Option<&str>, region: Option<&str>) -> Option<Located> {
        let name = locality.and_then(Name::new);
        let state = region.and_then(state_of);
        let code = postal_code.map(str::trim).filter(|c| c.len() == 5).and_then(postcode);
        match code.and_then(|c| Some((c, self.by_postcode.get(&c)?))) {
            Some((code, spots)) => self.at_postcode(code, spots, name.as_ref(), state),
            None => self.by_name(&name?, state),
        }
    }

    /// The municipality of the postcode place nearest to coordinates that give no town name; None
    /// farther than `NEAREST_KM` from every one (abroad).
    pub fn nearest(&self, lat: f64, lon: f64) -> Option<Located> {
        let spots = self.by_postcode.iter().flat_map(|(code, spots)| spots.iter().map(move |s| (*code, s)));
        let (code, spot, d) = spots
            .map(|(code, s)| (code, s, km((lat, lon), (s.lat, s.lon))))
            .min_by(|a, b| a.2.total_cmp(&b.2).then(a.0.cmp(&b.0)))?;
        let town = self.town(spot.town);
        (d <= NEAREST_KM).then(|| Located {
            town: town.display().to_string(),
            postal_code: Some(format!("{code:05}")),
            state: town.state_name(),
            lat,
            lon,
        })
    }

    /// The postcode's place that the locality names, else the mean of all its places.
    fn at_postcode(&self, code: u32, spots: &[Spot], name: Option<&Name>, state: Option<u8>) -> Option<Located> {
        let code = Some(format!("{code:05}"));
        if let Some(matched) = name.and_then(|n| self.matching_spots(spots, n)) {
            return Some(self.mean(&matched, self.town(matched.first()?.town), code));
        }
        let in_state: Vec<&Spot> =
            spots.iter().filter(|s| state.is_none_or(|st| self.town(s.town).state == Some(st))).collect();
        let spots: Vec<&Spot> = if in_state.is_empty() { spots.iter().collect() } else { in_state };
        let count = |t: &Town| spots.iter().filter(|s| self.town(s.town).display() == t.display()).count();
        // The first of the most common wins a tie: rows are sorted by place.
        let most = spots.iter().rev().map(|s| self.town(s.town)).max_by_key(|t| count(t))?;
        Some(self.mean(&spots, most, code))
    }

    /// The postcode's places that the locality names, by the first test that finds any.
    fn matching_spots<'a>(&self, spots: &'a [Spot], name: &Name) -> Option<Vec<&'a Spot>> {
        let tests: [&dyn Fn(&Town) -> bool; 4] = [
            &|t: &Town| t.key == name.key,
            &|t: &Town| t.parent.as_deref().is_some_and(|p| name_key(p) == name.key),
            &|t: &Town| {
                !name.base.is_empty()
                    && (t.base == name.base || t.parent.as_deref().is_some_and(|p| split_base(p).0 == name.base))
            },
            &|t: &Town| is_word_prefix(&name_key(t.display()), &name.key) || is_word_prefix(&t.key, &name.key),
        ];
        tests.iter().find_map(|test| {
            let found: Vec<&Spot> = spots.iter().filter(|s| test(self.town(s.town))).collect();
            Some(found).filter(|f| !f.is_empty())
        })
    }

    /// The mean position of some of a postcode's places, named after `town`.
    fn mean(&self, spots: &[&Spot], town: &Town, postal_code: Option<String>) -> Located {
        let n = spots.len().max(1) as f64;
        Located {
            town: town.display().to_string(),
            postal_code,
            state: town.state_name(),
            lat: spots.iter().map(|s| s.lat).sum::<f64>() / n,
            lon: spots.iter().map(|s| s.lon).sum::<f64>() / n,
        }
    }

    /// The place a locality alone names (see the module's rules).
    fn by_name(&self, name: &Name, state: Option<u8>) -> Option<Located> {
        let mut levels = vec![(self.candidates(&name.key), true)];
        if name.base != name.key && !name.base.is_empty() {
            let all = self.candidates(&name.base);
            if !name.qualifier.is_empty() {
                let qualified = all.iter().filter(|&&i| self.town(i).fits(&name.qualifier));
                levels.push((qualified.copied().collect(), false));
            }
            levels.push((all.into_iter().filter(|&i| self.town(i).qualifier.is_empty()).collect(), false));
        }
        let words: Vec<&str> = name.key.split(' ').take(MAX_PREFIX_WORDS + 1).collect();
        for n in (1..words.len()).rev() {
            let towns = self.candidates(&words[..n].join(" "));
            levels.push((towns.into_iter().filter(|&i| self.town(i).weight > 1).collect(), true));
        }
        for (towns, cities_win) in levels {
            let towns: Vec<u32> =
                towns.into_iter().filter(|&i| state.is_none_or(|s| self.town(i).state == Some(s))).collect();
            if !towns.is_empty() {
                return self.one_place(&towns, cities_win).map(|t| t.located());
            }
        }
        None
    }

    /// Towns whose folded name or base name is `key`, in file order.
    fn candidates(&self, key: &str) -> Vec<u32> {
        let mut found: Vec<u32> =
            [&self.by_key, &self.by_base].iter().filter_map(|m| m.get(key)).flatten().copied().collect();
        found.sort_unstable();
        found.dedup();
        found
    }

    /// The strongest of the towns when they are one place, or when it is a city among villages.
    fn one_place(&self, towns: &[u32], cities_win: bool) -> Option<&Town> {
        let strength = |t: &Town| (t.weight, t.postcodes.len(), t.parent.is_none());
        let best = towns.iter().rev().map(|&i| self.town(i)).max_by_key(|t| strength(t))?;
        let mut far = towns.iter().map(|&i| self.town(i)).filter(|t| km(best.at(), t.at()) > NEARBY_KM).peekable();
        let is_city = cities_win && best.weight >= CITY_POSTCODES;
        (far.peek().is_none() || (is_city && far.all(|t| t.weight <= 1))).then_some(best)
    }

    fn town(&self, id: u32) -> &Town {
        &self.towns[id as usize]
    }
}

impl Town {
    /// The municipality's name: the town it is part of, else its own.
    fn display(&self) -> &str {
        self.parent.as_deref().unwrap_or(&self.name)
    }

    /// Whether a locality's qualifier words abbreviate words of this place's qualifier or of its state
    /// ("Halle (Westf.)" is the Halle in Nordrhein-Westfalen).
    fn fits(&self, qualifier: &[String]) -> bool {
        qualifier_matches(&self.qualifier, qualifier)
            || qualifier_matches(&words(self.state_name().unwrap_or("")), qualifier)
    }

    fn at(&self) -> (f64, f64) {
        (self.lat, self.lon)
    }

    fn state_name(&self) -> Option<&'static str> {
        self.state.map(|s| STATES[s as usize].1)
    }

    fn located(&self) -> Located {
        Located {
            town: self.display().to_string(),
            postal_code: match *self.postcodes {
                [only] => Some(format!("{only:05}")),
                _ => None,
            },
            state: self.state_name(),
            lat: self.lat,
            lon: self.lon,
        }
    }
}

impl Name {
    /// A locality worth looking up: not blank, not longer than a place name can be.
    fn new(text: &str) -> Option<Name> {
        let text = text.trim();
        if text.chars().nth(MAX_NAME_CHARS).is_some() {
            return None;
        }
        let key = name_key(text);
        let (base, qualifier) = split_base(text);
        (!key.is_empty()).then_some(Name { key, base, qualifier })
    }
}

/// The data lines of a TSV file (the header skipped), split into columns.
fn rows(text: &str) -> impl Iterator<Item = Vec<&str>> {
    text.lines().skip(1).map(|line| line.split('\t').collect())
}

fn coordinate(text: &str) -> Option<f64> {
    text.parse().ok().filter(|v: &f64| v.is_finite())
}

/// A postcode of five ASCII digits as a number.
fn postcode(text: &str) -> Option<u32> {
    (text.len() == 5 && text.bytes().all(|b| b.is_ascii_digit())).then(|| text.parse().ok()).flatten()
}

/// The distance of two (lat, lon) points in km (equirectangular: exact enough within Germany).
fn km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let x = (b.1 - a.1).to_radians() * ((a.0 + b.0) / 2.0).to_radians().cos();
    let y = (b.0 - a.0).to_radians();
    6371.0 * x.hypot(y)
}

#[cfg(test)]
#[path = "geo_tests.rs"]
mod tests;
