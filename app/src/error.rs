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

    /// The HTTP status this error is answered with.
    pub fn status(&self) -> u16 {
        match self {
            Self::NotFound(_) => 404,
            Self::Invalid { .. } => 400,
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
    }
}
