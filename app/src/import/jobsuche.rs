//! Answers of the Federal Employment Agency's Jobsuche API (`rest.arbeitsagentur.de/jobboerse/
//! jobsuche-service`) into drafts. Two shapes of the search answer exist, and the detail answer
//! (`/pc/v4/jobdetails/{base64(refnr)}`) has the v6 names, in older answers the v4 ones:
//! - v4 (`/pc/v4/jobs`): `stellenangebote[]`, each with `refnr`, `titel`, `beruf`, `arbeitgeber`,
//!   `arbeitsort{plz, ort, strasse, region, land, koordinaten{lat, lon}}`,
//!   `aktuelleVeroeffentlichungsdatum`, `externeUrl`.
//! - v6 (`/pc/v6/jobs`): `ergebnisliste[]`, each with `referenznummer`, `stellenangebotsTitel`,
//!   `hauptberuf`, `alleBerufe[]`, `firma`, `stellenlokationen[]{adresse{plz, ort, strasse,
//!   hausnummer, region, land}, breite, laenge}`, `veroeffentlichungszeitraum{von, bis}`,
//!   `datumErsteVeroeffentlichung`, `externeURL`, `arbeitszeit…` flags, `vertragsdauer`,
//!   `stellenangebotsart`, `verguetungsangabe` with `gehaltsspanneVon`/`-Bis` or `festgehalt`.
//!   An answer without matches has no list at all.
//!
//! Each field is read under its v6 name, else its v4 name, whatever the answer's version:
//! - `external_id`: `referenznummer` / `refnr`, as given (both versions write the same number,
//!   such as `10000-1201458873-S`).
//! - `url`: `externeURL` / `externeUrl` when it is a web address (the API writes an absent one as
//!   the text `null`); else the agency's page `https://www.arbeitsagentur.de/jobsuche/jobdetail/{refnr}`.
//!   `apply_url` is the same page: applying starts there.
//! - `title`: `stellenangebotsTitel` / `titel`; `description` (detail only):
//!   `stellenangebotsBeschreibung` / `stellenbeschreibung`.
//! - `occupations`: `hauptberuf` / `beruf`, then `alleBerufe`; `employer`: `firma` / `arbeitgeber`.
//! - `places`: each of `stellenlokationen`, `arbeitsorte` (older detail) and `arbeitsort`:
//!   `strasse` (and `hausnummer`), `plz`, `ort`, `region` (`NORDRHEIN_WESTFALEN` is written
//!   `Nordrhein-Westfalen`), `land` (`Deutschland`/`DEUTSCHLAND` → `DE`, neighbours likewise),
//!   `koordinaten{lat, lon}` or `breite`/`laenge`.
//! - `date_posted`: the current publication, `veroeffentlichungszeitraum.von` /
//!   `aktuelleVeroeffentlichungsdatum`, else the first one (`datumErsteVeroeffentlichung` /
//!   `ersteVeroeffentlichungsdatum`); `valid_through`: `veroeffentlichungszeitraum.bis` if given.
//! - `employment_types`: `arbeitszeitmodelle` as given, and the v6 flags named alike: `VOLLZEIT`,
//!   `TEILZEIT` (any `arbeitszeitTeilzeit…`), `MINIJOB` (`istGeringfuegigeBeschaeftigung`). The
//!   flags for shifts and home office (`homeofficemoeglich`) name no working time and are left out.
//! - `stated`: `befristung` / `vertragsdauer` (`BEFRISTET`, `UNBEFRISTET`; `KEINE_ANGABE` says
//!   nothing), `MINIJOB` among the employment types, `stellenangebotsart` / `angebotsart`
//!   `AUSBILDUNG`.
//! - `salary`: `gehaltsspanneVon`/`-Bis` (either alone is both) or `festgehalt`, in the unit of
//!   `verguetungsangabe` (`STUNDENLOHN`, `MONATSGEHALT`, `JAHRESGEHALT`), rounded to whole euros;
//!   without a known unit or with an impossible range it is left out with a warning.
//!
//! A value of the wrong type is an error naming its path (`ergebnisliste[3].stellenlokationen[0].
//! adresse.plz`); fields not named here are ignored.
use chrono::{DateTime, Utc};
use serde_json::{Map, Value};
use std::fmt::Write;

use super::draft::{Draft, DraftEmployer, DraftPlace, Stated};
use super::input::{At, Findings};
use super::read::{date, date_until, each, field, flag, item, kind, number, text, text_or_number, web_url};
use crate::jobs::model::{Salary, SalarySource, SalaryUnit};

/// Which shape an answer has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Version {
    V4,
    V6,
}

type Object = Map<String, Value>;

/// The agency's own page of an ad, followed by its reference number.
const DETAIL_PAGE: &str = "https://www.arbeitsagentur.de/jobsuche/jobdetail/";

/// The states as v4 writes them (v6 writes `NORDRHEIN_WESTFALEN`), separated by spaces.
const STATES: &str = "Baden-Württemberg Bayern Berlin Brandenburg Bremen Hamburg Hessen Mecklenburg-Vorpommern \
    Niedersachsen Nordrhein-Westfalen Rheinland-Pfalz Saarland Sachsen Sachsen-Anhalt Schleswig-Holstein Thüringen";

/// Germany and its neighbours by the names the answers give them, with their codes.
const COUNTRIES: &str = "Deutschland=DE Österreich=AT Schweiz=CH Niederlande=NL Belgien=BE Luxemburg=LU \
    Frankreich=FR Polen=PL Tschechien=CZ Dänemark=DK";

/// The v6 working-time flags and the `arbeitszeitmodelle` name each stands for.
const TIME_FLAGS: [(&str, &str); 7] = [
    ("arbeitszeitVollzeit", "VOLLZEIT"),
    ("arbeitszeitTeilzeit", "TEILZEIT"),
    ("arbeitszeitTeilzeitVormittag", "TEILZEIT"),
    ("arbeitszeitTeilzeitNachmittag", "TEILZEIT"),
    ("arbeitszeitTeilzeitAbend", "TEILZEIT"),
    ("arbeitszeitTeilzeitFlexibel", "TEILZEIT"),
    ("istGeringfuegigeBeschaeftigung", "MINIJOB"),
];

/// The records of a Jobsuche answer: one per listed ad, `Findings` at `At::Record(i)` with paths
/// such as `stellenangebote[3].arbeitsort.plz`. A list of the wrong type is one `Findings` without
/// a record. An answer without a list is a detail answer (one ad) or one without matches.
pub fn records(doc: &Object) -> (Version, Vec<(Draft, Findings)>) {
    let (version, key) = if doc.contains_key("ergebnisliste") {
        (Version::V6, "ergebnisliste")
    } else if doc.contains_key("stellenangebote") {
        (Version::V4, "stellenangebote")
    } else {
        return single(doc);
    };
    let records = match &doc[key] {
        Value::Null => Vec::new(),
        Value::Array(ads) => ads.iter().enumerate().map(|(i, ad)| record(ad, &item(key, i), i)).collect(),
        other => {
            let mut findings = Findings::default();
            findings.error(key, format!("erwartet eine Liste, gefunden {}", kind(other)));
            vec![(Draft::default(), findings)]
        }
    };
    (version, records)
}

/// A detail answer is the ad itself; anything else without a list has no ads.
fn single(doc: &Object) -> (Version, Vec<(Draft, Findings)>) {
    let has = |keys: &[&str]| keys.iter().any(|key| doc.contains_key(*key));
    let version = if has(&["referenznummer", "stellenangebotsTitel"]) {
        Version::V6
    } else if has(&["refnr", "titel"]) {
        Version::V4
    } else {
        return (Version::V6, Vec::new());
    };
    (version, vec![record_of(doc, "", 0)])
}

fn record(value: &Value, path: &str, index: usize) -> (Draft, Findings) {
    match value {
        Value::Object(ad) => record_of(ad, path, index),
        other => {
            let mut findings = Findings::new(At::Record(index));
            findings.error(path, format!("erwartet ein Objekt, gefunden {}", kind(other)));
            (Draft::default(), findings)
        }
    }
}

fn record_of(ad: &Object, path: &str, index: usize) -> (Draft, Findings) {
    let mut findings = Findings::new(At::Record(index));
    let draft = draft(ad, path, &mut findings);
    (draft, findings)
}

/// The draft of one ad (a list item or a detail answer); `path` leads to it.
fn draft(ad: &Object, path: &str, f: &mut Findings) -> Draft {
    let external_id =
        pick(ad, &["referenznummer", "refnr"]).and_then(|(k, v)| text_or_number(Some(v), &field(path, k), f));
    let url = external_url(ad, path, f).or_else(|| external_id.as_deref().map(detail_page));
    let (current, until) = publication(ad, path, f);
    let employment_types = employment_types(ad, path, f);
    Draft {
        external_id,
        title: aliased_text(ad, path, &["stellenangebotsTitel", "titel"], f),
        description: aliased_text(ad, path, &["stellenangebotsBeschreibung", "stellenbeschreibung"], f),
        date_posted: current
            .or_else(|| aliased_date(ad, path, &["datumErsteVeroeffentlichung", "ersteVeroeffentlichungsdatum"], f)),
        valid_through: until,
        employer: aliased_text(ad, path, &["firma", "arbeitgeber"], f)
            .map(|name| DraftEmployer { name, website: None }),
        places: places(ad, path, f),
        occupations: occupations(ad, path, f),
        salary: salary(ad, path, f),
        stated: stated(ad, path, &employment_types, f),
        employment_types,
        apply_url: url.clone(),
        url,
        ..Draft::default()
    }
}

/// The first of `names` that `ad` has (and not as `null`), with its name.
fn pick<'a>(ad: &'a Object, names: &[&'static str]) -> Option<(&'static str, &'a Value)> {
    names.iter().find_map(|name| ad.get(*name).filter(|v| !v.is_null()).map(|v| (*name, v)))
}

fn aliased_text(ad: &Object, path: &str, names: &[&'static str], f: &mut Findings) -> Option<String> {
    pick(ad, names).and_then(|(name, value)| text(Some(value), &field(path, name), f))
}

fn aliased_date(ad: &Object, path: &str, names: &[&'static str], f: &mut Findings) -> Option<DateTime<Utc>> {
    pick(ad, names).and_then(|(name, value)| date(Some(value), &field(path, name), f))
}

/// An object; `null` is none, any other type an error.
fn object<'a>(value: &'a Value, path: &str, f: &mut Findings) -> Option<&'a Object> {
    match value {
        Value::Object(inner) => Some(inner),
        Value::Null => None,
        other => {
            f.error(path, format!("erwartet ein Objekt, gefunden {}", kind(other)));
            None
        }
    }
}

/// The start of the current publication and, if given, its end (v6 `veroeffentlichungszeitraum`),
/// else v4's `aktuelleVeroeffentlichungsdatum` as the start.
fn publication(ad: &Object, path: &str, f: &mut Findings) -> (Option<DateTime<Utc>>, Option<DateTime<Utc>>) {
    let at = field(path, "veroeffentlichungszeitraum");
    let span = ad.get("veroeffentlichungszeitraum").and_then(|v| object(v, &at, f));
    let from = span.and_then(|s| date(s.get("von"), &field(&at, "von"), f));
    let until = span.and_then(|s| date_until(s.get("bis"), &field(&at, "bis"), f));
    (from.or_else(|| aliased_date(ad, path, &["aktuelleVeroeffentlichungsdatum"], f)), until)
}

fn external_url(ad: &Object, path: &str, f: &mut Findings) -> Option<String> {
    let (name, value) = pick(ad, &["externeURL", "externeUrl"])?;
    // The API writes an absent address as the text "null".
    if value.as_str().is_some_and(|s| s.trim().eq_ignore_ascii_case("null")) {
        return None;
    }
    web_url(Some(value), &field(path, name), f)
}

/// The agency's page of the ad `refnr`, the number escaped as a path segment.
fn detail_page(refnr: &str) -> String {
    let mut url = DETAIL_PAGE.to_owned();
    for byte in refnr.bytes() {
        if byte.is_ascii_alphanumeric() || b"-_.~".contains(&byte) {
            url.push(char::from(byte));
        } else {
            let _ = write!(url, "%{byte:02X}");
        }
    }
    url
}

fn occupations(ad: &Object, path: &str, f: &mut Findings) -> Vec<String> {
    let main = aliased_text(ad, path, &["hauptberuf", "beruf"], f);
    let all: Vec<String> = each(ad.get("alleBerufe"), &field(path, "alleBerufe"))
        .into_iter()
        .filter_map(|(at, v)| text(Some(v), &at, f))
        .collect();
    distinct(main.into_iter().chain(all))
}

/// `arbeitszeitmodelle` as given, then the v6 flags by the same names.
fn employment_types(ad: &Object, path: &str, f: &mut Findings) -> Vec<String> {
    let models = each(ad.get("arbeitszeitmodelle"), &field(path, "arbeitszeitmodelle"));
    let given: Vec<String> = models.into_iter().filter_map(|(at, v)| text(Some(v), &at, f)).collect();
    let flagged: Vec<String> = TIME_FLAGS
        .iter()
        .filter(|(name, _)| flag(ad.get(*name), &field(path, name), f) == Some(true))
        .map(|(_, model)| (*model).to_owned())
        .collect();
    distinct(given.into_iter().chain(flagged))
}

/// `values` without repeats, in their order.
fn distinct(values: impl Iterator<Item = String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for value in values {
        if !out.contains(&value) {
            out.push(value);
        }
    }
    out
}

fn stated(ad: &Object, path: &str, employment_types: &[String], f: &mut Findings) -> Stated {
    let offer =
        pick(ad, &["stellenangebotsart", "angebotsart"]).and_then(|(k, v)| text_or_number(Some(v), &field(path, k), f));
    Stated {
        fixed_term: fixed_term(ad, path, f),
        mini_job: employment_types.iter().any(|t| fold(t) == "MINIJOB"),
        apprenticeship: offer.is_some_and(|offer| fold(&offer).starts_with("AUSBILDUNG")),
    }
}

/// `befristung` (detail) or `vertragsdauer` (v6): fixed-term, permanent or not said.
fn fixed_term(ad: &Object, path: &str, f: &mut Findings) -> Option<bool> {
    let (name, value) = pick(ad, &["befristung", "vertragsdauer"])?;
    let at = field(path, name);
    let written = text_or_number(Some(value), &at, f)?;
    match fold(&written).as_str() {
        "BEFRISTET" => Some(true),
        "UNBEFRISTET" => Some(false),
        "KEINE_ANGABE" | "KEINE_ANGABEN" => None,
        _ => {
            f.warn(at, format!("„{written}“ ist keine bekannte Vertragsdauer (BEFRISTET, UNBEFRISTET), übergangen"));
            None
        }
    }
}

/// A range in `gehaltsspanneVon`/`-Bis` (either alone is both) or `festgehalt`, in the unit
/// `verguetungsangabe` names.
fn salary(ad: &Object, path: &str, f: &mut Findings) -> Option<Salary> {
    let amount = |name: &str, f: &mut Findings| number(ad.get(name), &field(path, name), f);
    let (from, to, fixed) = (amount("gehaltsspanneVon", f), amount("gehaltsspanneBis", f), amount("festgehalt", f));
    let (min, max) = match (from, to, fixed) {
        (Some(min), Some(max), _) => (min, max),
        (Some(one), None, _) | (None, Some(one), _) | (None, None, Some(one)) => (one, one),
        (None, None, None) => return None,
    };
    let at = field(path, "verguetungsangabe");
    let written = text(ad.get("verguetungsangabe"), &at, f);
    let Some(unit) = written.as_deref().and_then(salary_unit) else {
        let written = written.as_deref().unwrap_or("keine");
        f.warn(
            at,
            format!(
                "Gehalt übergangen: „{written}“ ist keine bekannte Einheit (STUNDENLOHN, MONATSGEHALT, JAHRESGEHALT)"
            ),
        );
        return None;
    };
    if min <= 0.0 || max < min {
        f.warn(field(path, "gehaltsspanneVon"), format!("Gehalt übergangen: keine gültige Spanne ({min} bis {max})"));
        return None;
    }
    let whole = |v: f64| (v.round().min(f64::from(u32::MAX)) as u32).max(1);
    Some(Salary { min: whole(min), max: whole(max), unit, currency: "EUR".to_owned(), source: SalarySource::Employer })
}

fn salary_unit(written: &str) -> Option<SalaryUnit> {
    match fold(written).as_str() {
        "STUNDENLOHN" => Some(SalaryUnit::Hour),
        "MONATSGEHALT" => Some(SalaryUnit::Month),
        "JAHRESGEHALT" => Some(SalaryUnit::Year),
        _ => None,
    }
}

fn places(ad: &Object, path: &str, f: &mut Findings) -> Vec<DraftPlace> {
    let listed: Vec<(String, &Value)> = ["stellenlokationen", "arbeitsorte", "arbeitsort"]
        .iter()
        .flat_map(|name| each(ad.get(*name), &field(path, name)))
        .collect();
    listed.into_iter().filter_map(|(at, value)| place(value, &at, f)).collect()
}

/// A place: v6 nests the address under `adresse` beside `breite`/`laenge`; v4 gives its parts
/// and `koordinaten` directly. A place that names nothing is none.
fn place(value: &Value, path: &str, f: &mut Findings) -> Option<DraftPlace> {
    let location = object(value, path, f)?;
    let (address, at) = match location.get("adresse").filter(|v| !v.is_null()) {
        Some(inner) => (object(inner, &field(path, "adresse"), f)?, field(path, "adresse")),
        None => (location, path.to_owned()),
    };
    let mut part = |name: &str| text(address.get(name), &field(&at, name), f);
    let (street, locality, region, country) = (part("strasse"), part("ort"), part("region"), part("land"));
    let mut code = |name: &str| text_or_number(address.get(name), &field(&at, name), f);
    let (number, postal_code) = (code("hausnummer"), code("plz"));
    let street = match (street, number) {
        (Some(street), Some(number)) => Some(format!("{street} {number}")),
        (street, _) => street,
    };
    let (mut lat, mut lon) = coordinates(location, path, f);
    if lat.is_none() && lon.is_none() && !std::ptr::eq(address, location) {
        (lat, lon) = coordinates(address, &at, f);
    }
    let mut place = DraftPlace {
        street,
        postal_code,
        locality,
        region: region.map(|r| state_name(&r)),
        country: country.map(|c| country_code(&c)),
        lat,
        lon,
    };
    place.check_coordinates(path, f);
    (place != DraftPlace::default()).then_some(place)
}

/// `koordinaten{lat, lon}` if given, else `breite`/`laenge`.
fn coordinates(holder: &Object, path: &str, f: &mut Findings) -> (Option<f64>, Option<f64>) {
    if let Some(value) = holder.get("koordinaten").filter(|v| !v.is_null()) {
        let at = field(path, "koordinaten");
        let Some(pair) = object(value, &at, f) else { return (None, None) };
        return (number(pair.get("lat"), &field(&at, "lat"), f), number(pair.get("lon"), &field(&at, "lon"), f));
    }
    (number(holder.get("breite"), &field(path, "breite"), f), number(holder.get("laenge"), &field(path, "laenge"), f))
}

/// A state as v4 writes it (`NORDRHEIN_WESTFALEN` → `Nordrhein-Westfalen`); others as given.
fn state_name(written: &str) -> String {
    let key = fold(written);
    STATES.split_whitespace().find(|state| fold(state) == key).unwrap_or(written).to_owned()
}

/// The ISO code of a country named in German (`Deutschland`, `DEUTSCHLAND`); others as given.
fn country_code(written: &str) -> String {
    let key = fold(written);
    let mut known = COUNTRIES.split_whitespace().filter_map(|pair| pair.split_once('='));
    known.find(|(name, _)| fold(name) == key).map_or(written, |(_, code)| code).to_owned()
}

/// Upper case with umlauts spelt out and `_` between words, the way v6 writes its codes.
fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.trim().chars().flat_map(char::to_uppercase) {
        match c {
            'Ä' => out.push_str("AE"),
            'Ö' => out.push_str("OE"),
            'Ü' => out.push_str("UE"),
            '-' | ' ' => out.push('_'),
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
#[path = "jobsuche_tests.rs"]
mod tests;
