//! Reports in SurrealDB; every value bound.
use chrono::{DateTime, Utc};
use serde::Deserialize;
use surrealdb::types::{Datetime, RecordId};

use super::model::{Action, Reason, Report};
use crate::db::{Db, DbError, rows};

/// A report as `revierjobs reports` lists it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Listed {
    pub id: i64,
    pub job: i64,
    pub title: String,
    pub reason: Reason,
    pub note: Option<String>,
    pub created_at: DateTime<Utc>,
    pub decision: Option<Decision>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Decision {
    pub action: Action,
    pub reason: Option<String>,
    pub at: DateTime<Utc>,
}

/// Whether `visitor` has reported listing `job` before.
pub async fn reported(db: &Db, job: i64, visitor: &str) -> Result<bool, DbError> {
    let mut response = db
        .query("SELECT VALUE id FROM report WHERE job = $job AND visitor = $visitor LIMIT 1")
        .bind(("job", job))
        .bind(("visitor", visitor.to_owned()))
        .await?;
    let found: Vec<RecordId> = response.take(0)?;
    Ok(!found.is_empty())
}

/// Records a report; its number.
pub async fn add(
    db: &Db,
    job: i64,
    title: &str,
    visitor: &str,
    report: &Report,
    now: DateTime<Utc>,
) -> Result<i64, DbError> {
    let mut response = db
        .query(
            "LET $n = (UPSERT ONLY meta:report_ids SET next = (next ?? 0) + 1 RETURN VALUE next);
             CREATE type::record('report', $n) CONTENT {
                 job: $job, title: $title, visitor: $visitor, reason: $reason, note: $note, created_at: $now
             } RETURN NONE;
             RETURN $n;",
        )
        .bind(("job", job))
        .bind(("title", title.to_owned()))
        .bind(("visitor", visitor.to_owned()))
        .bind(("reason", report.reason.as_str()))
        .bind(("note", report.note.clone()))
        .bind(("now", Datetime::from(now)))
        .await?
        .check()?;
    let n: Option<i64> = response.take(2)?;
    Ok(n.unwrap_or_default())
}

/// Open reports of listing `job` since `since` (each from another visitor).
pub async fn open_since(db: &Db, job: i64, since: DateTime<Utc>) -> Result<usize, DbError> {
    let mut response = db
        .query("SELECT VALUE id FROM report WHERE job = $job AND decision = NONE AND created_at >= $since")
        .bind(("job", job))
        .bind(("since", Datetime::from(since)))
        .await?;
    let found: Vec<RecordId> = response.take(0)?;
    Ok(found.len())
}

/// Whether source `name` is trusted (`sources add --trusted`); unknown sources are not.
pub async fn trusted(db: &Db, name: &str) -> Result<bool, DbError> {
    let mut response =
        db.query("SELECT VALUE trusted FROM ONLY $id").bind(("id", RecordId::new("source", name.to_owned()))).await?;
    let trusted: Option<bool> = response.take(0)?;
    Ok(trusted.unwrap_or(false))
}

/// The table of listings taken out of search, a record keyed by each one's id (schema 0012).
pub const HIDDEN: &str = "hidden_listing";

/// Takes listing `job` out of search until a decision.
pub async fn hide(db: &Db, job: i64) -> Result<(), DbError> {
    db.query(
        "UPSERT $hidden RETURN NONE;
         UPSERT meta:jobs SET version += 1 RETURN NONE;",
    )
    .bind(("hidden", RecordId::new(HIDDEN, job)))
    .await?
    .check()?;
    Ok(())
}

/// The ids of hidden listings.
pub async fn hidden(db: &Db) -> Result<std::collections::HashSet<i64>, DbError> {
    let mut response = db.query("SELECT VALUE record::id(id) FROM hidden_listing").await?;
    let ids: Vec<i64> = response.take(0)?;
    Ok(ids.into_iter().collect())
}

/// Reports, newest first; only those without a decision when `open`.
pub async fn list(db: &Db, open: bool) -> Result<Vec<Listed>, DbError> {
    let filter = if open { "WHERE decision = NONE" } else { "" };
    let sql = format!(
        "SELECT record::id(id) AS id, job, title, reason, note, created_at, decision FROM report {filter}
         ORDER BY created_at DESC"
    );
    rows(&mut db.query(sql).await?, 0)
}

/// Decides about the listing report `id` names: every open report of it records the decision, and
/// the listing is kept (back in search), expired at `now`, or removed. The listing's id, or `None`
/// when there is no such report.
pub async fn resolve(
    db: &Db,
    id: i64,
    action: Action,
    reason: Option<&str>,
    now: DateTime<Utc>,
) -> Result<Option<i64>, DbError> {
    let mut response = db.query("SELECT VALUE job FROM ONLY type::record('report', $id)").bind(("id", id)).await?;
    let Some(job) = response.take::<Option<i64>>(0)? else { return Ok(None) };
    let change = match action {
        Action::Keep => "DELETE $hidden RETURN NONE;",
        Action::Expire => "DELETE $hidden RETURN NONE; UPDATE $listing SET valid_through = $now RETURN NONE;",
        Action::Remove => {
            "DELETE $hidden RETURN NONE; DELETE listing_source WHERE job = $listing RETURN NONE;
             DELETE $listing RETURN NONE;"
        }
    };
    db.query(format!(
        "BEGIN TRANSACTION;
         LET $listing = type::record('job', $job);
         UPDATE report SET decision = {{ action: $action, reason: $reason, at: $now }}
             WHERE job = $job AND decision = NONE RETURN NONE;
         {change}
         UPSERT meta:jobs SET version += 1 RETURN NONE;
         COMMIT TRANSACTION;"
    ))
    .bind(("job", job))
    .bind(("hidden", RecordId::new(HIDDEN, job)))
    .bind(("action", action.as_str()))
    .bind(("reason", reason.map(str::to_owned)))
    .bind(("now", Datetime::from(now)))
    .await?
    .check()?;
    Ok(Some(job))
}
