//! What a result card and the public API show of a listing, kept compact. A loaded `Doc` takes about
//! 650 bytes without its description (measured over 92,856 demo listings); a `Card` about 170, since
//! `Meta` holds the categories and strings many listings share (employers, cities, sources) are kept once.
use chrono::{DateTime, Utc};
use std::collections::HashMap;

use super::{Doc, Meta};
use crate::jobs::model::{Contract, Experience, JobSummary, Salary, WorkingTime};

/// A listing as the index keeps it for showing, beside its `Meta`.
pub(super) struct Card {
    id: i64,
    title: Box<str>,
    /// Positions in `Names`.
    employer: u32,
    city: u32,
    source: u32,
    salary: Option<Salary>,
    posted_at: DateTime<Utc>,
    valid_through: DateTime<Utc>,
    lat: f64,
    lon: f64,
}

/// Strings shared by many listings, each kept once; a card names them by position.
#[derive(Default)]
pub(super) struct Names {
    names: Vec<Box<str>>,
    /// Only while building.
    ids: HashMap<Box<str>, u32>,
}

impl Names {
    fn id(&mut self, name: &str) -> u32 {
        if let Some(id) = self.ids.get(name) {
            return *id;
        }
        let id = self.names.len() as u32;
        self.names.push(name.into());
        self.ids.insert(name.into(), id);
        id
    }

    fn get(&self, id: u32) -> String {
        self.names[id as usize].to_string()
    }

    /// Done adding: the lookup table goes.
    pub(super) fn finish(&mut self) {
        self.ids = HashMap::new();
        self.names.shrink_to_fit();
    }
}

/// What the public API shows of a listing beyond its result card (`JobSummary`).
pub struct Details {
    pub lat: f64,
    pub lon: f64,
    pub contract: Contract,
    pub experience: Experience,
    /// Skill names, each once, in the order first given.
    pub skills: Vec<String>,
    pub valid_through: DateTime<Utc>,
}

impl Card {
    pub(super) fn new(doc: Doc, names: &mut Names) -> Self {
        let s = doc.summary;
        Card {
            id: s.id,
            title: s.title.into_boxed_str(),
            employer: names.id(&s.employer),
            city: names.id(&s.city),
            source: names.id(&s.source),
            salary: s.salary,
            posted_at: s.posted_at,
            valid_through: doc.valid_through,
            lat: doc.lat,
            lon: doc.lon,
        }
    }

    pub(super) fn id(&self) -> i64 {
        self.id
    }

    /// The card's listing as shown in results (no distance, no pay comparison yet).
    pub(super) fn summary(&self, m: &Meta, names: &Names) -> JobSummary {
        JobSummary {
            id: self.id,
            title: self.title.to_string(),
            employer: names.get(self.employer),
            employer_type: m.employer_type,
            city: names.get(self.city),
            working_time: WorkingTime::ALL.iter().filter(|w| m.working_time >> w.index() & 1 == 1).copied().collect(),
            offer: m.offer,
            remote: m.remote,
            salary: self.salary.clone(),
            posted_at: self.posted_at,
            source: names.get(self.source),
            distance_km: None,
            comparison: None,
        }
    }

    pub(super) fn details(&self, m: &Meta, skills: Vec<String>) -> Details {
        Details {
            lat: self.lat,
            lon: self.lon,
            contract: m.contract,
            experience: m.experience,
            skills,
            valid_through: self.valid_through,
        }
    }
}
