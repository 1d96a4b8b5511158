//! Server functions for career pages.
use leptos::prelude::*;

use super::model::Career;
use crate::error::AppError;

/// The article from the database, with live figures from the in-memory index.
#[server(endpoint = "get_career")]
pub async fn get_career(profession: String, city: String) -> Result<Career, AppError> {
    let db = crate::server::db()?;
    let mut career = super::repo::get(&db, &profession, &city)
        .await
        .map_err(|e| AppError::internal("get_career", e))?
        .ok_or_else(|| AppError::NotFound("Zu diesem Beruf und Ort gibt es noch keine Berufsseite.".into()))?;
    career.figures = super::repo::live_figures(&*crate::server::search_index()?, &career, chrono::Utc::now());
    Ok(career)
}
