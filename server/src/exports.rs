//! Downloads of the caller's own data (read-only GETs): the saved list as CSV and iCalendar,
//! and everything stored about an account as JSON.
use axum::extract::State;
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Response};

use app::accounts::session::{Identity, identity_from};
use app::error::AppError;
use app::favourites::{export, model, repo};
use app::state::AppState;

use crate::error::Failure;

fn download(content_type: &str, filename: &str, body: String) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type.to_owned()),
            (header::CONTENT_DISPOSITION, format!("attachment; filename=\"{filename}\"")),
            (header::CACHE_CONTROL, "private, no-store".to_owned()),
        ],
        body,
    )
        .into_response()
}

/// The caller's active saved jobs, newest first (empty for a visitor without a list).
async fn saved(state: &AppState, headers: &HeaderMap) -> Result<Vec<model::Favourite>, AppError> {
    let who = identity_from(&state.db, headers, state.site.secure_cookies).await?;
    let Some(owner) = who.owner() else { return Ok(vec![]) };
    let all = repo::all(&state.db, &owner).await?;
    Ok(model::shown(all, None))
}

pub async fn saved_csv(State(state): State<AppState>, headers: HeaderMap) -> Result<Response, Failure> {
    let list = saved(&state, &headers).await?;
    let csv = export::csv(&list, &state.site.public_url, chrono::Utc::now());
    Ok(download("text/csv; charset=utf-8", "merkliste.csv", csv))
}

pub async fn saved_ics(State(state): State<AppState>, headers: HeaderMap) -> Result<Response, Failure> {
    let list = saved(&state, &headers).await?;
    let ics = export::ics(&list, &state.site.public_url, chrono::Utc::now());
    Ok(download("text/calendar; charset=utf-8", "bewerbungsfristen.ics", ics))
}

/// DSGVO Art. 15/20: all data of the signed-in account.
pub async fn account_data(State(state): State<AppState>, headers: HeaderMap) -> Result<Response, Failure> {
    let data = match identity_from(&state.db, &headers, state.site.secure_cookies).await? {
        Identity::Account { id, .. } => app::accounts::service::export(&state.db, &id).await?,
        _ => return Err(AppError::Unauthorized.into()),
    };
    let json = serde_json::to_string_pretty(&data).map_err(|e| AppError::internal("export json", e))?;
    Ok(download("application/json", "revierjobs-daten.json", json))
}
