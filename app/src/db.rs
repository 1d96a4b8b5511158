//! The database handle and what every repository uses to read rows.
use serde::de::DeserializeOwned;
use surrealdb::Surreal;
use surrealdb::engine::any::Any;

/// One database session shared by every request. Cloning a `Surreal` handle opens a new session,
/// and over `ws://` each new session replays the sign-in on the server (an Argon2 check per clone),
/// so the handle is shared behind an `Arc` instead of being cloned per request.
pub type Db = std::sync::Arc<Surreal<Any>>;

#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("database query failed: {0}")]
    Query(#[from] surrealdb::Error),
    #[error("database row has an unexpected shape: {0}")]
    Shape(#[from] serde_json::Error),
    /// A row that breaks a rule of `jobs::invariants`; nothing of its write is done.
    #[error("row not written: {0}")]
    Invalid(String),
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
