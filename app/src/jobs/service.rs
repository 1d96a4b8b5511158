//! What job pages and the JSON API read: searches from the in-memory index, a listing's details
//! from the database with what the index adds (similar listings, the pay comparison).
use chrono::{DateTime, Utc};

use super::filter::JobFilter;
use super::jsonld::job_posting;
use super::model::{JobDetail, Listing, SearchResponse};
use crate::error::AppError;
use crate::state::{AppState, state};

/// How many similar listings the detail page shows.
const SIMILAR: usize = 4;

/// The search for a page as it renders: pages render on the server only, where the index is in
/// memory, so a page has nothing to wait for.
pub fn search(filter: &JobFilter) -> Result<SearchResponse, AppError> {
    Ok(crate::state::search_index()?.search(filter, Utc::now()))
}

/// Whether the listings shown now are demo data (the notice on every page). Without an `AppState`
/// (the render that lists the routes at start) there are none.
pub fn demo_shown() -> bool {
    state().is_some_and(|state| state.search.current().shows_demo(Utc::now()))
}

/// Listing `id` as stored, expired or not.
pub async fn listing(state: &AppState, id: i64) -> Result<Listing, AppError> {
    super::repo::get(&state.db, id)
        .await?
        .ok_or_else(|| AppError::NotFound(format!("Die Stelle Nr. {id} gibt es nicht (mehr).")))
}

/// Listing `id` with everything its page shows; expired listings too (`expired` says so).
pub async fn detail(state: &AppState, id: i64, now: DateTime<Utc>) -> Result<JobDetail, AppError> {
    let listing = listing(state, id).await?;
    let index = state.search.current();
    let s = &listing.summary;
    let profession_name = index.profession_name(&s.profession).unwrap_or(&s.profession).to_owned();
    let comparison = if s.salary.is_none() { index.comparison(&s.profession, s.offer, s.experience) } else { None };
    let json_ld = (!s.is_demo()).then(|| job_posting(&listing, &state.site.public_url));
    let sources = if s.is_demo() { Vec::new() } else { super::repo::sources(&state.db, id).await? };
    Ok(JobDetail {
        sources,
        expired: s.valid_through <= now,
        similar: index.similar(id, SIMILAR, now),
        profession_name,
        comparison,
        json_ld,
        listing,
    })
}
