//! The sources in SurrealDB, so that every app server sees the same list; the lease that lets one
//! server at a time run a source; and what a run changes about a source's listings.
use chrono::{DateTime, Utc};
use serde::Deserialize;
use surrealdb::types::{Datetime, RecordId};

use super::model::{LEASE, RunRecord, Source};
use app::db::{Db, DbError, rows};

fn id(name: &str) -> RecordId {
    RecordId::new("source", name.to_owned())
}

const FIELDS: &str = "record::id(id) AS name, url, every_secs, full, trusted, next_run, etag, last_modified, last_run";

/// Adds `source`; false when one of that name exists already.
pub async fn add(db: &Db, source: &Source) -> Result<bool, DbError> {
    let mut response = db
        .query(
            "IF record::exists($id) { RETURN false } ELSE {
                 CREATE $id CONTENT {
                     url: $url, every_secs: $every, full: $full, trusted: $trusted, next_run: $next
                 } RETURN NONE;
                 RETURN true;
             }",
        )
        .bind(("id", id(&source.name)))
        .bind(("url", source.url.clone()))
        .bind(("every", source.every_secs))
        .bind(("full", source.full))
        .bind(("trusted", source.trusted))
        .bind(("next", Datetime::from(source.next_run)))
        .await?;
    let added: Option<bool> = response.take(0)?;
    Ok(added.unwrap_or(false))
}

/// Every source, by name.
pub async fn list(db: &Db) -> Result<Vec<Source>, DbError> {
    let mut response = db.query(format!("SELECT {FIELDS} FROM source ORDER BY name")).await?;
    rows(&mut response, 0)
}

pub async fn get(db: &Db, name: &str) -> Result<Option<Source>, DbError> {
    let mut response = db.query(format!("SELECT {FIELDS} FROM ONLY $id")).bind(("id", id(name))).await?;
    app::db::row(&mut response, 0)
}

/// Removes the source (its listings stay, and expire by their dates); false when there is none.
pub async fn remove(db: &Db, name: &str) -> Result<bool, DbError> {
    let mut response = db.query("DELETE ONLY $id RETURN BEFORE").bind(("id", id(name))).await?;
    let before: Option<serde_json::Value> = app::db::row(&mut response, 0)?;
    Ok(before.is_some())
}

/// The names of the sources due at `now` whose lease is free.
pub async fn due(db: &Db, now: DateTime<Utc>) -> Result<Vec<String>, DbError> {
    let mut response = db
        .query(
            "SELECT VALUE record::id(id) FROM source
             WHERE next_run <= $now AND (lease_until = NONE OR lease_until < $now) ORDER BY next_run",
        )
        .bind(("now", Datetime::from(now)))
        .await?;
    Ok(response.take(0)?)
}

/// Takes the lease of source `name` for `holder` until `now + LEASE`, if it is free (or held by
/// `holder`); true when taken. Two servers racing for it: one write wins, the other's fails.
pub async fn lease(db: &Db, name: &str, holder: &str, now: DateTime<Utc>) -> Result<bool, DbError> {
    let result = db
        .query(
            "UPDATE $id SET lease_holder = $holder, lease_until = $until
             WHERE lease_until = NONE OR lease_until < $now OR lease_holder = $holder RETURN VALUE lease_holder",
        )
        .bind(("id", id(name)))
        .bind(("holder", holder.to_owned()))
        .bind(("until", Datetime::from(now + LEASE)))
        .bind(("now", Datetime::from(now)))
        .await;
    // A conflict with another server's write means that server has it.
    let Ok(mut response) = result else { return Ok(false) };
    let holders: Result<Vec<String>, _> = response.take(0);
    Ok(holders.is_ok_and(|h| h.iter().any(|h| h == holder)))
}

/// Records a run of `name` by `holder` and frees the lease.
pub async fn finish(
    db: &Db,
    name: &str,
    holder: &str,
    record: &RunRecord,
    next_run: DateTime<Utc>,
    etag: Option<String>,
    last_modified: Option<String>,
) -> Result<(), DbError> {
    db.query(
        "UPDATE $id SET last_run = $record, next_run = $next, etag = $etag, last_modified = $modified,
             lease_holder = NONE, lease_until = NONE
         WHERE lease_holder = $holder RETURN NONE",
    )
    .bind(("id", id(name)))
    .bind(("record", serde_json::to_value(record)?))
    .bind(("next", Datetime::from(next_run)))
    .bind(("etag", etag))
    .bind(("modified", last_modified))
    .bind(("holder", holder.to_owned()))
    .await?
    .check()?;
    Ok(())
}

/// Active listings per source name.
pub async fn active_counts(db: &Db, now: DateTime<Utc>) -> Result<Vec<(String, u64)>, DbError> {
    #[derive(Deserialize)]
    struct Row {
        source: String,
        n: u64,
    }
    let mut response = db
        .query("SELECT source, count() AS n FROM job WHERE valid_through > $now GROUP BY source")
        .bind(("now", Datetime::from(now)))
        .await?;
    Ok(rows::<Row>(&mut response, 0)?.into_iter().map(|r| (r.source, r.n)).collect())
}

/// Listings of `source` not confirmed since `since` (missing from a complete snapshot) expire at
/// `now`: kept, shown as expired, still on Merklisten. How many.
pub async fn expire_missing(db: &Db, source: &str, since: DateTime<Utc>, now: DateTime<Utc>) -> Result<u64, DbError> {
    let mut response = db
        .query(
            "LET $gone = SELECT VALUE job FROM listing_source
                 WHERE source = $source AND (checked_at = NONE OR checked_at < $since);
             UPDATE job SET valid_through = $now WHERE id IN $gone AND source = $source AND valid_through > $now
                 RETURN VALUE id;
             UPSERT meta:jobs SET version += 1 RETURN NONE;",
        )
        .bind(("source", source.to_owned()))
        .bind(("since", Datetime::from(since)))
        .bind(("now", Datetime::from(now)))
        .await?;
    let expired: Vec<RecordId> = response.take(1)?;
    Ok(expired.len() as u64)
}
