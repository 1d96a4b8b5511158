//! SurrealDB reads and writes of the import. Reads find what the database knows of an input's ads;
//! the writes of one input run in one transaction (`Writer`), so an input is imported whole or not
//! at all, and every app server picks the listings up with the version bump at its end.
use chrono::{DateTime, Utc};
use serde::Deserialize;
use surrealdb::engine::any::Any;
use surrealdb::method::Transaction;
use surrealdb::types::{Array, Datetime, RecordId, SurrealValue, Value};

use super::listing::Mapped;
use crate::db::{Db, DbError, rows};
use crate::jobs::model::DEMO_SOURCE;
use crate::jobs::repo::row_of;

/// What the database holds of one (source, external id).
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Known {
    pub external_id: String,
    pub job: i64,
    pub hash: String,
    pub posted_at: DateTime<Utc>,
}

/// A listing of another source that an ad may duplicate.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Candidate {
    pub job: i64,
    pub key: String,
    pub posted_at: DateTime<Utc>,
}

fn link_id(source: &str, external_id: &str) -> RecordId {
    RecordId::new("listing_source", Array::from(vec![source.to_owned(), external_id.to_owned()]))
}

/// The known ones among `external_ids` of `source`.
pub async fn known(db: &Db, source: &str, external_ids: &[String]) -> Result<Vec<Known>, DbError> {
    let keys: Vec<RecordId> = external_ids.iter().map(|id| link_id(source, id)).collect();
    let mut response = db
        .query("SELECT external_id, record::id(job) AS job, content_hash AS hash, posted_at FROM $keys")
        .bind(("keys", keys))
        .await?;
    rows(&mut response, 0)
}

/// Every listing of other sources (not demo data) with its duplicate key.
pub async fn candidates(db: &Db, source: &str) -> Result<Vec<Candidate>, DbError> {
    let mut response = db
        .query(
            "SELECT record::id(id) AS job, duplicate_key AS key, posted_at FROM job
             WHERE duplicate_key != NONE AND source != $source AND source != $demo",
        )
        .bind(("source", source.to_owned()))
        .bind(("demo", DEMO_SOURCE))
        .await?;
    rows(&mut response, 0)
}

/// Reserves `n` listing ids and returns the first; ids are never given twice, also not to imports
/// running at the same time.
pub async fn reserve_ids(db: &Db, n: u64) -> Result<i64, DbError> {
    let mut response = db
        .query(
            "LET $floor = (SELECT VALUE math::max(record::id(id)) FROM job GROUP ALL)[0] ?? 0;
             UPSERT meta:job_ids SET next = math::max([next ?? 0, $floor]) + $n RETURN VALUE next;",
        )
        .bind(("n", n as i64))
        .await?;
    let next: Option<i64> = response.take(1)?;
    Ok(next.unwrap_or(n as i64) - n as i64 + 1)
}

/// One input's writes, in one transaction: committed whole by [`Writer::commit`], or not at all.
pub struct Writer {
    tx: Transaction<Any>,
    source: String,
}

/// A listing to write: new, or replacing listing `job`'s content (keeping its id).
pub struct Write<'a> {
    pub mapped: &'a Mapped,
    pub job: i64,
}

impl Writer {
    pub async fn begin(db: &Db, source: &str) -> Result<Self, DbError> {
        let tx = (**db).clone().begin().await?;
        Ok(Writer { tx, source: source.to_owned() })
    }

    /// Removes every demo listing (real listings never share the database with them).
    pub async fn remove_demo(&self) -> Result<(), DbError> {
        self.tx.query("DELETE job WHERE source = $demo RETURN NONE").bind(("demo", DEMO_SOURCE)).await?.check()?;
        Ok(())
    }

    /// New listings, each with its source link.
    pub async fn new_listings(&self, writes: &[Write<'_>], now: DateTime<Utc>) -> Result<(), DbError> {
        let (rows, links) = self.rows(writes, now)?;
        self.tx
            .query("INSERT INTO job $rows RETURN NONE; INSERT INTO listing_source $links RETURN NONE;")
            .bind(("rows", rows))
            .bind(("links", links))
            .await?
            .check()?;
        Ok(())
    }

    /// New contents of known listings (their ids and page addresses stay).
    pub async fn changed_listings(&self, writes: &[Write<'_>], now: DateTime<Utc>) -> Result<(), DbError> {
        let (rows, links) = self.rows(writes, now)?;
        self.tx
            .query(
                "FOR $row IN $rows { UPSERT $row.id CONTENT $row RETURN NONE; };
                 FOR $link IN $links { UPSERT $link.id CONTENT $link RETURN NONE; };",
            )
            .bind(("rows", rows))
            .bind(("links", links))
            .await?
            .check()?;
        Ok(())
    }

    fn rows(&self, writes: &[Write<'_>], now: DateTime<Utc>) -> Result<(Value, Value), DbError> {
        let mut rows = Vec::with_capacity(writes.len());
        let mut links = Vec::with_capacity(writes.len());
        for write in writes {
            let mut listing = write.mapped.listing.clone();
            listing.summary.id = write.job;
            let Value::Object(mut row) = row_of(&listing)? else { unreachable!("a listing is an object") };
            row.insert("id", RecordId::new("job", write.job));
            row.insert("duplicate_key", write.mapped.duplicate_key.clone().into_value());
            rows.push(Value::Object(row));
            links.push(self.link(write.mapped, write.job, now));
        }
        Ok((Value::Array(rows.into()), Value::Array(links.into())))
    }

    /// Ads of this source that are another source's listing `job`: their links, and the earlier
    /// posting date.
    pub async fn merged(&self, merges: &[Write<'_>], now: DateTime<Utc>) -> Result<(), DbError> {
        let links: Vec<Value> = merges.iter().map(|m| self.link(m.mapped, m.job, now)).collect();
        self.tx
            .query(
                "FOR $link IN $links {
                     UPSERT $link.id CONTENT $link RETURN NONE;
                     UPDATE $link.job SET posted_at = $link.posted_at WHERE posted_at > $link.posted_at RETURN NONE;
                 };",
            )
            .bind(("links", Value::Array(links.into())))
            .await?
            .check()?;
        Ok(())
    }

    fn link(&self, mapped: &Mapped, job: i64, now: DateTime<Utc>) -> Value {
        let listing = &mapped.listing;
        let mut link = surrealdb::types::Object::new();
        link.insert("id", link_id(&self.source, &listing.external_id));
        link.insert("job", RecordId::new("job", job));
        link.insert("source", self.source.clone().into_value());
        link.insert("external_id", listing.external_id.clone().into_value());
        if let Some(url) = &mapped.url {
            link.insert("url", url.clone().into_value());
        }
        link.insert("posted_at", Datetime::from(listing.summary.posted_at));
        link.insert("content_hash", mapped.hash.clone().into_value());
        link.insert("imported_at", Datetime::from(now));
        Value::Object(link)
    }

    /// Makes every write visible at once and tells the app servers.
    pub async fn commit(self) -> Result<(), DbError> {
        self.tx.query("UPSERT meta:jobs SET version += 1 RETURN NONE").await?.check()?;
        self.tx.commit().await?;
        Ok(())
    }

    /// Drops every write.
    pub async fn cancel(self) -> Result<(), DbError> {
        self.tx.cancel().await?;
        Ok(())
    }
}

/// The professions with the names and codes that identify them.
pub async fn professions(db: &Db) -> Result<Vec<super::classify::ProfessionRef>, DbError> {
    #[derive(Deserialize)]
    struct Row {
        slug: String,
        name: String,
        synonyms: Vec<String>,
        kldb: Option<String>,
    }
    let mut response = db.query("SELECT slug, name, synonyms, kldb FROM profession ORDER BY slug").await?;
    let found: Vec<Row> = rows(&mut response, 0)?;
    Ok(found
        .into_iter()
        .map(|r| super::classify::ProfessionRef { slug: r.slug, name: r.name, synonyms: r.synonyms, kldb: r.kldb })
        .collect())
}
