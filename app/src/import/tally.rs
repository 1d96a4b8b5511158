//! What an import decides for each record and what became of the input: pure, and tested with the
//! import (`server/tests/it/import.rs`).
use chrono::{DateTime, Duration, Utc};
use std::collections::HashMap;

use super::duplicates::WITHIN_DAYS;
use super::input::{Format, Problem};
use super::listing::Mapped;
use super::repo::{Candidate, Known};

/// What became of an input.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Tally {
    pub format: Option<Format>,
    pub source: String,
    pub new: usize,
    pub updated: usize,
    pub unchanged: usize,
    pub merged: usize,
    pub skipped: usize,
    /// Demo listings removed because real ones came in.
    pub demo_removed: u64,
    /// Any error means nothing of the input was written.
    pub errors: Vec<Problem>,
    pub warnings: Vec<Problem>,
}

impl Tally {
    pub fn imported(&self) -> bool {
        self.errors.is_empty()
    }

    /// What became of the records, in words: the import's report and a source run's summary.
    pub fn counts(&self) -> String {
        format!(
            "{} neu, {} aktualisiert, {} unverändert, {} als Dublette zusammengeführt, {} übersprungen",
            self.new, self.updated, self.unchanged, self.merged, self.skipped
        )
    }
}

/// What to do with a record, decided before anything is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    New,
    /// Known under the same id with other content: listing `job` gets the new content.
    Update(i64),
    Unchanged,
    /// The same job as another source's listing `job`.
    Merge(i64),
    /// Not imported (a warning says why).
    Skip,
}

/// What the first reading keeps of a mapped record.
#[derive(Debug, Clone, PartialEq)]
pub struct Seen {
    pub external_id: String,
    pub hash: String,
    pub duplicate_key: String,
    pub posted_at: DateTime<Utc>,
}

pub fn seen_of(m: &Mapped) -> Seen {
    Seen {
        external_id: m.listing.external_id.clone(),
        hash: m.hash.clone(),
        duplicate_key: m.duplicate_key.clone(),
        posted_at: m.listing.summary.posted_at,
    }
}

/// What to do with each record: known under its id (changed or not), the same job as another
/// source's listing posted within `WITHIN_DAYS` days (the nearest in time), or new.
pub fn decide(
    seen: &[Option<Seen>],
    known: &HashMap<String, Known>,
    candidates: &HashMap<String, Vec<Candidate>>,
) -> Vec<Decision> {
    seen.iter()
        .map(|record| {
            let Some(record) = record else { return Decision::Skip };
            if let Some(k) = known.get(&record.external_id) {
                return if k.hash == record.hash { Decision::Unchanged } else { Decision::Update(k.job) };
            }
            let gap = |c: &Candidate| (c.posted_at - record.posted_at).abs();
            candidates
                .get(&record.duplicate_key)
                .and_then(|list| list.iter().filter(|c| gap(c) <= Duration::days(WITHIN_DAYS)).min_by_key(|c| gap(c)))
                .map_or(Decision::New, |c| Decision::Merge(c.job))
        })
        .collect()
}

pub fn count(tally: &mut Tally, decisions: &[Decision]) {
    for decision in decisions {
        match decision {
            Decision::New => tally.new += 1,
            Decision::Update(_) => tally.updated += 1,
            Decision::Unchanged => tally.unchanged += 1,
            Decision::Merge(_) => tally.merged += 1,
            Decision::Skip => tally.skipped += 1,
        }
    }
}
