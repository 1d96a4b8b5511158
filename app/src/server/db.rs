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

/// Embedded SurrealKV must not acknowledge a write before it is on disk: make the
/// sync mode explicit (`sync=every`, fsync on every commit) unless the URL sets one.
pub fn durable_url(url: &str) -> String {
    if !url.starts_with("surrealkv://") {
        return url.to_owned();
    }
    let has_sync = url.split_once('?').is_some_and(|(_, query)| query.split('&').any(|kv| kv.starts_with("sync=")));
    if has_sync {
        url.to_owned()
    } else if url.contains('?') {
        format!("{url}&sync=every")
    } else {
        format!("{url}?sync=every")
    }
}

pub async fn connect(config: &DbConfig) -> Result<Db, DbError> {
    let url = durable_url(&config.url);
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
    fn surrealkv_urls_get_fsync_on_every_commit() {
        assert_eq!(durable_url("surrealkv://data/revierjobs"), "surrealkv://data/revierjobs?sync=every");
        assert_eq!(durable_url("surrealkv://d?versioned=true"), "surrealkv://d?versioned=true&sync=every");
        assert_eq!(durable_url("surrealkv://d?sync=every"), "surrealkv://d?sync=every");
        assert_eq!(durable_url("mem://"), "mem://");
        assert_eq!(durable_url("ws://db:8000"), "ws://db:8000");
    }
}
