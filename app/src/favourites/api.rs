//! Server functions for saved jobs. The owner is always the caller (from cookies); a client
//! can name a job id, never whose list it touches.
use leptos::prelude::*;

use super::model::SavedList;
use crate::error::AppError;

/// Puts a job on the caller's list (`saved = true`) or takes it off. Setting a state rather
/// than flipping it makes double clicks and two tabs harmless. Returns the state now stored.
#[server(endpoint = "set_favourite")]
pub async fn set_favourite(job: i64, saved: bool) -> Result<bool, AppError> {
    crate::error::respond(super::service::set_favourite(job, saved).await)
}

/// Ids of the jobs on the caller's list (empty for a first-time visitor).
#[server(endpoint = "saved_job_ids")]
pub async fn saved_job_ids() -> Result<Vec<i64>, AppError> {
    crate::error::respond(super::service::saved_job_ids().await)
}

/// The caller's list as data, optionally one status (the page reads it on the server itself).
#[server(endpoint = "list_favourites")]
pub async fn list_favourites(status: Option<String>) -> Result<SavedList, AppError> {
    crate::error::respond(super::service::list(status.as_deref()).await)
}

/// Sets the note of a job on the caller's list (at most `NOTE_MAX` characters).
#[server(endpoint = "save_note")]
pub async fn save_note(job: i64, note: String) -> Result<(), AppError> {
    crate::error::respond(super::service::save_note(job, &note).await)
}

/// Sets the application status of a job on the caller's list (the page then shows the list again).
#[server(endpoint = "set_application_status")]
pub async fn set_application_status(job: i64, status: String) -> Result<(), AppError> {
    crate::error::respond(super::service::set_status(job, &status).await.map(|_| ()))
}
