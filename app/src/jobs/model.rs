//! Shared job types and the listing filter that lives in the URL.
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::fmt;

use crate::ui::format::{format_eur_range, slugify};

/// A closed set of values that appear in URLs and the database as stable slugs
/// and in the UI as German labels.
macro_rules! slug_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $slug:literal / $label:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
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
                match s { $($slug => Some($name::$variant),)+ _ => None }
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
slug_enum!(
    /// Who the figure comes from: the employer's ad, or an estimate by the listing's source.
    SalarySource {
        Employer = "employer" / "Angabe des Arbeitgebers",
        Estimate = "estimate" / "Schätzung",
    }
);

/// A gross salary as advertised, in whole euros of its unit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
    format!("/jobs/{id}-{}", slugify(&format!("{title} {city}")))
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
    /// Sanitized HTML.
    pub description_html: String,
    pub contract: Contract,
    pub experience: Experience,
    pub skills: Vec<String>,
    pub valid_through: DateTime<Utc>,
    pub apply_url: Option<String>,
    pub apply_email: Option<String>,
    pub expired: bool,
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

/// A name + slug pair for select boxes (professions, cities).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choice {
    pub slug: String,
    pub name: String,
}

pub const PER_PAGE: u32 = 20;
pub const MAX_Q_LEN: usize = 200;

/// The state of the listing page. It is parsed from and printed to the URL query,
/// so a link, Back/Forward and a plain GET form all reproduce the same view.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct JobFilter {
    /// Free text over title, employer and skills.
    pub q: String,
    /// A city slug.
    pub place: String,
    /// A profession slug.
    pub profession: String,
    /// 1-based page number.
    pub page: u32,
}

/// A query parameter that was ignored, and why, in words for the user.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParamIssue {
    pub param: String,
    pub message: String,
}

impl JobFilter {
    /// Parses query pairs; anything unusable is dropped and reported, never silently ignored.
    pub fn parse<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> (Self, Vec<ParamIssue>) {
        let mut filter = JobFilter { page: 1, ..Default::default() };
        let mut issues = Vec::new();
        let mut issue = |param: &str, message: String| {
            issues.push(ParamIssue { param: param.to_owned(), message });
        };
        for (key, value) in pairs {
            let value = value.trim();
            match key {
                "q" => {
                    if value.chars().count() > MAX_Q_LEN {
                        issue("q", format!("Suchbegriff ist länger als {MAX_Q_LEN} Zeichen und wurde ignoriert."));
                    } else {
                        filter.q = value.to_owned();
                    }
                }
                "place" => filter.place = value.to_lowercase(),
                "profession" => filter.profession = value.to_lowercase(),
                "page" => match value.parse::<u32>() {
                    Ok(p) if p >= 1 => filter.page = p,
                    _ if value.is_empty() => {}
                    _ => issue("page", format!("„{value}“ ist keine Seitenzahl (ab 1); Seite 1 wird gezeigt.")),
                },
                _ => {}
            }
        }
        (filter, issues)
    }

    /// The same filter on another page.
    pub fn with_page(&self, page: u32) -> Self {
        Self { page, ..self.clone() }
    }

    /// `/jobs?...`, the link to this view.
    pub fn href(&self) -> String {
        let query = self.to_string();
        if query.is_empty() { "/jobs".to_owned() } else { format!("/jobs?{query}") }
    }

    pub fn is_empty(&self) -> bool {
        self.q.is_empty() && self.place.is_empty() && self.profession.is_empty()
    }
}

/// Prints the query string (without `?`), omitting defaults.
impl fmt::Display for JobFilter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut parts = Vec::new();
        for (key, value) in [("q", &self.q), ("place", &self.place), ("profession", &self.profession)] {
            if !value.is_empty() {
                parts.push(format!("{key}={}", encode_query_value(value)));
            }
        }
        if self.page > 1 {
            parts.push(format!("page={}", self.page));
        }
        f.write_str(&parts.join("&"))
    }
}

/// Percent-encodes a query value (form encoding: space as `+`).
pub fn encode_query_value(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for b in value.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => out.push(b as char),
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(query: &[(&'static str, &'static str)]) -> (JobFilter, Vec<ParamIssue>) {
        JobFilter::parse(query.iter().copied())
    }

    #[test]
    fn filter_round_trips_through_the_query_string() {
        let (f, issues) = parse(&[("q", " Social Media "), ("place", "Bochum"), ("page", "3")]);
        assert!(issues.is_empty());
        assert_eq!(f.q, "Social Media");
        assert_eq!(f.place, "bochum");
        assert_eq!(f.page, 3);
        assert_eq!(f.to_string(), "q=Social+Media&place=bochum&page=3");
        assert_eq!(f.href(), "/jobs?q=Social+Media&place=bochum&page=3");
    }

    #[test]
    fn defaults_print_as_bare_path() {
        let (f, _) = parse(&[]);
        assert_eq!(f.page, 1);
        assert_eq!(f.href(), "/jobs");
        assert_eq!(f.with_page(2).href(), "/jobs?page=2");
    }

    #[test]
    fn bad_page_is_reported_not_silently_ignored() {
        let (f, issues) = parse(&[("page", "zwei")]);
        assert_eq!(f.page, 1);
        assert_eq!(issues.len(), 1);
        assert_eq!(issues[0].param, "page");
        assert!(issues[0].message.contains("zwei"));
        let (_, issues) = parse(&[("page", "0")]);
        assert_eq!(issues[0].param, "page");
    }

    #[test]
    fn overlong_query_is_reported() {
        let long = "a".repeat(MAX_Q_LEN + 1);
        let (f, issues) = JobFilter::parse([("q", long.as_str())]);
        assert_eq!(f.q, "");
        assert_eq!(issues[0].param, "q");
    }

    #[test]
    fn query_values_are_encoded() {
        assert_eq!(encode_query_value("Bild & Ton/Ä"), "Bild+%26+Ton%2F%C3%84");
    }

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
