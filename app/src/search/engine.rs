//! The in-memory index and the one-pass search over it.
use chrono::{DateTime, Utc};
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};
use std::ops::Bound;

use super::bits::Bits;
use super::geo::{chord2, chord2_for_km, km_from_chord2, unit};
use super::postings::Postings;
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
    posted: i64,
    /// One bit per `WorkingTime`.
    working_time: u8,
    offer: Offer,
    remote: Remote,
    contract: Contract,
    experience: Experience,
    employer_type: EmployerType,
}

/// Listings are kept newest first (posted, then id, descending): that order is a listing's position,
/// used by every structure below, and "newest first" needs no sorting.
pub struct Index {
    cards: Vec<Card>,
    names: Names,
    /// When the last demo listing expires (`None`: no demo listings).
    demo_until: Option<DateTime<Utc>>,
    by_id: HashMap<i64, usize>,
    meta: Vec<Meta>,
    /// Per listing: when it expires, its place as a unit vector (see `geo`) and the monthly maximum
    /// of its salary. Dense for the scans.
    valid: Vec<i64>,
    /// (expiry, position) of every listing, soonest first: a search takes all listings but those
    /// expired by then, instead of testing every expiry.
    by_expiry: Vec<(i64, u32)>,
    at: Vec<[f64; 3]>,
    monthly_max: Vec<Option<f64>>,
    /// Every listing in the order of "highest salary first" (ads without salary last).
    by_salary: Vec<u32>,
    /// Per categorical dimension (`D_PROFESSION`, `D_WORKING_TIME`, …, `D_SKILL`), per value: the
    /// listings with that value. Empty for the other dimensions.
    values: Vec<Vec<Bits>>,
    /// Per city (as in `cities`), per radius of `RADII`: the listings within it (radius 0: in the city),
    /// so that a search around a city needs no distances but those of the listings it shows.
    near: Vec<Vec<Bits>>,
    /// Listings with and without a salary, and those whose monthly maximum reaches each `SALARY_STEPS`.
    paid: Bits,
    unpaid: Bits,
    salary_steps: Vec<Bits>,
    /// Term → the listings with it and its weight in each, in listing order.
    postings: BTreeMap<String, Postings>,
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

impl Meta {
    /// Calls `put(dimension, value)` for each categorical value of the listing (see `Index::values`).
    fn values(&self, skill_of: &[u32], mut put: impl FnMut(usize, usize)) {
        if self.profession != usize::MAX {
            put(D_PROFESSION, self.profession);
        }
        (0..WorkingTime::ALL.len()).filter(|w| self.working_time >> w & 1 == 1).for_each(|w| put(D_WORKING_TIME, w));
        put(D_OFFER, self.offer.index());
        put(D_REMOTE, self.remote.index());
        put(D_CONTRACT, self.contract.index());
        put(D_EXPERIENCE, self.experience.index());
        put(D_EMPLOYER_TYPE, self.employer_type.index());
        for s in &skill_of[self.skills.0 as usize..self.skills.1 as usize] {
            put(D_SKILL, *s as usize);
        }
    }
}

/// A listing in a term's postings while building: its number above `WEIGHT_BITS` bits holding the
/// term's weight there in half points (title 6, profession 4, skills 4, employer 2, description 1; at
/// most 12, as `Postings` keeps them).
type Posting = u32;
const WEIGHT_BITS: u32 = 4;
const MAX_WEIGHT: u8 = 12;

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
const DIMS: usize = 11;
const DIM_PARAMS: [&str; DIMS] = [
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

/// Builds an index from listings handed in as they are read: each listing's text is indexed when
/// it comes and its description dropped, so no more than the pages being read hold descriptions.
#[derive(Default)]
pub struct IndexBuilder {
    /// In the order added (not yet positions).
    docs: Vec<Doc>,
    stems: TermCache,
    /// Term number → postings, positions in the order added until `build`.
    postings: Vec<Vec<Posting>>,
    /// Per term, its weight in the listing being added; the terms seen in it.
    weight: Vec<u8>,
    seen: Vec<u32>,
}

impl IndexBuilder {
    pub fn add(&mut self, mut doc: Doc) {
        let k = self.docs.len() as u32;
        assert!(k < 1 << (32 - WEIGHT_BITS), "too many listings for a posting's position");
        let description = strip_tags(&std::mem::take(&mut doc.description));
        let skill_text = doc.skills.join(" ");
        let fields: [(&str, u8); 5] = [
            (&doc.summary.title, 6),
            (&doc.profession_name, 4),
            (&skill_text, 4),
            (&doc.summary.employer, 2),
            (&description, 1),
        ];
        let (weight, seen) = (&mut self.weight, &mut self.seen);
        for (text, field_weight) in fields {
            self.stems.each(text, |term| {
                let t = term as usize;
                if t >= weight.len() {
                    weight.resize(t + 1, 0);
                }
                if weight[t] == 0 {
                    seen.push(term);
                }
                weight[t] = (weight[t] + field_weight).min(MAX_WEIGHT);
            });
        }
        self.postings.resize_with(self.stems.len(), Vec::new);
        for term in seen.drain(..) {
            let w = std::mem::take(&mut weight[term as usize]);
            self.postings[term as usize].push(k << WEIGHT_BITS | u32::from(w));
        }
        self.docs.push(doc);
    }

    /// The index of the listings added; `now` decides which listings count for the pay comparisons.
    pub fn build(self, cities: Vec<City>, professions: Vec<Choice>, now: DateTime<Utc>) -> Index {
        let IndexBuilder { docs, stems, postings, .. } = self;
        // Sorted by number, not by moving the listings themselves (about 380 bytes each) around.
        let mut order: Vec<u32> = (0..docs.len() as u32).collect();
        order.sort_unstable_by_key(|k| {
            let d = &docs[*k as usize];
            std::cmp::Reverse((d.summary.posted_at, d.summary.id))
        });
        let mut position = vec![0u32; docs.len()];
        for (i, k) in order.iter().enumerate() {
            position[*k as usize] = i as u32;
        }
        let mut docs: Vec<Option<Doc>> = docs.into_iter().map(Some).collect();
        let docs: Vec<Doc> = order.iter().filter_map(|k| docs[*k as usize].take()).collect();
        let postings = postings.into_iter().map(|mut posts| {
            for p in posts.iter_mut() {
                *p = position[(*p >> WEIGHT_BITS) as usize] << WEIGHT_BITS | (*p & ((1 << WEIGHT_BITS) - 1));
            }
            posts.sort_unstable();
            Postings::new(posts.into_iter().map(|p| (p >> WEIGHT_BITS, (p & ((1 << WEIGHT_BITS) - 1)) as u8)))
        });
        let postings = stems.into_names().into_iter().zip(postings).collect();
        Index::from_sorted(docs, postings, cities, professions, now)
    }
}

impl Index {
    /// Builds the index; `now` decides which listings count for the pay comparisons beside ads.
    pub fn build(docs: Vec<Doc>, cities: Vec<City>, professions: Vec<Choice>, now: DateTime<Utc>) -> Self {
        let mut builder = IndexBuilder::default();
        docs.into_iter().for_each(|doc| builder.add(doc));
        builder.build(cities, professions, now)
    }

    /// The index of `docs`, newest first, whose text is indexed in `postings` already.
    fn from_sorted(
        docs: Vec<Doc>,
        postings: BTreeMap<String, Postings>,
        cities: Vec<City>,
        professions: Vec<Choice>,
        now: DateTime<Utc>,
    ) -> Self {
        let profession_ids: HashMap<&str, usize> =
            professions.iter().enumerate().map(|(i, p)| (p.slug.as_str(), i)).collect();
        let mut skills: Vec<Choice> = Vec::new();
        let mut skill_ids: HashMap<String, usize> = HashMap::new();
        let city_ids: HashMap<&str, usize> = cities.iter().enumerate().map(|(i, c)| (c.slug.as_str(), i)).collect();
        let mut skill_of: Vec<u32> = Vec::new();
        let mut skill_of_name: HashMap<&str, usize> = HashMap::new();
        let mut meta = Vec::with_capacity(docs.len());
        let valid: Vec<i64> = docs.iter().map(|d| d.valid_through.timestamp()).collect();
        let at: Vec<[f64; 3]> = docs.iter().map(|d| unit(d.lat, d.lon)).collect();
        for doc in &docs {
            let start = skill_of.len() as u32;
            for name in &doc.skills {
                // Each spelling is turned into a slug once.
                let id = *skill_of_name.entry(name).or_insert_with(|| {
                    let slug = slugify(name);
                    *skill_ids.entry(slug.clone()).or_insert_with(|| {
                        skills.push(Choice { slug, name: name.clone() });
                        skills.len() - 1
                    })
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
                posted: job.posted_at.timestamp(),
                working_time: job.working_time.iter().fold(0, |bits, w| bits | 1 << w.index()),
                offer: job.offer,
                remote: job.remote,
                contract: doc.contract,
                experience: doc.experience,
                employer_type: job.employer_type,
            });
        }
        let mut by_expiry: Vec<(i64, u32)> = valid.iter().enumerate().map(|(i, v)| (*v, i as u32)).collect();
        by_expiry.sort_unstable();
        let demo_until = docs.iter().filter(|d| d.summary.is_demo()).map(|d| d.valid_through).max();
        let pay = salaries::Pay::new(&docs, &meta, &skill_of, &valid, &at);
        let monthly_max: Vec<Option<f64>> = docs.iter().map(|d| d.summary.salary.as_ref().map(monthly_max)).collect();
        let mut by_salary: Vec<u32> = (0..docs.len() as u32).collect();
        by_salary.sort_unstable_by_key(|i| {
            let m = monthly_max[*i as usize];
            query::rank(m.is_none(), query::salary_key(m), *i as usize)
        });
        let mut names = Names::default();
        let cards: Vec<Card> = docs.into_iter().map(|d| Card::new(d, &mut names)).collect();
        names.finish();
        let by_id = cards.iter().enumerate().map(|(i, c)| (c.id(), i)).collect();
        let comparisons = salaries::comparisons(&pay, now.timestamp());
        let n = cards.len();
        let sizes = |d: usize| match d {
            D_PROFESSION => professions.len(),
            D_WORKING_TIME => WorkingTime::ALL.len(),
            D_OFFER => Offer::ALL.len(),
            D_REMOTE => Remote::ALL.len(),
            D_CONTRACT => Contract::ALL.len(),
            D_EXPERIENCE => Experience::ALL.len(),
            D_EMPLOYER_TYPE => EmployerType::ALL.len(),
            D_SKILL => skills.len(),
            _ => 0,
        };
        let mut values: Vec<Vec<Bits>> = (0..DIMS).map(|d| vec![Bits::empty(n); sizes(d)]).collect();
        for (i, m) in meta.iter().enumerate() {
            m.values(&skill_of, |d, v| values[d][v].insert(i));
        }
        let near = cities
            .iter()
            .enumerate()
            .map(|(c, city)| {
                let place = Place::new(city.lat, city.lon, String::new(), Some(c), 0);
                let listings: Vec<(usize, f64)> =
                    meta.iter().zip(&at).map(|(m, a)| (m.city, chord2(place.at, *a))).collect();
                (0..RADII.len())
                    .map(|k| Bits::matching(&listings, |(city, c2)| place.contains(*city, *c2, k)))
                    .collect()
            })
            .collect();
        let paid = Bits::matching(&monthly_max, Option::is_some);
        let unpaid = Bits::matching(&monthly_max, Option::is_none);
        let salary_steps = SALARY_STEPS
            .iter()
            .map(|step| Bits::matching(&monthly_max, |m| m.is_some_and(|m| m >= f64::from(*step))))
            .collect();
        Index {
            cards,
            names,
            demo_until,
            by_id,
            meta,
            valid,
            by_expiry,
            at,
            monthly_max,
            by_salary,
            values,
            near,
            paid,
            unpaid,
            salary_steps,
            postings,
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
        self.cards.len()
    }

    pub fn is_empty(&self) -> bool {
        self.cards.is_empty()
    }

    /// Whether demo listings are shown at `now` (drives the demo notice on every page).
    pub fn shows_demo(&self, now: DateTime<Utc>) -> bool {
        self.demo_until.is_some_and(|until| until > now)
    }

    /// What the public API shows of listing `id` beyond its result card (it may have expired since it
    /// was loaded).
    pub fn details(&self, id: i64) -> Option<Details> {
        let i = *self.by_id.get(&id)?;
        let m = &self.meta[i];
        let skills = self.skills_of(m).iter().map(|s| self.skills[*s as usize].name.clone()).collect();
        Some(self.cards[i].details(m, skills))
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

    /// Listings matching every query term (prefix match for terms of 4+ characters) and a relevance
    /// score per listing (the sum over query terms of their best weight × idf); `None` without query
    /// terms. Each posting costs one compare in a tight loop; dense passes, no hashing, no branches on
    /// which listings are still in the running.
    fn text_matches(&self, q: &str) -> Option<(Bits, Vec<f32>)> {
        let mut query_terms = terms(q);
        query_terms.sort();
        query_terms.dedup();
        // `MAX_Q_LEN` keeps queries far below this; the count of matched terms is a `u8`.
        query_terms.truncate(usize::from(u8::MAX));
        if query_terms.is_empty() {
            return None;
        }
        let n = self.cards.len();
        let (mut score, mut best, mut matched) = (vec![0f32; n], vec![0f32; n], vec![0u8; n]);
        for (k, term) in query_terms.iter().enumerate() {
            for (t, posts) in self.postings.range::<str, _>((Bound::Included(term.as_str()), Bound::Unbounded)) {
                if t != term && !(term.len() >= 4 && t.starts_with(term.as_str())) {
                    break;
                }
                let idf = (1.0 + n.max(1) as f32 / posts.len() as f32).ln();
                // Weight 0 (the end of a long gap, no listing) scores 0 and changes nothing.
                let by_weight: [f32; 16] = std::array::from_fn(|w| w as f32 * 0.5 * idf);
                posts.each(|d, w| {
                    let w = by_weight[w];
                    if w > best[d] {
                        best[d] = w;
                    }
                });
            }
            // A listing stays in the running if it matched every earlier term and this one.
            let k = k as u8;
            for ((s, b), m) in score.iter_mut().zip(&mut best).zip(&mut matched) {
                let b = std::mem::take(b);
                let hit = *m == k && b > 0.0;
                *s += if hit { b } else { 0.0 };
                *m += u8::from(hit);
            }
        }
        let all = query_terms.len() as u8;
        Some((Bits::matching(&matched, |m| *m == all), score))
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
            .filter(|(i, o)| *i != me && self.valid[*i] > now_ts && o.profession == m.profession)
            .map(|(i, o)| {
                (i, self.skills_of(o).iter().filter(|s| mine.contains(s)).count(), chord2(self.at[me], self.at[i]))
            })
            .filter(|(_, _, c2)| *c2 <= limit)
            .collect();
        // Positions are in newest-first order.
        found.sort_by(|a, b| b.1.cmp(&a.1).then(a.2.total_cmp(&b.2)).then(a.0.cmp(&b.0)));
        found.into_iter().take(n).map(|(i, _, c2)| self.summary(i, Some(c2))).collect()
    }

    /// A result card's data: the listing with its distance (when measured) and, without a salary,
    /// the comparison with similar listings.
    fn summary(&self, i: usize, c2: Option<f64>) -> JobSummary {
        let m = &self.meta[i];
        let mut job = self.cards[i].summary(m, &self.names);
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
}

#[path = "cards.rs"]
mod cards;
pub use cards::Details;
use cards::{Card, Names};

#[path = "query.rs"]
mod query;

#[path = "salaries.rs"]
mod salaries;

#[cfg(test)]
#[path = "engine_tests.rs"]
mod tests;
