//! Writing an input that passed: its new listings staged under the run, a batch at a time and as
//! many at once as there are cores; then every change of a known listing into the transaction that
//! commits the run (`repo`).
use chrono::{DateTime, Utc};
use std::collections::HashMap;

use super::gather::Spilled;
use super::listing::Mapped;
use super::repo::{self, Known, Write, Writer};
use super::tally::Decision;
use crate::db::{Db, DbError};

/// Listings are written in batches of this many.
pub const BATCH: usize = 250;

/// Stages the new listings under `run`, a batch at a time, as many at once as there are cores.
pub async fn write(
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
        let _ = finished(task).await;
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
    let records = spilled.records(decisions, source)?;
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
        if writing.len() >= cores
            && let Some(task) = writing.pop_front()
        {
            finished(task).await?;
            run.alive(db).await?;
            progress(done);
        }
    }
    while let Some(task) = writing.pop_front() {
        finished(task).await?;
    }
    Ok(())
}

/// A batch's result (its panic goes on).
async fn finished(task: tokio::task::JoinHandle<Result<(), DbError>>) -> Result<(), DbError> {
    task.await.unwrap_or_else(|e| std::panic::resume_unwind(e.into_panic()))
}

/// Writes the changes of known listings (updates, merges) into `writer`'s transaction.
pub async fn change(
    writer: &Writer,
    spilled: &mut Spilled,
    decisions: &[Decision],
    known: &HashMap<String, Known>,
    source: &str,
    now: DateTime<Utc>,
) -> Result<(), DbError> {
    let mut updates: Vec<(i64, Mapped)> = Vec::new();
    let mut merges: Vec<(i64, Mapped)> = Vec::new();
    let records = spilled.records(decisions, source)?;
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
