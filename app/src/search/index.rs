//! The index: every active listing in named parts, built once per listings version.
use chrono::{DateTime, Utc};
use std::collections::HashMap;
use std::sync::Arc;

use super::cards::Cards;
use super::geo::{km_from_chord2, unit};
use super::memo::Memo;
use super::places::Places;
use super::ranking::Ranking;
use super::salary_rows::SalaryRows;
use super::sets::{Categories, DIMS, Dim, FilterSets};
use super::text::strip_tags;
use super::text_index::{TextIndex, TextIndexBuilder};
use crate::jobs::model::{
    Choice, Choices, City, Contract, DEMO_SOURCE, EmployerType, Experience, Hit, Listing, Offer, PayComparison, Remote,
    Stored, Summary, WorkingTime,
};
use crate::salary::model::SalaryReport;
use crate::salary::stats::monthly_max;
use crate::ui::format::slugify;

/// How many listings' similar listings, explorer answers and stored listings are kept at most.
const SIMILAR_KEPT: usize = 20_000;
const EXPLORED_KEPT: usize = 1_000;
const STORED_KEPT: usize = 2_000;

/// Listings are kept newest first (posted, then id, descending): that order is a listing's position
/// in every part, and "newest first" needs no sorting.
pub struct Index {
    pub(super) cards: Cards,
    pub(super) categories: Vec<Categories>,
    /// Skill ids of all listings, in listing order (see `Categories::skills`).
    pub(super) skill_of: Vec<u32>,
    pub(super) choices: Choices,
    pub(super) skill_ids: HashMap<String, usize>,
    pub(super) places: Places,
    /// Every listing's place as a unit vector (see `geo`).
    pub(super) at: Vec<[f64; 3]>,
    pub(super) sets: FilterSets,
    pub(super) ranking: Ranking,
    pub(super) text: TextIndex,
    /// The salary explorer's rows.
    pub(super) pay: SalaryRows,
    /// When the last demo listing expires (`None`: no demo listings).
    demo_until: Option<DateTime<Utc>>,
    /// Answers kept per listing, per explorer query, and the indexable pages (see `Memo`).
    pub(super) similar: Memo<u32, (usize, Vec<(u32, f64)>)>,
    pub(super) explored: Memo<String, SalaryReport>,
    indexable: Memo<(), Vec<(String, DateTime<Utc>)>>,
    /// Listings as read for their pages: exact for as long as this index, since every write to
    /// listings bumps the version and so makes a new one.
    stored: Memo<i64, Stored>,
}

/// Builds an index from listings handed in as they are read: each listing's text is indexed when
/// it comes and its description dropped, so no more than the pages being read hold descriptions.
pub struct IndexBuilder {
    cities: Vec<City>,
    professions: Vec<Choice>,
    /// In the order added (not yet positions).
    summaries: Vec<Summary>,
    text: TextIndexBuilder,
}

impl IndexBuilder {
    /// A builder for listings in these cities and professions (reference data).
    pub fn new(cities: Vec<City>, professions: Vec<Choice>) -> Self {
        IndexBuilder { cities, professions, summaries: Vec::new(), text: TextIndexBuilder::default() }
    }

    pub fn add(&mut self, listing: Listing) {
        let s = &listing.summary;
        let profession = Choices::name(&self.professions, &s.profession);
        let (description, skills) = (strip_tags(&listing.description), s.skills.join(" "));
        let fields = [(s.title.as_str(), 6), (profession, 4), (&skills, 4), (&s.employer.name, 2), (&description, 1)];
        self.text.add(fields);
        self.summaries.push(listing.summary);
    }

    /// The index of the listings added; `now` decides which listings count for the pay comparisons.
    pub fn build(self, now: DateTime<Utc>) -> Index {
        let IndexBuilder { cities, professions, summaries, text } = self;
        // Sorted by number, not by moving the listings themselves around.
        let mut order: Vec<u32> = (0..summaries.len() as u32).collect();
        order.sort_unstable_by_key(|k| {
            let s = &summaries[*k as usize];
            std::cmp::Reverse((s.posted_at, s.id))
        });
        let mut position = vec![0u32; summaries.len()];
        for (i, k) in order.iter().enumerate() {
            position[*k as usize] = i as u32;
        }
        let text = text.build(&position);
        let mut summaries: Vec<Option<Summary>> = summaries.into_iter().map(Some).collect();
        let summaries: Vec<Summary> = order.iter().filter_map(|k| summaries[*k as usize].take()).collect();
        Index::from_sorted(summaries, text, cities, professions, now)
    }
}

/// The skills the listings name: each once (by slug, the first spelling kept), and each listing's.
struct Skills {
    choices: Vec<Choice>,
    ids: HashMap<String, usize>,
    /// Every listing's skill ids, in listing order; listing `i`'s are `of[ranges[i].0..ranges[i].1]`.
    of: Vec<u32>,
    ranges: Vec<(u32, u32)>,
}

impl Skills {
    fn of(summaries: &[Summary]) -> Self {
        let mut skills = Skills { choices: Vec::new(), ids: HashMap::new(), of: Vec::new(), ranges: Vec::new() };
        // Each spelling is slugged once.
        let mut by_spelling: HashMap<&str, usize> = HashMap::new();
        for s in summaries {
            let start = skills.of.len() as u32;
            for name in &s.skills {
                let id = *by_spelling.entry(name).or_insert_with(|| {
                    let slug = slugify(name);
                    *skills.ids.entry(slug.clone()).or_insert_with(|| {
                        skills.choices.push(Choice { slug, name: name.clone() });
                        skills.choices.len() - 1
                    })
                });
                if !skills.of[start as usize..].contains(&(id as u32)) {
                    skills.of.push(id as u32);
                }
            }
            skills.ranges.push((start, skills.of.len() as u32));
        }
        skills
    }
}

impl Index {
    /// Builds the index of `listings`; `now` decides which listings count for the pay comparisons.
    pub fn build(listings: Vec<Listing>, cities: Vec<City>, professions: Vec<Choice>, now: DateTime<Utc>) -> Self {
        let mut builder = IndexBuilder::new(cities, professions);
        listings.into_iter().for_each(|listing| builder.add(listing));
        builder.build(now)
    }

    /// The index of `summaries`, newest first, whose text is indexed in `text` already.
    fn from_sorted(
        summaries: Vec<Summary>,
        text: TextIndex,
        cities: Vec<City>,
        professions: Vec<Choice>,
        now: DateTime<Utc>,
    ) -> Self {
        let position_in =
            |list: &[&str], slug: &str| list.iter().position(|s| *s == slug).map_or(u32::MAX, |i| i as u32);
        let profession_slugs: Vec<&str> = professions.iter().map(|p| p.slug.as_str()).collect();
        let city_slugs: Vec<&str> = cities.iter().map(|c| c.slug.as_str()).collect();
        let Skills { choices: skills, ids: skill_ids, of: skill_of, ranges } = Skills::of(&summaries);
        let categories: Vec<Categories> = summaries
            .iter()
            .zip(ranges)
            .map(|(s, skills)| {
                let (profession, city) =
                    (position_in(&profession_slugs, &s.profession), position_in(&city_slugs, &s.location.city_slug));
                Categories::new(s, profession, city, skills)
            })
            .collect();
        let valid: Vec<i64> = summaries.iter().map(|s| s.valid_through.timestamp()).collect();
        let at: Vec<[f64; 3]> = summaries.iter().map(|s| unit(s.location.lat, s.location.lon)).collect();
        let monthly: Vec<Option<f64>> = summaries.iter().map(|s| s.salary.as_ref().map(monthly_max)).collect();
        let demo_until = summaries.iter().filter(|s| s.is_demo()).map(|s| s.valid_through).max();
        let pay = SalaryRows::new(&summaries, &categories, now.timestamp());
        let value_counts = Dim::ALL.map(|d| match d {
            Dim::Profession => professions.len(),
            Dim::WorkingTime => WorkingTime::ALL.len(),
            Dim::Offer => Offer::ALL.len(),
            Dim::Remote => Remote::ALL.len(),
            Dim::Contract => Contract::ALL.len(),
            Dim::Experience => Experience::ALL.len(),
            Dim::EmployerType => EmployerType::ALL.len(),
            Dim::Skill => skills.len(),
            Dim::Place | Dim::Salary | Dim::Posted => 0,
        });
        let value_counts: [usize; DIMS] = value_counts;
        let sets = FilterSets::new(&categories, &skill_of, &valid, &monthly, value_counts);
        let city_of: Vec<u32> = categories.iter().map(|c| c.city).collect();
        let places = Places::new(cities, &city_of, &at);
        let choices = Choices {
            professions: professions.into(),
            cities: places.cities.iter().map(|c| Choice { slug: c.slug.clone(), name: c.name.clone() }).collect(),
            skills: skills.into(),
        };
        let mut cards = Cards::default();
        summaries.into_iter().for_each(|s| cards.push(s));
        cards.finish();
        Index {
            cards,
            categories,
            skill_of,
            choices,
            skill_ids,
            places,
            at,
            sets,
            ranking: Ranking::new(monthly),
            text,
            pay,
            demo_until,
            similar: Memo::new(SIMILAR_KEPT),
            explored: Memo::new(EXPLORED_KEPT),
            indexable: Memo::new(1),
            stored: Memo::new(STORED_KEPT),
        }
    }

    pub fn len(&self) -> usize {
        self.cards.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Whether demo listings are shown at `now` (drives the demo notice on every page); in whole
    /// seconds, as listings expire.
    pub fn shows_demo(&self, now: DateTime<Utc>) -> bool {
        self.demo_until.is_some_and(|until| until.timestamp() > now.timestamp())
    }

    /// What the listings offer to choose from.
    pub fn choices(&self) -> &Choices {
        &self.choices
    }

    /// The places a search can name.
    pub fn cities(&self) -> &[City] {
        &self.places.cities
    }

    /// The name of a profession by slug.
    pub fn profession_name(&self, slug: &str) -> Option<&str> {
        Choices::position(&self.choices.professions, slug).map(|i| self.choices.professions[i].name.as_str())
    }

    /// Listing `id` as loaded (expired ones too, until the next rebuild), without its texts.
    #[cfg(test)]
    pub fn summary(&self, id: i64) -> Option<Summary> {
        self.cards.position(id).map(|i| self.summary_at(i))
    }

    pub(super) fn skills_at(&self, i: usize) -> &[u32] {
        let (start, end) = self.categories[i].skills;
        &self.skill_of[start as usize..end as usize]
    }

    fn summary_at(&self, i: usize) -> Summary {
        let skills = self.skills_at(i).iter().map(|s| self.choices.skills[*s as usize].name.clone()).collect();
        self.cards.summary(i, &self.categories[i], skills)
    }

    /// A result: listing `i` with its distance (when measured) and, without a salary, the comparison
    /// with similar listings.
    pub(super) fn hit(&self, i: usize, c2: Option<f64>) -> Hit {
        let summary = self.summary_at(i);
        let c = &self.categories[i];
        let comparison =
            summary.salary.is_none().then(|| self.pay.comparison(c.profession, c.offer, c.experience)).flatten();
        Hit { summary, distance_km: c2.map(|c2| (km_from_chord2(c2) * 10.0).round() / 10.0), comparison }
    }

    /// The comparison shown beside an ad without salary.
    pub fn comparison(&self, profession: &str, offer: Offer, experience: Experience) -> Option<PayComparison> {
        let p = Choices::position(&self.choices.professions, profession)?;
        self.pay.comparison(p as u32, offer, experience)
    }

    /// Listing `id` as kept by [`Index::keep_stored`].
    pub fn stored(&self, id: i64) -> Option<Arc<Stored>> {
        self.stored.get(&id, 0)
    }

    /// Keeps a listing as read from the database at this index's version (or later).
    pub fn keep_stored(&self, stored: Stored) -> Arc<Stored> {
        self.stored.keep(stored.listing.summary.id, stored, i64::MAX)
    }

    /// The canonical URL and posting date of every active listing that is not demo data, newest
    /// first: what search engines may index.
    pub fn indexable(&self, now: DateTime<Utc>) -> Arc<Vec<(String, DateTime<Utc>)>> {
        let now_ts = now.timestamp();
        self.indexable.get_or((), now_ts, self.sets.next_expiry(now_ts), || {
            // Active in whole seconds, as the expiry that ends the kept list counts them.
            let active = self.sets.active(now_ts);
            (0..self.len())
                .filter(|i| active.contains(*i) && !self.cards.is_from(*i, DEMO_SOURCE))
                .map(|i| (self.cards.href(i), self.cards.posted_at(i)))
                .collect()
        })
    }
}
