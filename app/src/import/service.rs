//! One input imported. It is read once: every record is checked and mapped, the mapped ones wait
//! in a temporary file, and the database is asked what it knows of them. Only when no record has an
//! error is anything written: new listings staged in batches, then every change of a known listing
//! in one transaction that makes all of it visible at once (`repo`). So an input of any size streams
//! through in little memory, and nothing of an input with an error is written.
use chrono::{DateTime, Utc};
use std::collections::HashMap;
use std::io::BufRead;

use super::classify::ProfessionRef;
use super::draft::Draft;
use super::gather::{Gathered, MAP_CHUNK, Spill, map_all};
use super::input::{Findings, Format, Problem};
use super::reader;
use super::repo::{self, Candidate, Writer};
use super::stage::{BATCH, change, write};
use super::tally::count;
pub use super::tally::{Decision, Seen, Tally, decide};
use crate::db::{Db, DbError};
use crate::jobs::model::{DEMO_SOURCE, JOBSUCHE_SOURCE};

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

/// Opens an input (it is read once).
pub type Open = std::sync::Arc<dyn Fn() -> std::io::Result<Box<dyn BufRead + Send>> + Send + Sync>;

/// Reading: checks and maps every record, keeping what identifies each; the mapped records wait in
/// a file of their own, so memory stays small whatever the input's size.
fn gather(
    open: &Open,
    professions: &[ProfessionRef],
    now: DateTime<Utc>,
    tally: &mut Tally,
    progress: &mut (dyn FnMut(usize) + Send),
) -> Result<(Vec<Option<Seen>>, Spill, Format), Problem> {
    let spill = Spill::new().map_err(|e| Problem::input(format!("keine Zwischendatei möglich: {e}")))?;
    let mut input = open().map_err(|e| Problem::input(format!("nicht lesbar: {e}")))?;
    let mut gathered = Gathered { seen: Vec::new(), first_ids: HashMap::new(), spill, tally, progress };
    let mut pending: Vec<(Format, Draft, Findings)> = Vec::with_capacity(MAP_CHUNK);
    let result = reader::read(&mut *input, &mut |format, draft, findings| {
        pending.push((format, draft, findings));
        if pending.len() == MAP_CHUNK {
            map_all(&mut pending, professions, now).into_iter().for_each(|(m, f)| gathered.take(m, f));
        }
    });
    map_all(&mut pending, professions, now).into_iter().for_each(|(m, f)| gathered.take(m, f));
    let Gathered { seen, spill, .. } = gathered;
    Ok((seen, spill, result?))
}

/// Runs the CPU-bound `work` so that it keeps no requests waiting: on a multi-threaded runtime (the
/// server's) the worker first hands its other tasks on; elsewhere (tests) it simply runs.
fn off_the_runtime<T>(work: impl FnOnce() -> T) -> T {
    match tokio::runtime::Handle::try_current().map(|runtime| runtime.runtime_flavor()) {
        Ok(tokio::runtime::RuntimeFlavor::MultiThread) => tokio::task::block_in_place(work),
        _ => work(),
    }
}

/// Imports the input `open` gives; `progress` hears how many records each step has passed.
pub async fn import(
    db: &Db,
    open: Open,
    options: &Options,
    progress: &mut (dyn FnMut(usize) + Send),
) -> Result<Tally, DbError> {
    let professions = repo::professions(db).await?;
    let mut tally = Tally::default();
    let read = off_the_runtime(|| gather(&open, &professions, options.now, &mut tally, progress));
    let (seen, spill, format) = match read {
        Ok(read) => read,
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
        let since = crate::ui::format::format_time_utc(&since);
        let message =
            format!("ein anderer Import der Quelle „{}“ schreibt seit {since}; nichts geschrieben", tally.source);
        return Ok(rejected(Problem::input(message)));
    }
    repo::clear_stopped(db).await?;
    // Writing: real listings never share the database with demo listings.
    let news = decisions.iter().filter(|d| **d == Decision::New).count() as i64;
    if news > 0 && crate::jobs::repo::count_source(db, DEMO_SOURCE).await? > 0 {
        tally.demo_removed = crate::jobs::repo::delete_source(db, DEMO_SOURCE).await?;
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
    let committed = async {
        written?;
        let writer = Writer::begin(db, &source).await?;
        match change(&writer, &mut spilled, &decisions, &known, &source, now).await {
            Ok(()) => writer.commit(run.as_ref()).await,
            Err(e) => writer.cancel().await.and(Err(e)),
        }
    }
    .await;
    // What failed leaves nothing staged behind, and the source free for its next import.
    if let (Err(_), Some(run)) = (&committed, run) {
        run.abandon_unless_committed(db).await?;
    }
    committed.map(|()| tally)
}

fn rejected(problem: Problem) -> Tally {
    Tally { errors: vec![problem], ..Tally::default() }
}

#[cfg(test)]
mod tests {
    use super::off_the_runtime;
    use std::sync::Arc;
    use std::sync::atomic::{AtomicU32, Ordering};
    use std::time::Duration;

    #[test]
    fn work_off_the_runtime_leaves_the_servers_other_tasks_running() {
        // One worker, as busy as a server's under load: a ticker must go on while an import maps.
        let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(1).enable_time().build().unwrap();
        let ticks = Arc::new(AtomicU32::new(0));
        runtime.block_on(async {
            let counter = ticks.clone();
            tokio::spawn(async move {
                loop {
                    counter.fetch_add(1, Ordering::Relaxed);
                    tokio::time::sleep(Duration::from_millis(2)).await;
                }
            });
            tokio::time::sleep(Duration::from_millis(10)).await;
            let during = tokio::spawn(async move {
                let before = ticks.load(Ordering::Relaxed);
                off_the_runtime(|| std::thread::sleep(Duration::from_millis(300)));
                ticks.load(Ordering::Relaxed) - before
            });
            assert!(during.await.unwrap() >= 20, "the ticker stood still while the work ran");
        });
    }
}
