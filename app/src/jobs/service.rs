//! What job pages and the JSON API read: searches from the in-memory index, a listing's details
//! from the database with what the index adds (similar listings, the pay comparison).
use std::sync::Arc;

use chrono::{DateTime, Utc};

use super::filter::JobFilter;
use super::jsonld::job_posting;
use super::model::{JobDetail, SearchResponse, Stored};
use crate::error::AppError;
use crate::search::Index;
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

/// Listing `id` as stored, expired or not, with its sources: read from the database once per
/// listings version, then kept by that version's index (a detail page is read far more often than
/// its listing changes).
pub async fn stored(state: &AppState, index: &Index, id: i64) -> Result<Arc<Stored>, AppError> {
    if let Some(kept) = index.stored(id) {
        return Ok(kept);
    }
    let listing = super::repo::get(&state.db, id)
        .await?
        .ok_or_else(|| AppError::NotFound(format!("Die Stelle Nr. {id} gibt es nicht (mehr).")))?;
    let sources = if listing.summary.is_demo() { Vec::new() } else { super::repo::sources(&state.db, id).await? };
    Ok(index.keep_stored(Stored { listing, sources }))
}

/// Listing `id` with everything its page shows; expired listings too (`expired` says so).
pub async fn detail(state: &AppState, id: i64, now: DateTime<Utc>) -> Result<JobDetail, AppError> {
    let index = state.search.current();
    let stored = stored(state, &index, id).await?;
    let (listing, s) = (&stored.listing, &stored.listing.summary);
    let profession_name = index.profession_name(&s.profession).unwrap_or(&s.profession).to_owned();
    let comparison = if s.salary.is_none() { index.comparison(&s.profession, s.offer, s.experience) } else { None };
    let json_ld = (!s.is_demo()).then(|| job_posting(listing, &state.site.public_url));
    Ok(JobDetail {
        sources: stored.sources.clone(),
        expired: s.valid_through <= now,
        similar: index.similar(id, SIMILAR, now),
        profession_name,
        comparison,
        json_ld,
        listing: listing.clone(),
    })
}
