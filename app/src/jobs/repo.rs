//! SurrealDB queries for job listings and their reference data. User input is always bound as a
//! parameter; the only text composed here are constant SurrealQL fragments.
use serde::Deserialize;
use surrealdb::types::RecordId;

use super::model::{Choice, City, Listing, SourceLink};
use crate::db::{Db, DbError, row, rows};

/// A `job` row as a [`Listing`] reads it: every field, the id and the profession (a record link) as
/// their keys. A new field of the model needs nothing here.
pub const LISTING_FIELDS: &str = "*, record::id(id) AS id, record::id(profession) AS profession";

#[derive(Deserialize)]
struct Count {
    n: u64,
}

/// Listing `id` as stored, expired or not. The description is sanitised here, as it is read, so
/// rows of any age and origin are safe to render.
/// A listing of an import still writing is not there yet.
pub async fn get(db: &Db, id: i64) -> Result<Option<Listing>, DbError> {
    let sql = format!(
        "SELECT {LISTING_FIELDS} FROM ONLY type::record('job', $id);
         SELECT VALUE id FROM import_run WHERE state = 'writing' AND first <= $id AND last >= $id;"
    );
    let mut response = db.query(sql).bind(("id", id)).await?;
    let mut listing: Option<Listing> = row(&mut response, 0)?;
    let staged: Vec<surrealdb::types::RecordId> = response.take(1)?;
    if !staged.is_empty() {
        return Ok(None);
    }
    if let Some(listing) = &mut listing {
        listing.description = ammonia::clean(&listing.description);
    }
    Ok(listing)
}

/// The id ranges of imports still writing (see `schema/0008_import_runs.surql`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Staged(Vec<(i64, i64)>);

impl Staged {
    pub fn contains(&self, id: i64) -> bool {
        self.0.iter().any(|(first, last)| (*first..=*last).contains(&id))
    }
}

pub async fn staged(db: &Db) -> Result<Staged, DbError> {
    #[derive(Deserialize)]
    struct Range {
        first: i64,
        last: i64,
    }
    let mut response = db.query("SELECT first, last FROM import_run WHERE state = 'writing'").await?;
    Ok(Staged(rows::<Range>(&mut response, 0)?.into_iter().map(|r| (r.first, r.last)).collect()))
}

/// Where listing `id` was published, the listing's own source first.
pub async fn sources(db: &Db, id: i64) -> Result<Vec<SourceLink>, DbError> {
    let mut response = db
        .query(
            "SELECT source, url, checked_at ?? imported_at AS checked_at,
                 source = (SELECT VALUE source FROM ONLY type::record('job', $id)) AS own
             FROM listing_source WHERE job = type::record('job', $id) ORDER BY own DESC, source",
        )
        .bind(("id", id))
        .await?;
    rows(&mut response, 0)
}

/// Professions, by name.
pub async fn professions(db: &Db) -> Result<Vec<Choice>, DbError> {
    let mut response = db.query("SELECT slug, name FROM profession ORDER BY name").await?;
    rows(&mut response, 0)
}

/// The places a search can name, by name.
pub async fn cities(db: &Db) -> Result<Vec<City>, DbError> {
    let mut response = db.query("SELECT slug, name, lat, lon FROM city ORDER BY name").await?;
    rows(&mut response, 0)
}

// The rows arrive typed (see `row_of`), so the statement only inserts them.
const INSERT: &str = "INSERT INTO job $rows RETURN NONE;";
const BUMP_VERSION: &str = "UPSERT meta:jobs SET version += 1 RETURN NONE;";

/// One listing as SurrealDB values: the profession a record link, dates datetimes; an error if it
/// breaks one of the [`invariants`](super::invariants).
pub fn row_of(listing: &Listing) -> Result<surrealdb::types::Value, DbError> {
    use surrealdb::types::{Datetime, SurrealValue, Value};
    if let Some(broken) = super::invariants::broken(listing) {
        return Err(DbError::Invalid(format!("Anzeige {}: {broken}", listing.summary.id)));
    }
    let s = &listing.summary;
    let Value::Object(mut row) = serde_json::to_value(listing)?.into_value() else {
        unreachable!("a struct serializes to an object")
    };
    row.insert("profession", RecordId::new("profession", s.profession.as_str()));
    row.insert("posted_at", Datetime::from(s.posted_at));
    row.insert("valid_through", Datetime::from(s.valid_through));
    Ok(Value::Object(row))
}

fn rows_of(listings: &[Listing]) -> Result<surrealdb::types::Value, DbError> {
    Ok(surrealdb::types::Value::Array(listings.iter().map(row_of).collect::<Result<Vec<_>, _>>()?.into()))
}

/// Writes listings in one transaction and bumps the listings version with them, so every app
/// server's index picks them up; fails whole if any row breaks the schema or an invariant.
pub async fn insert(db: &Db, listings: &[Listing]) -> Result<(), DbError> {
    let sql = format!("BEGIN TRANSACTION; {INSERT} {BUMP_VERSION} COMMIT TRANSACTION;");
    db.query(sql).bind(("rows", rows_of(listings)?)).await?.check()?;
    Ok(())
}

/// [`insert`] without the version bump, for bulk loads that write batches in parallel (they would
/// conflict on the version record) and call [`listings_changed`] once at the end.
pub async fn insert_unannounced(db: &Db, listings: &[Listing]) -> Result<(), DbError> {
    db.query(INSERT).bind(("rows", rows_of(listings)?)).await?.check()?;
    Ok(())
}

/// Bumps the listings version: every app server rebuilds its index within a second.
pub async fn listings_changed(db: &Db) -> Result<(), DbError> {
    db.query(BUMP_VERSION).await?.check()?;
    Ok(())
}

/// Listings are deleted this many at a time: a transaction of any size would not fit every store.
const DELETE_BATCH: i64 = 500;

/// Removes every listing of a source (demo data before re-seeding, or when real listings come in),
/// a batch at a time; servers drop them all at once, with the version bump at the end. How many
/// there were.
pub async fn delete_source(db: &Db, source: &str) -> Result<u64, DbError> {
    let mut removed = 0;
    loop {
        let mut response = db
            .query("SELECT VALUE record::id(id) FROM job WHERE source = $source LIMIT $n")
            .bind(("source", source.to_owned()))
            .bind(("n", DELETE_BATCH))
            .await?;
        let ids: Vec<i64> = response.take(0)?;
        if ids.is_empty() {
            break;
        }
        removed += ids.len() as u64;
        // A hidden listing's mark goes with it (demo ids are given again when reseeding).
        let records = |table: &str| ids.iter().map(|&id| RecordId::new(table, id)).collect::<Vec<_>>();
        db.query("DELETE $ids RETURN NONE; DELETE $hidden RETURN NONE;")
            .bind(("ids", records("job")))
            .bind(("hidden", records(crate::reports::repo::HIDDEN)))
            .await?
            .check()?;
    }
    listings_changed(db).await?;
    Ok(removed)
}

/// How many listings of `source` the database holds.
pub async fn count_source(db: &Db, source: &str) -> Result<u64, DbError> {
    let mut response = db
        .query("SELECT count() AS n FROM job WHERE source = $source GROUP ALL")
        .bind(("source", source.to_owned()))
        .await?;
    Ok(rows::<Count>(&mut response, 0)?.first().map_or(0, |c| c.n))
}

/// Bumped with every write to listings; see `search::SearchHandle`.
pub async fn listings_version(db: &Db) -> Result<i64, DbError> {
    let mut response = db.query("SELECT VALUE version FROM ONLY meta:jobs").await?;
    let version: Option<i64> = response.take(0)?;
    Ok(version.unwrap_or(0))
}

/// Number of listings (active or not).
pub async fn count_all(db: &Db) -> Result<u64, DbError> {
    let mut response = db.query("SELECT count() AS n FROM job GROUP ALL").await?;
    Ok(rows::<Count>(&mut response, 0)?.first().map_or(0, |c| c.n))
}

/// The highest job id in use (new listings continue after it).
pub async fn max_id(db: &Db) -> Result<i64, DbError> {
    #[derive(Deserialize)]
    struct Max {
        m: Option<i64>,
    }
    let mut response = db.query("SELECT math::max(record::id(id)) AS m FROM job GROUP ALL").await?;
    Ok(rows::<Max>(&mut response, 0)?.first().and_then(|r| r.m).unwrap_or(0))
}
