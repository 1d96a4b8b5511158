//! One connection type for all three deployments: `mem://` (tests), `surrealkv://path`
//! (embedded, durable) and `ws://host:port` (a SurrealDB server or cluster).
use serde::de::DeserializeOwned;
use std::time::Duration;
use surrealdb::Surreal;
use surrealdb::engine::any::{Any, connect as connect_any};
use surrealdb::opt::auth::Root;

/// One database session shared by every request. Cloning a `Surreal` handle opens a new session,
/// and over `ws://` each new session replays the sign-in on the server (an Argon2 check per clone),
/// so the handle is shared behind an `Arc` instead of being cloned per request.
pub type Db = std::sync::Arc<Surreal<Any>>;

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

#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("cannot open database {url} (--db / REVIERJOBS_DB): {cause}")]
    Open { url: String, cause: String },
    #[error("database {url} not reachable within {secs} s (--db / REVIERJOBS_DB)")]
    Timeout { url: String, secs: u64 },
    #[error("database sign-in failed (--db-user / REVIERJOBS_DB_USER, --db-pass / REVIERJOBS_DB_PASS): {0}")]
    SignIn(String),
    #[error("database query failed: {0}")]
    Query(#[from] surrealdb::Error),
    #[error("database row has an unexpected shape: {0}")]
    Shape(#[from] serde_json::Error),
}

const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

/// Settings an embedded SurrealKV gets unless its URL sets them: fsync on every commit (a write
/// is not acknowledged before it is on disk), and caches sized for an app server rather than from
/// the host's memory (unset, SurrealKV takes half of it for its block cache and up to 1 GiB for
/// its memtable; the patched crate in `vendor/` lets the URL set them).
const EMBEDDED_DEFAULTS: [(&str, &str); 3] =
    [("sync", "every"), ("block_cache_capacity", "8388608"), ("max_memtable_size", "67108864")];

/// The URL SurrealKV is opened with: `url` plus every [`EMBEDDED_DEFAULTS`] key it does not set.
pub fn embedded_url(url: &str) -> String {
    EMBEDDED_DEFAULTS.iter().fold(url.to_owned(), |url, (key, value)| with_default(&url, key, value))
}

/// For a bulk load (`revierjobs seed`, a process of its own): a memtable large enough that 100,000
/// listings are written without flushing and compacting tables on the way (33–39 s instead of ~45 s).
pub fn bulk_load_url(url: &str) -> String {
    with_default(url, "max_memtable_size", "1073741824")
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

pub async fn connect(config: &DbConfig) -> Result<Db, DbError> {
    let url = embedded_url(&config.url);
    if let Some(path) = url.strip_prefix("surrealkv://") {
        let dir = std::path::Path::new(path.split('?').next().unwrap_or_default());
        let open_error = |e: std::io::Error| DbError::Open { url: config.url.clone(), cause: e.to_string() };
        if let Some(parent) = dir.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(open_error)?;
        }
        let cut = super::wal_tail::trim(dir).map_err(open_error)?;
        if cut > 0 {
            tracing::warn!("cut {cut} bytes of an unfinished (never acknowledged) write off the database log");
        }
    }
    let db = tokio::time::timeout(CONNECT_TIMEOUT, connect_any(url.as_str()))
        .await
        .map_err(|_| DbError::Timeout { url: config.url.clone(), secs: CONNECT_TIMEOUT.as_secs() })?
        .map_err(|e| DbError::Open { url: config.url.clone(), cause: e.to_string() })?;
    if let (Some(username), Some(password)) = (&config.user, &config.pass) {
        db.signin(Root { username: username.clone(), password: password.clone() })
            .await
            .map_err(|e| DbError::SignIn(e.to_string()))?;
    }
    db.use_ns(config.namespace.as_str()).use_db(config.database.as_str()).await?;
    Ok(std::sync::Arc::new(db))
}

/// Takes statement `index` of a `SELECT ... FROM ONLY` response as one row, `None` if the record is absent.
pub fn row<T: DeserializeOwned>(response: &mut surrealdb::IndexedResults, index: usize) -> Result<Option<T>, DbError> {
    let value: Option<serde_json::Value> = response.take(index)?;
    value.filter(|v| !v.is_null()).map(serde_json::from_value).transpose().map_err(DbError::from)
}

/// Takes statement `index` of a response as rows of a serde type.
pub fn rows<T: DeserializeOwned>(response: &mut surrealdb::IndexedResults, index: usize) -> Result<Vec<T>, DbError> {
    let values: Vec<serde_json::Value> = response.take(index)?;
    values.into_iter().map(|v| serde_json::from_value(v).map_err(DbError::from)).collect()
}

/// Transaction conflicts between concurrent writers are retried this often.
const ATTEMPTS: usize = 8;

/// Runs `op` again when SurrealDB reports a retryable write conflict.
pub async fn retrying<T, F, Fut>(mut op: F) -> Result<T, DbError>
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Result<T, DbError>>,
{
    let mut attempt = 0;
    loop {
        match op().await {
            Err(e) if attempt + 1 < ATTEMPTS && is_conflict(&e) => {
                attempt += 1;
                tokio::time::sleep(std::time::Duration::from_millis(5 << attempt.min(5))).await;
            }
            other => return other,
        }
    }
}

fn is_conflict(e: &DbError) -> bool {
    let text = e.to_string().to_lowercase();
    text.contains("conflict") || text.contains("can be retried")
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
}
