//! The state of the listing page. It parses from and prints to the URL query string, so a link,
//! Back/Forward, a plain GET form and the public API all describe the same view. What each
//! parameter allows is declared in `param.rs`.
use serde::{Deserialize, Serialize};
use std::fmt;

use super::param::{DEFAULT_RADIUS_KM, MAX_PER_PAGE, PER_PAGE, Param, flag, plain_number};
use super::terms::{Contract, EmployerType, Experience, Offer, Remote, Sort, WorkingTime};
use crate::ui::form::Notice;
use crate::ui::format::slugify;
use crate::ui::query_string::{encode_query_value, query_pairs};
use crate::ui::slug::Slug;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct JobFilter {
    /// Free text over title, employer, description and skills.
    pub q: String,
    /// A place name or slug, or `lat,lon`.
    pub place: String,
    /// Radius around `place`; `None` means the default.
    pub radius_km: Option<u32>,
    /// A profession, as a slug (a name is slugged).
    pub profession: String,
    pub working_time: Vec<WorkingTime>,
    pub offer: Vec<Offer>,
    pub remote: Vec<Remote>,
    pub contract: Vec<Contract>,
    pub experience: Vec<Experience>,
    pub employer_type: Vec<EmployerType>,
    /// Skill slugs; a job must have all of them.
    pub skill: Vec<String>,
    /// EUR gross per month; matches jobs whose maximum (or single value) reaches it.
    pub salary_min: Option<u32>,
    /// Hide ads without a salary.
    pub salary_only: bool,
    pub posted_within_days: Option<u32>,
    /// `None`: relevance with a text query, newest otherwise.
    pub sort: Option<Sort>,
    /// 1-based.
    pub page: u32,
    pub per_page: u32,
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

/// A query parameter's value that could not be used, and why, in words for the user.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ParamIssue {
    pub param: Param,
    pub message: String,
}

impl ParamIssue {
    pub fn new(param: Param, message: impl Into<String>) -> Self {
        Self { param, message: message.into() }
    }

    /// As the pages list it.
    pub fn notice(&self) -> Notice {
        Notice { label: self.param.label(), name: self.param.as_str(), message: self.message.clone() }
    }
}

fn push_unique<T: PartialEq>(list: &mut Vec<T>, value: T) {
    if !list.contains(&value) {
        list.push(value);
    }
}

fn choose<T: Slug>(list: &mut Vec<T>, value: &str) {
    if let Some(v) = T::parse(value) {
        push_unique(list, v);
    }
}

impl JobFilter {
    /// Parses query pairs. A value the parameter does not allow is reported (see `Param::check`)
    /// and left out, never silently ignored; empty values mean "not set"; parameter names that are
    /// not ours (tracking tags and the like) are left alone.
    pub fn parse<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> (Self, Vec<ParamIssue>) {
        let mut f = JobFilter::default();
        let mut issues = Vec::new();
        for (name, raw) in pairs {
            let Some(param) = Param::parse(name) else { continue };
            // Typed text may carry spaces around it; chosen values never do.
            let value = if matches!(param, Param::Q | Param::Place | Param::Profession | Param::Skill) {
                raw.trim()
            } else {
                raw
            };
            if value.is_empty() {
                continue;
            }
            // The length allowed is the raw value's, as the API document states it.
            match param.check(raw) {
                Ok(()) => f.set(param, value),
                Err(message) => issues.push(ParamIssue::new(param, message)),
            }
        }
        (f, issues)
    }

    /// Parses a form-encoded query string (with or without `?`); see `parse`.
    pub fn parse_query(query: &str) -> (Self, Vec<ParamIssue>) {
        let pairs = query_pairs(query);
        Self::parse(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
    }

    /// Takes one value that `Param::check` accepted.
    fn set(&mut self, param: Param, value: &str) {
        let number = plain_number(value);
        match param {
            Param::Q => self.q = value.to_owned(),
            Param::Place => self.place = value.to_owned(),
            Param::RadiusKm => self.radius_km = number,
            Param::Profession => self.profession = slugify(value),
            Param::WorkingTime => choose(&mut self.working_time, value),
            Param::Offer => choose(&mut self.offer, value),
            Param::Remote => choose(&mut self.remote, value),
            Param::Contract => choose(&mut self.contract, value),
            Param::Experience => choose(&mut self.experience, value),
            Param::EmployerType => choose(&mut self.employer_type, value),
            Param::Skill => push_unique(&mut self.skill, slugify(value)),
            Param::SalaryMin => self.salary_min = number.filter(|n| *n > 0),
            Param::SalaryOnly => self.salary_only = flag(value).unwrap_or_default(),
            Param::PostedWithinDays => self.posted_within_days = number,
            Param::Sort => self.sort = Sort::parse(value),
            Param::Page => self.page = number.unwrap_or(1),
            Param::PerPage => self.per_page = number.unwrap_or(PER_PAGE),
        }
    }

    /// Calls `put` with each value of `param` as the URL carries it (none for a default).
    pub fn each_value(&self, param: Param, mut put: impl FnMut(&str)) {
        fn slugs<T: Slug>(values: &[T], put: &mut impl FnMut(&str)) {
            values.iter().for_each(|v| put(v.as_str()));
        }
        let mut number = |n: Option<u32>| {
            if let Some(n) = n {
                put(&n.to_string());
            }
        };
        match param {
            Param::Q => text(&self.q, put),
            Param::Place => text(&self.place, put),
            // A radius means nothing without a place.
            Param::RadiusKm => number(self.radius_km.filter(|_| !self.place.is_empty())),
            Param::Profession => text(&self.profession, put),
            Param::WorkingTime => slugs(&self.working_time, &mut put),
            Param::Offer => slugs(&self.offer, &mut put),
            Param::Remote => slugs(&self.remote, &mut put),
            Param::Contract => slugs(&self.contract, &mut put),
            Param::Experience => slugs(&self.experience, &mut put),
            Param::EmployerType => slugs(&self.employer_type, &mut put),
            Param::Skill => self.skill.iter().for_each(|s| put(s)),
            Param::SalaryMin => number(self.salary_min),
            Param::SalaryOnly if self.salary_only => put("true"),
            Param::SalaryOnly => {}
            Param::PostedWithinDays => number(self.posted_within_days),
            Param::Sort => slugs(self.sort.as_slice(), &mut put),
            Param::Page => number(Some(self.page).filter(|p| *p > 1)),
            Param::PerPage => number(Some(self.per_page).filter(|n| *n != PER_PAGE)),
        }
    }

    /// Whether `param` has a value other than its default.
    pub fn is_set(&self, param: Param) -> bool {
        let mut set = false;
        self.each_value(param, |_| set = true);
        set
    }

    /// Resets `param` to its default (a place takes its radius along); whether it was set.
    pub fn clear(&mut self, param: Param) -> bool {
        let was = self.is_set(param);
        let default = JobFilter::default();
        match param {
            Param::Q => self.q = default.q,
            Param::Place => {
                self.place = default.place;
                self.radius_km = None;
            }
            Param::RadiusKm => self.radius_km = None,
            Param::Profession => self.profession = default.profession,
            Param::WorkingTime => self.working_time.clear(),
            Param::Offer => self.offer.clear(),
            Param::Remote => self.remote.clear(),
            Param::Contract => self.contract.clear(),
            Param::Experience => self.experience.clear(),
            Param::EmployerType => self.employer_type.clear(),
            Param::Skill => self.skill.clear(),
            Param::SalaryMin => self.salary_min = None,
            Param::SalaryOnly => self.salary_only = false,
            Param::PostedWithinDays => self.posted_within_days = None,
            Param::Sort => self.sort = None,
            Param::Page => self.page = default.page,
            Param::PerPage => self.per_page = default.per_page,
        }
        was
    }

    /// This view on page 1 without one value of `param` (a parameter that combines values loses
    /// that value, any other its whole setting).
    pub fn without(&self, param: Param, value: &str) -> JobFilter {
        fn drop<T: Slug>(values: &mut Vec<T>, value: &str) {
            values.retain(|v| v.as_str() != value);
        }
        let mut f = self.with_page(1);
        match param {
            Param::WorkingTime => drop(&mut f.working_time, value),
            Param::Offer => drop(&mut f.offer, value),
            Param::Remote => drop(&mut f.remote, value),
            Param::Contract => drop(&mut f.contract, value),
            Param::Experience => drop(&mut f.experience, value),
            Param::EmployerType => drop(&mut f.employer_type, value),
            Param::Skill => f.skill.retain(|s| s != value),
            _ => {
                f.clear(param);
            }
        }
        f
    }

    /// This view on page 1 without `param` altogether.
    pub fn without_all(&self, param: Param) -> JobFilter {
        let mut f = self.with_page(1);
        f.clear(param);
        f
    }

    /// Relevance with a text query, newest otherwise, unless chosen; distance only with a place.
    pub fn effective_sort(&self) -> Sort {
        match self.sort {
            Some(Sort::Distance) if self.place.is_empty() => self.default_sort(),
            Some(sort) => sort,
            None => self.default_sort(),
        }
    }

    fn default_sort(&self) -> Sort {
        if self.q.is_empty() { Sort::Newest } else { Sort::Relevance }
    }

    pub fn effective_radius_km(&self) -> u32 {
        self.radius_km.unwrap_or(DEFAULT_RADIUS_KM)
    }

    /// Results per page as the search uses them.
    pub fn effective_per_page(&self) -> u32 {
        self.per_page.clamp(1, MAX_PER_PAGE)
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
    /// a profession and a place slug are chosen, the query form otherwise.
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
        Param::ALL.iter().filter(|p| p.narrows()).all(|p| !self.is_set(*p))
    }
}

fn text(value: &str, mut put: impl FnMut(&str)) {
    if !value.is_empty() {
        put(value);
    }
}

/// Prints the query string (without `?`) in the order of `Param::ALL`, omitting defaults.
impl fmt::Display for JobFilter {
    fn fmt(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut first = true;
        let mut result = Ok(());
        for param in Param::ALL {
            self.each_value(*param, |value| {
                let separator = if std::mem::take(&mut first) { "" } else { "&" };
                result =
                    result.and_then(|()| write!(out, "{separator}{}={}", param.as_str(), encode_query_value(value)));
            });
        }
        result
    }
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
