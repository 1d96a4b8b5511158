//! The listing model: every field of a job listing is declared here once. The database row, the
//! search index's document, the API's items, the detail view and the JSON-LD are made from
//! [`Listing`] and [`Summary`]; adding a field means this file, a schema migration and the views
//! that show it.
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::Arc;

use super::filter::ParamIssue;
pub use super::param::Param;
pub use super::terms::*;
use crate::ui::format::{format_eur_range, push_slug};

/// A gross salary as advertised, in whole euros of its unit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Salary {
    pub min: u32,
    pub max: u32,
    pub unit: SalaryUnit,
    pub currency: String,
    pub source: SalarySource,
}

impl Salary {
    /// `"2.300–2.900 € / Monat"`.
    pub fn display(&self) -> String {
        format!("{} / {}", format_eur_range(self.min, self.max), self.unit.label())
    }
}

/// Who offers the job.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Employer {
    pub name: String,
    #[serde(rename = "type")]
    pub kind: EmployerType,
    /// The employer's own website (http/https).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
}

/// Where the job is: the town always (with coordinates), the address when the ad gives it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Location {
    pub city: String,
    pub city_slug: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postal_code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub street: Option<String>,
    /// The federal state, e.g. "Nordrhein-Westfalen".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    pub lat: f64,
    pub lon: f64,
}

impl Location {
    /// The place of a remote job that names none: Germany as a whole, at its centre.
    pub fn anywhere_in_germany() -> Location {
        Location {
            city: "Deutschland (remote)".to_owned(),
            city_slug: ANYWHERE.to_owned(),
            postal_code: None,
            street: None,
            region: None,
            lat: 51.1634,
            lon: 10.4477,
        }
    }

    pub fn is_anywhere(&self) -> bool {
        self.city_slug == ANYWHERE
    }
}

/// The town slug of [`Location::anywhere_in_germany`].
const ANYWHERE: &str = "remote";

/// A town a search can name, with the coordinates of its centre (reference data).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct City {
    pub slug: String,
    pub name: String,
    pub lat: f64,
    pub lon: f64,
}

/// What every view of a listing shows: result cards, the API's items, the search index.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Summary {
    pub id: i64,
    pub title: String,
    /// The profession's slug (`GET /api/v1/professions` names them).
    pub profession: String,
    pub employer: Employer,
    pub location: Location,
    pub working_time: Vec<WorkingTime>,
    pub offer: Offer,
    pub remote: Remote,
    pub contract: Contract,
    pub experience: Experience,
    /// Skill names, each once, in the order the ad gives them.
    pub skills: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub salary: Option<Salary>,
    pub posted_at: DateTime<Utc>,
    pub valid_through: DateTime<Utc>,
    /// Where the listing comes from ([`DEMO_SOURCE`] for generated ones).
    pub source: String,
}

/// A job listing: its summary and the texts only its own page shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Listing {
    #[serde(flatten)]
    pub summary: Summary,
    /// Sanitised HTML.
    pub description: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub apply_url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub apply_email: Option<String>,
    /// The listing's id at its source; (source, external_id) identifies it.
    pub external_id: String,
}

/// The `source` of generated demo listings.
pub const DEMO_SOURCE: &str = "demo";

impl Summary {
    /// `/jobs/123-medienassistent-in-m-w-d-bochum`: the id with a readable slug, the canonical URL.
    pub fn href(&self) -> String {
        job_href(self.id, &self.title, &self.location.city)
    }

    pub fn is_demo(&self) -> bool {
        self.source == DEMO_SOURCE
    }
}

pub fn job_href(id: i64, title: &str, city: &str) -> String {
    let mut href = format!("/jobs/{id}-");
    push_slug(&mut href, &[title, city]);
    href
}

/// The id in `/jobs/{id}` or `/jobs/{id}-{slug}`: 1 to 18 digits without a leading zero, as the
/// API document's pattern for `GET /api/v1/jobs/{id}` states it.
pub fn parse_job_id(segment: &str) -> Option<i64> {
    let digits = segment.split('-').next()?;
    let plain =
        (1..=18).contains(&digits.len()) && !digits.starts_with('0') && digits.bytes().all(|b| b.is_ascii_digit());
    plain.then(|| digits.parse().ok()).flatten()
}

/// The middle half (25th to 75th percentile) of the employer-stated monthly pay of comparable
/// listings: same profession, offer type and experience level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PayComparison {
    pub p25: u32,
    pub p75: u32,
    pub n: u32,
}

impl PayComparison {
    /// `"vergleichbare Anzeigen: 2.600–3.000 € / Monat"`.
    pub fn display(&self) -> String {
        format!("vergleichbare Anzeigen: {} / Monat", format_eur_range(self.p25, self.p75))
    }
}

/// A listing as a search shows it: with its distance from the searched place and, for an ad
/// without salary, what comparable ads pay.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub summary: Summary,
    pub distance_km: Option<f64>,
    pub comparison: Option<PayComparison>,
}

/// Where a listing was published: a source and the ad's page there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceLink {
    pub source: String,
    pub url: Option<String>,
    /// When the source last confirmed the ad (an import or a check found it).
    #[serde(default)]
    pub checked_at: Option<chrono::DateTime<chrono::Utc>>,
}

/// A listing as stored, with where it was published: what its pages read from the database. The index
/// of the listings version it was read at keeps it (`Index::stored`).
#[derive(Debug, Clone)]
pub struct Stored {
    pub listing: Listing,
    /// Its own source first; none for demo listings.
    pub sources: Vec<SourceLink>,
}

/// The Federal Employment Agency's Jobsuche, as a source.
pub const JOBSUCHE_SOURCE: &str = "arbeitsagentur";

/// The last confirmation of a listing by any of its sources, and which source gave it.
pub fn last_check(sources: &[SourceLink]) -> Option<(chrono::DateTime<chrono::Utc>, &SourceLink)> {
    sources.iter().filter_map(|s| s.checked_at.map(|at| (at, s))).max_by_key(|(at, _)| *at)
}

impl SourceLink {
    /// The source as people know it: "Bundesagentur für Arbeit", else its name (a host).
    pub fn name(&self) -> &str {
        if self.source == JOBSUCHE_SOURCE { "Bundesagentur für Arbeit" } else { &self.source }
    }
}

/// Everything the detail page shows.
#[derive(Debug, Clone, PartialEq)]
pub struct JobDetail {
    pub listing: Listing,
    /// Every source the listing was published at, its own first (none for demo listings).
    pub sources: Vec<SourceLink>,
    pub profession_name: String,
    pub expired: bool,
    /// For an ad without salary: what comparable ads pay.
    pub comparison: Option<PayComparison>,
    /// Active listings like this one (same profession, nearby, shared skills first).
    pub similar: Vec<Hit>,
    /// schema.org JobPosting JSON-LD; `None` for demo listings, which must not reach job search engines.
    pub json_ld: Option<String>,
}

/// Facet counts: parameter → value → how many results that choice would give with the other filters.
pub type Facets = BTreeMap<Param, BTreeMap<String, u64>>;

/// A broader choice for a search with too few results: which parameters it leaves out, and what
/// that gives.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Relaxation {
    pub params: Vec<Param>,
    pub count: u64,
    pub href: String,
}

/// A name + slug pair for select boxes (professions, cities, skills).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Choice {
    pub slug: String,
    pub name: String,
}

/// What the listings offer to choose from, shared by every search of one index.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Choices {
    pub professions: Arc<[Choice]>,
    pub cities: Arc<[Choice]>,
    pub skills: Arc<[Choice]>,
}

impl Choices {
    /// The position of `slug` in `list`: how every part resolves a profession or skill.
    pub fn position(list: &[Choice], slug: &str) -> Option<usize> {
        list.iter().position(|c| c.slug == slug)
    }

    /// The name of `slug` in `list` (the slug itself when unknown).
    pub fn name<'a>(list: &'a [Choice], slug: &'a str) -> &'a str {
        Choices::position(list, slug).map_or(slug, |i| list[i].name.as_str())
    }
}

/// One page of search results with everything the listing page and the API show.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchResponse {
    pub total: u64,
    pub page: u32,
    pub per_page: u32,
    pub items: Vec<Hit>,
    pub facets: Facets,
    /// Values the search could not use (an unknown place, skill or profession; sorting by distance
    /// without a place).
    pub ignored: Vec<ParamIssue>,
    /// With no results: which single filter to drop, and what that gives.
    pub relaxations: Vec<Relaxation>,
    /// The place as understood, e.g. "Bochum" or "51.4800, 7.2100".
    pub place: Option<String>,
    pub choices: Choices,
}

impl SearchResponse {
    pub fn page_count(&self) -> u32 {
        (self.total.div_ceil(u64::from(self.per_page.max(1)))).max(1) as u32
    }

    pub fn count(&self, param: Param, value: &str) -> u64 {
        self.facets.get(&param).and_then(|m| m.get(value)).copied().unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn job_ids_parse_with_or_without_slug() {
        assert_eq!(parse_job_id("123"), Some(123));
        assert_eq!(parse_job_id("123-medienassistent-bochum"), Some(123));
        assert_eq!(parse_job_id("abc"), None);
        assert_eq!(parse_job_id("0"), None);
        assert_eq!(parse_job_id("01"), None);
        assert_eq!(parse_job_id("123456789012345678"), Some(123_456_789_012_345_678));
        assert_eq!(parse_job_id("1234567890123456789"), None);
        assert_eq!(parse_job_id("-5"), None);
        assert_eq!(parse_job_id(""), None);
    }

    #[test]
    fn job_href_carries_a_readable_slug() {
        assert_eq!(job_href(7, "Medienassistent/in (m/w/d)", "Bochum"), "/jobs/7-medienassistent-in-m-w-d-bochum");
    }

    #[test]
    fn enums_have_stable_slugs_and_labels() {
        assert_eq!(EmployerType::parse("media_house"), Some(EmployerType::MediaHouse));
        assert_eq!(Offer::Apprenticeship.label(), "Ausbildung");
        // serde and as_str agree, so the database and the URL use the same words.
        assert_eq!(serde_json::to_string(&Offer::WorkingStudent).unwrap(), "\"working_student\"");
    }

    #[test]
    fn salary_displays_with_unit() {
        let s = Salary {
            min: 2300,
            max: 2900,
            unit: SalaryUnit::Month,
            currency: "EUR".into(),
            source: SalarySource::Employer,
        };
        assert_eq!(s.display(), "2.300–2.900 € / Monat");
    }

    #[test]
    fn a_listing_is_one_flat_record_without_empty_options() {
        let json = serde_json::json!({
            "id": 7, "title": "Medienassistent/in", "profession": "medienassistent",
            "employer": { "name": "Zeche GmbH", "type": "sme" },
            "location": { "city": "Bochum", "city_slug": "bochum", "lat": 51.48, "lon": 7.21 },
            "working_time": ["full_time"], "offer": "employment", "remote": "hybrid", "contract": "permanent",
            "experience": "entry", "skills": ["Social Media"],
            "posted_at": "2026-11-20T08:00:00Z", "valid_through": "2026-12-31T00:00:00Z", "source": "import",
            "description": "<p>Hallo</p>", "external_id": "a-1"
        });
        let listing: Listing = serde_json::from_value(json.clone()).unwrap();
        assert_eq!(listing.summary.href(), "/jobs/7-medienassistent-in-bochum");
        assert_eq!(listing.summary.location.postal_code, None);
        assert_eq!(serde_json::to_value(&listing).unwrap(), json);
    }
}
