//! What the index keeps of each listing to show it, compact: a loaded listing takes several hundred
//! bytes, a card a fraction, since its categories are in `Categories` and the strings many listings
//! share (employers, towns, sources) are kept once.
use chrono::{DateTime, Utc};
use std::collections::HashMap;

use super::sets::Categories;
use crate::jobs::model::{Employer, Location, Salary, Summary, job_href};

/// One listing as the index keeps it for showing, beside its `Categories`.
struct Card {
    id: i64,
    title: Box<str>,
    /// Positions in `SharedStrings`; `NONE` where the listing has no value.
    profession: u32,
    employer: u32,
    website: u32,
    city: u32,
    city_slug: u32,
    postal_code: u32,
    street: u32,
    region: u32,
    source: u32,
    salary: Option<Salary>,
    posted_at: DateTime<Utc>,
    valid_through: DateTime<Utc>,
    lat: f64,
    lon: f64,
}

const NONE: u32 = u32::MAX;

/// Strings shared by many listings, each kept once; a card names them by position.
#[derive(Default)]
struct SharedStrings {
    strings: Vec<Box<str>>,
    /// Only while building.
    ids: HashMap<Box<str>, u32>,
}

impl SharedStrings {
    fn id(&mut self, text: &str) -> u32 {
        if let Some(id) = self.ids.get(text) {
            return *id;
        }
        let id = self.strings.len() as u32;
        self.strings.push(text.into());
        self.ids.insert(text.into(), id);
        id
    }

    fn optional(&mut self, text: Option<&str>) -> u32 {
        text.map_or(NONE, |t| self.id(t))
    }

    fn get(&self, id: u32) -> String {
        self.strings[id as usize].to_string()
    }

    fn optional_get(&self, id: u32) -> Option<String> {
        (id != NONE).then(|| self.get(id))
    }
}

/// The cards of every listing, by position, and the position of each listing id.
#[derive(Default)]
pub(super) struct Cards {
    cards: Vec<Card>,
    strings: SharedStrings,
    by_id: HashMap<i64, u32>,
}

impl Cards {
    pub(super) fn push(&mut self, s: Summary) {
        let strings = &mut self.strings;
        let (employer, location) = (&s.employer, &s.location);
        self.by_id.insert(s.id, self.cards.len() as u32);
        self.cards.push(Card {
            id: s.id,
            profession: strings.id(&s.profession),
            employer: strings.id(&employer.name),
            website: strings.optional(employer.website.as_deref()),
            city: strings.id(&location.city),
            city_slug: strings.id(&location.city_slug),
            postal_code: strings.optional(location.postal_code.as_deref()),
            street: strings.optional(location.street.as_deref()),
            region: strings.optional(location.region.as_deref()),
            source: strings.id(&s.source),
            title: s.title.into_boxed_str(),
            salary: s.salary,
            posted_at: s.posted_at,
            valid_through: s.valid_through,
            lat: location.lat,
            lon: location.lon,
        });
    }

    /// Done adding: the lookup table of the shared strings goes.
    pub(super) fn finish(&mut self) {
        self.strings.ids = HashMap::new();
        self.strings.strings.shrink_to_fit();
        self.cards.shrink_to_fit();
    }

    pub(super) fn len(&self) -> usize {
        self.cards.len()
    }

    pub(super) fn position(&self, id: i64) -> Option<usize> {
        self.by_id.get(&id).map(|i| *i as usize)
    }

    pub(super) fn is_from(&self, i: usize, source: &str) -> bool {
        *self.strings.strings[self.cards[i].source as usize] == *source
    }

    pub(super) fn valid_through(&self, i: usize) -> DateTime<Utc> {
        self.cards[i].valid_through
    }

    pub(super) fn posted_at(&self, i: usize) -> DateTime<Utc> {
        self.cards[i].posted_at
    }

    /// The canonical URL of listing `i` (see `Summary::href`).
    pub(super) fn href(&self, i: usize) -> String {
        let card = &self.cards[i];
        job_href(card.id, &card.title, &self.strings.strings[card.city as usize])
    }

    /// Listing `i` as loaded, given its categories and skill names.
    pub(super) fn summary(&self, i: usize, c: &Categories, skills: Vec<String>) -> Summary {
        let (card, strings) = (&self.cards[i], &self.strings);
        Summary {
            id: card.id,
            title: card.title.to_string(),
            profession: strings.get(card.profession),
            employer: Employer {
                name: strings.get(card.employer),
                kind: c.employer_type,
                website: strings.optional_get(card.website),
            },
            location: Location {
                city: strings.get(card.city),
                city_slug: strings.get(card.city_slug),
                postal_code: strings.optional_get(card.postal_code),
                street: strings.optional_get(card.street),
                region: strings.optional_get(card.region),
                lat: card.lat,
                lon: card.lon,
            },
            working_time: c.working_times().collect(),
            offer: c.offer,
            remote: c.remote,
            contract: c.contract,
            experience: c.experience,
            skills,
            salary: card.salary.clone(),
            posted_at: card.posted_at,
            valid_through: card.valid_through,
            source: strings.get(card.source),
        }
    }
}
