//! The OpenAPI 3.1 document of the public API (`GET /api/openapi.json`), generated from the
//! handlers' `#[utoipa::path]` annotations and the response types themselves, so it cannot drift
//! from what the API returns. Query parameters are described here; the allowed values of every
//! closed parameter come from the same enums and constants the filter parser uses.
use std::sync::OnceLock;

use utoipa::openapi::schema::{Object, ObjectBuilder, Type};
use utoipa::{Modify, OpenApi};

use app::jobs::model::{
    Contract, EmployerType, Experience, MAX_PER_PAGE, MAX_Q_LEN, MAX_SALARY_FILTER, Offer, POSTED_WITHIN, RADII,
    Remote, Sort, WorkingTime,
};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Revierjobs API",
        version = "1",
        description = "Stellenangebote in Medienberufen in Bochum und im Ruhrgebiet, und Gehälter aus diesen \
            Anzeigen. Beide Suchendpunkte nehmen dieselben Parameter wie die Seiten /jobs und /gehalt. \
            Unbekannte Werte oder kaputte Zahlen beantworten sie mit 400 und nennen den Parameter. \
            Demo-Anzeigen tragen demo: true."
    ),
    paths(crate::api::list_jobs, crate::api::get_job, crate::api::list_salaries),
    modifiers(&Limits)
)]
struct ApiDoc;

/// The document as served: built once per process.
pub fn document() -> &'static str {
    static JSON: OnceLock<String> = OnceLock::new();
    JSON.get_or_init(|| ApiDoc::openapi().to_pretty_json().expect("the OpenAPI document serializes"))
}

/// Sets the limits and allowed values of query parameters from the constants the filter parser
/// checks against, so the document states exactly what a request may carry.
struct Limits;

impl Modify for Limits {
    fn modify(&self, api: &mut utoipa::openapi::OpenApi) {
        let integers = |values: &[u32]| {
            ObjectBuilder::new().schema_type(Type::Integer).enum_values(Some(values.iter().copied())).build()
        };
        let range = |min: u32, max: u32| {
            ObjectBuilder::new().schema_type(Type::Integer).minimum(Some(min)).maximum(Some(max)).build()
        };
        let limit = |name: &str| -> Option<Object> {
            Some(match name {
                "q" => ObjectBuilder::new().schema_type(Type::String).max_length(Some(MAX_Q_LEN)).build(),
                "radius_km" => integers(RADII),
                "posted_within_days" => integers(POSTED_WITHIN),
                "salary_min" => range(0, MAX_SALARY_FILTER),
                "page" => ObjectBuilder::new().schema_type(Type::Integer).minimum(Some(1)).build(),
                "per_page" => range(1, MAX_PER_PAGE),
                _ => return None,
            })
        };
        let operations = api.paths.paths.values_mut().filter_map(|item| item.get.as_mut());
        for parameter in operations.flat_map(|op| op.parameters.iter_mut().flatten()) {
            if let Some(schema) = limit(&parameter.name) {
                parameter.schema = Some(schema.into());
            }
        }
    }
}

/// Query parameters of `GET /api/v1/jobs` (and of the page `/jobs`).
#[derive(utoipa::IntoParams)]
#[into_params(parameter_in = Query, style = Form)]
#[allow(dead_code)] // read by the OpenAPI derive only; requests are parsed by `JobFilter::parse`
pub struct JobParams {
    /// Freitext über Titel, Arbeitgeber, Beschreibung und Kenntnisse (deutsche Stammformen, ä = ae).
    #[param(example = "Bildbearbeitung")]
    q: Option<String>,
    /// Stadtname oder Slug, oder Koordinaten lat,lon.
    #[param(example = "bochum")]
    place: Option<String>,
    /// Umkreis um place in km; 0 = nur der Ort. Standard 25.
    #[param(example = 10)]
    radius_km: Option<u32>,
    /// Beruf (Slug).
    #[param(example = "medienassistent")]
    profession: Option<String>,
    /// Wiederholbar (oder).
    #[param(explode, example = json!(["part_time"]))]
    working_time: Option<Vec<WorkingTime>>,
    /// Wiederholbar (oder).
    #[param(explode, example = json!(["employment"]))]
    offer: Option<Vec<Offer>>,
    /// Wiederholbar (oder).
    #[param(explode, example = json!(["hybrid"]))]
    remote: Option<Vec<Remote>>,
    /// Wiederholbar (oder).
    #[param(explode, example = json!(["permanent"]))]
    contract: Option<Vec<Contract>>,
    /// Wiederholbar (oder).
    #[param(explode, example = json!(["entry"]))]
    experience: Option<Vec<Experience>>,
    /// Wiederholbar (oder).
    #[param(explode, example = json!(["agency"]))]
    employer_type: Option<Vec<EmployerType>>,
    /// Kenntnis-Slug, wiederholbar (und: alle nötig).
    #[param(explode, example = json!(["social-media"]))]
    skill: Option<Vec<String>>,
    /// Euro brutto pro Monat; trifft Anzeigen, deren Höchstwert ihn erreicht.
    #[param(example = 2800)]
    salary_min: Option<u32>,
    /// true: Anzeigen ohne Gehalt ausblenden (sonst stehen sie hinten).
    #[param(example = true)]
    salary_only: Option<bool>,
    /// Nur Anzeigen der letzten n Tage.
    #[param(example = 7)]
    posted_within_days: Option<u32>,
    /// Standard: relevance mit q, sonst newest; distance braucht place.
    #[param(example = "salary")]
    sort: Option<Sort>,
    /// Seite, ab 1.
    #[param(example = 2)]
    page: Option<u32>,
    /// Treffer pro Seite.
    #[param(example = 50)]
    per_page: Option<u32>,
}

/// Query parameters of `GET /api/v1/salaries` (and of the page `/gehalt`): the job filter's
/// parameters that choose listings, without text, sorting and paging.
#[derive(utoipa::IntoParams)]
#[into_params(parameter_in = Query, style = Form)]
#[allow(dead_code)] // read by the OpenAPI derive only
pub struct SalaryParams {
    /// Beruf (Slug).
    #[param(example = "medienassistent")]
    profession: Option<String>,
    /// Stadtname oder Slug, oder Koordinaten lat,lon.
    #[param(example = "bochum")]
    place: Option<String>,
    /// Umkreis um place in km; 0 = nur der Ort.
    #[param(example = 25)]
    radius_km: Option<u32>,
    /// Wiederholbar (oder).
    #[param(explode, example = json!(["entry"]))]
    experience: Option<Vec<Experience>>,
    /// Wiederholbar (oder).
    #[param(explode, example = json!(["agency"]))]
    employer_type: Option<Vec<EmployerType>>,
    /// Wiederholbar (oder).
    #[param(explode, example = json!(["full_time"]))]
    working_time: Option<Vec<WorkingTime>>,
    /// Wiederholbar (oder).
    #[param(explode, example = json!(["employment"]))]
    offer: Option<Vec<Offer>>,
    /// Kenntnis-Slug, wiederholbar (und: alle nötig).
    #[param(explode, example = json!(["social-media"]))]
    skill: Option<Vec<String>>,
}
