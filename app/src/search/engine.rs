//! The in-memory index and the one-pass search over it.
use chrono::{DateTime, Utc};
use serde::Deserialize;
use std::cmp::Ordering;
use std::collections::{BTreeMap, HashMap};
use std::ops::Bound;

use super::geo::{chord2, chord2_for_km, km_from_chord2, unit};
use super::text::{TermCache, fold, terms};
use crate::jobs::model::PayComparison;
use crate::jobs::model::SALARY_STEPS;
use crate::jobs::model::{
    Choice, Contract, EmployerType, Experience, Facets, JobFilter, JobSummary, Offer, POSTED_WITHIN, ParamIssue, RADII,
    Relaxation, Remote, SearchResponse, Sort, WorkingTime, parse_coords,
};
use crate::salary::stats::monthly_max;
use crate::ui::format::slugify;

/// One listing as loaded from the database.
#[derive(Debug, Clone, Deserialize)]
pub struct Doc {
    #[serde(flatten)]
    pub summary: JobSummary,
    pub profession: String,
    pub profession_name: String,
    pub city_slug: String,
    pub lat: f64,
    pub lon: f64,
    pub contract: Contract,
    pub experience: Experience,
    pub skills: Vec<String>,
    pub valid_through: DateTime<Utc>,
    /// Only read while indexing; not kept.
    #[serde(default)]
    pub description: String,
}

/// A city the search knows, for places.
#[derive(Debug, Clone, Deserialize)]
pub struct City {
    pub slug: String,
    pub name: String,
    pub lat: f64,
    pub lon: f64,
}

/// Every value the search tests, per listing, compact: the scan touches nothing else.
struct Meta {
    profession: usize,
    /// Position in `Index::cities` (`usize::MAX`: unknown).
    city: usize,
    /// The listing's skill ids: `Index::skill_of[start..end]`.
    skills: (u32, u32),
    monthly_max: Option<f64>,
    posted: i64,
    valid: i64,
    /// The place as a unit vector (see `geo`).
    at: [f64; 3],
    /// One bit per `WorkingTime`.
    working_time: u8,
    offer: Offer,
    remote: Remote,
    contract: Contract,
    experience: Experience,
    employer_type: EmployerType,
}

pub struct Index {
    docs: Vec<Doc>,
    /// When the last demo listing expires (`None`: no demo listings).
    demo_until: Option<DateTime<Utc>>,
    by_id: HashMap<i64, usize>,
    meta: Vec<Meta>,
    /// Term → (listing, weight).
    postings: BTreeMap<String, Vec<(u32, f32)>>,
    /// Skill ids of all listings, in listing order (see `Meta::skills`).
    skill_of: Vec<u32>,
    skills: Vec<Choice>,
    skill_ids: HashMap<String, usize>,
    cities: Vec<City>,
    professions: Vec<Choice>,
    /// Listings with an employer-stated salary, sorted by monthly value (the salary explorer's rows).
    pay: salaries::Pay,
    /// (profession, offer, experience) → the middle half of comparable employer-stated pay.
    comparisons: HashMap<(usize, Offer, Experience), PayComparison>,
}

fn strip_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                out.push(' ');
            }
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

// Filter dimensions, in the order of their bits.
const D_PLACE: usize = 0;
const D_PROFESSION: usize = 1;
const D_WORKING_TIME: usize = 2;
const D_OFFER: usize = 3;
const D_REMOTE: usize = 4;
const D_CONTRACT: usize = 5;
const D_EXPERIENCE: usize = 6;
const D_EMPLOYER_TYPE: usize = 7;
const D_SKILL: usize = 8;
const D_SALARY: usize = 9;
const D_POSTED: usize = 10;
const DIM_PARAMS: [&str; 11] = [
    "place",
    "profession",
    "working_time",
    "offer",
    "remote",
    "contract",
    "experience",
    "employer_type",
    "skill",
    "salary_min",
    "posted_within_days",
];

/// "Similar jobs" lie within this distance.
const SIMILAR_KM: f64 = 50.0;

/// A filter's place, profession and skills as the index knows them.
struct Resolved {
    place: Option<Place>,
    profession: Option<usize>,
    skills: Vec<usize>,
    issues: Vec<ParamIssue>,
}

/// A resolved place: where it is, the label shown, and the city when it is one.
struct Place {
    at: [f64; 3],
    label: String,
    /// Position in `Index::cities` when the place is a city.
    city: Option<usize>,
    /// The chosen radius as a position in `RADII`.
    radius: usize,
    /// Squared-chord limits of `RADII` (radius 0 without a city: 1 km).
    limits: [f64; 7],
}

impl Place {
    fn new(lat: f64, lon: f64, label: String, city: Option<usize>, radius_km: u32) -> Self {
        // The parser only lets `RADII` through; anything else rounds up to the next offered radius.
        let radius = RADII.iter().position(|r| *r >= radius_km).unwrap_or(RADII.len() - 1);
        let limits = std::array::from_fn(|k| chord2_for_km(f64::from(RADII[k].max(1))));
        Place { at: unit(lat, lon), label, city, radius, limits }
    }

    /// Whether a listing in `city` at squared chord `c2` lies within the `k`-th radius of `RADII`.
    fn contains(&self, city: usize, c2: f64, k: usize) -> bool {
        match (RADII[k], self.city) {
            (0, Some(here)) => city == here,
            _ => c2 <= self.limits[k],
        }
    }
}

#[derive(Default)]
struct Counts {
    profession: Vec<u64>,
    working_time: [u64; 3],
    offer: [u64; 5],
    remote: [u64; 3],
    contract: [u64; 2],
    experience: [u64; 3],
    employer_type: [u64; 6],
    skill: Vec<u64>,
    radius: [u64; 7],
    posted: [u64; 5],
    salary: [u64; 5],
    salary_only: u64,
    dropped: [u64; 11],
}

impl Index {
    /// Builds the index; `now` decides which listings count for the pay comparisons beside ads.
    pub fn build(mut docs: Vec<Doc>, cities: Vec<City>, professions: Vec<Choice>, now: DateTime<Utc>) -> Self {
        let profession_ids: HashMap<&str, usize> =
            professions.iter().enumerate().map(|(i, p)| (p.slug.as_str(), i)).collect();
        let mut skills: Vec<Choice> = Vec::new();
        let mut skill_ids: HashMap<String, usize> = HashMap::new();
        let mut postings: HashMap<String, Vec<(u32, f32)>> = HashMap::new();
        let city_ids: HashMap<&str, usize> = cities.iter().enumerate().map(|(i, c)| (c.slug.as_str(), i)).collect();
        let mut skill_of: Vec<u32> = Vec::new();
        let mut meta = Vec::with_capacity(docs.len());
        let mut stems = TermCache::default();
        for (i, doc) in docs.iter_mut().enumerate() {
            let description = strip_tags(&std::mem::take(&mut doc.description));
            let mut weights: HashMap<String, f32> = HashMap::new();
            let skill_text = doc.skills.join(" ");
            let fields: [(&str, f32); 5] = [
                (&doc.summary.title, 3.0),
                (&doc.profession_name, 2.0),
                (&skill_text, 2.0),
                (&doc.summary.employer, 1.0),
                (&description, 0.5),
            ];
            for (text, weight) in fields {
                stems.each(text, |term| match weights.get_mut(term) {
                    Some(w) => *w = (*w + weight).min(6.0),
                    None => _ = weights.insert(term.to_owned(), weight.min(6.0)),
                });
            }
            for (term, w) in weights {
                postings.entry(term).or_default().push((i as u32, w));
            }
            let start = skill_of.len() as u32;
            for name in &doc.skills {
                let slug = slugify(name);
                let id = *skill_ids.entry(slug.clone()).or_insert_with(|| {
                    skills.push(Choice { slug, name: name.clone() });
                    skills.len() - 1
                });
                if !skill_of[start as usize..].contains(&(id as u32)) {
                    skill_of.push(id as u32);
                }
            }
            let job = &doc.summary;
            meta.push(Meta {
                profession: profession_ids.get(doc.profession.as_str()).copied().unwrap_or(usize::MAX),
                city: city_ids.get(doc.city_slug.as_str()).copied().unwrap_or(usize::MAX),
                skills: (start, skill_of.len() as u32),
                monthly_max: job.salary.as_ref().map(monthly_max),
                posted: job.posted_at.timestamp(),
                valid: doc.valid_through.timestamp(),
                at: unit(doc.lat, doc.lon),
                working_time: job.working_time.iter().fold(0, |bits, w| bits | 1 << w.index()),
                offer: job.offer,
                remote: job.remote,
                contract: doc.contract,
                experience: doc.experience,
                employer_type: job.employer_type,
            });
        }
        let by_id = docs.iter().enumerate().map(|(i, d)| (d.summary.id, i)).collect();
        let demo_until = docs.iter().filter(|d| d.summary.is_demo()).map(|d| d.valid_through).max();
        let pay = salaries::Pay::new(&docs, &meta, &skill_of);
        let comparisons = salaries::comparisons(&pay, now.timestamp());
        Index {
            docs,
            demo_until,
            by_id,
            meta,
            postings: postings.into_iter().collect(),
            skill_of,
            skills,
            skill_ids,
            cities,
            professions,
            pay,
            comparisons,
        }
    }

    pub fn len(&self) -> usize {
        self.docs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// Whether demo listings are shown at `now` (drives the demo notice on every page).
    pub fn shows_demo(&self, now: DateTime<Utc>) -> bool {
        self.demo_until.is_some_and(|until| until > now)
    }

    /// A listing by id (as loaded; it may have expired since).
    pub fn doc(&self, id: i64) -> Option<&Doc> {
        self.by_id.get(&id).map(|i| &self.docs[*i])
    }

    fn resolve_place(&self, f: &JobFilter) -> Result<Option<Place>, ParamIssue> {
        if f.place.is_empty() {
            return Ok(None);
        }
        let radius_km = f.effective_radius_km();
        if let Some((lat, lon)) = parse_coords(&f.place) {
            return Ok(Some(Place::new(lat, lon, format!("{lat:.4}, {lon:.4}"), None, radius_km)));
        }
        let wanted = fold(f.place.trim());
        let slug = slugify(&f.place);
        self.cities
            .iter()
            .enumerate()
            .find(|(_, c)| c.slug == slug || fold(&c.name) == wanted)
            .map(|(i, c)| Some(Place::new(c.lat, c.lon, c.name.clone(), Some(i), radius_km)))
            .ok_or_else(|| ParamIssue {
                param: "place".into(),
                message: format!(
                    "„{}“ kennen wir nicht; bitte eine Stadt im Ruhrgebiet oder Koordinaten wie „51.48,7.21“. Ort ignoriert.",
                    f.place
                ),
            })
    }

    /// Listings matching every query term (prefix match for terms of 4+ characters), in id order,
    /// and a relevance score per listing; `None` without query terms. Dense arrays, no hashing.
    fn text_matches(&self, q: &str) -> Option<(Vec<u32>, Vec<f32>)> {
        let mut query_terms = terms(q);
        query_terms.sort();
        query_terms.dedup();
        if query_terms.is_empty() {
            return None;
        }
        let n = self.docs.len();
        let mut score = vec![0f32; n];
        let mut matched = vec![0usize; n];
        let mut best = vec![0f32; n];
        let mut touched: Vec<u32> = Vec::new();
        for (k, term) in query_terms.iter().enumerate() {
            touched.clear();
            for (t, posts) in self.postings.range::<str, _>((Bound::Included(term.as_str()), Bound::Unbounded)) {
                if t != term && !(term.len() >= 4 && t.starts_with(term.as_str())) {
                    break;
                }
                let idf = (1.0 + n.max(1) as f32 / posts.len() as f32).ln();
                for &(doc, w) in posts {
                    // Only listings that matched every earlier term can still match all.
                    let d = doc as usize;
                    if matched[d] != k {
                        continue;
                    }
                    if best[d] == 0.0 {
                        touched.push(doc);
                    }
                    best[d] = best[d].max(w * idf);
                }
            }
            for &doc in &touched {
                let d = doc as usize;
                score[d] += std::mem::take(&mut best[d]);
                matched[d] += 1;
            }
        }
        touched.sort_unstable();
        Some((touched, score))
    }

    fn skills_of(&self, m: &Meta) -> &[u32] {
        &self.skill_of[m.skills.0 as usize..m.skills.1 as usize]
    }

    /// Up to `n` active listings like listing `id`: the same profession within `SIMILAR_KM`, most shared
    /// skills first, then nearest, then newest; each with its distance from listing `id`.
    pub fn similar(&self, id: i64, n: usize, now: DateTime<Utc>) -> Vec<JobSummary> {
        let Some(&me) = self.by_id.get(&id) else { return Vec::new() };
        let (m, now_ts, limit) = (&self.meta[me], now.timestamp(), chord2_for_km(SIMILAR_KM));
        let mine = self.skills_of(m);
        let mut found: Vec<(usize, usize, f64)> = self
            .meta
            .iter()
            .enumerate()
            .filter(|(i, o)| *i != me && o.valid > now_ts && o.profession == m.profession)
            .map(|(i, o)| (i, self.skills_of(o).iter().filter(|s| mine.contains(s)).count(), chord2(m.at, o.at)))
            .filter(|(_, _, c2)| *c2 <= limit)
            .collect();
        let newest = |i: usize| std::cmp::Reverse(self.meta[i].posted);
        found.sort_by(|a, b| b.1.cmp(&a.1).then(a.2.total_cmp(&b.2)).then(newest(a.0).cmp(&newest(b.0))));
        found.into_iter().take(n).map(|(i, _, c2)| self.summary(i, Some(c2))).collect()
    }

    /// A result card's data: the listing with its distance (when measured) and, without a salary,
    /// the comparison with similar listings.
    fn summary(&self, i: usize, c2: Option<f64>) -> JobSummary {
        let m = &self.meta[i];
        let mut job = self.docs[i].summary.clone();
        job.distance_km = c2.map(|c2| (km_from_chord2(c2) * 10.0).round() / 10.0);
        if job.salary.is_none() {
            job.comparison = self.comparisons.get(&(m.profession, m.offer, m.experience)).copied();
        }
        job
    }

    /// The place, profession and skills of a filter as positions in the index, and what could not be used.
    fn resolve(&self, f: &JobFilter) -> Resolved {
        let mut issues = Vec::new();
        let place = self.resolve_place(f).unwrap_or_else(|issue| {
            issues.push(issue);
            None
        });
        let profession = if f.profession.is_empty() {
            None
        } else {
            match self.professions.iter().position(|p| p.slug == f.profession) {
                Some(i) => Some(i),
                None => {
                    issues.push(ParamIssue {
                        param: "profession".into(),
                        message: format!("Den Beruf „{}“ kennen wir nicht; ignoriert.", f.profession),
                    });
                    None
                }
            }
        };
        let mut wanted_skills = Vec::new();
        for s in &f.skill {
            match self.skill_ids.get(s) {
                Some(id) => wanted_skills.push(*id),
                None => issues.push(ParamIssue {
                    param: "skill".into(),
                    message: format!("„{s}“ kommt in keiner Anzeige als Kenntnis vor; ignoriert."),
                }),
            }
        }
        Resolved { place, profession, skills: wanted_skills, issues }
    }

    pub fn search(&self, f: &JobFilter, now: DateTime<Utc>) -> SearchResponse {
        let Resolved { place, profession, skills: wanted_skills, issues } = self.resolve(f);
        let now_ts = now.timestamp();
        let posted_since = f.posted_within_days.map(|d| now_ts - i64::from(d) * 86_400);
        let salary_ok = |m: &Meta, min: Option<u32>, only: bool| match m.monthly_max {
            Some(max) => min.is_none_or(|min| max >= f64::from(min)),
            None => !only,
        };

        let text = self.text_matches(&f.q);
        let candidates: Box<dyn Iterator<Item = u32>> = match &text {
            Some((ids, _)) => Box::new(ids.iter().copied()),
            None => Box::new(0..self.docs.len() as u32),
        };

        let mut c = Counts {
            profession: vec![0; self.professions.len()],
            skill: vec![0; self.skills.len()],
            ..Default::default()
        };
        // (listing, relevance, squared chord to the place: orders like the distance)
        let mut hits: Vec<(u32, f32, f64)> = Vec::new();
        let wt_bits: u8 = f.working_time.iter().fold(0, |bits, w| bits | 1 << w.index());
        for id in candidates {
            let m = &self.meta[id as usize];
            if m.valid <= now_ts {
                continue;
            }
            let skills = self.skills_of(m);
            let c2 = place.as_ref().map_or(0.0, |p| chord2(p.at, m.at));
            let mut mask = 0u16;
            let mut fail = |dim: usize, failed: bool| {
                if failed {
                    mask |= 1 << dim;
                }
            };
            fail(D_PLACE, place.as_ref().is_some_and(|p| !p.contains(m.city, c2, p.radius)));
            fail(D_PROFESSION, profession.is_some_and(|p| p != m.profession));
            fail(D_WORKING_TIME, wt_bits != 0 && m.working_time & wt_bits == 0);
            fail(D_OFFER, !f.offer.is_empty() && !f.offer.contains(&m.offer));
            fail(D_REMOTE, !f.remote.is_empty() && !f.remote.contains(&m.remote));
            fail(D_CONTRACT, !f.contract.is_empty() && !f.contract.contains(&m.contract));
            fail(D_EXPERIENCE, !f.experience.is_empty() && !f.experience.contains(&m.experience));
            fail(D_EMPLOYER_TYPE, !f.employer_type.is_empty() && !f.employer_type.contains(&m.employer_type));
            fail(D_SKILL, !wanted_skills.iter().all(|s| skills.contains(&(*s as u32))));
            fail(D_SALARY, !salary_ok(m, f.salary_min, f.salary_only));
            fail(D_POSTED, posted_since.is_some_and(|since| m.posted < since));

            let only = |dim: usize| mask & !(1u16 << dim) == 0;
            if only(D_PROFESSION) && m.profession != usize::MAX {
                c.profession[m.profession] += 1;
            }
            if only(D_WORKING_TIME) {
                for (i, count) in c.working_time.iter_mut().enumerate() {
                    *count += u64::from(m.working_time >> i & 1);
                }
            }
            if only(D_OFFER) {
                c.offer[m.offer.index()] += 1;
            }
            if only(D_REMOTE) {
                c.remote[m.remote.index()] += 1;
            }
            if only(D_CONTRACT) {
                c.contract[m.contract.index()] += 1;
            }
            if only(D_EXPERIENCE) {
                c.experience[m.experience.index()] += 1;
            }
            if only(D_EMPLOYER_TYPE) {
                c.employer_type[m.employer_type.index()] += 1;
            }
            if only(D_SALARY) {
                for (k, step) in SALARY_STEPS.iter().enumerate() {
                    c.salary[k] += u64::from(salary_ok(m, Some(*step), f.salary_only));
                }
                c.salary_only += u64::from(salary_ok(m, f.salary_min, true));
            }
            if only(D_POSTED) {
                for (k, days) in POSTED_WITHIN.iter().enumerate() {
                    c.posted[k] += u64::from(m.posted >= now_ts - i64::from(*days) * 86_400);
                }
            }
            if let Some(p) = &place
                && only(D_PLACE)
            {
                for (k, count) in c.radius.iter_mut().enumerate() {
                    *count += u64::from(p.contains(m.city, c2, k));
                }
            }
            if mask == 0 {
                for s in skills {
                    c.skill[*s as usize] += 1;
                }
                let score = text.as_ref().map_or(0.0, |(_, scores)| scores[id as usize]);
                hits.push((id, score, c2));
            } else if mask.count_ones() == 1 {
                c.dropped[mask.trailing_zeros() as usize] += 1;
            }
        }

        let total = hits.len() as u64;
        let per_page = f.per_page.clamp(1, crate::jobs::model::MAX_PER_PAGE);
        let start = (f.page.max(1) as usize - 1).saturating_mul(per_page as usize);
        let end = start.saturating_add(per_page as usize).min(hits.len());
        let sort = if f.sort == Some(Sort::Distance) && place.is_none() { Sort::Newest } else { f.effective_sort() };
        let salary_last = f.salary_min.is_some() && !f.salary_only;
        let cmp = |a: &(u32, f32, f64), b: &(u32, f32, f64)| -> Ordering {
            let (ma, mb) = (&self.meta[a.0 as usize], &self.meta[b.0 as usize]);
            let newest = mb.posted.cmp(&ma.posted).then(b.0.cmp(&a.0));
            let unpaid_last = if salary_last || sort == Sort::Salary {
                ma.monthly_max.is_none().cmp(&mb.monthly_max.is_none())
            } else {
                Ordering::Equal
            };
            unpaid_last.then_with(|| match sort {
                Sort::Relevance => b.1.total_cmp(&a.1).then(newest),
                Sort::Newest => newest,
                Sort::Salary => mb.monthly_max.unwrap_or(0.0).total_cmp(&ma.monthly_max.unwrap_or(0.0)).then(newest),
                Sort::Distance => a.2.total_cmp(&b.2).then(newest),
            })
        };
        if start < hits.len() {
            if end < hits.len() {
                hits.select_nth_unstable_by(end, cmp);
            }
            hits[..end].sort_unstable_by(cmp);
        }
        let items = hits
            .get(start..end)
            .unwrap_or_default()
            .iter()
            .map(|(id, _, c2)| self.summary(*id as usize, place.as_ref().map(|_| *c2)))
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

    fn facets(&self, c: &Counts, with_place: bool) -> Facets {
        fn put<T: Copy>(facets: &mut Facets, param: &str, all: &[T], name: impl Fn(T) -> &'static str, counts: &[u64]) {
            let entry = facets.entry(param.into()).or_default();
            for (v, n) in all.iter().zip(counts) {
                entry.insert(name(*v).into(), *n);
            }
        }
        let mut facets = Facets::new();
        put(&mut facets, "working_time", WorkingTime::ALL, WorkingTime::as_str, &c.working_time);
        put(&mut facets, "offer", Offer::ALL, Offer::as_str, &c.offer);
        put(&mut facets, "remote", Remote::ALL, Remote::as_str, &c.remote);
        put(&mut facets, "contract", Contract::ALL, Contract::as_str, &c.contract);
        put(&mut facets, "experience", Experience::ALL, Experience::as_str, &c.experience);
        put(&mut facets, "employer_type", EmployerType::ALL, EmployerType::as_str, &c.employer_type);
        let named = |choices: &[Choice], counts: &[u64]| -> BTreeMap<String, u64> {
            choices.iter().zip(counts).map(|(ch, n)| (ch.slug.clone(), *n)).collect()
        };
        facets.insert("profession".into(), named(&self.professions, &c.profession));
        facets.insert("skill".into(), named(&self.skills, &c.skill));
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

#[path = "salaries.rs"]
mod salaries;

#[cfg(test)]
#[path = "engine_tests.rs"]
mod tests;
