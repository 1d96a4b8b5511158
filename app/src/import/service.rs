//! One input imported. It is read once: every record is checked and mapped, the mapped ones wait
//! in a temporary file, and the database is asked what it knows of them. Only when no record has an
//! error is anything written: new listings staged in batches, then every change of a known listing
//! in one transaction that makes all of it visible at once (`repo`). So an input of any size streams
//! through in little memory, and nothing of an input with an error is written.
use chrono::{DateTime, Duration, Utc};
use std::collections::HashMap;
use std::io::{BufRead, Seek, Write as _};

use super::classify::ProfessionRef;
use super::draft::Draft;
use super::duplicates::WITHIN_DAYS;
use super::geo::Gazetteer;
use super::input::{Findings, Format, Problem};
use super::listing::{self, Mapped, Rules};
use super::reader;
use super::repo::{self, Candidate, Known, Write, Writer};
use crate::db::{Db, DbError};
use crate::jobs::model::{DEMO_SOURCE, JOBSUCHE_SOURCE};

/// Listings are written in batches of this many.
const BATCH: usize = 500;
/// Records are mapped this many at a time, spread over the cores.
const MAP_CHUNK: usize = 1024;

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

/// Opens an input (it is read once).
pub type Open = std::sync::Arc<dyn Fn() -> std::io::Result<Box<dyn BufRead + Send>> + Send + Sync>;

/// Imports the input `open` gives; `progress` hears how many records each step has passed.
pub async fn import(
    db: &Db,
    open: Open,
    options: &Options,
    progress: &mut (dyn FnMut(usize) + Send),
) -> Result<Tally, DbError> {
    let professions = repo::professions(db).await?;
    let mut tally = Tally::default();
    // Reading: check and map everything, keep what identifies each record; the mapped records wait
    // in a file of their own, so memory stays small whatever the input's size.
    let spill = match Spill::new() {
        Ok(spill) => spill,
        Err(e) => return Ok(rejected(Problem::input(format!("keine Zwischendatei möglich: {e}")))),
    };
    let mut input = match open() {
        Ok(input) => input,
        Err(e) => return Ok(rejected(Problem::input(format!("nicht lesbar: {e}")))),
    };
    let mut gathered = Gathered { seen: Vec::new(), first_ids: HashMap::new(), spill, tally: &mut tally, progress };
    let mut pending: Vec<(Format, Draft, Findings)> = Vec::with_capacity(MAP_CHUNK);
    let result = reader::read(&mut *input, &mut |format, draft, findings| {
        pending.push((format, draft, findings));
        if pending.len() == MAP_CHUNK {
            map_all(&mut pending, &professions, options.now).into_iter().for_each(|(m, f)| gathered.take(m, f));
        }
    });
    map_all(&mut pending, &professions, options.now).into_iter().for_each(|(m, f)| gathered.take(m, f));
    let Gathered { seen, spill, .. } = gathered;
    drop(input);
    let format = match result {
        Ok(format) => format,
        Err(problem) => return Ok(rejected(problem)),
    };
    tally.format = Some(format);
    tally.source = options.source.clone().unwrap_or_else(|| match format {
        Format::Jobsuche => JOBSUCHE_SOURCE.to_owned(),
        _ => options.fallback_source.clone(),
    });
    if !tally.errors.is_empty() {
        return Ok(tally);
    }
    let mut spilled = match spill.finish() {
        Ok(spilled) => spilled,
        Err(e) => return Ok(rejected(Problem::input(format!("Zwischendatei nicht schreibbar: {e}")))),
    };
    // What the database knows; listings of imports still writing are not there yet.
    let staged = crate::jobs::repo::staged(db).await?;
    let ids: Vec<String> = seen.iter().flatten().map(|s| s.external_id.clone()).collect();
    let mut known = HashMap::new();
    for chunk in ids.chunks(BATCH) {
        let found = repo::known(db, &tally.source, chunk).await?.into_iter().filter(|k| !staged.contains(k.job));
        known.extend(found.map(|k| (k.external_id.clone(), k)));
    }
    let mut candidates: HashMap<String, Vec<Candidate>> = HashMap::new();
    for candidate in repo::candidates(db, &tally.source).await?.into_iter().filter(|c| !staged.contains(c.job)) {
        candidates.entry(candidate.key.clone()).or_default().push(candidate);
    }
    let decisions: Vec<Decision> = decide(&seen, &known, &candidates);
    count(&mut tally, &decisions);
    if options.dry_run {
        return Ok(tally);
    }
    // An unchanged ad is confirmed by its source all the same.
    let unchanged: Vec<String> = (seen.iter().zip(&decisions))
        .filter(|(_, d)| **d == Decision::Unchanged)
        .filter_map(|(s, _)| s.as_ref().map(|s| s.external_id.clone()))
        .collect();
    if !unchanged.is_empty() {
        repo::confirm(db, &tally.source, Some(&unchanged), options.now).await?;
    }
    if decisions.iter().all(|d| matches!(d, Decision::Unchanged | Decision::Skip)) {
        return Ok(tally);
    }
    if let Some(since) = repo::running(db, &tally.source).await? {
        let since = since.format("%d.%m.%Y %H:%M UTC");
        let message =
            format!("ein anderer Import der Quelle „{}“ schreibt seit {since}; nichts geschrieben", tally.source);
        return Ok(rejected(Problem::input(message)));
    }
    repo::clear_stopped(db).await?;
    // Writing: real listings never share the database with demo listings.
    let news = decisions.iter().filter(|d| **d == Decision::New).count() as i64;
    if news > 0 && crate::jobs::repo::count_source(db, DEMO_SOURCE).await? > 0 {
        tally.demo_removed = repo::remove_demo(db).await?;
        crate::jobs::repo::listings_changed(db).await?;
    }
    let run = match news {
        0 => None,
        n => {
            let first = repo::reserve_ids(db, n as u64).await?;
            Some(repo::Run::begin(db, &tally.source, first, first + n - 1).await?)
        }
    };
    let (source, now) = (tally.source.clone(), options.now);
    let written = write(db, &mut spilled, &decisions, run.as_ref(), &source, now, progress).await;
    match (written, run) {
        (Ok(()), run) => {
            let writer = Writer::begin(db, &source).await?;
            let changed = change(&writer, &mut spilled, &decisions, &known, &source, now).await;
            match changed {
                Ok(()) => writer.commit(run).await?,
                Err(e) => {
                    writer.cancel().await?;
                    if let Some(run) = run {
                        run.abandon(db).await?;
                    }
                    return Err(e);
                }
            }
        }
        (Err(e), run) => {
            if let Some(run) = run {
                run.abandon(db).await?;
            }
            return Err(e);
        }
    }
    Ok(tally)
}

/// What reading keeps of each record: what identifies it, and the mapped record in the spill file.
struct Gathered<'a> {
    seen: Vec<Option<Seen>>,
    first_ids: HashMap<String, usize>,
    spill: Spill,
    tally: &'a mut Tally,
    progress: &'a mut (dyn FnMut(usize) + Send),
}

impl Gathered<'_> {
    fn take(&mut self, mapped: Option<Mapped>, mut findings: Findings) {
        let record = mapped.and_then(|m| {
            let id = &m.listing.external_id;
            if let Some(first) = self.first_ids.get(id) {
                findings.warn("identifier", format!("„{id}“ kam schon in Datensatz {first} vor; übersprungen"));
                return None;
            }
            self.first_ids.insert(id.clone(), self.seen.len());
            self.spill.push(&m);
            Some(seen_of(&m))
        });
        self.tally.errors.extend(findings.errors);
        self.tally.warnings.extend(findings.warnings);
        self.seen.push(record);
        (self.progress)(self.seen.len());
    }
}

/// Maps the `pending` records (and empties the list), on every core, in order.
fn map_all(
    pending: &mut Vec<(Format, Draft, Findings)>,
    professions: &[ProfessionRef],
    now: DateTime<Utc>,
) -> Vec<(Option<Mapped>, Findings)> {
    let map_one = |(format, draft, mut findings): (Format, Draft, Findings)| {
        let mapped = listing::map(draft, &mut findings, &rules(professions, "", format, now));
        (mapped, findings)
    };
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    let size = pending.len().div_ceil(cores).max(1);
    let mut parts: Vec<Vec<_>> = Vec::new();
    while !pending.is_empty() {
        let rest = pending.split_off(size.min(pending.len()));
        parts.push(std::mem::replace(pending, rest));
    }
    std::thread::scope(|scope| {
        let workers: Vec<_> = parts
            .into_iter()
            .map(|part| scope.spawn(move || part.into_iter().map(map_one).collect::<Vec<_>>()))
            .collect();
        workers.into_iter().flat_map(|w| w.join().unwrap_or_else(|e| std::panic::resume_unwind(e))).collect()
    })
}

/// The mapped records of an input, one JSON line each, in a temporary file (deleted when dropped).
struct Spill {
    file: std::io::BufWriter<std::fs::File>,
    /// The first write that failed: the file is of no use then.
    failed: Option<std::io::Error>,
}

/// The records of a [`Spill`], read back from its start.
struct Spilled(std::fs::File);

impl Spill {
    fn new() -> std::io::Result<Self> {
        Ok(Spill { file: std::io::BufWriter::new(tempfile::tempfile()?), failed: None })
    }

    fn push(&mut self, mapped: &Mapped) {
        if self.failed.is_none() {
            let line = serde_json::to_writer(&mut self.file, mapped).map_err(std::io::Error::from);
            self.failed = line.and_then(|_| self.file.write_all(b"\n")).err();
        }
    }

    fn finish(self) -> std::io::Result<Spilled> {
        if let Some(e) = self.failed {
            return Err(e);
        }
        Ok(Spilled(self.file.into_inner().map_err(|e| e.into_error())?))
    }
}

impl Spilled {
    /// Each record with its decision, from the first.
    fn records<'a>(
        &'a mut self,
        decisions: &'a [Decision],
        source: &'a str,
    ) -> std::io::Result<impl Iterator<Item = Result<(Decision, Mapped), DbError>> + 'a> {
        self.0.seek(std::io::SeekFrom::Start(0))?;
        let lines = std::io::BufReader::new(&self.0).lines();
        let kept = decisions.iter().copied().filter(|d| *d != Decision::Skip);
        Ok(kept.zip(lines).map(move |(decision, line)| {
            let line = line.map_err(|e| DbError::Shape(serde_json::Error::io(e)))?;
            let mut mapped: Mapped = serde_json::from_str(&line)?;
            mapped.listing.summary.source = source.to_owned();
            Ok((decision, mapped))
        }))
    }
}

/// Stages the new listings under `run`, a batch at a time, as many at once as there are cores.
async fn write(
    db: &Db,
    spilled: &mut Spilled,
    decisions: &[Decision],
    run: Option<&repo::Run>,
    source: &str,
    now: DateTime<Utc>,
    progress: &mut (dyn FnMut(usize) + Send),
) -> Result<(), DbError> {
    let Some(run) = run else { return Ok(()) };
    let mut writing = std::collections::VecDeque::new();
    let result = stage_all(db, spilled, decisions, run, source, now, progress, &mut writing).await;
    // Every batch ends before the caller may remove what was staged.
    while let Some(task) = writing.pop_front() {
        let _ = finished(Some(task)).await;
    }
    result
}

type Writing = std::collections::VecDeque<tokio::task::JoinHandle<Result<(), DbError>>>;

#[allow(clippy::too_many_arguments)]
async fn stage_all(
    db: &Db,
    spilled: &mut Spilled,
    decisions: &[Decision],
    run: &repo::Run,
    source: &str,
    now: DateTime<Utc>,
    progress: &mut (dyn FnMut(usize) + Send),
    writing: &mut Writing,
) -> Result<(), DbError> {
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    let (mut next_id, mut done) = (run.first(), 0);
    let mut batch: Vec<Mapped> = Vec::with_capacity(BATCH);
    let records = spilled.records(decisions, source).map_err(|e| DbError::Shape(serde_json::Error::io(e)))?;
    let mut records = records.peekable();
    while let Some(record) = records.next() {
        let (decision, mapped) = record?;
        if decision == Decision::New {
            batch.push(mapped);
        }
        if batch.len() < BATCH && records.peek().is_some() {
            continue;
        }
        let writes: Vec<Write> =
            batch.iter().enumerate().map(|(k, mapped)| Write { mapped, job: next_id + k as i64 }).collect();
        if !writes.is_empty() {
            writing.push_back(tokio::spawn(run.stage(db, repo::rows_and_links(source, &writes, now)?)));
        }
        (next_id, done) = (next_id + batch.len() as i64, done + batch.len());
        batch.clear();
        if writing.len() >= cores {
            finished(writing.pop_front()).await?;
            run.alive(db).await?;
            progress(done);
        }
    }
    while let Some(task) = writing.pop_front() {
        finished(Some(task)).await?;
    }
    Ok(())
}

async fn finished(task: Option<tokio::task::JoinHandle<Result<(), DbError>>>) -> Result<(), DbError> {
    match task {
        Some(task) => task.await.unwrap_or_else(|e| std::panic::resume_unwind(e.into_panic())),
        None => Ok(()),
    }
}

/// Writes the changes of known listings (updates, merges) into `writer`'s transaction.
async fn change(
    writer: &Writer,
    spilled: &mut Spilled,
    decisions: &[Decision],
    known: &HashMap<String, Known>,
    source: &str,
    now: DateTime<Utc>,
) -> Result<(), DbError> {
    let mut updates: Vec<(i64, Mapped)> = Vec::new();
    let mut merges: Vec<(i64, Mapped)> = Vec::new();
    let records = spilled.records(decisions, source).map_err(|e| DbError::Shape(serde_json::Error::io(e)))?;
    for record in records {
        match record? {
            (Decision::Update(job), mapped) => {
                let earlier = known.get(&mapped.listing.external_id);
                updates.push((job, with_earliest(mapped, earlier)));
            }
            (Decision::Merge(job), mapped) => merges.push((job, mapped)),
            _ => {}
        }
        if updates.len() >= BATCH || merges.len() >= BATCH {
            flush(writer, &mut updates, &mut merges, now).await?;
        }
    }
    flush(writer, &mut updates, &mut merges, now).await
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
    updates: &mut Vec<(i64, Mapped)>,
    merges: &mut Vec<(i64, Mapped)>,
    now: DateTime<Utc>,
) -> Result<(), DbError> {
    fn writes(list: &[(i64, Mapped)]) -> Vec<Write<'_>> {
        list.iter().map(|(job, mapped)| Write { mapped, job: *job }).collect()
    }
    if !updates.is_empty() {
        writer.changed_listings(&writes(updates), now).await?;
    }
    if !merges.is_empty() {
        writer.merged(&writes(merges), now).await?;
    }
    updates.clear();
    merges.clear();
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
