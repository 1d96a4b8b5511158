//! The public JSON API: `GET /api/v1/jobs` (same parameters as `/jobs`), `GET /api/v1/jobs/{id}`,
//! `GET /api/v1/salaries` (same parameters as `/gehalt`), described in `GET /api/openapi.json`
//! (generated from the annotations here, see `crate::openapi`). Bad parameters answer 400 with the
//! parameter named; nothing is silently ignored.
use axum::Json;
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Utc};
use serde::Serialize;
use utoipa::ToSchema;

use app::jobs::model::{
    Contract, EmployerType, Experience, Facets, JobFilter, JobSummary, Offer, ParamIssue, Remote, Salary, WorkingTime,
    parse_job_id,
};
use app::salary::api::explore;
use app::search::Details;
use app::server::AppState;

#[derive(Serialize, ToSchema)]
pub struct Employer {
    pub name: String,
    #[serde(rename = "type")]
    pub employer_type: EmployerType,
}

#[derive(Serialize, ToSchema)]
pub struct Location {
    pub city: String,
    pub lat: f64,
    pub lon: f64,
}

/// One listing in API responses.
#[derive(Serialize, ToSchema)]
pub struct ApiJob {
    pub id: i64,
    pub title: String,
    pub employer: Employer,
    pub location: Location,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub distance_km: Option<f64>,
    pub working_time: Vec<WorkingTime>,
    pub offer: Offer,
    pub remote: Remote,
    pub contract: Contract,
    pub experience: Experience,
    pub skills: Vec<String>,
    pub salary: Option<Salary>,
    pub posted_at: DateTime<Utc>,
    pub valid_through: DateTime<Utc>,
    pub url: String,
    /// Demo listings are invented; this says so.
    pub demo: bool,
}

impl ApiJob {
    #[allow(clippy::too_many_arguments)]
    fn new(
        s: &JobSummary,
        lat: f64,
        lon: f64,
        contract: Contract,
        experience: Experience,
        skills: &[String],
        valid_through: DateTime<Utc>,
        distance_km: Option<f64>,
    ) -> Self {
        ApiJob {
            id: s.id,
            title: s.title.clone(),
            employer: Employer { name: s.employer.clone(), employer_type: s.employer_type },
            location: Location { city: s.city.clone(), lat, lon },
            distance_km,
            working_time: s.working_time.clone(),
            offer: s.offer,
            remote: s.remote,
            contract,
            experience,
            skills: skills.to_vec(),
            salary: s.salary.clone(),
            posted_at: s.posted_at,
            valid_through,
            url: s.href(),
            demo: s.is_demo(),
        }
    }

    /// A search result with the details the index keeps for it.
    fn from_result(job: &JobSummary, d: &Details) -> Self {
        Self::new(job, d.lat, d.lon, d.contract, d.experience, &d.skills, d.valid_through, job.distance_km)
    }
}

#[derive(Serialize, ToSchema)]
pub struct JobList {
    pub total: u64,
    pub page: u32,
    pub per_page: u32,
    pub items: Vec<ApiJob>,
    /// Parameter → value → how many results choosing that value would give with the other filters.
    #[schema(inline)]
    pub facets: Facets,
}

#[derive(Serialize, ToSchema)]
pub struct ApiError {
    pub error: &'static str,
    /// The first parameter at fault.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub param: Option<String>,
    pub message: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub issues: Vec<ParamIssue>,
}

fn error(status: StatusCode, error: &'static str, message: String, issues: Vec<ParamIssue>) -> Response {
    let param = issues.first().map(|i| i.param.clone());
    (status, Json(ApiError { error, param, message, issues })).into_response()
}

fn bad_parameters(issues: Vec<ParamIssue>) -> Option<Response> {
    let first = issues.first()?;
    let message = format!("{}: {}", first.param, first.message);
    Some(error(StatusCode::BAD_REQUEST, "invalid_parameter", message, issues))
}

/// Stellen suchen, mit Facettenzahlen
///
/// Eine Seite Treffer; facets nennt für jeden Parameter und Wert, wie viele Treffer diese Wahl mit
/// den übrigen Filtern ergäbe.
#[utoipa::path(
    get,
    path = "/api/v1/jobs",
    params(crate::openapi::JobParams),
    responses(
        (status = 200, description = "Eine Seite Treffer", body = JobList),
        (status = 400, description = "Ein Parameter ist unbrauchbar", body = ApiError),
    )
)]
pub async fn list_jobs(State(state): State<AppState>, RawQuery(query): RawQuery) -> Response {
    let (filter, mut issues) = JobFilter::parse_query(query.as_deref().unwrap_or_default());
    let index = state.search.current();
    let result = index.search(&filter, Utc::now());
    issues.extend(result.issues.iter().cloned());
    if let Some(response) = bad_parameters(issues) {
        return response;
    }
    let items =
        result.items.iter().filter_map(|job| index.details(job.id).map(|d| ApiJob::from_result(job, &d))).collect();
    Json(JobList { total: result.total, page: result.page, per_page: result.per_page, items, facets: result.facets })
        .into_response()
}

#[derive(Serialize, ToSchema)]
pub struct JobDetailResponse {
    #[serde(flatten)]
    pub job: ApiJob,
    pub description_html: String,
    pub apply_url: Option<String>,
    pub apply_email: Option<String>,
    pub expired: bool,
}

/// Eine Stelle
#[utoipa::path(
    get,
    path = "/api/v1/jobs/{id}",
    params(("id" = i64, Path, minimum = 1, example = 1, description = "Stellennummer; ein lesbarer Slug darf folgen")),
    responses(
        (status = 200, description = "Die Stelle mit Beschreibung (bereinigtes HTML)", body = JobDetailResponse),
        (status = 400, description = "Keine Stellennummer", body = ApiError),
        (status = 404, description = "Diese Stelle gibt es nicht", body = ApiError),
        (status = 410, description = "Die Stelle ist abgelaufen; der Inhalt kommt mit expired: true", body = JobDetailResponse),
    )
)]
pub async fn get_job(State(state): State<AppState>, Path(segment): Path<String>) -> Response {
    let Some(id) = parse_job_id(&segment) else {
        let issue = ParamIssue { param: "id".into(), message: format!("„{segment}“ ist keine Stellennummer.") };
        return error(StatusCode::BAD_REQUEST, "invalid_parameter", issue.message.clone(), vec![issue]);
    };
    let detail = match app::jobs::repo::get(&state.db, id).await {
        Ok(Some(detail)) => detail,
        Ok(None) => {
            return error(StatusCode::NOT_FOUND, "not_found", format!("Die Stelle {id} gibt es nicht."), vec![]);
        }
        Err(e) => {
            tracing::error!(error = %e, id, "api get_job");
            return error(StatusCode::INTERNAL_SERVER_ERROR, "internal", "Interner Fehler.".into(), vec![]);
        }
    };
    let d = &detail;
    let job = ApiJob::new(&d.summary, d.lat, d.lon, d.contract, d.experience, &d.skills, d.valid_through, None);
    let status = if detail.expired { StatusCode::GONE } else { StatusCode::OK };
    let body = JobDetailResponse {
        job,
        description_html: detail.description_html,
        apply_url: detail.apply_url,
        apply_email: detail.apply_email,
        expired: detail.expired,
    };
    (status, Json(body)).into_response()
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
    params(crate::openapi::SalaryParams),
    responses(
        (status = 200, description = "Gehaltszahlen", body = app::salary::model::SalaryStats),
        (status = 400, description = "Ein Parameter ist unbrauchbar", body = ApiError),
    )
)]
pub async fn list_salaries(State(state): State<AppState>, RawQuery(query): RawQuery) -> Response {
    let (_, issues, report) = explore(&state.search.current(), query.as_deref().unwrap_or_default(), Utc::now());
    bad_parameters(issues).unwrap_or_else(|| Json(report.stats).into_response())
}

/// The OpenAPI 3.1 description of this API.
pub async fn openapi() -> Response {
    ([(axum::http::header::CONTENT_TYPE, "application/json")], crate::openapi::document()).into_response()
}
