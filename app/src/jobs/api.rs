//! Job listings for pages: the search and the demo notice straight from the in-memory index, and
//! the server function for a listing's details (read from the database).
use leptos::prelude::*;

use super::model::{JobDetail, JobFilter, SearchResponse};
use crate::error::AppError;

/// The search for a page as it renders. Pages render on the server only (islands: the browser
/// runs just the islands), where the index is in memory, so a page has nothing to wait for: no
/// resource, no `Suspense` (whose machinery cost about a third of the CPU time of `/jobs`).
pub fn search_now(filter: &JobFilter) -> Result<SearchResponse, AppError> {
    #[cfg(feature = "ssr")]
    return Ok(crate::server::search_index()?.search(filter, chrono::Utc::now()));
    #[cfg(not(feature = "ssr"))]
    {
        let _ = filter;
        Err(AppError::Internal)
    }
}

/// Whether the listings shown are demo data (for the notice on every page), as [`search_now`].
/// Without an `AppState` (the render that lists the routes at start) there are none.
pub fn shows_demo_now() -> bool {
    #[cfg(feature = "ssr")]
    return use_context::<crate::server::AppState>()
        .is_some_and(|state| state.search.current().shows_demo(chrono::Utc::now()));
    #[cfg(not(feature = "ssr"))]
    false
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
