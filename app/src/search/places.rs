//! Places a search can name, and which listings lie within each offered radius of them.
use std::borrow::Cow;

use super::bits::Bits;
use super::geo::{chord2, chord2_for_km, unit};
use super::text::fold;
use crate::jobs::filter::{JobFilter, ParamIssue, parse_coords};
use crate::jobs::model::{City, Param};
use crate::jobs::param::RADII;
use crate::ui::format::slugify;

/// A searched place: where it is, the label shown, and the city when it is one.
pub(super) struct Place {
    pub at: [f64; 3],
    pub label: String,
    /// Position in the index's cities when the place is a city.
    pub city: Option<usize>,
    /// The chosen radius as a position in `RADII`.
    pub radius: usize,
    /// Squared-chord limits of `RADII` (radius 0 around coordinates: 1 km).
    limits: [f64; RADII.len()],
}

impl Place {
    fn new(lat: f64, lon: f64, label: String, city: Option<usize>, radius_km: u32) -> Self {
        // The parser only lets `RADII` through; anything else rounds up to the next offered radius.
        let radius = RADII.iter().position(|r| *r >= radius_km).unwrap_or(RADII.len() - 1);
        let limits = std::array::from_fn(|k| chord2_for_km(f64::from(RADII[k].max(1))));
        Place { at: unit(lat, lon), label, city, radius, limits }
    }

    /// Whether a listing in `city` at squared chord `c2` lies within the `k`-th radius of `RADII`:
    /// radius 0 around a city is the city itself.
    pub fn contains(&self, city: u32, c2: f64, k: usize) -> bool {
        match (RADII[k], self.city) {
            (0, Some(here)) => city as usize == here,
            _ => c2 <= self.limits[k],
        }
    }
}

/// The cities the index knows and, per city and radius, the listings within it.
pub(super) struct Places {
    pub cities: Vec<City>,
    /// Per city (as in `cities`), per radius of `RADII`: the listings within it, so that a search
    /// around a city needs no distances but those of the listings it shows.
    near: Vec<Vec<Bits>>,
}

impl Places {
    /// `city` and `at` per listing: its city's position (`u32::MAX`: none of `cities`) and place.
    pub(super) fn new(cities: Vec<City>, city: &[u32], at: &[[f64; 3]]) -> Self {
        let near = cities
            .iter()
            .enumerate()
            .map(|(c, known)| {
                let place = Place::new(known.lat, known.lon, String::new(), Some(c), 0);
                let listings: Vec<(u32, f64)> = city.iter().zip(at).map(|(c, a)| (*c, chord2(place.at, *a))).collect();
                (0..RADII.len())
                    .map(|k| Bits::matching(&listings, |(city, c2)| place.contains(*city, *c2, k)))
                    .collect()
            })
            .collect();
        Places { cities, near }
    }

    /// The filter's place: coordinates, or a city by slug or name (umlauts folded, any case).
    pub(super) fn resolve(&self, f: &JobFilter) -> Result<Option<Place>, ParamIssue> {
        if f.place.is_empty() {
            return Ok(None);
        }
        let radius_km = f.effective_radius_km();
        if let Some((lat, lon)) = parse_coords(&f.place) {
            return Ok(Some(Place::new(lat, lon, format!("{lat:.4}, {lon:.4}"), None, radius_km)));
        }
        let (wanted, slug) = (fold(f.place.trim()), slugify(&f.place));
        self.cities
            .iter()
            .enumerate()
            .find(|(_, c)| c.slug == slug || fold(&c.name) == wanted)
            .map(|(i, c)| Some(Place::new(c.lat, c.lon, c.name.clone(), Some(i), radius_km)))
            .ok_or_else(|| {
                ParamIssue::new(
                    Param::Place,
                    format!(
                        "„{}“ kennen wir nicht; bitte einen Ort aus der Liste oder Koordinaten wie „51.48,7.21“.",
                        f.place
                    ),
                )
            })
    }

    /// Per radius of `RADII`, the listings within it around `place`: kept for cities, measured over
    /// `at` (every listing's place) for coordinates.
    pub(super) fn near<'a>(&'a self, place: &Place, at: &[[f64; 3]]) -> Vec<Cow<'a, Bits>> {
        match place.city {
            Some(city) => self.near[city].iter().map(Cow::Borrowed).collect(),
            None => {
                let c2: Vec<f64> = at.iter().map(|a| chord2(place.at, *a)).collect();
                place.limits.iter().map(|limit| Cow::Owned(Bits::matching(&c2, |c2| c2 <= limit))).collect()
            }
        }
    }
}
