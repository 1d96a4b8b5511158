//! schema.org `JobPosting` data (JSON-LD) into drafts. A document is one node, an array of nodes,
//! or an object with `@graph`; nodes of other types are ignored, and `{"@id": …}` references to an
//! organisation or a place are resolved within the document. The rules for each field (the README
//! lists them too):
//! - `identifier`: text, a number, or a `PropertyValue` (its `value`); the first of a list. Without
//!   one the ad's `url` identifies it.
//! - `hiringOrganization`: an `Organization` (its `name`; `sameAs` or `url` as its website), a
//!   reference to one, or its name as text.
//! - `jobLocation`: a `Place` or a list of them, each with an `address` (a `PostalAddress`, with or
//!   without `@type`, or one line of text such as "Kortumstraße 1, 44787 Bochum") and/or `geo`.
//!   `jobLocationType: TELECOMMUTE` marks remote work, `applicantLocationRequirements` where the
//!   worker must live.
//! - `employmentType`, `occupationalCategory`: text or a list of texts.
//! - `applicationContact`: its `url` and `email` are where to apply; else the ad's `url`.
use serde_json::{Map, Value};
use std::collections::HashMap;

use super::draft::{Draft, DraftEmployer, DraftPlace};
use super::input::{At, Findings};
use super::read::{date, date_until, each, field, flag, kind, number, shorten, text, text_or_number, web_url};
use super::salary::base_salary;
use crate::jobs::invariants::is_email;

/// Every `JobPosting` of a JSON-LD document, counted from `first` (a page's blocks go on counting).
pub fn records(doc: &Value, first: usize) -> Vec<(Draft, Findings)> {
    let mut nodes = Vec::new();
    collect(doc, &mut nodes);
    let by_id: HashMap<&str, &Value> =
        nodes.iter().filter_map(|node| Some((node.get("@id")?.as_str()?, *node))).collect();
    let doc = Document { by_id };
    nodes
        .into_iter()
        .filter_map(Value::as_object)
        .filter(|node| is_type(node, "JobPosting"))
        .enumerate()
        .map(|(i, node)| {
            let mut findings = Findings::new(At::Record(first + i));
            let draft = doc.posting(node, &mut findings);
            (draft, findings)
        })
        .collect()
}

/// The typed nodes of a document, depth first: arrays, `@graph`s and the nodes themselves.
fn collect<'a>(value: &'a Value, out: &mut Vec<&'a Value>) {
    match value {
        Value::Array(items) => items.iter().for_each(|item| collect(item, out)),
        Value::Object(node) => {
            if let Some(graph) = node.get("@graph") {
                collect(graph, out);
            }
            if node.contains_key("@type") {
                out.push(value);
            }
        }
        _ => {}
    }
}

/// Whether `node` has the schema.org type `name` (as `JobPosting`, `schema:JobPosting` or a URL).
fn is_type(node: &Map<String, Value>, name: &str) -> bool {
    let matches = |t: &Value| t.as_str().is_some_and(|t| t.rsplit([':', '/']).next() == Some(name));
    match node.get("@type") {
        Some(Value::Array(types)) => types.iter().any(matches),
        Some(one) => matches(one),
        None => false,
    }
}

struct Document<'a> {
    by_id: HashMap<&'a str, &'a Value>,
}

impl<'a> Document<'a> {
    /// `value` itself, or the node it refers to by `@id` alone.
    fn resolve(&self, value: &'a Value) -> &'a Value {
        match value {
            Value::Object(node) if node.len() == 1 => {
                node.get("@id").and_then(Value::as_str).and_then(|id| self.by_id.get(id)).map_or(value, |found| found)
            }
            _ => value,
        }
    }

    fn posting(&self, node: &Map<String, Value>, f: &mut Findings) -> Draft {
        let url = web_url(node.get("url"), "url", f);
        let external_id = identifier(node.get("identifier"), f).or_else(|| url.clone());
        let contact = node.get("applicationContact").map(|c| self.resolve(c));
        let (apply_url, apply_email) = contact.map_or((None, None), |c| application_contact(c, f));
        Draft {
            external_id,
            title: text(node.get("title"), "title", f),
            description: text(node.get("description"), "description", f),
            date_posted: date(node.get("datePosted"), "datePosted", f),
            valid_through: date_until(node.get("validThrough"), "validThrough", f),
            employer: node.get("hiringOrganization").and_then(|o| self.employer(self.resolve(o), f)),
            places: self.places(node.get("jobLocation"), f),
            telecommute: texts(node.get("jobLocationType"), "jobLocationType", f)
                .iter()
                .any(|t| t.eq_ignore_ascii_case("TELECOMMUTE")),
            applicant_locations: self.applicant_locations(node.get("applicantLocationRequirements"), f),
            employment_types: texts(node.get("employmentType"), "employmentType", f),
            occupations: occupations(node.get("occupationalCategory"), f),
            kldb: None,
            salary: base_salary(node.get("baseSalary"), "baseSalary", f),
            apply_url: apply_url.or_else(|| url.clone()),
            apply_email,
            direct_apply: flag(node.get("directApply"), "directApply", f),
            url,
            stated: Default::default(),
        }
    }

    fn employer(&self, value: &Value, f: &mut Findings) -> Option<DraftEmployer> {
        const PATH: &str = "hiringOrganization";
        match value {
            Value::String(name) => Some(name.trim())
                .filter(|n| !n.is_empty())
                .map(|name| DraftEmployer { name: name.to_owned(), website: None }),
            Value::Object(org) => {
                let name = text(org.get("name"), &field(PATH, "name"), f)?;
                let same_as = each(org.get("sameAs"), &field(PATH, "sameAs"));
                let candidates = same_as.iter().map(|(path, v)| (path.clone(), *v));
                let website = candidates
                    .chain(org.get("url").map(|v| (field(PATH, "url"), v)))
                    .find_map(|(path, v)| web_url(Some(v), &path, f));
                Some(DraftEmployer { name, website })
            }
            Value::Null => None,
            other => {
                f.error(PATH, format!("erwartet ein Organization-Objekt oder einen Namen, gefunden {}", kind(other)));
                None
            }
        }
    }

    fn places(&self, value: Option<&Value>, f: &mut Findings) -> Vec<DraftPlace> {
        let mut places = Vec::new();
        for (path, place) in each(value, "jobLocation") {
            match self.resolve(place) {
                Value::Object(place) => places.push(self.place(place, &path, f)),
                Value::String(line) => places.push(address_line(line)),
                other => f.error(path, format!("erwartet ein Place-Objekt, gefunden {}", kind(other))),
            }
        }
        places
    }

    fn place(&self, place: &Map<String, Value>, path: &str, f: &mut Findings) -> DraftPlace {
        let mut found = match place.get("address").map(|a| self.resolve(a)) {
            Some(Value::Object(address)) => postal_address(address, &field(path, "address"), f),
            Some(Value::String(line)) => address_line(line),
            None | Some(Value::Null) => DraftPlace::default(),
            Some(other) => {
                let message = format!("erwartet eine PostalAddress oder eine Zeile Text, gefunden {}", kind(other));
                f.error(field(path, "address"), message);
                DraftPlace::default()
            }
        };
        match place.get("geo") {
            Some(Value::Object(geo)) => {
                let geo_path = field(path, "geo");
                found.lat = number(geo.get("latitude"), &field(&geo_path, "latitude"), f);
                found.lon = number(geo.get("longitude"), &field(&geo_path, "longitude"), f);
                found.check_coordinates(&geo_path, f);
            }
            None | Some(Value::Null) => {}
            Some(other) => f.error(field(path, "geo"), format!("erwartet GeoCoordinates, gefunden {}", kind(other))),
        }
        found
    }

    fn applicant_locations(&self, value: Option<&Value>, f: &mut Findings) -> Vec<String> {
        let mut names = Vec::new();
        for (path, location) in each(value, "applicantLocationRequirements") {
            match self.resolve(location) {
                Value::String(name) => names.push(name.trim().to_owned()),
                Value::Object(area) => names.extend(text(area.get("name"), &field(&path, "name"), f)),
                other => f.error(path, format!("erwartet ein Gebiet (z. B. Country), gefunden {}", kind(other))),
            }
        }
        names.retain(|n| !n.is_empty());
        names
    }
}

/// `identifier` as text: text, a number, or a `PropertyValue`'s `value`; the first of a list.
fn identifier(value: Option<&Value>, f: &mut Findings) -> Option<String> {
    let (path, first) = each(value, "identifier").into_iter().next()?;
    match first {
        Value::Object(property) => text_or_number(property.get("value"), &field(&path, "value"), f),
        other => text_or_number(Some(other), &path, f),
    }
}

/// Texts given once or as a list.
fn texts(value: Option<&Value>, path: &str, f: &mut Findings) -> Vec<String> {
    each(value, path).into_iter().filter_map(|(path, v)| text(Some(v), &path, f)).collect()
}

/// `occupationalCategory`: texts, or `CategoryCode`s (their `name`, else `codeValue`).
fn occupations(value: Option<&Value>, f: &mut Findings) -> Vec<String> {
    let mut names = Vec::new();
    for (path, v) in each(value, "occupationalCategory") {
        let name = match v {
            Value::Object(code) => text(code.get("name"), &field(&path, "name"), f)
                .or_else(|| text_or_number(code.get("codeValue"), &field(&path, "codeValue"), f)),
            other => text(Some(other), &path, f),
        };
        names.extend(name);
    }
    names
}

/// Where to apply: `applicationContact`'s `url` (http/https) and `email`.
fn application_contact(value: &Value, f: &mut Findings) -> (Option<String>, Option<String>) {
    const PATH: &str = "applicationContact";
    let Value::Object(contact) = value else {
        f.error(PATH, format!("erwartet einen ContactPoint, gefunden {}", kind(value)));
        return (None, None);
    };
    let url = web_url(contact.get("url"), &field(PATH, "url"), f);
    let email = text(contact.get("email"), &field(PATH, "email"), f).and_then(|email| {
        let address = email.trim_start_matches("mailto:").to_owned();
        if is_email(&address) {
            Some(address)
        } else {
            f.warn(field(PATH, "email"), format!("„{}“ weggelassen: keine E-Mail-Adresse", shorten(&email)));
            None
        }
    });
    (url, email)
}

/// A `PostalAddress` (with or without `@type`).
fn postal_address(address: &Map<String, Value>, path: &str, f: &mut Findings) -> DraftPlace {
    let country = match address.get("addressCountry") {
        Some(Value::Object(country)) => text(country.get("name"), &field(path, "addressCountry.name"), f),
        other => text(other, &field(path, "addressCountry"), f),
    };
    DraftPlace {
        street: text(address.get("streetAddress"), &field(path, "streetAddress"), f),
        postal_code: text_or_number(address.get("postalCode"), &field(path, "postalCode"), f),
        locality: text(address.get("addressLocality"), &field(path, "addressLocality"), f),
        region: text(address.get("addressRegion"), &field(path, "addressRegion"), f),
        country,
        lat: None,
        lon: None,
    }
}

/// An address in one line: "Kortumstraße 1, 44787 Bochum" → street, postcode and town; a line
/// without a postcode is the town.
pub fn address_line(line: &str) -> DraftPlace {
    let parts: Vec<&str> = line.split(',').map(str::trim).filter(|p| !p.is_empty()).collect();
    let with_code = parts.iter().position(|part| {
        let first = part.split_whitespace().next().unwrap_or_default();
        first.len() == 5 && first.bytes().all(|b| b.is_ascii_digit())
    });
    match with_code {
        Some(i) => {
            let (code, town) = parts[i].split_once(char::is_whitespace).unwrap_or((parts[i], ""));
            DraftPlace {
                street: (i > 0).then(|| parts[..i].join(", ")),
                postal_code: Some(code.to_owned()),
                locality: Some(town.trim().to_owned()).filter(|t| !t.is_empty()),
                ..Default::default()
            }
        }
        None => DraftPlace { locality: parts.last().map(|t| (*t).to_owned()), ..Default::default() },
    }
}

#[cfg(test)]
#[path = "json_ld_tests.rs"]
mod tests;
