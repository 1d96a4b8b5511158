//! The state of the listing page. It parses from and prints to the URL query string, so a link,
//! Back/Forward, a plain GET form and the public API all describe the same view.
use serde::{Deserialize, Serialize};
use std::fmt;

use super::model::{Contract, EmployerType, Experience, Offer, Remote, Slug, Sort, WorkingTime};
use crate::ui::format::slugify;

pub const PER_PAGE: u32 = 20;
pub const MAX_PER_PAGE: u32 = 100;
pub const MAX_Q_LEN: usize = 200;
/// Radii offered for a place, in km (0 = the place itself).
pub const RADII: &[u32] = &[0, 5, 10, 25, 50, 100, 200];
pub const DEFAULT_RADIUS_KM: u32 = 25;
/// "Posted within" choices, in days.
pub const POSTED_WITHIN: &[u32] = &[1, 3, 7, 14, 30];
pub const MAX_SALARY_FILTER: u32 = 20_000;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JobFilter {
    /// Free text over title, employer, description and skills.
    #[serde(default)]
    pub q: String,
    /// A city name or slug, or `lat,lon`.
    #[serde(default)]
    pub place: String,
    /// Radius around `place`; `None` means the default (25 km).
    #[serde(default)]
    pub radius_km: Option<u32>,
    /// A profession slug.
    #[serde(default)]
    pub profession: String,
    #[serde(default)]
    pub working_time: Vec<WorkingTime>,
    #[serde(default)]
    pub offer: Vec<Offer>,
    #[serde(default)]
    pub remote: Vec<Remote>,
    #[serde(default)]
    pub contract: Vec<Contract>,
    #[serde(default)]
    pub experience: Vec<Experience>,
    #[serde(default)]
    pub employer_type: Vec<EmployerType>,
    /// Skill slugs; a job must have all of them.
    #[serde(default)]
    pub skill: Vec<String>,
    /// EUR gross per month; matches jobs whose maximum (or single value) reaches it.
    #[serde(default)]
    pub salary_min: Option<u32>,
    /// Hide ads without a salary.
    #[serde(default)]
    pub salary_only: bool,
    #[serde(default)]
    pub posted_within_days: Option<u32>,
    /// `None`: relevance with a text query, newest otherwise.
    #[serde(default)]
    pub sort: Option<Sort>,
    /// 1-based.
    #[serde(default = "one")]
    pub page: u32,
    #[serde(default = "per_page")]
    pub per_page: u32,
}

fn one() -> u32 {
    1
}

fn per_page() -> u32 {
    PER_PAGE
}

impl Default for JobFilter {
    fn default() -> Self {
        Self {
            q: String::new(),
            place: String::new(),
            radius_km: None,
            profession: String::new(),
            working_time: vec![],
            offer: vec![],
            remote: vec![],
            contract: vec![],
            experience: vec![],
            employer_type: vec![],
            skill: vec![],
            salary_min: None,
            salary_only: false,
            posted_within_days: None,
            sort: None,
            page: 1,
            per_page: PER_PAGE,
        }
    }
}

/// A query parameter that was ignored, and why, in words for the user.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ParamIssue {
    pub param: String,
    pub message: String,
}

fn push_unique<T: PartialEq>(list: &mut Vec<T>, value: T) {
    if !list.contains(&value) {
        list.push(value);
    }
}

fn parse_choice<T: Slug>(list: &mut Vec<T>, param: &str, value: &str, issues: &mut Vec<ParamIssue>) {
    match T::parse(value) {
        Some(v) => push_unique(list, v),
        None => issues.push(ParamIssue {
            param: param.to_owned(),
            message: format!(
                "„{value}“ ist kein gültiger Wert (erlaubt: {}); ignoriert.",
                T::ALL.iter().map(|v| v.as_str()).collect::<Vec<_>>().join(", ")
            ),
        }),
    }
}

fn parse_number(value: &str, allowed: impl Fn(u32) -> bool) -> Option<u32> {
    value.parse::<u32>().ok().filter(|n| allowed(*n))
}

impl JobFilter {
    /// Parses query pairs. Anything unusable is dropped and reported, never silently ignored;
    /// unknown parameter names (tracking tags and the like) are left alone.
    pub fn parse<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> (Self, Vec<ParamIssue>) {
        let mut f = JobFilter::default();
        let mut issues = Vec::new();
        let mut issue = |param: &str, message: String| issues.push(ParamIssue { param: param.to_owned(), message });
        let mut choice_issues = Vec::new();
        for (key, raw) in pairs {
            let value = raw.trim();
            if value.is_empty() {
                continue;
            }
            match key {
                "q" if value.chars().count() > MAX_Q_LEN => {
                    issue("q", format!("Der Suchbegriff ist länger als {MAX_Q_LEN} Zeichen und wurde ignoriert."))
                }
                "q" => f.q = value.to_owned(),
                "place" => f.place = value.to_owned(),
                "radius_km" => match parse_number(value, |n| RADII.contains(&n)) {
                    Some(n) => f.radius_km = Some(n),
                    None => issue(
                        "radius_km",
                        format!(
                            "„{value}“ km ist kein angebotener Umkreis (0, 5, 10, 25, 50, 100, 200); {DEFAULT_RADIUS_KM} km gelten."
                        ),
                    ),
                },
                "profession" => f.profession = slugify(value),
                "working_time" => parse_choice(&mut f.working_time, key, value, &mut choice_issues),
                "offer" => parse_choice(&mut f.offer, key, value, &mut choice_issues),
                "remote" => parse_choice(&mut f.remote, key, value, &mut choice_issues),
                "contract" => parse_choice(&mut f.contract, key, value, &mut choice_issues),
                "experience" => parse_choice(&mut f.experience, key, value, &mut choice_issues),
                "employer_type" => parse_choice(&mut f.employer_type, key, value, &mut choice_issues),
                "skill" => push_unique(&mut f.skill, slugify(value)),
                "salary_min" => match parse_number(value, |n| n <= MAX_SALARY_FILTER) {
                    Some(0) => {}
                    Some(n) => f.salary_min = Some(n),
                    None => issue(
                        "salary_min",
                        format!("„{value}“ ist kein Monatsgehalt in Euro (0 bis {MAX_SALARY_FILTER}); ignoriert."),
                    ),
                },
                "salary_only" => match value {
                    "true" | "1" | "on" => f.salary_only = true,
                    "false" | "0" => f.salary_only = false,
                    _ => issue("salary_only", format!("„{value}“ ist weder true noch false; ignoriert.")),
                },
                "posted_within_days" => match parse_number(value, |n| POSTED_WITHIN.contains(&n)) {
                    Some(n) => f.posted_within_days = Some(n),
                    None => issue(
                        "posted_within_days",
                        format!("„{value}“ Tage wird nicht angeboten (1, 3, 7, 14, 30); ignoriert."),
                    ),
                },
                "sort" => parse_choice_one(&mut f.sort, value, &mut choice_issues),
                "page" => match parse_number(value, |n| n >= 1) {
                    Some(n) => f.page = n,
                    None => issue("page", format!("„{value}“ ist keine Seitenzahl (ab 1); Seite 1 wird gezeigt.")),
                },
                "per_page" => match parse_number(value, |n| (1..=MAX_PER_PAGE).contains(&n)) {
                    Some(n) => f.per_page = n,
                    None => issue(
                        "per_page",
                        format!("„{value}“ Treffer pro Seite geht nicht (1 bis {MAX_PER_PAGE}); {PER_PAGE} gelten."),
                    ),
                },
                _ => {}
            }
        }
        if f.sort == Some(Sort::Distance) && f.place.is_empty() {
            f.sort = None;
            issue("sort", "Nach Entfernung lässt sich nur mit einem Ort sortieren; Standard-Sortierung gilt.".into());
        }
        issues.extend(choice_issues);
        (f, issues)
    }

    /// Parses a form-encoded query string (with or without `?`); see `parse`.
    pub fn parse_query(query: &str) -> (Self, Vec<ParamIssue>) {
        let pairs = query_pairs(query);
        Self::parse(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
    }

    /// Relevance with a text query, newest otherwise, unless chosen.
    pub fn effective_sort(&self) -> Sort {
        self.sort.unwrap_or(if self.q.is_empty() { Sort::Newest } else { Sort::Relevance })
    }

    pub fn effective_radius_km(&self) -> u32 {
        self.radius_km.unwrap_or(DEFAULT_RADIUS_KM)
    }

    /// The same filter on another page.
    pub fn with_page(&self, page: u32) -> Self {
        Self { page, ..self.clone() }
    }

    /// `/jobs?...`, the link to this view.
    pub fn href(&self) -> String {
        self.href_at("/jobs")
    }

    /// `{path}?...`: this state on another page that takes the same parameters.
    pub fn href_at(&self, path: &str) -> String {
        let query = self.to_string();
        if query.is_empty() { path.to_owned() } else { format!("{path}?{query}") }
    }

    /// The URL search engines should index for this view: `/jobs/{profession}/{place}` when exactly
    /// a profession and a city slug are chosen, the query form otherwise.
    pub fn canonical_href(&self) -> String {
        let first = self.with_page(1);
        let plain =
            JobFilter { profession: first.profession.clone(), place: first.place.clone(), ..Default::default() };
        let is_slug = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_lowercase() || b == b'-');
        if first == plain && is_slug(&first.profession) && is_slug(&first.place) {
            format!("/jobs/{}/{}", first.profession, first.place)
        } else {
            first.href()
        }
    }

    /// Adds the path parameters of `/jobs/{profession}/{place}` (the query string wins where both say).
    pub fn with_path(mut self, profession: Option<String>, place: Option<String>) -> Self {
        if let Some(p) = profession.filter(|_| self.profession.is_empty()) {
            self.profession = slugify(&p);
        }
        if let Some(p) = place.filter(|_| self.place.is_empty()) {
            self.place = p;
        }
        self
    }

    /// Whether anything narrows the results (paging and sorting do not).
    pub fn is_empty(&self) -> bool {
        Self { page: 1, per_page: PER_PAGE, sort: None, ..self.clone() } == Self::default()
    }
}

fn parse_choice_one<T: Slug>(slot: &mut Option<T>, value: &str, issues: &mut Vec<ParamIssue>) {
    let mut list = Vec::new();
    parse_choice(&mut list, "sort", value, issues);
    if let Some(v) = list.pop() {
        *slot = Some(v);
    }
}

/// Prints the query string (without `?`) in a fixed order, omitting defaults.
impl fmt::Display for JobFilter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut parts: Vec<String> = Vec::new();
        let mut put = |key: &str, value: &str| parts.push(format!("{key}={}", encode_query_value(value)));
        if !self.q.is_empty() {
            put("q", &self.q);
        }
        if !self.place.is_empty() {
            put("place", &self.place);
            if let Some(r) = self.radius_km {
                put("radius_km", &r.to_string());
            }
        }
        if !self.profession.is_empty() {
            put("profession", &self.profession);
        }
        fn all<T: Slug>(put: &mut impl FnMut(&str, &str), key: &str, values: &[T]) {
            for v in values {
                put(key, v.as_str());
            }
        }
        all(&mut put, "working_time", &self.working_time);
        all(&mut put, "offer", &self.offer);
        all(&mut put, "remote", &self.remote);
        all(&mut put, "contract", &self.contract);
        all(&mut put, "experience", &self.experience);
        all(&mut put, "employer_type", &self.employer_type);
        for s in &self.skill {
            put("skill", s);
        }
        if let Some(n) = self.salary_min {
            put("salary_min", &n.to_string());
        }
        if self.salary_only {
            put("salary_only", "true");
        }
        if let Some(n) = self.posted_within_days {
            put("posted_within_days", &n.to_string());
        }
        if let Some(s) = self.sort {
            put("sort", s.as_str());
        }
        if self.page > 1 {
            put("page", &self.page.to_string());
        }
        if self.per_page != PER_PAGE {
            put("per_page", &self.per_page.to_string());
        }
        f.write_str(&parts.join("&"))
    }
}

/// Percent-encodes a query value (form encoding: space as `+`).
pub fn encode_query_value(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for b in value.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b',' => out.push(b as char),
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// Splits and decodes a form-encoded query string (`+` as space, `%XX`); bad escapes stay literal.
pub fn query_pairs(query: &str) -> Vec<(String, String)> {
    fn decode(v: &str) -> String {
        let bytes = v.as_bytes();
        let mut out = Vec::with_capacity(bytes.len());
        let mut i = 0;
        while i < bytes.len() {
            let escaped = (bytes[i] == b'%')
                .then(|| v.get(i + 1..i + 3).and_then(|hex| u8::from_str_radix(hex, 16).ok()))
                .flatten();
            match (bytes[i], escaped) {
                (_, Some(b)) => {
                    out.push(b);
                    i += 2;
                }
                (b'+', None) => out.push(b' '),
                (b, None) => out.push(b),
            }
            i += 1;
        }
        String::from_utf8_lossy(&out).into_owned()
    }
    query
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (decode(k), decode(v))
        })
        .collect()
}

/// Parses `"51.48,7.21"` into (lat, lon) when both are in range.
pub fn parse_coords(place: &str) -> Option<(f64, f64)> {
    let (lat, lon) = place.split_once(',')?;
    let lat: f64 = lat.trim().parse().ok()?;
    let lon: f64 = lon.trim().parse().ok()?;
    ((-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon)).then_some((lat, lon))
}

#[cfg(test)]
#[path = "filter_tests.rs"]
mod tests;
