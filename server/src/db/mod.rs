//! One connection type for all three deployments: `mem://` (tests), `surrealkv://path`
//! (embedded, durable) and `ws://host:port` (a SurrealDB server or cluster).
use std::time::Duration;
use surrealdb::engine::any::connect as connect_any;
use surrealdb::opt::auth::Root;

pub use app::db::{Db, DbError};
pub use schema::{MIGRATIONS, apply_schema, schema_version};

mod schema;
pub mod wal_tail;

#[derive(Debug, Clone)]
pub struct DbConfig {
    pub url: String,
    pub user: Option<String>,
    pub pass: Option<String>,
    pub namespace: String,
    pub database: String,
}

impl DbConfig {
    pub fn memory() -> Self {
        Self { url: "mem://".into(), user: None, pass: None, namespace: "revierjobs".into(), database: "main".into() }
    }
}

/// Why the database could not be opened, naming the setting to look at.
#[derive(Debug, thiserror::Error)]
pub enum ConnectError {
    #[error("cannot open database {url} (--db / REVIERJOBS_DB): {cause}")]
    Open { url: String, cause: String },
    #[error("database {url} not reachable within {secs} s (--db / REVIERJOBS_DB)")]
    Timeout { url: String, secs: u64 },
    #[error("database sign-in failed (--db-user / REVIERJOBS_DB_USER, --db-pass / REVIERJOBS_DB_PASS): {0}")]
    SignIn(String),
    #[error(transparent)]
    Db(#[from] DbError),
}

const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

/// Settings an embedded SurrealKV gets unless its URL sets them: fsync on every commit (a write
/// is not acknowledged before it is on disk), and caches sized for an app server rather than from
/// the host's memory (unset, SurrealKV takes half of it for its block cache and up to 1 GiB for
/// its memtable; the patched crate in `vendor/` lets the URL set them).
const EMBEDDED_DEFAULTS: [(&str, &str); 3] =
    [("sync", "every"), ("block_cache_capacity", "8388608"), ("max_memtable_size", "67108864")];

/// An error of opening, with what to do when another process holds the embedded database.
fn with_hint(cause: String) -> String {
    if cause.contains("already locked") {
        format!(
            "{cause}. Embedded SurrealKV admits one process: stop `revierjobs serve` first, or run a SurrealDB server (--db ws://…)"
        )
    } else {
        cause
    }
}

/// The URL SurrealKV is opened with: `url` plus every [`EMBEDDED_DEFAULTS`] key it does not set.
pub fn embedded_url(url: &str) -> String {
    EMBEDDED_DEFAULTS.iter().fold(url.to_owned(), |url, (key, value)| with_default(&url, key, value))
}

/// For a bulk load (`revierjobs seed`, a process of its own): a memtable large enough that 100,000
/// listings are written without flushing and compacting tables on the way.
pub fn bulk_load_url(url: &str) -> String {
    with_default(url, "max_memtable_size", "1073741824")
}

/// For an import (a process of its own that holds every batch only while writing it): a small
/// memtable, so that its memory stays small whatever the input's size.
pub fn import_url(url: &str) -> String {
    with_default(url, "max_memtable_size", "16777216")
}

/// `url` with `key=value` added to its query, unless it sets `key` already; `surrealkv://` only.
fn with_default(url: &str, key: &str, value: &str) -> String {
    if !url.starts_with("surrealkv://") {
        return url.to_owned();
    }
    let query = url.split_once('?').map_or("", |(_, query)| query);
    if query.split('&').any(|kv| kv.split('=').next() == Some(key)) {
        return url.to_owned();
    }
    let separator = if url.contains('?') { '&' } else { '?' };
    format!("{url}{separator}{key}={value}")
}

pub async fn connect(config: &DbConfig) -> Result<Db, ConnectError> {
    let url = embedded_url(&config.url);
    if let Some(path) = url.strip_prefix("surrealkv://") {
        let dir = std::path::Path::new(path.split('?').next().unwrap_or_default());
        let open_error = |e: std::io::Error| ConnectError::Open { url: config.url.clone(), cause: e.to_string() };
        if let Some(parent) = dir.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(open_error)?;
        }
        let cut = wal_tail::trim(dir).map_err(open_error)?;
        if cut > 0 {
            tracing::warn!("cut {cut} bytes of an unfinished (never acknowledged) write off the database log");
        }
    }
    let db = tokio::time::timeout(CONNECT_TIMEOUT, connect_any(url.as_str()))
        .await
        .map_err(|_| ConnectError::Timeout { url: config.url.clone(), secs: CONNECT_TIMEOUT.as_secs() })?
        .map_err(|e| ConnectError::Open { url: config.url.clone(), cause: with_hint(e.to_string()) })?;
    if let (Some(username), Some(password)) = (&config.user, &config.pass) {
        db.signin(Root { username: username.clone(), password: password.clone() })
            .await
            .map_err(|e| ConnectError::SignIn(e.to_string()))?;
    }
    db.use_ns(config.namespace.as_str()).use_db(config.database.as_str()).await.map_err(DbError::from)?;
    Ok(std::sync::Arc::new(db))
}

/// Connects, applies the schema and writes the shipped career articles and checks the reference figures.
pub async fn prepare(config: &DbConfig) -> Result<Db, crate::Error> {
    let db = connect(config).await?;
    let version = apply_schema(&db).await?;
    tracing::info!(version, url = %config.url, "database ready");
    let articles = app::careers::content::all().map_err(crate::Error::Config)?;
    app::salary::references::check().map_err(crate::Error::Config)?;
    app::careers::repo::upsert_articles(&db, &articles).await?;
    Ok(db)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn surrealkv_urls_get_fsync_on_every_commit_and_app_sized_caches() {
        let defaults = "sync=every&block_cache_capacity=8388608&max_memtable_size=67108864";
        assert_eq!(embedded_url("surrealkv://data/revierjobs"), format!("surrealkv://data/revierjobs?{defaults}"));
        assert_eq!(embedded_url("surrealkv://d?versioned=true"), format!("surrealkv://d?versioned=true&{defaults}"));
    }

    #[test]
    fn settings_in_the_url_win() {
        assert_eq!(
            embedded_url("surrealkv://d?sync=every&block_cache_capacity=1&max_memtable_size=2"),
            "surrealkv://d?sync=every&block_cache_capacity=1&max_memtable_size=2"
        );
        assert_eq!(
            embedded_url("surrealkv://d?block_cache_capacity=1"),
            "surrealkv://d?block_cache_capacity=1&sync=every&max_memtable_size=67108864"
        );
    }

    #[test]
    fn other_engines_are_left_alone() {
        for url in ["mem://", "ws://db:8000"] {
            assert_eq!(embedded_url(url), url);
            assert_eq!(bulk_load_url(url), url);
            assert_eq!(import_url(url), url);
        }
    }

    #[test]
    fn a_bulk_load_gets_a_large_memtable_and_the_other_defaults() {
        assert_eq!(
            embedded_url(&bulk_load_url("surrealkv://d")),
            "surrealkv://d?max_memtable_size=1073741824&sync=every&block_cache_capacity=8388608"
        );
        assert_eq!(bulk_load_url("surrealkv://d?max_memtable_size=5"), "surrealkv://d?max_memtable_size=5");
    }

    #[test]
    fn an_import_gets_a_small_memtable_unless_the_url_sets_one() {
        assert_eq!(import_url("surrealkv://d"), "surrealkv://d?max_memtable_size=16777216");
        assert_eq!(import_url("surrealkv://d?max_memtable_size=5"), "surrealkv://d?max_memtable_size=5");
    }
}
