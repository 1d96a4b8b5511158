//! One search over the index. Each active filter dimension becomes the set of listings it lets
//! through; the results are their intersection, and a facet value counts its own set intersected with
//! every *other* active dimension. Only the results are ordered.
use chrono::{DateTime, Utc};
use std::borrow::Cow;
use std::collections::BTreeMap;

use super::bits::Bits;
use super::geo::chord2;
use super::index::Index;
use super::places::Place;
use super::ranking::Order;
use super::sets::{DIMS, Dim, DimSets};
use crate::jobs::filter::{JobFilter, ParamIssue};
use crate::jobs::model::{Choices, Facets, Param, Relaxation, SearchResponse, Sort};
use crate::jobs::param::{Allowed, POSTED_WITHIN, RADII, SALARY_STEPS};

/// A filter as the index understands it: what it names as positions, what could not be used, and
/// per dimension the listings it lets through. The search and the salary explorer both match
/// listings through this.
pub(super) struct Query<'a> {
    pub filter: &'a JobFilter,
    pub place: Option<Place>,
    /// What of the filter the index could not use, and why.
    pub ignored: Vec<ParamIssue>,
    /// Per radius of `RADII`, the listings within it around the place (empty without one).
    pub near: Vec<Cow<'a, Bits>>,
    /// Listings with a salary reaching the filter's minimum (any salary without one).
    pub paid_min: Bits,
    pub dims: DimSets,
}

/// Counts for the facets and for "drop this filter" hints.
struct Counts {
    /// Per categorical dimension, one count per value.
    values: Vec<Vec<u64>>,
    radius: [u64; RADII.len()],
    posted: [u64; POSTED_WITHIN.len()],
    salary: [u64; SALARY_STEPS.len()],
    salary_only: u64,
    /// Per dimension: listings failing only that dimension's filter.
    dropped: [u64; DIMS],
}

impl Index {
    /// Resolves `f` against the index at `now` (a timestamp).
    pub(super) fn query<'a>(&'a self, f: &'a JobFilter, now: i64) -> Query<'a> {
        let mut ignored = Vec::new();
        let place = self.places.resolve(f).unwrap_or_else(|issue| {
            ignored.push(issue);
            None
        });
        let profession = (!f.profession.is_empty()).then(|| {
            let found = Choices::position(&self.choices.professions, &f.profession);
            if found.is_none() {
                ignored.push(ParamIssue::new(
                    Param::Profession,
                    format!("Den Beruf „{}“ kennen wir nicht.", f.profession),
                ));
            }
            found
        });
        let mut skills = Vec::new();
        for s in &f.skill {
            match self.skill_ids.get(s) {
                Some(id) => skills.push(*id),
                None => ignored
                    .push(ParamIssue::new(Param::Skill, format!("„{s}“ kommt in keiner Anzeige als Kenntnis vor."))),
            }
        }
        if f.sort == Some(Sort::Distance) && place.is_none() {
            ignored.push(ParamIssue::new(
                Param::Sort,
                "Nach Entfernung lässt sich nur mit einem Ort sortieren; es gilt die Standard-Sortierung.",
            ));
        }
        let near = place.as_ref().map(|p| self.places.near(p, &self.at)).unwrap_or_default();
        let paid_min = f
            .salary_min
            .map_or_else(|| self.sets.paid.clone(), |min| self.sets.paid_at_least(min, &self.ranking.monthly_max));
        let sets = &self.sets;
        let dims: DimSets = Dim::ALL.map(|d| match d {
            Dim::Place => place.as_ref().map(|p| near[p.radius].as_ref().clone()),
            Dim::Profession => sets.any_of(d, profession.flatten()),
            Dim::WorkingTime => sets.any_of(d, f.working_time.iter().map(|v| v.index())),
            Dim::Offer => sets.any_of(d, f.offer.iter().map(|v| v.index())),
            Dim::Remote => sets.any_of(d, f.remote.iter().map(|v| v.index())),
            Dim::Contract => sets.any_of(d, f.contract.iter().map(|v| v.index())),
            Dim::Experience => sets.any_of(d, f.experience.iter().map(|v| v.index())),
            Dim::EmployerType => sets.any_of(d, f.employer_type.iter().map(|v| v.index())),
            Dim::Skill => sets.all_of_these(d, &skills),
            // Ads without a salary pass a minimum unless `salary_only` hides them.
            Dim::Salary => (f.salary_min.is_some() || f.salary_only).then(|| {
                let mut set = paid_min.clone();
                if !f.salary_only {
                    set.or_with(&sets.unpaid);
                }
                set
            }),
            Dim::Posted => {
                f.posted_within_days.map(|days| Bits::prefix(self.len(), sets.posted_since(since(now, days))))
            }
        });
        Query { filter: f, place, ignored, near, paid_min, dims }
    }

    pub fn search(&self, f: &JobFilter, now: DateTime<Utc>) -> SearchResponse {
        let now_ts = now.timestamp();
        let q = self.query(f, now_ts);
        let text = self.text.matches(&f.q, self.len());
        let mut base = self.sets.active(now_ts);
        if let Some((matched, _)) = &text {
            base.and_with(matched);
        }
        let (result, others) = intersections(&base, &q.dims);
        let counts = self.counts(&q, &result, &others, now_ts);

        let total = result.count();
        let per_page = f.effective_per_page();
        let start = (f.page.max(1) as usize - 1).saturating_mul(per_page as usize);
        let end = start.saturating_add(per_page as usize).min(total as usize);
        let sort = match f.effective_sort() {
            Sort::Distance if q.place.is_none() && f.q.is_empty() => Sort::Newest,
            Sort::Distance if q.place.is_none() => Sort::Relevance,
            sort => sort,
        };
        let order = Order {
            sort,
            unpaid_last: (f.salary_min.is_some() && !f.salary_only) || sort == Sort::Salary,
            scores: text.as_ref().map(|(_, scores)| scores.as_slice()),
            from: q.place.as_ref().map(|p| p.at),
        };
        let ranked = if start < end {
            self.ranking.ranked(&result, &order, end, &self.sets.paid, &self.sets.unpaid, &self.at)
        } else {
            Vec::new()
        };
        let items = ranked
            .get(start..)
            .unwrap_or_default()
            .iter()
            .map(|i| self.hit(*i, order.from.map(|at| chord2(at, self.at[*i]))))
            .collect();
        let relaxations = if total == 0 { self.relaxations(&q, &counts, now) } else { Vec::new() };
        let facets = self.facets(&counts, q.place.is_some());
        let Query { ignored, place, .. } = q;
        SearchResponse {
            total,
            page: f.page.max(1),
            per_page,
            items,
            facets,
            ignored,
            relaxations,
            place: place.map(|p| p.label),
            choices: self.choices.clone(),
        }
    }

    fn counts(&self, q: &Query, result: &Bits, others: &[Bits], now: i64) -> Counts {
        // Skills combine with AND, so a skill counts within the results; other values within the
        // listings every other filter lets through.
        let values = Dim::ALL
            .iter()
            .map(|d| {
                let within = if *d == Dim::Skill { result } else { &others[*d as usize] };
                self.sets.all_of(*d).iter().map(|set| set.count_and(within)).collect()
            })
            .collect();
        let (at_place, posted, salary) =
            (&others[Dim::Place as usize], &others[Dim::Posted as usize], &others[Dim::Salary as usize]);
        let mut c =
            Counts { values, radius: [0; 7], posted: [0; 5], salary: [0; 5], salary_only: 0, dropped: [0; DIMS] };
        for (count, near) in c.radius.iter_mut().zip(&q.near) {
            *count = near.count_and(at_place);
        }
        for (count, days) in c.posted.iter_mut().zip(&POSTED_WITHIN) {
            *count = posted.count_below(self.sets.posted_since(since(now, *days)));
        }
        let unpaid = if q.filter.salary_only { 0 } else { self.sets.unpaid.count_and(salary) };
        for (count, step) in c.salary.iter_mut().zip(self.sets.salary_steps()) {
            *count = step.count_and(salary) + unpaid;
        }
        c.salary_only = q.paid_min.count_and(salary);
        for (d, set) in q.dims.iter().enumerate() {
            if let Some(set) = set {
                c.dropped[d] = others[d].count_and_not(set);
            }
        }
        c
    }

    fn facets(&self, c: &Counts, with_place: bool) -> Facets {
        let counted = |values: &mut dyn Iterator<Item = String>, counts: &[u64]| -> BTreeMap<String, u64> {
            values.zip(counts.iter().copied()).collect()
        };
        let numbers = |values: &[u32], counts: &[u64]| counted(&mut values.iter().map(u32::to_string), counts);
        let mut facets = Facets::new();
        for d in Dim::ALL {
            let counts = &c.values[d as usize];
            let values = match d {
                Dim::Profession => counted(&mut self.choices.professions.iter().map(|p| p.slug.clone()), counts),
                Dim::Skill => counted(&mut self.choices.skills.iter().map(|s| s.slug.clone()), counts),
                _ => match d.param().allowed() {
                    Allowed::Choice(slugs) => counted(&mut slugs.iter().map(|s| (*s).to_owned()), counts),
                    _ => continue,
                },
            };
            facets.insert(d.param(), values);
        }
        facets.insert(Param::PostedWithinDays, numbers(&POSTED_WITHIN, &c.posted));
        facets.insert(Param::SalaryMin, numbers(&SALARY_STEPS, &c.salary));
        facets.insert(Param::SalaryOnly, BTreeMap::from([("true".to_owned(), c.salary_only)]));
        if with_place {
            facets.insert(Param::RadiusKm, numbers(&RADII, &c.radius));
        }
        facets
    }

    /// For a search without results: what dropping each active filter would give.
    fn relaxations(&self, q: &Query, c: &Counts, now: DateTime<Utc>) -> Vec<Relaxation> {
        let f = q.filter;
        let mut out = Vec::new();
        for d in Dim::ALL.into_iter().filter(|d| q.dims[*d as usize].is_some() && c.dropped[*d as usize] > 0) {
            let params: Vec<Param> = match d {
                Dim::Salary => [Param::SalaryMin, Param::SalaryOnly].into_iter().filter(|p| f.is_set(*p)).collect(),
                _ => vec![d.param()],
            };
            let mut relaxed = f.with_page(1);
            params.iter().for_each(|p| {
                relaxed.clear(*p);
            });
            out.push(Relaxation { params, count: c.dropped[d as usize], href: relaxed.href() });
        }
        if !f.q.is_empty() {
            let without_text = f.without_all(Param::Q);
            let count = self.search(&without_text, now).total;
            if count > 0 {
                out.push(Relaxation { params: vec![Param::Q], count, href: without_text.href() });
            }
        }
        out.sort_by_key(|r| std::cmp::Reverse(r.count));
        out
    }
}

/// The timestamp `days` days before `now`.
fn since(now: i64, days: u32) -> i64 {
    now - i64::from(days) * 86_400
}

/// The results (`base` within every active dimension) and, per dimension, the listings that pass
/// every *other* dimension (for an unused dimension: the results).
fn intersections(base: &Bits, dims: &DimSets) -> (Bits, Vec<Bits>) {
    let within_all_but = |skip: Option<usize>| {
        let mut set = base.clone();
        dims.iter().enumerate().filter(|(d, _)| Some(*d) != skip).flat_map(|(_, s)| s).for_each(|s| set.and_with(s));
        set
    };
    let result = within_all_but(None);
    let others = dims
        .iter()
        .enumerate()
        .map(|(d, s)| if s.is_some() { within_all_but(Some(d)) } else { result.clone() })
        .collect();
    (result, others)
}
