//! The OpenAPI 3.1 document of the public API (`GET /api/openapi.json`): paths and bodies from the
//! handlers' annotations and the response types themselves, query parameters from the filter
//! vocabulary (`app::jobs::param`) the parser checks against, so the document says exactly what a
//! request may carry.
use axum::http::header;
use axum::response::{IntoResponse, Response};
use serde_json::json;
use std::sync::OnceLock;
use utoipa::openapi::path::{ParameterBuilder, ParameterIn, ParameterStyle};
use utoipa::openapi::{RefOr, Schema};
use utoipa::{Modify, OpenApi};

use app::jobs::model::Param;
use app::jobs::param::{Allowed, Combine, FLAG_VALUES, range_pattern};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Revierjobs API",
        version = "1",
        description = "Stellenangebote in Medienberufen in Bochum und im Ruhrgebiet, und Gehälter aus diesen \
            Anzeigen. Beide Suchendpunkte nehmen dieselben Parameter wie die Seiten /jobs und /gehalt. \
            Ein leerer Wert bedeutet: nicht gesetzt. Ein Wert, den ein Parameter nicht erlaubt, ergibt 400 \
            mit dem Parameter. Ein Ort, Beruf oder eine Kenntnis, die die Anzeigen nicht kennen, wird \
            ausgelassen und unter ignored genannt. Demo-Anzeigen tragen demo: true."
    ),
    paths(
        crate::api::list_jobs,
        crate::api::get_job,
        crate::api::list_salaries,
        crate::api::list_places,
        crate::api::list_professions,
        crate::api::list_skills
    ),
    modifiers(&Vocabulary)
)]
struct ApiDoc;

/// The document as served: built once per process.
pub fn document() -> &'static str {
    static JSON: OnceLock<String> = OnceLock::new();
    JSON.get_or_init(|| {
        let doc = serde_json::to_value(ApiDoc::openapi()).expect("the OpenAPI document serializes");
        serde_json::to_string_pretty(&with_links(doc)).expect("JSON serializes")
    })
}

pub async fn serve() -> Response {
    ([(header::CONTENT_TYPE, "application/json")], document()).into_response()
}

/// The schema of one value of `param`: a string, since query values are strings, constrained to
/// exactly what `Param::check` accepts, the empty string (not set) included.
fn value_schema(param: Param) -> serde_json::Value {
    let enumerated = |values: Vec<String>| {
        let values: Vec<String> = std::iter::once(String::new()).chain(values).collect();
        json!({ "type": "string", "enum": values })
    };
    match param.allowed() {
        Allowed::Text(max) | Allowed::Listed { max, .. } => json!({ "type": "string", "maxLength": max }),
        Allowed::Choice(slugs) => enumerated(slugs.iter().map(|s| (*s).to_owned()).collect()),
        Allowed::Numbers(numbers) => enumerated(numbers.iter().map(u32::to_string).collect()),
        Allowed::Range(min, max) => {
            json!({ "type": "string", "pattern": format!("^(?:{})?$", range_pattern(min, max)) })
        }
        Allowed::Flag => enumerated(FLAG_VALUES.iter().map(|(written, _)| (*written).to_owned()).collect()),
    }
}

fn schema(value: serde_json::Value) -> RefOr<Schema> {
    serde_json::from_value(value).expect("a valid schema")
}

/// Adds the query parameters of the search operations from the vocabulary, and the answers every
/// such operation can give besides its result: 400 for a value a parameter does not allow, 414 for
/// a request longer than the server reads; and 429 to every operation (`crate::rate_limit`).
struct Vocabulary;

impl Modify for Vocabulary {
    fn modify(&self, api: &mut utoipa::openapi::OpenApi) {
        for operation in api.paths.paths.values_mut().filter_map(|item| item.get.as_mut()) {
            let id = operation.operation_id.clone().unwrap_or_default();
            for param in crate::api::parameters(&id) {
                let repeated = param.combine() != Combine::One;
                let value = value_schema(param);
                let schema = if repeated { json!({ "type": "array", "items": value }) } else { value };
                let example = if repeated { json!([param.example()]) } else { json!(param.example()) };
                let parameter = ParameterBuilder::new()
                    .name(param.as_str())
                    .parameter_in(ParameterIn::Query)
                    .description(Some(format!("{}. {}", param.label(), param.description())))
                    .schema(Some(self::schema(schema)))
                    .style(Some(ParameterStyle::Form))
                    .explode(Some(true))
                    .example(Some(example))
                    .build();
                operation.parameters.get_or_insert_with(Vec::new).push(parameter);
            }
            let limited = json!({ "description": "Zu viele Anfragen dieses Clients; Retry-After nennt die Sekunden bis zur nächsten",
                "headers": { "Retry-After": { "schema": { "type": "integer", "minimum": 1 } } },
                "content": { "application/json": { "schema": { "$ref": "#/components/schemas/ErrorBody" } } } });
            operation.responses.responses.insert("429".into(), serde_json::from_value(limited).expect("a response"));
            if !crate::api::parameters(&id).is_empty() {
                let responses = &mut operation.responses.responses;
                let invalid = json!({ "description": "Ein Parameter hat einen Wert, den er nicht erlaubt",
                    "content": { "application/json": { "schema": { "$ref": "#/components/schemas/ErrorBody" } } } });
                let too_long = json!({ "description": "Die Adresse ist länger, als der Server annimmt" });
                responses.insert("400".into(), serde_json::from_value(invalid).expect("a response"));
                responses.insert("414".into(), serde_json::from_value(too_long).expect("a response"));
            }
        }
    }
}

/// Links from answers to the operations their values feed, for clients and stateful tests:
/// (path, link name, target operation, parameter, value). Added to the JSON itself, since utoipa
/// writes a link's `operationId` as `operation_id`.
const LINKS: [(&str, &str, &str, &str, &str); 4] = [
    ("/api/v1/jobs", "GetJob", "get_job", "id", "$response.body#/items/0/id"),
    ("/api/v1/places", "JobsInPlace", "list_jobs", "place", "$response.body#/0/slug"),
    ("/api/v1/professions", "JobsOfProfession", "list_jobs", "profession", "$response.body#/0/slug"),
    ("/api/v1/skills", "JobsWithSkill", "list_jobs", "skill", "$response.body#/0/slug"),
];

fn with_links(mut doc: serde_json::Value) -> serde_json::Value {
    for (path, name, target, parameter, value) in LINKS {
        let ok = &mut doc["paths"][path]["get"]["responses"]["200"];
        ok["links"][name] = json!({ "operationId": target, "parameters": { parameter: value } });
    }
    doc
}
