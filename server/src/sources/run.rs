//! One run of a source: its URL fetched with the validators of the last answer (ETag,
//! Last-Modified), the answer imported like `revierjobs import` does, and for a complete snapshot
//! the listings it no longer has expired. A failed fetch or a rejected input expires nothing.
use chrono::Utc;
use std::io::Cursor;
use std::sync::Arc;

use super::model::{RunRecord, Source};
use super::repo;
use crate::fetch::{FetchLimits, Fetched, fetch_conditional};
use app::db::{Db, DbError};
use app::import::service::{Open, Options, import};

/// What a run did, and the validators to send next time.
pub struct Outcome {
    pub record: RunRecord,
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    /// The import's report, as `revierjobs import` prints it (empty for an unchanged answer).
    pub report: String,
}

/// Runs `source` once.
pub async fn run_source(db: &Db, source: &Source, limits: &FetchLimits) -> Result<Outcome, DbError> {
    let started = Utc::now();
    let fetched = fetch_conditional(&source.url, limits, source.etag.as_deref(), source.last_modified.as_deref()).await;
    let keep = (source.etag.clone(), source.last_modified.clone());
    let outcome =
        |ok: bool, summary: String, (etag, last_modified): (Option<String>, Option<String>), report| Outcome {
            record: RunRecord { started_at: started, finished_at: Utc::now(), ok, summary },
            etag,
            last_modified,
            report,
        };
    match fetched {
        Err(e) => Ok(outcome(false, format!("Abruf fehlgeschlagen: {e}"), keep, String::new())),
        Ok(Fetched::NotModified) => {
            let n = app::import::repo::confirm(db, &source.name, None, started).await?;
            Ok(outcome(true, format!("unverändert (304): {n} Anzeigen bestätigt"), keep, String::new()))
        }
        Ok(Fetched::Body { body, etag, last_modified }) => {
            let body: Arc<[u8]> = body.into();
            let open: Open = Arc::new(move || Ok(Box::new(Cursor::new(body.clone())) as _));
            let options = Options {
                source: Some(source.name.clone()),
                fallback_source: source.name.clone(),
                dry_run: false,
                now: started,
            };
            let tally = import(db, open, &options, &mut |_| {}).await?;
            let report = crate::import::report(&source.url, &tally, false);
            if !tally.imported() {
                // The old validators stay, so the next run reads the answer again.
                let summary = format!("abgelehnt, nichts geschrieben: {}", first_errors(&tally.errors));
                return Ok(outcome(false, summary, keep, report));
            }
            let mut summary = tally.counts();
            if source.full {
                let gone = repo::expire_missing(db, &source.name, started, Utc::now()).await?;
                summary.push_str(&format!(", {gone} abgelaufen (nicht mehr in der Quelle)"));
            }
            Ok(outcome(true, summary, (etag, last_modified), report))
        }
    }
}

fn first_errors(errors: &[app::import::input::Problem]) -> String {
    let shown: Vec<String> = errors.iter().take(3).map(ToString::to_string).collect();
    let more = errors.len().saturating_sub(3);
    if more > 0 { format!("{} (und {more} weitere Fehler)", shown.join("; ")) } else { shown.join("; ") }
}
