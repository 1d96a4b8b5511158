//! Server functions for job listings: thin wrappers over the repository.
use leptos::prelude::*;

use super::model::{JobDetail, JobFilter, SearchResponse};
use crate::error::AppError;

#[server(endpoint = "search_jobs")]
pub async fn search_jobs(filter: JobFilter) -> Result<SearchResponse, AppError> {
    Ok(crate::server::search_index()?.search(&filter, chrono::Utc::now()))
}

/// How many similar listings the detail page shows.
#[cfg(feature = "ssr")]
const SIMILAR: usize = 4;

#[server(endpoint = "get_job")]
pub async fn get_job(id: i64) -> Result<JobDetail, AppError> {
    let db = crate::server::db()?;
    let mut detail = super::repo::get(&db, id)
        .await
        .map_err(|e| AppError::internal("get_job", e))?
        .ok_or_else(|| AppError::NotFound(format!("Die Stelle Nr. {id} gibt es nicht (mehr).")))?;
    let index = crate::server::search_index()?;
    if detail.summary.salary.is_none() {
        detail.summary.comparison = index.comparison(&detail.profession_slug, detail.summary.offer, detail.experience);
    }
    detail.similar = index.similar(id, SIMILAR, chrono::Utc::now());
    Ok(detail)
}

#[server(endpoint = "demo_notice")]
pub async fn demo_notice() -> Result<bool, AppError> {
    Ok(crate::server::search_index()?.shows_demo(chrono::Utc::now()))
}
