//! SurrealDB reads and writes of the import. Reads find what the database knows of an input's ads.
//! An input is written whole or not at all, in memory of bounded size: its new listings are staged in
//! batches under a `Run` (ids no reader sees while the run is writing, see
//! `schema/0008_import_runs.surql`); then one transaction (`Writer`) writes every change of a known
//! listing and marks the run committed, and every app server picks the listings up with its version
//! bump.
use chrono::{DateTime, Utc};
use serde::Deserialize;
use surrealdb::engine::any::Any;
use surrealdb::method::Transaction;
use surrealdb::types::{Array, Datetime, RecordId, SurrealValue, Value};

use super::listing::{Mapped, VALID_DAYS};
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

/// A run stopped when its heartbeat is older than this: its staged listings are removed.
const STOPPED_AFTER: &str = "10m";
/// Staged listings are removed, and links confirmed, this many at a time.
const REMOVE_BATCH: i64 = 500;

/// An import writing its new listings under the ids `first..=last`.
pub struct Run {
    id: RecordId,
    first: i64,
    last: i64,
}

/// A run of `source` that is writing now, with when it started (another import of the same source).
pub async fn running(db: &Db, source: &str) -> Result<Option<DateTime<Utc>>, DbError> {
    #[derive(Deserialize)]
    struct Started {
        started_at: DateTime<Utc>,
    }
    let sql = format!(
        "SELECT started_at FROM import_run WHERE state = 'writing' AND source = $source
         AND heartbeat >= time::now() - {STOPPED_AFTER} LIMIT 1"
    );
    let mut response = db.query(sql).bind(("source", source.to_owned())).await?;
    Ok(rows::<Started>(&mut response, 0)?.first().map(|s| s.started_at))
}

/// Removes the runs that stopped while writing (a killed process), with their staged listings.
pub async fn clear_stopped(db: &Db) -> Result<usize, DbError> {
    #[derive(Deserialize)]
    struct Stopped {
        first: i64,
        last: i64,
    }
    let sql = format!(
        "SELECT first, last FROM import_run WHERE state = 'writing' AND heartbeat < time::now() - {STOPPED_AFTER}"
    );
    let stopped: Vec<Stopped> = rows(&mut db.query(sql).await?, 0)?;
    let n = stopped.len();
    for s in stopped {
        let id = RecordId::new("import_run", s.first);
        Run { id, first: s.first, last: s.last }.abandon(db).await?;
    }
    Ok(n)
}

impl Run {
    pub fn first(&self) -> i64 {
        self.first
    }

    /// A run for the ids `first..=last` (reserved by [`reserve_ids`], so the first id names the run).
    pub async fn begin(db: &Db, source: &str, first: i64, last: i64) -> Result<Run, DbError> {
        let id = RecordId::new("import_run", first);
        db.query(
            "CREATE $run CONTENT {
                 source: $source, first: $first, last: $last, state: 'writing',
                 started_at: time::now(), heartbeat: time::now()
             } RETURN NONE",
        )
        .bind(("run", id.clone()))
        .bind(("source", source.to_owned()))
        .bind(("first", first))
        .bind(("last", last))
        .await?
        .check()?;
        Ok(Run { id, first, last })
    }

    /// New listings with their source links (from [`rows_and_links`]), not yet visible. Owned, so
    /// batches can be written by tasks of their own.
    pub fn stage(&self, db: &Db, (rows, links): (Value, Value)) -> impl Future<Output = Result<(), DbError>> + 'static {
        let db = db.clone();
        async move {
            db.query("INSERT INTO job $rows RETURN NONE; INSERT INTO listing_source $links RETURN NONE;")
                .bind(("rows", rows))
                .bind(("links", links))
                .await?
                .check()?;
            Ok(())
        }
    }

    /// Says the run is still writing (batches run side by side, so they do not each say it).
    pub async fn alive(&self, db: &Db) -> Result<(), DbError> {
        db.query("UPDATE $run SET heartbeat = time::now() RETURN NONE")
            .bind(("run", self.id.clone()))
            .await?
            .check()?;
        Ok(())
    }

    /// [`abandon`](Run::abandon)s the run after a failure, unless its commit went through all the
    /// same (over a network, an error can follow a commit that happened).
    pub async fn abandon_unless_committed(self, db: &Db) -> Result<(), DbError> {
        let mut response = db.query("SELECT VALUE state FROM ONLY $run").bind(("run", self.id.clone())).await?;
        match response.take::<Option<String>>(0)?.as_deref() {
            Some("committed") => Ok(()),
            _ => self.abandon(db).await,
        }
    }

    /// Removes what the run staged, and the run.
    pub async fn abandon(self, db: &Db) -> Result<(), DbError> {
        let mut from = self.first;
        while from <= self.last {
            let to = (from + REMOVE_BATCH - 1).min(self.last);
            db.query(
                "DELETE listing_source WHERE job IN $jobs RETURN NONE;
                 DELETE type::record('job', $from..=$to) RETURN NONE;",
            )
            .bind(("jobs", (from..=to).map(|id| RecordId::new("job", id)).collect::<Vec<_>>()))
            .bind(("from", from))
            .bind(("to", to))
            .await?
            .check()?;
            from = to + 1;
        }
        db.query("DELETE $run RETURN NONE").bind(("run", self.id)).await?.check()?;
        Ok(())
    }
}

/// One input's changes of known listings, in one transaction that also commits its run: committed
/// whole by [`Writer::commit`], or not at all.
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

    /// New contents of known listings (their ids and page addresses stay).
    pub async fn changed_listings(&self, writes: &[Write<'_>], now: DateTime<Utc>) -> Result<(), DbError> {
        let (rows, links) = rows_and_links(&self.source, writes, now)?;
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

    /// Ads of this source that are another source's listing `job`: their links, and the earlier
    /// posting date.
    pub async fn merged(&self, merges: &[Write<'_>], now: DateTime<Utc>) -> Result<(), DbError> {
        let links = merges.iter().map(|m| link(&self.source, m.mapped, m.job, now)).collect::<Result<Vec<_>, _>>()?;
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

    /// Makes every write and `run`'s listings visible at once and tells the app servers.
    pub async fn commit(self, run: Option<&Run>) -> Result<(), DbError> {
        if let Some(run) = run {
            let state = self.tx.query("UPDATE $run SET state = 'committed' RETURN NONE").bind(("run", run.id.clone()));
            state.await?.check()?;
        }
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

/// The job rows and source links of `writes`.
pub fn rows_and_links(source: &str, writes: &[Write<'_>], now: DateTime<Utc>) -> Result<(Value, Value), DbError> {
    let mut rows = Vec::with_capacity(writes.len());
    let mut links = Vec::with_capacity(writes.len());
    for write in writes {
        let mut listing = write.mapped.listing.clone();
        listing.summary.id = write.job;
        let Value::Object(mut row) = row_of(&listing)? else { unreachable!("a listing is an object") };
        row.insert("id", RecordId::new("job", write.job));
        row.insert("duplicate_key", write.mapped.duplicate_key.clone().into_value());
        rows.push(Value::Object(row));
        links.push(link(source, write.mapped, write.job, now)?);
    }
    Ok((Value::Array(rows.into()), Value::Array(links.into())))
}

/// The link of `source`'s ad to listing `job`; an error if it breaks one of the
/// [`invariants`](crate::jobs::invariants).
fn link(source: &str, mapped: &Mapped, job: i64, now: DateTime<Utc>) -> Result<Value, DbError> {
    let listing = &mapped.listing;
    if let Some(broken) = crate::jobs::invariants::broken_link(source, &listing.external_id, mapped.url.as_deref()) {
        return Err(DbError::Invalid(format!("Quellenverweis „{}“: {broken}", listing.external_id)));
    }
    let mut link = surrealdb::types::Object::new();
    link.insert("id", link_id(source, &listing.external_id));
    link.insert("job", RecordId::new("job", job));
    link.insert("source", source.to_owned().into_value());
    link.insert("external_id", listing.external_id.clone().into_value());
    if let Some(url) = &mapped.url {
        link.insert("url", url.clone().into_value());
    }
    link.insert("posted_at", Datetime::from(listing.summary.posted_at));
    link.insert("content_hash", mapped.hash.clone().into_value());
    link.insert("imported_at", Datetime::from(now));
    link.insert("checked_at", Datetime::from(now));
    link.insert("valid_stated", mapped.valid_stated.into_value());
    Ok(Value::Object(link))
}

/// Source `source` confirms the ads `external_ids` (every ad it has: `None`) at `now`, a batch at a
/// time: their links say so, and the listings it owns whose ads state no end stay listed
/// [`VALID_DAYS`] days from now. How many ads were confirmed.
pub async fn confirm(
    db: &Db,
    source: &str,
    external_ids: Option<&[String]>,
    now: DateTime<Utc>,
) -> Result<u64, DbError> {
    let all;
    let ids = match external_ids {
        Some(ids) => ids,
        None => {
            let mut response = db
                .query("SELECT VALUE external_id FROM listing_source WHERE source = $source")
                .bind(("source", source.to_owned()))
                .await?;
            all = response.take::<Vec<String>>(0)?;
            &all[..]
        }
    };
    let until = Datetime::from(now + chrono::Duration::days(VALID_DAYS));
    for chunk in ids.chunks(REMOVE_BATCH as usize) {
        let keys: Vec<RecordId> = chunk.iter().map(|id| link_id(source, id)).collect();
        db.query(
            "UPDATE $keys SET checked_at = $now RETURN NONE;
             LET $open = SELECT VALUE job FROM $keys WHERE valid_stated = false;
             UPDATE $open SET valid_through = $until WHERE source = $source AND valid_through < $until RETURN NONE;",
        )
        .bind(("keys", keys))
        .bind(("source", source.to_owned()))
        .bind(("now", Datetime::from(now)))
        .bind(("until", until))
        .await?
        .check()?;
    }
    if !ids.is_empty() {
        crate::jobs::repo::listings_changed(db).await?;
    }
    Ok(ids.len() as u64)
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
