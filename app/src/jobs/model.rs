//! Shared job types and the listing filter that lives in the URL.
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use crate::ui::format::{format_eur_range, push_slug};

/// A closed set of values that appear in URLs and the database as stable slugs
/// and in the UI as German labels.
pub trait Slug: Sized + Copy + PartialEq + 'static {
    const ALL: &'static [Self];
    fn as_str(self) -> &'static str;
    fn label(self) -> &'static str;
    fn parse(s: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == s)
    }
}

macro_rules! slug_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $slug:literal / $label:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $slug),+ }
            }

            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label),+ }
            }

            pub fn parse(s: &str) -> Option<Self> {
                <Self as Slug>::parse(s)
            }

            /// Position in `ALL`, for counting.
            pub fn index(self) -> usize {
                self as usize
            }
        }

        impl Slug for $name {
            const ALL: &'static [$name] = $name::ALL;

            fn as_str(self) -> &'static str {
                $name::as_str(self)
            }

            fn label(self) -> &'static str {
                $name::label(self)
            }
        }
    };
}

slug_enum!(WorkingTime {
    FullTime = "full_time" / "Vollzeit",
    PartTime = "part_time" / "Teilzeit",
    MiniJob = "mini_job" / "Minijob",
});
slug_enum!(Offer {
    Employment = "employment" / "Festanstellung",
    Apprenticeship = "apprenticeship" / "Ausbildung",
    Internship = "internship" / "Praktikum",
    Freelance = "freelance" / "Freie Mitarbeit",
    WorkingStudent = "working_student" / "Werkstudium",
});
slug_enum!(Remote {
    OnSite = "on_site" / "Vor Ort",
    Hybrid = "hybrid" / "Hybrid",
    Remote = "remote" / "Remote",
});
slug_enum!(Contract {
    Permanent = "permanent" / "Unbefristet",
    FixedTerm = "fixed_term" / "Befristet",
});
slug_enum!(Experience {
    Entry = "entry" / "Berufseinstieg",
    Experienced = "experienced" / "Berufserfahren",
    Senior = "senior" / "Senior",
});
slug_enum!(EmployerType {
    Agency = "agency" / "Agentur",
    Sme = "sme" / "Mittelstand",
    Corporate = "corporate" / "Konzern",
    Public = "public" / "Öffentlicher Dienst",
    MediaHouse = "media_house" / "Medienhaus",
    Event = "event" / "Veranstaltungsbranche",
});
slug_enum!(SalaryUnit {
    Month = "month" / "Monat",
    Year = "year" / "Jahr",
    Hour = "hour" / "Stunde",
});
slug_enum!(Sort {
    Relevance = "relevance" / "Relevanz",
    Newest = "newest" / "Neueste zuerst",
    Salary = "salary" / "Höchstes Gehalt",
    Distance = "distance" / "Entfernung",
});
slug_enum!(
    /// Who the figure comes from: the employer's ad, or an estimate by the listing's source.
    SalarySource {
        Employer = "employer" / "Angabe des Arbeitgebers",
        Estimate = "estimate" / "Schätzung",
    }
);

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

/// What a result card shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JobSummary {
    pub id: i64,
    pub title: String,
    pub employer: String,
    pub employer_type: EmployerType,
    pub city: String,
    pub working_time: Vec<WorkingTime>,
    pub offer: Offer,
    pub remote: Remote,
    pub salary: Option<Salary>,
    pub posted_at: DateTime<Utc>,
    pub source: String,
    /// Great-circle distance from the searched place, when a place is given.
    #[serde(default)]
    pub distance_km: Option<f64>,
    /// For ads without a salary: what comparable listings state (a comparison, never the offer).
    #[serde(default)]
    pub comparison: Option<PayComparison>,
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
    /// `"vergleichbare Anzeigen: 2.600–3.000 €"`.
    pub fn display(&self) -> String {
        format!("vergleichbare Anzeigen: {} / Monat", format_eur_range(self.p25, self.p75))
    }
}

impl JobSummary {
    /// `/jobs/123-medienassistent-in-m-w-d-bochum`: the id with a readable slug.
    pub fn href(&self) -> String {
        job_href(self.id, &self.title, &self.city)
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

/// The `source` of generated demo listings.
pub const DEMO_SOURCE: &str = "demo";

/// Everything the detail page shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JobDetail {
    pub summary: JobSummary,
    pub profession: String,
    pub profession_slug: String,
    pub city_slug: String,
    pub lat: f64,
    pub lon: f64,
    /// Sanitized HTML.
    pub description_html: String,
    pub contract: Contract,
    pub experience: Experience,
    pub skills: Vec<String>,
    pub valid_through: DateTime<Utc>,
    pub apply_url: Option<String>,
    pub apply_email: Option<String>,
    pub expired: bool,
    /// schema.org JobPosting JSON-LD; `None` for demo listings, which must not reach job search engines.
    #[serde(default)]
    pub json_ld: Option<String>,
    /// Active listings like this one (same profession, nearby, shared skills first).
    #[serde(default)]
    pub similar: Vec<JobSummary>,
}

/// The id in `/jobs/{id}` or `/jobs/{id}-{slug}`.
pub fn parse_job_id(segment: &str) -> Option<i64> {
    let digits = segment.split('-').next()?;
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok().filter(|id| *id > 0)
}

/// One page of results.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub total: u64,
    pub page: u32,
    pub per_page: u32,
}

impl<T> Page<T> {
    pub fn page_count(&self) -> u32 {
        (self.total.div_ceil(u64::from(self.per_page.max(1)))).max(1) as u32
    }
}

/// Salary thresholds offered as filter options (EUR gross per month).
pub const SALARY_STEPS: &[u32] = &[2000, 2500, 3000, 3500, 4000];

/// Facet counts: parameter → value → how many results that choice would give with the other filters.
pub type Facets = BTreeMap<String, BTreeMap<String, u64>>;

/// What dropping one active filter would give, for no-result pages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Relaxation {
    pub param: String,
    pub count: u64,
    pub href: String,
}

/// One page of search results with everything the listing page and the API show.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SearchResponse {
    pub total: u64,
    pub page: u32,
    pub per_page: u32,
    pub items: Vec<JobSummary>,
    pub facets: Facets,
    /// Parameters the server could not use (unknown place, skill or profession).
    pub issues: Vec<ParamIssue>,
    /// With no results: which single filter to drop, and what that gives.
    pub relaxations: Vec<Relaxation>,
    /// The place as understood, e.g. "Bochum" or "51.48, 7.21".
    pub place: Option<String>,
    pub professions: Vec<Choice>,
    pub cities: Vec<Choice>,
    pub skills: Vec<Choice>,
}

impl SearchResponse {
    pub fn page_count(&self) -> u32 {
        (self.total.div_ceil(u64::from(self.per_page.max(1)))).max(1) as u32
    }

    pub fn count(&self, param: &str, value: &str) -> u64 {
        self.facets.get(param).and_then(|m| m.get(value)).copied().unwrap_or(0)
    }
}

/// A name + slug pair for select boxes (professions, cities).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choice {
    pub slug: String,
    pub name: String,
}

pub use super::filter::{
    DEFAULT_RADIUS_KM, JobFilter, MAX_PER_PAGE, MAX_Q_LEN, MAX_SALARY_FILTER, PER_PAGE, POSTED_WITHIN, ParamIssue,
    RADII, parse_coords, query_pairs,
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn job_ids_parse_with_or_without_slug() {
        assert_eq!(parse_job_id("123"), Some(123));
        assert_eq!(parse_job_id("123-medienassistent-bochum"), Some(123));
        assert_eq!(parse_job_id("abc"), None);
        assert_eq!(parse_job_id("0"), None);
        assert_eq!(parse_job_id("-5"), None);
        assert_eq!(parse_job_id(""), None);
    }

    #[test]
    fn job_href_carries_a_readable_slug() {
        assert_eq!(job_href(7, "Medienassistent/in (m/w/d)", "Bochum"), "/jobs/7-medienassistent-in-m-w-d-bochum");
    }

    #[test]
    fn enums_have_stable_slugs_and_labels() {
        for wt in WorkingTime::ALL {
            assert_eq!(WorkingTime::parse(wt.as_str()), Some(*wt));
        }
        assert_eq!(EmployerType::parse("media_house"), Some(EmployerType::MediaHouse));
        assert_eq!(EmployerType::parse("nope"), None);
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
    fn page_count_rounds_up() {
        let p = Page::<u8> { items: vec![], total: 41, page: 1, per_page: 20 };
        assert_eq!(p.page_count(), 3);
        let p = Page::<u8> { items: vec![], total: 0, page: 1, per_page: 20 };
        assert_eq!(p.page_count(), 1);
    }
}
