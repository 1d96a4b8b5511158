//! Errors as HTTP answers, for the JSON API and the downloads: one JSON shape with the status of
//! the error; parameter errors name each parameter.
use axum::Json;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use utoipa::ToSchema;

use app::db::DbError;
use app::error::AppError;
use app::jobs::filter::ParamIssue;

/// The body of every error answer.
#[derive(Debug, Serialize, ToSchema)]
pub struct ErrorBody {
    /// `invalid_parameter`, `not_found`, `unauthorized`, `too_many_requests` or `internal`.
    pub error: &'static str,
    /// The first parameter at fault.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub param: Option<String>,
    pub message: String,
    /// Every parameter at fault, with what is wrong.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub issues: Vec<ParamIssue>,
}

/// An error on its way to the client.
#[derive(Debug)]
pub struct Failure {
    status: StatusCode,
    retry_after: Option<u64>,
    body: ErrorBody,
}

impl Failure {
    /// Query parameters whose values are not allowed (400), each named.
    pub fn parameters(issues: Vec<ParamIssue>) -> Self {
        let message =
            issues.iter().map(|i| format!("{}: {}", i.param.as_str(), i.message)).collect::<Vec<_>>().join(" ");
        let param = issues.first().map(|i| i.param.as_str().to_owned());
        let body = ErrorBody { error: "invalid_parameter", param, message, issues };
        Failure { status: StatusCode::BAD_REQUEST, retry_after: None, body }
    }
}

impl From<AppError> for Failure {
    fn from(error: AppError) -> Self {
        let (error_code, param) = match &error {
            AppError::NotFound(_) => ("not_found", None),
            AppError::Invalid { field, .. } => ("invalid_parameter", Some(field.clone())),
            AppError::Unauthorized => ("unauthorized", None),
            AppError::TooManyRequests { .. } => ("too_many_requests", None),
            AppError::Internal | AppError::Transport => ("internal", None),
        };
        let retry_after = match &error {
            AppError::TooManyRequests { retry_after_secs } => Some(*retry_after_secs),
            _ => None,
        };
        let status = StatusCode::from_u16(error.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let body = ErrorBody { error: error_code, param, message: error.to_string(), issues: Vec::new() };
        Failure { status, retry_after, body }
    }
}

impl From<DbError> for Failure {
    fn from(error: DbError) -> Self {
        AppError::from(error).into()
    }
}

impl IntoResponse for Failure {
    fn into_response(self) -> Response {
        let mut response = (self.status, Json(self.body)).into_response();
        let headers = response.headers_mut();
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        if let Some(secs) = self.retry_after {
            headers.insert(header::RETRY_AFTER, secs.into());
        }
        response
    }
}
