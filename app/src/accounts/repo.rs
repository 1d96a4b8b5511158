//! SurrealDB queries for accounts, sessions and rate limits (server only). Session records are
//! keyed by the SHA-256 of the cookie value; account ids are random SurrealDB ids.
use chrono::{DateTime, Utc};
use serde::Deserialize;

use super::model::{ABSOLUTE, IDLE, TOUCH_EVERY, session_valid};
use crate::db::{Db, DbError, retrying, row, rows};

#[derive(Deserialize)]
struct SessionRow {
    account: String,
    email: Option<String>,
    created_at: DateTime<Utc>,
    last_seen: DateTime<Utc>,
}

#[derive(Deserialize)]
pub struct Credentials {
    pub id: String,
    pub password_hash: String,
}

/// Creates an account; `None` if the e-mail address is taken.
pub async fn create_account(db: &Db, email: &str, password_hash: &str) -> Result<Option<String>, DbError> {
    let result = db
        .query(
            "CREATE ONLY account CONTENT {
                email: $email, password_hash: $hash, created_at: time::now(), password_changed_at: time::now()
             } RETURN VALUE record::id(id)",
        )
        .bind(("email", email.to_owned()))
        .bind(("hash", password_hash.to_owned()))
        .await?
        .take::<Option<String>>(0);
    match result {
        Ok(id) => Ok(id),
        Err(e) if e.to_string().contains("account_email") => Ok(None),
        Err(e) => Err(e.into()),
    }
}

pub async fn credentials(db: &Db, email: &str) -> Result<Option<Credentials>, DbError> {
    let mut response = db
        .query("SELECT record::id(id) AS id, password_hash FROM account WHERE email = $email LIMIT 1")
        .bind(("email", email.to_owned()))
        .await?;
    Ok(rows(&mut response, 0)?.into_iter().next())
}

pub async fn credentials_by_id(db: &Db, id: &str) -> Result<Option<Credentials>, DbError> {
    let mut response = db
        .query("SELECT record::id(id) AS id, password_hash FROM ONLY type::record('account', $id)")
        .bind(("id", id.to_owned()))
        .await?;
    row(&mut response, 0)
}

/// Stores a new session; sessions past their idle or absolute lifetime are swept on the way.
pub async fn create_session(db: &Db, hash: &str, account: &str, now: DateTime<Utc>) -> Result<(), DbError> {
    db.query(
        "DELETE session WHERE last_seen < time::now() - <duration> $idle OR created_at < time::now() - <duration> $absolute;
         CREATE type::record('session', $hash) CONTENT {
            account: type::record('account', $account), created_at: <datetime> $now, last_seen: <datetime> $now
         } RETURN NONE",
    )
    .bind(("hash", hash.to_owned()))
    .bind(("account", account.to_owned()))
    .bind(("now", now.to_rfc3339()))
    .bind(("idle", format!("{}d", IDLE.num_days())))
    .bind(("absolute", format!("{}d", ABSOLUTE.num_days())))
    .await?
    .check()?;
    Ok(())
}

/// The account (id, e-mail) of a valid session; deletes an expired one, refreshes `last_seen`.
pub async fn session_account(db: &Db, hash: &str, now: DateTime<Utc>) -> Result<Option<(String, String)>, DbError> {
    let mut response = db
        .query(
            "SELECT record::id(account) AS account, account.email AS email, created_at, last_seen
             FROM ONLY type::record('session', $hash)",
        )
        .bind(("hash", hash.to_owned()))
        .await?;
    let Some(session): Option<SessionRow> = row(&mut response, 0)? else { return Ok(None) };
    let Some(email) = session.email.filter(|_| session_valid(session.created_at, session.last_seen, now)) else {
        delete_session(db, hash).await?;
        return Ok(None);
    };
    if now - session.last_seen >= TOUCH_EVERY {
        db.query("UPDATE type::record('session', $hash) SET last_seen = <datetime> $now RETURN NONE")
            .bind(("hash", hash.to_owned()))
            .bind(("now", now.to_rfc3339()))
            .await?
            .check()?;
    }
    Ok(Some((session.account, email)))
}

pub async fn delete_session(db: &Db, hash: &str) -> Result<(), DbError> {
    db.query("DELETE type::record('session', $hash)").bind(("hash", hash.to_owned())).await?.check()?;
    Ok(())
}

/// Ends every session of an account except `keep` (pass `None` to end all).
pub async fn delete_sessions(db: &Db, account: &str, keep: Option<&str>) -> Result<(), DbError> {
    db.query(
        "DELETE session WHERE account = type::record('account', $account)
            AND (record::id(id) != $keep OR $keep = NONE)",
    )
    .bind(("account", account.to_owned()))
    .bind(("keep", keep.map(str::to_owned)))
    .await?
    .check()?;
    Ok(())
}

pub async fn count_sessions(db: &Db, account: &str) -> Result<u32, DbError> {
    let mut response = db
        .query("SELECT VALUE count() FROM session WHERE account = type::record('account', $account) GROUP ALL")
        .bind(("account", account.to_owned()))
        .await?;
    let n: Option<u32> = response.take(0)?;
    Ok(n.unwrap_or(0))
}

pub async fn set_password(db: &Db, account: &str, password_hash: &str) -> Result<(), DbError> {
    db.query(
        "UPDATE type::record('account', $account) SET password_hash = $hash, password_changed_at = time::now() RETURN NONE",
    )
    .bind(("account", account.to_owned()))
    .bind(("hash", password_hash.to_owned()))
    .await?
    .check()?;
    Ok(())
}

#[derive(Deserialize)]
pub struct AccountRow {
    pub email: String,
    pub created_at: DateTime<Utc>,
    pub password_changed_at: DateTime<Utc>,
}

pub async fn account(db: &Db, account: &str) -> Result<Option<AccountRow>, DbError> {
    let mut response = db
        .query("SELECT email, created_at, password_changed_at FROM ONLY type::record('account', $account)")
        .bind(("account", account.to_owned()))
        .await?;
    row(&mut response, 0)
}

#[derive(Debug, Deserialize, serde::Serialize)]
pub struct SessionInfo {
    pub created_at: DateTime<Utc>,
    pub last_seen: DateTime<Utc>,
}

pub async fn sessions(db: &Db, account: &str) -> Result<Vec<SessionInfo>, DbError> {
    let mut response = db
        .query(
            "SELECT created_at, last_seen FROM session WHERE account = type::record('account', $account)
             ORDER BY created_at",
        )
        .bind(("account", account.to_owned()))
        .await?;
    rows(&mut response, 0)
}

/// Deletes the account with its sessions, favourites and the rate-limit counters that name
/// its address, all or nothing.
pub async fn delete_account(db: &Db, account: &str) -> Result<(), DbError> {
    db.query(
        "BEGIN TRANSACTION;
         LET $email = (SELECT VALUE email FROM ONLY type::record('account', $account));
         DELETE rate_limit WHERE record::id(id)[0] CONTAINS $email OR record::id(id)[0] CONTAINS $account;
         DELETE favourite WHERE owner = $owner;
         DELETE type::record('favourite_list', $owner);
         DELETE session WHERE account = type::record('account', $account);
         DELETE type::record('account', $account);
         COMMIT TRANSACTION;",
    )
    .bind(("owner", format!("u:{account}")))
    .bind(("account", account.to_owned()))
    .await?
    .check()?;
    Ok(())
}

/// Counts one attempt for `key` in the current fixed window of `window_secs` and returns the
/// count so far with the seconds left in the window. Old windows are swept on the way.
pub async fn hit(db: &Db, key: &str, window_secs: i64, now: DateTime<Utc>) -> Result<(u32, i64), DbError> {
    let start = now.timestamp() - now.timestamp().rem_euclid(window_secs);
    let expires = DateTime::from_timestamp(start + window_secs, 0).unwrap_or(now);
    let mut response = retrying(|| async {
        Ok(db
            .query(
                "DELETE rate_limit WHERE expires_at < <datetime> $now;
                 UPSERT ONLY type::record('rate_limit', [$key, $start])
                    SET n = (n ?? 0) + 1, expires_at = <datetime> $expires RETURN VALUE n;",
            )
            .bind(("key", key.to_owned()))
            .bind(("start", start))
            .bind(("now", now.to_rfc3339()))
            .bind(("expires", expires.to_rfc3339()))
            .await?
            .check()?)
    })
    .await?;
    let n: Option<u32> = response.take(1)?;
    Ok((n.unwrap_or(1), (expires - now).num_seconds().max(1)))
}

/// The count of `key` in the current window, without counting.
pub async fn hits(db: &Db, key: &str, window_secs: i64, now: DateTime<Utc>) -> Result<(u32, i64), DbError> {
    let start = now.timestamp() - now.timestamp().rem_euclid(window_secs);
    let mut response = db
        .query("SELECT VALUE n FROM ONLY type::record('rate_limit', [$key, $start])")
        .bind(("key", key.to_owned()))
        .bind(("start", start))
        .await?;
    let n: Option<u32> = response.take(0)?;
    Ok((n.unwrap_or(0), start + window_secs - now.timestamp()))
}
