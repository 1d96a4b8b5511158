//! What the favourites server functions do (server only): resolve the caller, validate, call the repo.
use chrono::Utc;

use super::model::{self, Favourite, SavedItem, SavedList};
use super::repo;
use axum::http::HeaderMap;

use crate::accounts::session::{Identity, identity, identity_from, owner_for_write};
use crate::db::Db;
use crate::error::AppError;
use crate::state::db;

fn not_on_list(job: i64) -> AppError {
    AppError::NotFound(format!("Die Stelle Nr. {job} ist nicht auf Ihrer Merkliste."))
}

pub async fn set_favourite(job: i64, saved: bool) -> Result<bool, AppError> {
    let db = db()?;
    let owner = owner_for_write(&db).await?;
    if saved {
        let snapshot = repo::snapshot(&db, job)
            .await?
            .ok_or_else(|| AppError::NotFound(format!("Die Stelle Nr. {job} gibt es nicht (mehr).")))?;
        repo::save(&db, &owner, job, &snapshot).await?;
    } else {
        repo::remove(&db, &owner, job).await?;
    }
    Ok(saved)
}

pub async fn saved_job_ids() -> Result<Vec<i64>, AppError> {
    let db = db()?;
    let who = identity(&db).await?;
    ids_of(&db, &who).await
}

/// [`saved_job_ids`] for plain axum handlers: the page routes' layer reads them before a page
/// renders (`SavedAtLoad`).
pub async fn saved_ids_from(db: &Db, headers: &HeaderMap, secure: bool) -> Result<Vec<i64>, AppError> {
    let who = identity_from(db, headers, secure).await?;
    ids_of(db, &who).await
}

async fn ids_of(db: &Db, who: &Identity) -> Result<Vec<i64>, AppError> {
    match who.owner() {
        Some(owner) => Ok(repo::saved_ids(db, &owner).await?),
        None => Ok(vec![]),
    }
}

pub async fn list(status: Option<&str>) -> Result<SavedList, AppError> {
    let filter = model::parse_status_param(status)?;
    let db = db()?;
    let who = identity(&db).await?;
    let all = match who.owner() {
        Some(owner) => repo::all(&db, &owner).await?,
        None => vec![],
    };
    let counts = model::counts(&all);
    let total = counts.iter().map(|(_, n)| n).sum();
    let now = Utc::now();
    let items = model::shown(all, filter)
        .into_iter()
        .map(|favourite| SavedItem { expired: favourite.expired(now), favourite })
        .collect();
    let account = match who {
        Identity::Account { email, .. } => Some(email),
        _ => None,
    };
    Ok(SavedList { items, filter, counts, total, account })
}

pub async fn save_note(job: i64, note: &str) -> Result<(), AppError> {
    let note = model::validate_note(note)?;
    let db = db()?;
    let owner = identity(&db).await?.owner().ok_or_else(|| not_on_list(job))?;
    if repo::set_note(&db, &owner, job, &note).await? { Ok(()) } else { Err(not_on_list(job)) }
}

pub async fn set_status(job: i64, status: &str) -> Result<Favourite, AppError> {
    let status = model::parse_status(status)?;
    let db = db()?;
    let owner = identity(&db).await?.owner().ok_or_else(|| not_on_list(job))?;
    repo::set_status(&db, &owner, job, status).await?.ok_or_else(|| not_on_list(job))
}

/// Moves the visitor's list (if any) into the account that just signed in, then forgets the visitor.
pub async fn merge_visitor_into(db: &Db, visitor: Option<String>, account_owner: &str) -> Result<(), AppError> {
    let Some(visitor) = visitor else { return Ok(()) };
    let theirs = repo::all(db, &visitor).await?;
    if !theirs.is_empty() {
        let ours = repo::all(db, account_owner).await?;
        let merged = model::merge(&ours, &theirs);
        repo::replace_after_merge(db, account_owner, &visitor, &merged).await?;
    }
    crate::accounts::session::clear_visitor_cookie();
    Ok(())
}
