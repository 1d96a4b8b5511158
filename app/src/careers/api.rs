//! Server functions for career pages.
use leptos::prelude::*;

use super::model::Career;
use crate::error::AppError;

#[server(endpoint = "get_career")]
pub async fn get_career(profession: String, city: String) -> Result<Career, AppError> {
    let db = crate::server::db()?;
    super::repo::get(&db, &profession, &city)
        .await
        .map_err(|e| AppError::internal("get_career", e))?
        .ok_or_else(|| AppError::NotFound("Zu diesem Beruf und Ort gibt es noch keine Berufsseite.".into()))
}
