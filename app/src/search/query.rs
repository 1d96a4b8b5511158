//! One search over the index. Each active filter dimension becomes the set of listings it lets
//! through; the results are their intersection, and a facet value counts its own set intersected with
//! every *other* active dimension. Only the results are ordered: newest first is the listing order.
use super::*;
use std::borrow::Cow;

/// Per dimension, the listings its filter lets through (`None`: the filter is not used).
type DimSets = [Option<Bits>; DIMS];

/// A filter as the index understands it, with what every step of one search shares.
struct Query<'a> {
    f: &'a JobFilter,
    place: Option<Place>,
    profession: Option<usize>,
    skills: Vec<usize>,
    /// Per radius of `RADII`, the listings within it around the place (empty without one).
    near: Vec<Cow<'a, Bits>>,
    /// Listings with a salary reaching the filter's minimum (any salary without one).
    paid_min: Bits,
    now_ts: i64,
}

/// Counts for the facets and for "drop this filter" hints.
#[derive(Default)]
struct Counts {
    /// Per categorical dimension, one count per value (see `Index::values`).
    values: Vec<Vec<u64>>,
    radius: [u64; 7],
    posted: [u64; 5],
    salary: [u64; 5],
    salary_only: u64,
    /// Per dimension: listings failing only that dimension's filter.
    dropped: [u64; DIMS],
}

impl Index {
    pub fn search(&self, f: &JobFilter, now: DateTime<Utc>) -> SearchResponse {
        let Resolved { place, profession, skills, issues } = self.resolve(f);
        let now_ts = now.timestamp();
        let text = self.text_matches(&f.q);
        let mut base = Bits::full(self.len());
        let expired = self.by_expiry.partition_point(|(valid, _)| *valid <= now_ts);
        self.by_expiry[..expired].iter().for_each(|(_, i)| base.remove(*i as usize));
        if let Some((matched, _)) = &text {
            base.and_with(matched);
        }
        let paid_min = f.salary_min.map_or_else(|| self.paid.clone(), |min| self.paid_at_least(min));
        let near = place.as_ref().map(|p| self.near(p)).unwrap_or_default();
        let q = Query { f, place, profession, skills, near, paid_min, now_ts };
        let dims = self.dim_sets(&q);
        let (result, others) = intersections(&base, &dims);
        let c = self.counts(&q, &dims, &result, &others);
        let Query { place, .. } = q;

        let total = result.count();
        let per_page = f.per_page.clamp(1, crate::jobs::model::MAX_PER_PAGE);
        let start = (f.page.max(1) as usize - 1).saturating_mul(per_page as usize);
        let end = start.saturating_add(per_page as usize).min(total as usize);
        let sort = if f.sort == Some(Sort::Distance) && place.is_none() { Sort::Newest } else { f.effective_sort() };
        let unpaid_last = (f.salary_min.is_some() && !f.salary_only) || sort == Sort::Salary;
        let scores = text.as_ref().map(|(_, scores)| scores.as_slice());
        let ranked =
            if start < end { self.ranked(&result, sort, unpaid_last, scores, place.as_ref(), end) } else { Vec::new() };
        let items = ranked
            .get(start..)
            .unwrap_or_default()
            .iter()
            .map(|i| self.summary(*i, place.as_ref().map(|p| chord2(p.at, self.at[*i]))))
            .collect();

        let relaxations = if total == 0 { self.relaxations(f, &c, now) } else { Vec::new() };
        SearchResponse {
            total,
            page: f.page.max(1),
            per_page,
            items,
            facets: self.facets(&c, place.is_some()),
            issues,
            relaxations,
            place: place.map(|p| p.label),
            professions: self.professions.clone(),
            cities: self.cities.iter().map(|c| Choice { slug: c.slug.clone(), name: c.name.clone() }).collect(),
            skills: self.skills.clone(),
        }
    }

    /// The union of the value sets `values` of categorical dimension `d`; `None` without values.
    fn any_of(&self, d: usize, values: impl IntoIterator<Item = usize>) -> Option<Bits> {
        values.into_iter().fold(None, |set: Option<Bits>, v| {
            let mut set = set.unwrap_or_else(|| Bits::empty(self.len()));
            set.or_with(&self.values[d][v]);
            Some(set)
        })
    }

    /// Per radius of `RADII`, the listings within it around the place (`Place::contains` as sets):
    /// kept for cities, measured once per search for coordinates.
    fn near(&self, p: &Place) -> Vec<Cow<'_, Bits>> {
        match p.city {
            Some(city) => self.near[city].iter().map(Cow::Borrowed).collect(),
            None => {
                let c2: Vec<f64> = self.at.iter().map(|a| chord2(p.at, *a)).collect();
                p.limits.iter().map(|limit| Cow::Owned(Bits::matching(&c2, |c2| c2 <= limit))).collect()
            }
        }
    }

    /// Listings whose stated monthly maximum reaches `min` (precomputed for the offered steps).
    fn paid_at_least(&self, min: u32) -> Bits {
        match SALARY_STEPS.iter().position(|step| *step == min) {
            Some(k) => self.salary_steps[k].clone(),
            None => Bits::matching(&self.monthly_max, |m| m.is_some_and(|m| m >= f64::from(min))),
        }
    }

    /// The first position posted before `since` (listings are ordered newest first).
    fn posted_until(&self, since: i64) -> usize {
        self.meta.partition_point(|m| m.posted >= since)
    }

    fn dim_sets(&self, q: &Query) -> DimSets {
        let f = q.f;
        let mut dims: DimSets = Default::default();
        dims[D_PLACE] = q.place.as_ref().map(|p| q.near[p.radius].as_ref().clone());
        dims[D_PROFESSION] = self.any_of(D_PROFESSION, q.profession);
        dims[D_WORKING_TIME] = self.any_of(D_WORKING_TIME, f.working_time.iter().map(|v| v.index()));
        dims[D_OFFER] = self.any_of(D_OFFER, f.offer.iter().map(|v| v.index()));
        dims[D_REMOTE] = self.any_of(D_REMOTE, f.remote.iter().map(|v| v.index()));
        dims[D_CONTRACT] = self.any_of(D_CONTRACT, f.contract.iter().map(|v| v.index()));
        dims[D_EXPERIENCE] = self.any_of(D_EXPERIENCE, f.experience.iter().map(|v| v.index()));
        dims[D_EMPLOYER_TYPE] = self.any_of(D_EMPLOYER_TYPE, f.employer_type.iter().map(|v| v.index()));
        dims[D_SKILL] = (!q.skills.is_empty()).then(|| {
            let mut all = Bits::full(self.len());
            q.skills.iter().for_each(|s| all.and_with(&self.values[D_SKILL][*s]));
            all
        });
        // Ads without a salary pass a minimum unless `salary_only` hides them.
        dims[D_SALARY] = (f.salary_min.is_some() || f.salary_only).then(|| {
            let mut set = q.paid_min.clone();
            if !f.salary_only {
                set.or_with(&self.unpaid);
            }
            set
        });
        dims[D_POSTED] = f
            .posted_within_days
            .map(|days| Bits::prefix(self.len(), self.posted_until(q.now_ts - i64::from(days) * 86_400)));
        dims
    }

    fn counts(&self, q: &Query, dims: &DimSets, result: &Bits, others: &[Bits]) -> Counts {
        // Skills combine with AND, so a skill counts within the results; other values within the
        // listings every other filter lets through.
        let values = (0..DIMS)
            .map(|d| {
                let within = if d == D_SKILL { result } else { &others[d] };
                self.values[d].iter().map(|set| set.count_and(within)).collect()
            })
            .collect();
        let mut c = Counts { values, ..Default::default() };
        for (count, near) in c.radius.iter_mut().zip(&q.near) {
            *count = near.count_and(&others[D_PLACE]);
        }
        for (k, days) in POSTED_WITHIN.iter().enumerate() {
            c.posted[k] = others[D_POSTED].count_below(self.posted_until(q.now_ts - i64::from(*days) * 86_400));
        }
        let unpaid = if q.f.salary_only { 0 } else { self.unpaid.count_and(&others[D_SALARY]) };
        for (k, step) in self.salary_steps.iter().enumerate() {
            c.salary[k] = step.count_and(&others[D_SALARY]) + unpaid;
        }
        c.salary_only = q.paid_min.count_and(&others[D_SALARY]);
        for (d, set) in dims.iter().enumerate() {
            if let Some(set) = set {
                c.dropped[d] = others[d].count_and_not(set);
            }
        }
        c
    }

    /// The first `end` results in the order of `sort`, as positions.
    fn ranked(
        &self,
        result: &Bits,
        sort: Sort,
        unpaid_last: bool,
        scores: Option<&[f32]>,
        place: Option<&Place>,
        end: usize,
    ) -> Vec<usize> {
        let unpaid = |i: usize| unpaid_last && self.monthly_max[i].is_none();
        match sort {
            Sort::Newest if !unpaid_last => result.ones().take(end).collect(),
            Sort::Newest => {
                let (mut paid, mut unpaid) = (result.clone(), result.clone());
                paid.and_with(&self.paid);
                unpaid.and_with(&self.unpaid);
                paid.ones().chain(unpaid.ones()).take(end).collect()
            }
            // Walking every listing in salary order (`by_salary`, ads without salary last as
            // `unpaid_last` always has them for this sort) until `end` results turn up takes about
            // `end × listings / total` steps: for a broad search far fewer than ranking every result.
            Sort::Salary if (end as u64).saturating_mul(self.len() as u64) < result.count().pow(2) => {
                self.by_salary.iter().map(|i| *i as usize).filter(|i| result.contains(*i)).take(end).collect()
            }
            Sort::Salary => top(result, end, |i| rank(unpaid(i), salary_key(self.monthly_max[i]), i)),
            Sort::Relevance => {
                let scores = scores.unwrap_or_default();
                top(result, end, |i| rank(unpaid(i), -scores.get(i).copied().unwrap_or(0.0), i))
            }
            Sort::Distance => {
                let at = place.map_or([0.0; 3], |p| p.at);
                top(result, end, |i| rank(unpaid(i), chord2(at, self.at[i]) as f32, i))
            }
        }
    }

    fn facets(&self, c: &Counts, with_place: bool) -> Facets {
        fn put<T: Copy>(facets: &mut Facets, param: &str, all: &[T], name: impl Fn(T) -> &'static str, counts: &[u64]) {
            let entry = facets.entry(param.into()).or_default();
            for (v, n) in all.iter().zip(counts) {
                entry.insert(name(*v).into(), *n);
            }
        }
        let mut facets = Facets::new();
        let v = &c.values;
        put(&mut facets, "working_time", WorkingTime::ALL, WorkingTime::as_str, &v[D_WORKING_TIME]);
        put(&mut facets, "offer", Offer::ALL, Offer::as_str, &v[D_OFFER]);
        put(&mut facets, "remote", Remote::ALL, Remote::as_str, &v[D_REMOTE]);
        put(&mut facets, "contract", Contract::ALL, Contract::as_str, &v[D_CONTRACT]);
        put(&mut facets, "experience", Experience::ALL, Experience::as_str, &v[D_EXPERIENCE]);
        put(&mut facets, "employer_type", EmployerType::ALL, EmployerType::as_str, &v[D_EMPLOYER_TYPE]);
        let named = |choices: &[Choice], counts: &[u64]| -> BTreeMap<String, u64> {
            choices.iter().zip(counts).map(|(ch, n)| (ch.slug.clone(), *n)).collect()
        };
        facets.insert("profession".into(), named(&self.professions, &v[D_PROFESSION]));
        facets.insert("skill".into(), named(&self.skills, &v[D_SKILL]));
        let numbered = |values: &[u32], counts: &[u64]| -> BTreeMap<String, u64> {
            values.iter().zip(counts).map(|(v, n)| (v.to_string(), *n)).collect()
        };
        facets.insert("posted_within_days".into(), numbered(POSTED_WITHIN, &c.posted));
        facets.insert("salary_min".into(), numbered(SALARY_STEPS, &c.salary));
        facets.insert("salary_only".into(), BTreeMap::from([("true".to_owned(), c.salary_only)]));
        if with_place {
            facets.insert("radius_km".into(), numbered(RADII, &c.radius));
        }
        facets
    }

    /// For a search without results: what dropping each active filter would give.
    fn relaxations(&self, f: &JobFilter, c: &Counts, now: DateTime<Utc>) -> Vec<Relaxation> {
        let mut out = Vec::new();
        for (dim, param) in DIM_PARAMS.iter().enumerate() {
            let mut relaxed = f.with_page(1);
            let active = match dim {
                D_PLACE => !std::mem::take(&mut relaxed.place).is_empty(),
                D_PROFESSION => !std::mem::take(&mut relaxed.profession).is_empty(),
                D_WORKING_TIME => !std::mem::take(&mut relaxed.working_time).is_empty(),
                D_OFFER => !std::mem::take(&mut relaxed.offer).is_empty(),
                D_REMOTE => !std::mem::take(&mut relaxed.remote).is_empty(),
                D_CONTRACT => !std::mem::take(&mut relaxed.contract).is_empty(),
                D_EXPERIENCE => !std::mem::take(&mut relaxed.experience).is_empty(),
                D_EMPLOYER_TYPE => !std::mem::take(&mut relaxed.employer_type).is_empty(),
                D_SKILL => !std::mem::take(&mut relaxed.skill).is_empty(),
                D_SALARY => relaxed.salary_min.take().is_some() | std::mem::take(&mut relaxed.salary_only),
                _ => relaxed.posted_within_days.take().is_some(),
            };
            if dim == D_PLACE {
                relaxed.radius_km = None;
            }
            if active && c.dropped[dim] > 0 {
                out.push(Relaxation { param: (*param).into(), count: c.dropped[dim], href: relaxed.href() });
            }
        }
        if !f.q.is_empty() {
            let without_text = JobFilter { q: String::new(), ..f.with_page(1) };
            let count = self.search(&without_text, now).total;
            if count > 0 {
                out.push(Relaxation { param: "q".into(), count, href: without_text.href() });
            }
        }
        out.sort_by_key(|r| std::cmp::Reverse(r.count));
        out
    }
}

/// The results' `end` lowest `rank`s, in order, as positions. The best are kept in a buffer of up to
/// `2 * end`, cut back to `end` when full: one compare for most results.
fn top(result: &Bits, end: usize, rank: impl Fn(usize) -> u64) -> Vec<usize> {
    let mut top: Vec<u64> = Vec::with_capacity(2 * end);
    let mut worst = u64::MAX;
    for i in result.ones() {
        let hit = rank(i);
        if hit < worst {
            top.push(hit);
            if top.len() == 2 * end {
                top.select_nth_unstable(end - 1);
                top.truncate(end);
                worst = top[end - 1];
            }
        }
    }
    top.sort_unstable();
    top.truncate(end);
    top.into_iter().map(|hit| (hit & ((1 << 31) - 1)) as usize).collect()
}

/// One integer that orders listings like (placed last, `key` ascending, position: newest first among
/// equals), so that ranking compares integers only.
pub(super) fn rank(last: bool, key: f32, i: usize) -> u64 {
    u64::from(last) << 63 | u64::from(ordered(key)) << 31 | i as u64
}

/// The sort key of "highest salary first" (ads without one are placed last by `rank`).
pub(super) fn salary_key(monthly_max: Option<f64>) -> f32 {
    -monthly_max.unwrap_or(0.0) as f32
}

/// `x` as an integer that orders like `f32::total_cmp`.
fn ordered(x: f32) -> u32 {
    let bits = x.to_bits();
    if bits >> 31 == 1 { !bits } else { bits | 1 << 31 }
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
