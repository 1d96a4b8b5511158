//! `revierjobs seed --demo N`: replaces the demo listings, with a progress bar; `--demo 0` removes
//! them. A database with real listings gets no demo listings.
use chrono::{DateTime, Utc};
use indicatif::{ProgressBar, ProgressStyle};
use std::fmt;
use std::sync::Arc;

use app::db::{Db, DbError};
use app::jobs::model::{DEMO_SOURCE, Listing};
use app::jobs::repo::{count_all, count_source, delete_source, insert_unannounced, listings_changed, max_id};

use crate::config::SeedArgs;
use crate::demo::generate;

const BATCH: usize = 500;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeedReport {
    pub removed: u64,
    pub jobs: usize,
    pub expired: usize,
    pub without_salary: usize,
}

impl fmt::Display for SeedReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "demo data written: {} listings ({} expired, {} without salary) from fictional employers; \
             {} earlier demo listings removed",
            self.jobs, self.expired, self.without_salary, self.removed
        )
    }
}

/// Replaces all demo listings with `n` new ones dated relative to `today`.
/// `progress` is called with the number of listings written after each batch. Batches are
/// written in parallel, one per core; running servers see the new listings once all are written.
pub async fn seed_demo(
    db: &Db,
    n: usize,
    today: DateTime<Utc>,
    mut progress: impl FnMut(usize),
) -> Result<SeedReport, DbError> {
    let removed = delete_source(db, DEMO_SOURCE).await?;
    let cities = app::jobs::repo::cities(db).await?;
    let mut listings = generate(n, today, &cities);
    let offset = max_id(db).await?;
    for listing in &mut listings {
        listing.summary.id += offset;
    }
    // One task per batch in flight: the embedded engine runs a query on the task that awaits it.
    // The tasks share the listings; each writes its own range of them.
    let jobs: Arc<[Listing]> = listings.into();
    let parallel = std::thread::available_parallelism().map_or(2, usize::from);
    let mut batches = (0..jobs.len()).step_by(BATCH).map(|start| start..jobs.len().min(start + BATCH));
    let mut running = tokio::task::JoinSet::new();
    loop {
        while running.len() < parallel
            && let Some(batch) = batches.next()
        {
            let (db, jobs) = (db.clone(), jobs.clone());
            running.spawn(async move { insert_unannounced(&db, &jobs[batch.clone()]).await.map(|()| batch.len()) });
        }
        match running.join_next().await {
            Some(Ok(written)) => progress(written?),
            Some(Err(panicked)) => std::panic::resume_unwind(panicked.into_panic()),
            None => break,
        }
    }
    listings_changed(db).await?;
    Ok(SeedReport {
        removed,
        jobs: jobs.len(),
        expired: jobs.iter().filter(|j| j.summary.valid_through <= today).count(),
        without_salary: jobs.iter().filter(|j| j.summary.salary.is_none()).count(),
    })
}

pub async fn run(args: SeedArgs) -> Result<(), crate::Error> {
    let mut config = args.db.to_config()?;
    config.url = crate::db::bulk_load_url(&config.url);
    let db = crate::db::prepare(&config).await?;
    let n = args.demo as usize;
    if n == 0 {
        let removed = delete_source(&db, DEMO_SOURCE).await?;
        println!("{removed} demo listings removed");
        return Ok(());
    }
    let real = count_all(&db).await? - count_source(&db, DEMO_SOURCE).await?;
    if real > 0 {
        return Err(crate::Error::Config(format!(
            "the database holds {real} real listings; demo listings are never mixed with them \
             (use an empty database for demo data)"
        )));
    }
    let bar = ProgressBar::new(n as u64);
    bar.set_style(
        ProgressStyle::with_template("{bar:40} {pos}/{len} Demo-Anzeigen ({elapsed})")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let started = std::time::Instant::now();
    let report = seed_demo(&db, n, Utc::now(), |k| bar.inc(k as u64)).await?;
    bar.finish_and_clear();
    println!("{report} in {:.1} s", started.elapsed().as_secs_f64());
    Ok(())
}
