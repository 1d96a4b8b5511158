//! A draft checked against the rules of a listing and mapped onto the model. Errors (a missing
//! or malformed required field) reject the whole input; a listing that is valid but not for this
//! site (expired, abroad) is skipped with a warning. The rules, as the README states them:
//! - required: a title (1 to 500 characters), a description (at most 100,000 characters once
//!   sanitised; not for sources whose answers carry none), `datePosted`, the employer's name, an id
//!   (`identifier` or `url`), and a place: an address with a postcode or a town, coordinates, or
//!   remote work (`TELECOMMUTE`) with `applicantLocationRequirements`;
//! - `validThrough` in the past: skipped; without one the ad is valid for [`VALID_DAYS`] days from
//!   when its source last confirmed it (this import, and every later one that finds it);
//! - a place abroad: skipped (Revierjobs lists jobs in Germany); coordinates in the ad win over
//!   the gazetteer's, which places a postcode or a town (`geo`);
//! - remote work without a place: the place is Germany as a whole (`Location::anywhere_in_germany`).
use chrono::{DateTime, Duration, Utc};
use sha2::{Digest, Sha256};

use super::classify::{self, ProfessionRef};
use super::draft::{Draft, DraftPlace};
use super::duplicates;
use super::geo::Gazetteer;
use super::input::Findings;
use super::sanitise;
use crate::jobs::invariants::TITLE_MAX;
use crate::jobs::model::{Employer, Experience, Listing, Location, Offer, Summary};
use crate::ui::format::slugify;

/// How long an ad without `validThrough` stays listed, counted from its source's last confirmation.
pub const VALID_DAYS: i64 = 60;
/// The longest description, in characters once sanitised.
pub const MAX_DESCRIPTION: usize = 100_000;
/// The profession of an ad that names none of ours.
pub const OTHER_PROFESSION: &str = "andere";

/// What mapping needs besides the draft.
pub struct Rules<'a> {
    pub professions: &'a [ProfessionRef],
    pub gazetteer: &'a Gazetteer,
    pub now: DateTime<Utc>,
    /// Whether the format carries descriptions (Jobsuche result lists do not).
    pub descriptions: bool,
}

/// A listing ready to be written: its id is given when it is (0 until then).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Mapped {
    pub listing: Listing,
    /// The ad's page at its source.
    pub url: Option<String>,
    /// See `duplicates::key`.
    pub duplicate_key: String,
    /// A hash of everything imported: an unchanged ad is not written again.
    pub hash: String,
    /// The ad states when it ends (else its end moves with every confirmation).
    pub valid_stated: bool,
}

/// The listing `draft` describes, or `None` when it has errors (in `findings`) or is skipped (a
/// warning says why).
pub fn map(draft: Draft, findings: &mut Findings, rules: &Rules) -> Option<Mapped> {
    let errors_before = findings.errors.len();
    let title = required_text(draft.title.as_deref().map(sanitise::plain), "title", TITLE_MAX, findings);
    let description = match draft.description.as_deref().map(sanitise::description) {
        Some(d) if d.chars().count() > MAX_DESCRIPTION => {
            findings.error("description", format!("länger als {MAX_DESCRIPTION} Zeichen"));
            None
        }
        Some(d) if !d.is_empty() => Some(d),
        _ if rules.descriptions => {
            findings.error("description", "fehlt");
            None
        }
        _ => Some(String::new()),
    };
    let employer_name = draft.employer.as_ref().map(|e| sanitise::plain(&e.name)).filter(|n| !n.is_empty());
    if employer_name.is_none() {
        findings.error("hiringOrganization.name", "fehlt");
    }
    if draft.date_posted.is_none() && !findings.errors.iter().any(|p| p.path == "datePosted") {
        findings.error("datePosted", "fehlt");
    }
    if draft.external_id.is_none() {
        findings.error("identifier", "fehlt (ohne identifier oder url ließe sich die Anzeige nicht wiederfinden)");
    }
    let location = locate(&draft, findings, rules);
    if findings.errors.len() > errors_before {
        return None;
    }
    let (title, description, employer_name, posted_at) = (title?, description?, employer_name?, draft.date_posted?);
    let location = location?;
    let valid_through = draft.valid_through.unwrap_or(rules.now + Duration::days(VALID_DAYS));
    if valid_through <= rules.now {
        findings.warn("validThrough", format!("abgelaufen am {}; übersprungen", valid_through.format("%d.%m.%Y")));
        return None;
    }
    let text = sanitise::text_of(&description);
    let types = &draft.employment_types;
    let (working_time, unknown) = classify::working_time(types, draft.stated.mini_job, &title, &text);
    for written in unknown {
        findings
            .warn("employmentType", format!("„{written}“ ist keine bekannte Art der Anstellung; nicht berücksichtigt"));
    }
    let has_place = !location.is_anywhere();
    let profession = classify::profession(&title, &draft.occupations, draft.kldb.as_deref(), rules.professions)
        .unwrap_or_else(|| OTHER_PROFESSION.to_owned());
    let offer = classify::offer(types, draft.stated.apprenticeship, &title, &text);
    // Apprentices and interns start out, whatever the text says.
    let experience = match offer {
        Offer::Apprenticeship | Offer::Internship => Experience::Entry,
        _ => classify::experience(&title, &text),
    };
    let summary = Summary {
        id: 0,
        profession,
        employer: Employer {
            kind: classify::employer_type(&employer_name, &text),
            website: draft.employer.as_ref().and_then(|e| e.website.clone()),
            name: employer_name,
        },
        working_time,
        offer,
        remote: classify::remote(draft.telecommute, has_place, &title, &text),
        contract: classify::contract(types, draft.stated.fixed_term, &text),
        experience,
        skills: classify::skills(&title, &text),
        salary: draft.salary.clone(),
        posted_at,
        valid_through,
        // Left to the writer, which knows the input's source once the whole input is read (a
        // Jobsuche answer names its own); not part of the hash: it is identity, not content.
        source: String::new(),
        location,
        title,
    };
    let listing = Listing {
        description,
        apply_url: draft.apply_url.clone(),
        apply_email: draft.apply_email.clone(),
        external_id: draft.external_id.clone()?,
        summary,
    };
    let duplicate_key =
        duplicates::key(&listing.summary.employer.name, &listing.summary.title, &listing.summary.location.city_slug);
    let hash = hash_of(&listing, draft.url.as_deref(), draft.valid_through);
    Some(Mapped { listing, url: draft.url, duplicate_key, hash, valid_stated: draft.valid_through.is_some() })
}

fn required_text(text: Option<String>, path: &str, max: usize, findings: &mut Findings) -> Option<String> {
    match text {
        None => {
            if !findings.errors.iter().any(|p| p.path == path) {
                findings.error(path, "fehlt");
            }
            None
        }
        Some(t) if t.is_empty() => {
            findings.error(path, "ist leer");
            None
        }
        Some(t) if t.chars().count() > max => {
            findings.error(path, format!("länger als {max} Zeichen"));
            None
        }
        Some(t) => Some(t),
    }
}

/// The listing's place: the first place of the ad that can be found on the map.
fn locate(draft: &Draft, findings: &mut Findings, rules: &Rules) -> Option<Location> {
    let abroad = |p: &DraftPlace| p.country.as_deref().is_some_and(|c| !is_germany(c));
    if let Some(place) = draft.places.iter().find(|p| p.is_locatable()) {
        if abroad(place) {
            let country = place.country.as_deref().unwrap_or_default();
            findings.warn("jobLocation", format!("liegt nicht in Deutschland ({country}); übersprungen"));
            return None;
        }
        return place_on_map(place, findings, rules);
    }
    if draft.telecommute && !draft.applicant_locations.is_empty() {
        if !draft
            .applicant_locations
            .iter()
            .any(|c| is_germany(c) || rules.gazetteer.locate(None, Some(c), None).is_some())
        {
            let names = draft.applicant_locations.join(", ");
            findings.warn("applicantLocationRequirements", format!("nicht in Deutschland ({names}); übersprungen"));
            return None;
        }
        return Some(Location::anywhere_in_germany());
    }
    let what = if draft.telecommute { "applicantLocationRequirements" } else { "jobLocation" };
    findings
        .error(what, "fehlt: ein Ort mit Postleitzahl oder Stadt, Koordinaten, oder Remote mit Wohnort-Anforderung");
    None
}

fn place_on_map(place: &DraftPlace, findings: &mut Findings, rules: &Rules) -> Option<Location> {
    let postal_code = place.postal_code.as_deref().map(str::trim);
    if let Some(code) = postal_code
        && !(code.len() == 5 && code.bytes().all(|b| b.is_ascii_digit()))
    {
        findings.warn(
            "jobLocation.address.postalCode",
            format!("„{code}“ ist keine deutsche Postleitzahl; nicht verwendet"),
        );
    }
    let coordinates = place.lat.zip(place.lon);
    let found = rules
        .gazetteer
        .locate(postal_code, place.locality.as_deref(), place.region.as_deref())
        .or_else(|| coordinates.and_then(|(lat, lon)| rules.gazetteer.nearest(lat, lon)));
    let (town, lat, lon) = match (&found, coordinates) {
        (_, Some((lat, lon))) => {
            let town = place.locality.clone().or_else(|| found.as_ref().map(|f| f.town.clone()));
            (town, lat, lon)
        }
        (Some(f), None) => (Some(f.town.clone()), f.lat, f.lon),
        (None, None) => {
            // A place we cannot tell without guessing: this ad is left out, the others come in.
            let written =
                [place.postal_code.as_deref(), place.locality.as_deref()].into_iter().flatten().collect::<Vec<_>>();
            findings.warn(
                "jobLocation.address",
                format!("Ort „{}“ unbekannt oder mehrdeutig; übersprungen", written.join(" ")),
            );
            return None;
        }
    };
    let Some(town) = town.map(|t| sanitise::plain(&t)).filter(|t| !t.is_empty()) else {
        findings.warn("jobLocation.geo", "liegt nicht in Deutschland und nennt keinen Ort; übersprungen");
        return None;
    };
    Some(Location {
        city_slug: slugify(&town),
        postal_code: found.as_ref().and_then(|f| f.postal_code.clone()).or_else(|| postal_code.map(str::to_owned)),
        street: place.street.as_deref().map(sanitise::plain).filter(|s| !s.is_empty()),
        region: found.as_ref().and_then(|f| f.state.map(str::to_owned)),
        city: town,
        lat,
        lon,
    })
}

/// Whether a country as ads write it is Germany.
fn is_germany(country: &str) -> bool {
    matches!(
        country.trim().to_lowercase().as_str(),
        "de" | "deu" | "deutschland" | "germany" | "bundesrepublik deutschland"
    )
}

/// The hash of what the ad says: an end the ad does not state (it moves with each import) is left out.
fn hash_of(listing: &Listing, url: Option<&str>, stated_end: Option<DateTime<Utc>>) -> String {
    let mut said = listing.clone();
    said.summary.valid_through = stated_end.unwrap_or(DateTime::<Utc>::MIN_UTC);
    let mut hasher = Sha256::new();
    hasher.update(serde_json::to_vec(&said).unwrap_or_default());
    hasher.update(url.unwrap_or_default());
    format!("{:x}", hasher.finalize())
}

#[cfg(test)]
#[path = "listing_tests.rs"]
mod tests;
