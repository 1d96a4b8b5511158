//! The one error type of server functions, shared by client and server.
use serde::{Deserialize, Serialize};
use server_fn::codec::JsonEncoding;
use server_fn::error::{FromServerFnError, ServerFnErrorErr};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    /// The thing asked for does not exist (HTTP 404).
    #[error("{0}")]
    NotFound(String),
    /// User input was rejected; `field` names the parameter or form field (HTTP 400).
    #[error("{field}: {message}")]
    Invalid { field: String, message: String },
    /// The action needs a signed-in account (HTTP 401).
    #[error("Bitte melden Sie sich an.")]
    Unauthorized,
    /// Too many attempts; the client may try again after `retry_after_secs` (HTTP 429).
    #[error("Zu viele Anfragen in kurzer Zeit. Bitte versuchen Sie es in {} erneut.", wait_text(*retry_after_secs))]
    TooManyRequests { retry_after_secs: u64 },
    /// Something failed on the server; details are only in the server log (HTTP 500).
    #[error("Da ist auf unserer Seite etwas schiefgegangen. Bitte versuchen Sie es gleich noch einmal.")]
    Internal,
    /// The request did not reach the server or its answer could not be read.
    #[error("Der Server ist gerade nicht erreichbar. Bitte prüfen Sie Ihre Verbindung.")]
    Transport,
}

impl AppError {
    pub fn invalid(field: &str, message: impl Into<String>) -> Self {
        Self::Invalid { field: field.to_owned(), message: message.into() }
    }

    /// The same validation error, reported under another form field (other errors unchanged).
    pub fn for_field(self, field: &str) -> Self {
        match self {
            Self::Invalid { message, .. } => Self::Invalid { field: field.to_owned(), message },
            other => other,
        }
    }

    /// The HTTP status this error is answered with.
    pub fn status(&self) -> u16 {
        match self {
            Self::NotFound(_) => 404,
            Self::Invalid { .. } => 400,
            Self::Unauthorized => 401,
            Self::TooManyRequests { .. } => 429,
            Self::Internal | Self::Transport => 500,
        }
    }

    /// Logs an internal error with its cause and returns the generic error the user sees.
    #[cfg(feature = "ssr")]
    pub fn internal(context: &str, cause: impl std::fmt::Display) -> Self {
        tracing::error!(%cause, "{context}");
        Self::Internal
    }
}

/// A database failure is logged with its cause and where in the code it surfaced (the `?`); the
/// user sees the generic message (HTTP 500).
#[cfg(feature = "ssr")]
impl From<crate::db::DbError> for AppError {
    #[track_caller]
    fn from(error: crate::db::DbError) -> Self {
        let at = std::panic::Location::caller();
        tracing::error!(cause = %error, %at, "database");
        Self::Internal
    }
}

/// Sets the HTTP status of a server function's answer from its error (and `Retry-After` for 429).
/// A plain form post (no JavaScript) keeps the redirect back to its page, which carries the error
/// in the URL for the page to show.
#[cfg(feature = "ssr")]
pub fn respond<T>(result: Result<T, AppError>) -> Result<T, AppError> {
    use leptos::prelude::use_context;
    if let Err(error) = &result {
        if !plain_form_post() {
            crate::ui::set_http_status(error.status());
        }
        if let (AppError::TooManyRequests { retry_after_secs }, Some(response)) =
            (error, use_context::<leptos_axum::ResponseOptions>())
        {
            response.insert_header(axum::http::header::RETRY_AFTER, (*retry_after_secs).into());
        }
    }
    result
}

/// As [`respond`]; a plain form post (no JavaScript) that succeeded then goes to `to` instead of
/// back to its page. Calls from the app are answered as they are: the island decides where to go.
#[cfg(feature = "ssr")]
pub fn respond_and_go<T>(result: Result<T, AppError>, to: &str) -> Result<T, AppError> {
    if result.is_ok() && plain_form_post() {
        leptos_axum::redirect(to);
    }
    respond(result)
}

/// Whether the server function was called by a browser's own form post (it accepts HTML), not by
/// the app (which asks for JSON).
#[cfg(feature = "ssr")]
fn plain_form_post() -> bool {
    leptos::prelude::use_context::<axum::http::request::Parts>()
        .and_then(|parts| parts.headers.get(axum::http::header::ACCEPT)?.to_str().ok().map(|v| v.contains("text/html")))
        .unwrap_or(false)
}

/// "3 Minuten", "1 Minute", "40 Sekunden".
fn wait_text(secs: u64) -> String {
    match secs {
        0..=1 => "1 Sekunde".to_owned(),
        2..=59 => format!("{secs} Sekunden"),
        60..=119 => "1 Minute".to_owned(),
        _ => format!("{} Minuten", secs.div_ceil(60)),
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        #[cfg(feature = "ssr")]
        tracing::warn!(error = %value, "server function transport error");
        #[cfg(not(feature = "ssr"))]
        let _ = value;
        Self::Transport
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validation_errors_name_their_field_and_map_to_400() {
        let e = AppError::invalid("page", "muss eine Zahl ab 1 sein");
        assert_eq!(e.to_string(), "page: muss eine Zahl ab 1 sein");
        assert_eq!(e.status(), 400);
        assert_eq!(AppError::NotFound("x".into()).status(), 404);
        assert_eq!(AppError::Unauthorized.status(), 401);
        assert_eq!(e.for_field("new_password").to_string(), "new_password: muss eine Zahl ab 1 sein");
        assert_eq!(AppError::Unauthorized.for_field("x"), AppError::Unauthorized);
    }

    #[test]
    fn rate_limit_errors_say_how_long_to_wait() {
        let e = AppError::TooManyRequests { retry_after_secs: 125 };
        assert_eq!(e.status(), 429);
        assert_eq!(e.to_string(), "Zu viele Anfragen in kurzer Zeit. Bitte versuchen Sie es in 3 Minuten erneut.");
        assert!(AppError::TooManyRequests { retry_after_secs: 61 }.to_string().contains("1 Minute "));
        assert!(AppError::TooManyRequests { retry_after_secs: 0 }.to_string().contains("1 Sekunde "));
    }
}
