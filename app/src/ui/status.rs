//! Error and not-found views; they also set the HTTP status of a server render.
use leptos::prelude::*;

use super::PageMeta;
use crate::error::AppError;

/// Sets the status code of the server-rendered response (no effect in the browser).
pub fn set_http_status(code: u16) {
    #[cfg(feature = "ssr")]
    if let (Some(response), Ok(status)) =
        (use_context::<leptos_axum::ResponseOptions>(), axum::http::StatusCode::from_u16(code))
    {
        response.set_status(status);
    }
    #[cfg(not(feature = "ssr"))]
    let _ = code;
}

#[component]
pub fn NotFound() -> impl IntoView {
    set_http_status(404);
    view! {
        <PageMeta title="Seite nicht gefunden" description="Diese Adresse gibt es bei Revierjobs nicht."/>
        <section class="notice-page" data-testid="not-found">
            <h1>"Seite nicht gefunden"</h1>
            <p>"Diese Adresse gibt es bei Revierjobs nicht. Vielleicht hilft eines davon weiter:"</p>
            <ul>
                <li><a href="/jobs">"Alle Stellenangebote"</a></li>
                <li><a href="/beruf/medienassistent/bochum">"Berufsinfo Medienassistent/in in Bochum"</a></li>
                <li><a href="/">"Startseite"</a></li>
            </ul>
        </section>
    }
}

/// Shows an error to the user and sets the matching HTTP status.
#[component]
pub fn ErrorView(error: AppError) -> impl IntoView {
    set_http_status(error.status());
    let heading = match &error {
        AppError::NotFound(_) => "Nicht gefunden",
        AppError::Invalid { .. } => "Eingabe prüfen",
        AppError::Unauthorized => "Anmeldung nötig",
        AppError::TooManyRequests { .. } => "Bitte kurz warten",
        AppError::Internal | AppError::Transport => "Das hat nicht geklappt",
    };
    view! {
        <PageMeta title=heading description=error.to_string()/>
        <section class="notice-page" role="alert" data-testid="error">
            <h1>{heading}</h1>
            <p>{error.to_string()}</p>
            <p><a href="/jobs">"Zu allen Stellenangeboten"</a></p>
        </section>
    }
}
