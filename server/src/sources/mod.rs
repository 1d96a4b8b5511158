//! Sources Revierjobs re-reads on a schedule: `revierjobs sources add|list|remove|run`, and the
//! background task of `revierjobs serve` that runs the due ones. Sources live in SurrealDB, so every
//! app server sees the same list; a lease in the database lets exactly one server run a source at
//! a time, and a server killed mid-run leaves it to another once the lease has expired.
pub mod model;
pub mod repo;
pub mod run;

use chrono::Utc;
use std::time::Duration;

use crate::config::{SourcesArgs, SourcesCommand};
use crate::fetch::FetchLimits;
use app::db::{Db, DbError};
use app::ui::format::format_time_utc;
use model::{Source, parse_every, show_every};

/// How often `serve` looks for due sources.
pub const TICK: Duration = Duration::from_secs(30);

pub async fn cli(args: SourcesArgs) -> Result<(), crate::Error> {
    let mut config = args.db.to_config()?;
    config.url = crate::db::import_url(&config.url);
    let db = crate::db::prepare(&config).await?;
    match args.command {
        SourcesCommand::Add { address: url, name, every, full, trusted } => {
            let Some(host) = crate::fetch::host_name(&url) else {
                return Err(crate::Error::Config(format!("URL '{url}': nur http:// und https://")));
            };
            let name = name.unwrap_or(host);
            crate::import::check_source(&name).map_err(crate::Error::Config)?;
            let every = parse_every(&every).map_err(crate::Error::Config)?;
            let source = Source {
                name: name.clone(),
                url,
                every_secs: every.num_seconds(),
                full,
                trusted,
                next_run: Utc::now(),
                etag: None,
                last_modified: None,
                last_run: None,
            };
            if !repo::add(&db, &source).await? {
                return Err(crate::Error::Config(format!(
                    "eine Quelle „{name}“ gibt es schon (sources remove {name})"
                )));
            }
            println!(
                "Quelle „{name}“ hinzugefügt: alle {}, zuerst beim nächsten Lauf von serve",
                show_every(source.every_secs)
            );
        }
        SourcesCommand::List => print!("{}", listing(&db).await?),
        SourcesCommand::Remove { name } => {
            if !repo::remove(&db, &name).await? {
                return Err(crate::Error::Config(format!("keine Quelle „{name}“")));
            }
            println!("Quelle „{name}“ entfernt; ihre Anzeigen bleiben und laufen mit ihren Daten ab");
        }
        SourcesCommand::Run { name } => {
            let holder = format!("cli-{}", std::process::id());
            let names = match name {
                Some(name) => vec![name],
                None => repo::list(&db).await?.into_iter().map(|s| s.name).collect(),
            };
            let mut failed = 0;
            for name in &names {
                match run_one(&db, name, &holder, &FetchLimits::default()).await? {
                    Ran::Done(outcome) => {
                        print!("{}", outcome.report);
                        println!("{name}: {}", outcome.record.summary);
                        failed += usize::from(!outcome.record.ok);
                    }
                    Ran::Busy => {
                        println!("{name}: läuft gerade auf einem anderen Server");
                        failed += 1;
                    }
                    Ran::Unknown => return Err(crate::Error::Config(format!("keine Quelle „{name}“"))),
                }
            }
            if failed > 0 {
                return Err(crate::Error::Import { failed, total: names.len() });
            }
        }
    }
    Ok(())
}

/// What became of a request to run a source.
pub enum Ran {
    Done(run::Outcome),
    /// Another server holds its lease.
    Busy,
    Unknown,
}

/// Runs source `name` now if its lease can be had, and records the run.
pub async fn run_one(db: &Db, name: &str, holder: &str, limits: &FetchLimits) -> Result<Ran, DbError> {
    if repo::get(db, name).await?.is_none() {
        return Ok(Ran::Unknown);
    }
    if !repo::lease(db, name, holder, Utc::now()).await? {
        return Ok(Ran::Busy);
    }
    // Read again under the lease: another server may have just run it.
    let Some(source) = repo::get(db, name).await? else { return Ok(Ran::Unknown) };
    let outcome = run::run_source(db, &source, limits).await?;
    let next = model::next_run(outcome.record.started_at, source.every_secs, Utc::now());
    repo::finish(db, name, holder, &outcome.record, next, outcome.etag.clone(), outcome.last_modified.clone()).await?;
    Ok(Ran::Done(outcome))
}

/// Runs every due source whose lease this server gets; how many it ran.
pub async fn run_due(db: &Db, holder: &str, limits: &FetchLimits) -> Result<usize, DbError> {
    let mut ran = 0;
    for name in repo::due(db, Utc::now()).await? {
        if let Ran::Done(outcome) = run_one(db, &name, holder, limits).await? {
            tracing::info!(source = %name, ok = outcome.record.ok, summary = %outcome.record.summary, "source run");
            ran += 1;
        }
    }
    Ok(ran)
}

/// The background task of `serve`: due sources every [`TICK`].
pub fn spawn(db: Db) {
    let holder = format!("serve-{}-{:016x}", std::process::id(), rand::random::<u64>());
    tokio::spawn(async move {
        loop {
            if let Err(e) = run_due(&db, &holder, &FetchLimits::default()).await {
                tracing::warn!(error = %e, "running sources failed");
            }
            tokio::time::sleep(TICK).await;
        }
    });
}

/// `sources list`: each source with its last run, next run and active listings.
async fn listing(db: &Db) -> Result<String, DbError> {
    let now = Utc::now();
    let sources = repo::list(db).await?;
    if sources.is_empty() {
        return Ok("keine Quellen (revierjobs sources add URL)\n".into());
    }
    let active = repo::active_counts(db, now).await?;
    let mut out = String::new();
    for s in sources {
        let n = active.iter().find(|(name, _)| *name == s.name).map_or(0, |(_, n)| *n);
        let flags = [(s.full, " vollständig"), (s.trusted, " vertrauenswürdig")]
            .iter()
            .filter(|(on, _)| *on)
            .map(|(_, f)| *f)
            .collect::<String>();
        out.push_str(&format!("{}  {}  alle {}{flags}\n", s.name, s.url, show_every(s.every_secs)));
        match &s.last_run {
            Some(r) => out.push_str(&format!(
                "  letzter Lauf: {} {}: {}\n",
                format_time_utc(&r.started_at),
                if r.ok { "ok" } else { "FEHLER" },
                r.summary
            )),
            None => out.push_str("  noch nicht gelaufen\n"),
        }
        out.push_str(&format!("  nächster Lauf: {}; aktive Anzeigen: {n}\n", format_time_utc(&s.next_run.max(now))));
    }
    Ok(out)
}
