//! What the account server functions do (server only). Failed sign-ins say only "e-mail or
//! password wrong", take as long as a real check, and are limited per IP and per address.
use chrono::Utc;

use super::model::{AccountInfo, normalize_email};
use super::password::{self, blocking};
use super::repo;
use super::session::{self, Identity, identity};
use crate::db::Db;
use crate::error::AppError;
use crate::favourites::service::merge_visitor_into;
use crate::state::db;

/// Sign-in attempts per client address in one window.
pub const IP_LIMIT: u32 = 20;
/// Failed sign-ins per e-mail address in one window (known or not: no enumeration).
pub const ACCOUNT_LIMIT: u32 = 5;
/// Sign-ups per client address in one window.
pub const SIGNUP_LIMIT: u32 = 10;
pub const WINDOW_SECS: i64 = 15 * 60;

fn wrong_credentials() -> AppError {
    AppError::invalid("password", "E-Mail-Adresse oder Passwort ist falsch.")
}

/// Counts an attempt under `key`; errs with 429 once more than `limit` were made in the window.
async fn limit(db: &Db, key: String, limit: u32) -> Result<(), AppError> {
    let (n, retry) = repo::hit(db, &key, WINDOW_SECS, Utc::now()).await?;
    if n > limit { Err(AppError::TooManyRequests { retry_after_secs: retry as u64 }) } else { Ok(()) }
}

/// Errs with 429 while `key` has `limit` or more counted attempts, without counting one.
async fn check_limit(db: &Db, key: &str, limit: u32) -> Result<(), AppError> {
    let (n, retry) = repo::hits(db, key, WINDOW_SECS, Utc::now()).await?;
    if n >= limit { Err(AppError::TooManyRequests { retry_after_secs: retry.max(1) as u64 }) } else { Ok(()) }
}

/// Counts a failed attempt under `key` (checked by [`check_limit`] on the next try).
async fn count_failure(db: &Db, key: &str) -> Result<(), AppError> {
    repo::hit(db, key, WINDOW_SECS, Utc::now()).await?;
    Ok(())
}

fn account_key(email: &str) -> String {
    format!("signin-account:{email}")
}

/// Opens a fresh session for `account` and moves the visitor's favourites into it.
async fn signed_in(db: &Db, before: Identity, account: &str) -> Result<(), AppError> {
    if let Identity::Account { session, .. } = &before {
        repo::delete_session(db, session).await?;
    }
    session::start_session(db, account).await?;
    let visitor = match before {
        Identity::Visitor { .. } => before.owner(),
        _ => None,
    };
    merge_visitor_into(db, visitor, &format!("u:{account}")).await
}

pub async fn sign_up(email: &str, password: String) -> Result<(), AppError> {
    let email = normalize_email(email)?;
    password::check_policy(&password, &email)?;
    let db = db()?;
    limit(&db, format!("signup-ip:{}", session::client_ip()), SIGNUP_LIMIT).await?;
    let hash = blocking(move || password::hash(&password)).await??;
    let Some(account) = repo::create_account(&db, &email, &hash).await? else {
        return Err(AppError::invalid(
            "email",
            "Mit dieser Adresse ist keine Registrierung möglich. Haben Sie schon ein Konto? Dann melden Sie sich an.",
        ));
    };
    let before = identity(&db).await?;
    signed_in(&db, before, &account).await
}

pub async fn sign_in(email: &str, password: String) -> Result<(), AppError> {
    let db = db()?;
    limit(&db, format!("signin-ip:{}", session::client_ip()), IP_LIMIT).await?;
    let Ok(email) = normalize_email(email) else { return Err(wrong_credentials()) };
    check_limit(&db, &account_key(&email), ACCOUNT_LIMIT).await?;
    let found = repo::credentials(&db, &email).await?;
    let account = blocking(move || match found {
        Some(c) if password::verify(&password, &c.password_hash) => Some(c.id),
        Some(_) => None,
        None => {
            password::verify_nothing(&password);
            None
        }
    })
    .await?;
    let Some(account) = account else {
        count_failure(&db, &account_key(&email)).await?;
        return Err(wrong_credentials());
    };
    let before = identity(&db).await?;
    signed_in(&db, before, &account).await
}

/// The signed-in caller, or 401.
async fn account(db: &Db) -> Result<(String, String), AppError> {
    match identity(db).await? {
        Identity::Account { id, session, .. } => Ok((id, session)),
        _ => Err(AppError::Unauthorized),
    }
}

pub async fn sign_out() -> Result<(), AppError> {
    let db = db()?;
    if let Identity::Account { session, .. } = identity(&db).await? {
        repo::delete_session(&db, &session).await?;
    }
    session::clear_session_cookie();
    Ok(())
}

pub async fn sign_out_everywhere() -> Result<(), AppError> {
    let db = db()?;
    let (id, _) = account(&db).await?;
    repo::delete_sessions(&db, &id, None).await?;
    session::clear_session_cookie();
    Ok(())
}

/// Checks the current password (rate-limited like a sign-in) of the signed-in account.
async fn confirm_password(db: &Db, id: &str, password: String) -> Result<(), AppError> {
    let key = format!("password-check:{id}");
    check_limit(db, &key, ACCOUNT_LIMIT).await?;
    let stored = repo::credentials_by_id(db, id).await?.ok_or(AppError::Unauthorized)?;
    if blocking(move || password::verify(&password, &stored.password_hash)).await? {
        Ok(())
    } else {
        count_failure(db, &key).await?;
        Err(AppError::invalid("current_password", "Das aktuelle Passwort stimmt nicht."))
    }
}

/// Sets a new password and ends every other session of the account.
pub async fn change_password(current: String, new: String) -> Result<(), AppError> {
    let db = db()?;
    let (id, session) = account(&db).await?;
    let email = repo::account(&db, &id).await?.ok_or(AppError::Unauthorized)?.email;
    password::check_policy(&new, &email).map_err(|e| e.for_field("new_password"))?;
    confirm_password(&db, &id, current).await?;
    let hash = blocking(move || password::hash(&new)).await??;
    repo::set_password(&db, &id, &hash).await?;
    Ok(repo::delete_sessions(&db, &id, Some(&session)).await?)
}

/// Deletes the account with its favourites, notes and sessions (DSGVO Art. 17).
pub async fn delete_account(password: String) -> Result<(), AppError> {
    let db = db()?;
    let (id, _) = account(&db).await?;
    confirm_password(&db, &id, password).await.map_err(|e| e.for_field("password"))?;
    repo::delete_account(&db, &id).await?;
    session::clear_session_cookie();
    Ok(())
}

pub async fn account_info() -> Result<Option<AccountInfo>, AppError> {
    let db = db()?;
    let Identity::Account { id, .. } = identity(&db).await? else { return Ok(None) };
    let Some(row) = repo::account(&db, &id).await? else { return Ok(None) };
    let sessions = repo::count_sessions(&db, &id).await?;
    Ok(Some(AccountInfo { email: row.email, created_at: row.created_at, sessions }))
}

/// Everything stored about an account (DSGVO Art. 15/20): account, sessions (without their
/// secrets) and the saved jobs with notes and status history.
pub async fn export(db: &Db, id: &str) -> Result<serde_json::Value, AppError> {
    let row = repo::account(db, id).await?.ok_or(AppError::Unauthorized)?;
    let sessions = repo::sessions(db, id).await?;
    let favourites = crate::favourites::repo::all(db, &format!("u:{id}")).await?;
    Ok(serde_json::json!({
        "exported_at": Utc::now(),
        "account": { "email": row.email, "created_at": row.created_at, "password_changed_at": row.password_changed_at },
        "sessions": sessions,
        "favourites": favourites,
    }))
}
