//! The public JSON API: `GET /api/v1/jobs` (the parameters of `/jobs`), `GET /api/v1/jobs/{id}`,
//! `GET /api/v1/salaries` (the parameters of `/gehalt`) and the lists the parameters name places,
//! professions and skills from; described in `GET /api/openapi.json` (`crate::openapi`). A value
//! a parameter does not allow answers 400 naming the parameter; a value the answer cannot use (a
//! place, profession or skill the listings do not know) is left out and named under `ignored`.
use axum::Json;
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use chrono::Utc;
use serde::Serialize;
use utoipa::ToSchema;

use app::jobs::filter::{JobFilter, ParamIssue};
use app::jobs::model::{Choice, City, Facets, Hit, Listing, Param, Summary, parse_job_id};
use app::salary::model::SalaryStats;
use app::salary::service::{ExplorerQuery, explore};
use app::state::AppState;

use crate::error::{ErrorBody, Failure};

/// One listing in a list: its summary, where its page is, and whether it is invented demo data.
#[derive(Serialize, ToSchema)]
pub struct ApiJob {
    #[serde(flatten)]
    pub summary: Summary,
    /// Distance from the searched place in km, when a place was given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub distance_km: Option<f64>,
    pub url: String,
    pub demo: bool,
}

impl From<Hit> for ApiJob {
    fn from(hit: Hit) -> Self {
        let (url, demo) = (hit.summary.href(), hit.summary.is_demo());
        ApiJob { summary: hit.summary, distance_km: hit.distance_km, url, demo }
    }
}

#[derive(Serialize, ToSchema)]
pub struct JobList {
    pub total: u64,
    pub page: u32,
    pub per_page: u32,
    pub items: Vec<ApiJob>,
    /// Parameter → value → how many results choosing that value would give with the other filters.
    #[schema(value_type = std::collections::BTreeMap<String, std::collections::BTreeMap<String, u64>>)]
    pub facets: Facets,
    /// Values the search could not use (an unknown place, profession or skill; sorting by distance
    /// without a place), and why.
    pub ignored: Vec<ParamIssue>,
}

/// Stellen suchen, mit Facettenzahlen
///
/// Eine Seite Treffer; facets nennt für jeden Parameter und Wert, wie viele Treffer diese Wahl mit
/// den übrigen Filtern ergäbe.
#[utoipa::path(
    get,
    path = "/api/v1/jobs",
    operation_id = "list_jobs",
    responses(
        (status = 200, description = "Eine Seite Treffer", body = JobList),
    )
)]
pub async fn list_jobs(State(state): State<AppState>, RawQuery(query): RawQuery) -> Result<Json<JobList>, Failure> {
    let (filter, invalid) = JobFilter::parse_query(query.as_deref().unwrap_or_default());
    if !invalid.is_empty() {
        return Err(Failure::parameters(invalid));
    }
    let result = state.search.current().search(&filter, Utc::now());
    Ok(Json(JobList {
        total: result.total,
        page: result.page,
        per_page: result.per_page,
        items: result.items.into_iter().map(ApiJob::from).collect(),
        facets: result.facets,
        ignored: result.ignored,
    }))
}

/// One listing with its texts.
#[derive(Serialize, ToSchema)]
pub struct JobDetailResponse {
    #[serde(flatten)]
    pub summary: Summary,
    /// The description as sanitised HTML.
    pub description_html: String,
    /// `null` when the ad gives none (as before; the list items leave absent values out).
    pub apply_url: Option<String>,
    pub apply_email: Option<String>,
    /// The listing's id at its source (see `source`).
    pub external_id: String,
    pub url: String,
    pub demo: bool,
    pub expired: bool,
}

/// Eine Stelle
#[utoipa::path(
    get,
    path = "/api/v1/jobs/{id}",
    operation_id = "get_job",
    params(("id" = String, Path, pattern = "^[1-9][0-9]{0,17}(-.*)?$", example = "1",
        description = "Stellennummer; ein lesbarer Slug darf folgen")),
    responses(
        (status = 200, description = "Die Stelle mit Beschreibung (bereinigtes HTML)", body = JobDetailResponse),
        (status = 400, description = "Keine Stellennummer", body = ErrorBody),
        (status = 404, description = "Diese Stelle gibt es nicht", body = ErrorBody),
        (status = 410, description = "Die Stelle ist abgelaufen; der Inhalt kommt mit expired: true", body = JobDetailResponse),
    )
)]
pub async fn get_job(State(state): State<AppState>, Path(segment): Path<String>) -> Result<Response, Failure> {
    let id = parse_job_id(&segment)
        .ok_or_else(|| app::error::AppError::invalid("id", format!("„{segment}“ ist keine Stellennummer.")))?;
    let stored = app::jobs::service::stored(&state, &state.search.current(), id).await?;
    let Listing { summary, description, apply_url, apply_email, external_id } = stored.listing.clone();
    let expired = summary.valid_through <= Utc::now();
    let status = if expired { StatusCode::GONE } else { StatusCode::OK };
    let (url, demo) = (summary.href(), summary.is_demo());
    let body = JobDetailResponse {
        summary,
        description_html: description,
        apply_url,
        apply_email,
        external_id,
        url,
        demo,
        expired,
    };
    Ok((status, Json(body)).into_response())
}

/// The salary figures and what of the request was left out.
#[derive(Serialize, ToSchema)]
pub struct SalaryAnswer<'a> {
    #[serde(flatten)]
    pub stats: &'a SalaryStats,
    /// Values the explorer could not use (an unknown place, profession or skill; a parameter of
    /// the job search only), and why.
    pub ignored: &'a [ParamIssue],
}

/// Gehälter aus den Anzeigen: Median, Quartile, Verteilung, Vergleiche, Referenzwerte
///
/// Gezählt werden aktive Anzeigen mit Gehaltsangabe des Arbeitgebers (Schätzungen nicht), als
/// Bruttogehalt pro Monat: Spannen mit ihrer Mitte, Jahresgehälter ÷ 12, Stundenlöhne × 40 × 52 ÷ 12,
/// auf ganze Euro gerundet. Perzentile: lineare Interpolation zwischen benachbarten Rängen (R Typ 7).
/// Unter 5 Angaben sind Median, Quartile und Extremwerte null und broader nennt breitere Auswahlen
/// mit ihrer Anzahl. Jede Aufschlüsselung (by_*) lässt ihre eigene Auswahl weg. references sind
/// veröffentlichte Zahlen anderer Quellen und werden nie mit den Anzeigenwerten verrechnet.
#[utoipa::path(
    get,
    path = "/api/v1/salaries",
    operation_id = "list_salaries",
    responses(
        (status = 200, description = "Gehaltszahlen", body = SalaryAnswer),
    )
)]
pub async fn list_salaries(State(state): State<AppState>, RawQuery(query): RawQuery) -> Result<Response, Failure> {
    let mut query = ExplorerQuery::parse(query.as_deref().unwrap_or_default());
    if !query.invalid.is_empty() {
        return Err(Failure::parameters(std::mem::take(&mut query.invalid)));
    }
    let explored = explore(&state.search.current(), query, Utc::now());
    Ok(Json(SalaryAnswer { stats: &explored.report.stats, ignored: &explored.query.ignored }).into_response())
}

/// Orte, die place nennen kann
#[utoipa::path(get, path = "/api/v1/places", operation_id = "list_places",
    responses((status = 200, description = "Orte mit Slug, Name und Koordinaten, nach Namen", body = Vec<City>)))]
pub async fn list_places(State(state): State<AppState>) -> Json<Vec<City>> {
    Json(state.search.current().cities().to_vec())
}

/// Berufe, die profession nennen kann
#[utoipa::path(get, path = "/api/v1/professions", operation_id = "list_professions",
    responses((status = 200, description = "Berufe mit Slug und Namen, nach Namen", body = Vec<Choice>)))]
pub async fn list_professions(State(state): State<AppState>) -> Json<Vec<Choice>> {
    Json(state.search.current().choices().professions.to_vec())
}

/// Kenntnisse, die skill nennen kann
#[utoipa::path(get, path = "/api/v1/skills", operation_id = "list_skills",
    responses((status = 200, description = "Kenntnisse aus den aktiven Anzeigen, mit Slug und Namen", body = Vec<Choice>)))]
pub async fn list_skills(State(state): State<AppState>) -> Json<Vec<Choice>> {
    Json(state.search.current().choices().skills.to_vec())
}

/// The parameters of the job search and of the salary explorer, in the document's order.
pub fn parameters(operation: &str) -> Vec<Param> {
    match operation {
        "list_jobs" => Param::ALL.to_vec(),
        "list_salaries" => Param::EXPLORER.to_vec(),
        _ => Vec::new(),
    }
}
