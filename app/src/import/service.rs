//! One input imported. It is read twice: first every record is checked and mapped and the
//! database asked what it knows of them; only when no record has an error is it read again and
//! written, in one transaction. So an input of any size streams through, and nothing of an input
//! with an error is written.
use chrono::{DateTime, Duration, Utc};
use std::collections::HashMap;
use std::io::BufRead;

use super::classify::ProfessionRef;
use super::duplicates::WITHIN_DAYS;
use super::geo::Gazetteer;
use super::input::{Format, Problem};
use super::listing::{self, Mapped, Rules};
use super::reader;
use super::repo::{self, Candidate, Known, Write, Writer};
use crate::db::{Db, DbError};
use crate::jobs::model::JOBSUCHE_SOURCE;

/// Listings are written in batches of this many.
const BATCH: usize = 500;

/// How to import.
pub struct Options {
    /// The source's name; Jobsuche answers default to [`JOBSUCHE_SOURCE`].
    pub source: Option<String>,
    /// The name to use for other inputs without `source` (e.g. the host they came from).
    pub fallback_source: String,
    /// Check and map everything, write nothing.
    pub dry_run: bool,
    pub now: DateTime<Utc>,
}

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

/// Opens an input, once for each reading.
pub type Open = std::sync::Arc<dyn Fn() -> std::io::Result<Box<dyn BufRead + Send>> + Send + Sync>;

/// Imports the input `open` gives; `progress` hears how many records each reading has passed.
pub async fn import(db: &Db, open: Open, options: &Options, progress: &mut dyn FnMut(usize)) -> Result<Tally, DbError> {
    let professions = repo::professions(db).await?;
    let mut tally = Tally::default();
    // First reading: check and map everything, keep what identifies each record.
    let mut seen: Vec<Option<Seen>> = Vec::new();
    let mut first_ids: HashMap<String, usize> = HashMap::new();
    let mut input = match open() {
        Ok(input) => input,
        Err(e) => return Ok(rejected(Problem::input(format!("nicht lesbar: {e}")))),
    };
    let result = reader::read(&mut *input, &mut |format, draft, mut findings| {
        let mapped = listing::map(draft, &mut findings, &rules(&professions, "", format, options.now));
        let record = mapped.and_then(|m| {
            let id = &m.listing.external_id;
            if let Some(first) = first_ids.get(id) {
                findings.warn("identifier", format!("„{id}“ kam schon in Datensatz {first} vor; übersprungen"));
                return None;
            }
            first_ids.insert(id.clone(), seen.len());
            Some(seen_of(&m))
        });
        tally.errors.extend(findings.errors);
        tally.warnings.extend(findings.warnings);
        seen.push(record);
        progress(seen.len());
    });
    let format = match result {
        Ok(format) => format,
        Err(problem) => return Ok(rejected(problem)),
    };
    drop(first_ids);
    tally.format = Some(format);
    tally.source = options.source.clone().unwrap_or_else(|| match format {
        Format::Jobsuche => JOBSUCHE_SOURCE.to_owned(),
        _ => options.fallback_source.clone(),
    });
    if !tally.errors.is_empty() {
        return Ok(tally);
    }
    let ids: Vec<String> = seen.iter().flatten().map(|s| s.external_id.clone()).collect();
    let mut known = HashMap::new();
    for chunk in ids.chunks(BATCH) {
        known.extend(repo::known(db, &tally.source, chunk).await?.into_iter().map(|k| (k.external_id.clone(), k)));
    }
    let mut candidates: HashMap<String, Vec<Candidate>> = HashMap::new();
    for candidate in repo::candidates(db, &tally.source).await? {
        candidates.entry(candidate.key.clone()).or_default().push(candidate);
    }
    let decisions = decide(&seen, &known, &candidates);
    count(&mut tally, &decisions);
    if options.dry_run || decisions.iter().all(|d| matches!(d, Decision::Unchanged | Decision::Skip)) {
        return Ok(tally);
    }
    // Second reading, on a thread of its own: write, in one transaction.
    let news = decisions.iter().filter(|d| **d == Decision::New).count() as u64;
    let mut next_id = if news > 0 { repo::reserve_ids(db, news).await? } else { 0 };
    let demo = crate::jobs::repo::count_source(db, crate::jobs::model::DEMO_SOURCE).await?;
    let writer = Writer::begin(db, &tally.source).await?;
    if demo > 0 {
        writer.remove_demo().await?;
        tally.demo_removed = demo;
    }
    let (sender, mut receiver) = tokio::sync::mpsc::channel::<Option<Mapped>>(BATCH);
    let (source, now) = (tally.source.clone(), options.now);
    let reading = tokio::task::spawn_blocking(move || -> Result<(), Problem> {
        let mut input = open().map_err(|e| Problem::input(format!("beim zweiten Lesen nicht lesbar: {e}")))?;
        reader::read(&mut *input, &mut |format, draft, mut findings| {
            let mapped = listing::map(draft, &mut findings, &rules(&professions, &source, format, now));
            let _ = sender.blocking_send(mapped);
        })
        .map(|_| ())
    });
    let mut batch: Vec<(Decision, Mapped)> = Vec::with_capacity(BATCH);
    let mut index = 0;
    let mut changed_meanwhile = false;
    while let Some(record) = receiver.recv().await {
        let (i, decision) = (index, decisions.get(index).copied().unwrap_or(Decision::Skip));
        index += 1;
        progress(index);
        let Some(mapped) = record else { continue };
        let expected = seen.get(i).and_then(Option::as_ref).map(|s| s.hash.as_str());
        if expected.is_some_and(|hash| hash != mapped.hash) {
            changed_meanwhile = true;
            break;
        }
        let mapped = match decision {
            Decision::Update(_) => {
                let earlier = known.get(&mapped.listing.external_id).cloned();
                with_earliest(mapped, earlier.as_ref())
            }
            _ => mapped,
        };
        batch.push((decision, mapped));
        if batch.len() >= BATCH {
            flush(&writer, &mut batch, &mut next_id, now).await?;
        }
    }
    drop(receiver);
    let read = reading.await.unwrap_or_else(|e| std::panic::resume_unwind(e.into_panic()));
    if let Err(problem) = read {
        writer.cancel().await?;
        return Ok(rejected(problem));
    }
    if changed_meanwhile || index != decisions.len() {
        writer.cancel().await?;
        return Ok(rejected(Problem::input(
            "die Eingabe hat sich zwischen Prüfen und Schreiben geändert; nichts geschrieben",
        )));
    }
    flush(&writer, &mut batch, &mut next_id, now).await?;
    writer.commit().await?;
    Ok(tally)
}

/// The rules of mapping for `format` (Jobsuche result lists carry no descriptions).
fn rules<'a>(professions: &'a [ProfessionRef], source: &'a str, format: Format, now: DateTime<Utc>) -> Rules<'a> {
    Rules { source, professions, gazetteer: Gazetteer::shipped(), now, descriptions: format != Format::Jobsuche }
}

fn rejected(problem: Problem) -> Tally {
    Tally { errors: vec![problem], ..Tally::default() }
}

fn seen_of(m: &Mapped) -> Seen {
    Seen {
        external_id: m.listing.external_id.clone(),
        hash: m.hash.clone(),
        duplicate_key: m.duplicate_key.clone(),
        posted_at: m.listing.summary.posted_at,
    }
}

/// An updated listing keeps the earliest posting date it was seen with.
fn with_earliest(mut m: Mapped, known: Option<&Known>) -> Mapped {
    if let Some(known) = known {
        m.listing.summary.posted_at = m.listing.summary.posted_at.min(known.posted_at);
    }
    m
}

async fn flush(
    writer: &Writer,
    batch: &mut Vec<(Decision, Mapped)>,
    next_id: &mut i64,
    now: DateTime<Utc>,
) -> Result<(), DbError> {
    let mut new = Vec::new();
    let mut changed = Vec::new();
    let mut merged = Vec::new();
    for (decision, mapped) in batch.iter() {
        match decision {
            Decision::New => {
                new.push(Write { mapped, job: *next_id });
                *next_id += 1;
            }
            Decision::Update(job) => changed.push(Write { mapped, job: *job }),
            Decision::Merge(job) => merged.push(Write { mapped, job: *job }),
            Decision::Unchanged | Decision::Skip => {}
        }
    }
    if !new.is_empty() {
        writer.new_listings(&new, now).await?;
    }
    if !changed.is_empty() {
        writer.changed_listings(&changed, now).await?;
    }
    if !merged.is_empty() {
        writer.merged(&merged, now).await?;
    }
    batch.clear();
    Ok(())
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

fn count(tally: &mut Tally, decisions: &[Decision]) {
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
