//! Server-only plumbing: application state, database connection, schema, context access.
mod db;
mod schema;
mod site;
pub mod wal_tail;

pub use db::{Db, DbConfig, DbError, bulk_load_url, connect, embedded_url, retrying, row, rows};
pub use schema::{MIGRATIONS, apply_schema, schema_version};
pub use site::{SiteConfig, build_id, content_security_policy, current_build, site};

use axum::extract::FromRef;
use leptos::config::LeptosOptions;
use leptos::prelude::use_context;

use std::sync::Arc;

use crate::error::AppError;
use crate::search::{Index, SearchHandle};

/// Everything a request handler may use; holds no state of its own beyond the database handle (app
/// servers are stateless). One shared allocation: axum and each render's context take several clones
/// per request, each now a reference count.
#[derive(Clone)]
pub struct AppState(Arc<Shared>);

/// What [`AppState`] shares.
#[derive(Clone)]
pub struct Shared {
    pub leptos_options: LeptosOptions,
    pub db: Db,
    /// The search read model, derived from `db` and rebuilt when listings change.
    pub search: Arc<SearchHandle>,
    pub site: SiteConfig,
    /// Identifies the deployed browser bundle (a hash of the site's `pkg/` files): the service
    /// worker keys its caches by it and notices when the server runs a newer build.
    pub build: Arc<str>,
}

impl AppState {
    pub fn new(shared: Shared) -> Self {
        Self(Arc::new(shared))
    }

    /// The same state, serving `site`.
    pub fn with_site(self, site: SiteConfig) -> Self {
        Self::new(Shared { site, ..Arc::unwrap_or_clone(self.0) })
    }
}

impl std::ops::Deref for AppState {
    type Target = Shared;

    fn deref(&self) -> &Shared {
        &self.0
    }
}

/// Sets the HTTP status of a server function's response from its error (and `Retry-After` for 429).
/// A plain form post (no JavaScript) keeps the redirect back to its page, which carries the error
/// in the URL for the page to show.
pub fn answer<T>(result: Result<T, AppError>) -> Result<T, AppError> {
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

/// As [`answer`]; a plain form post (no JavaScript) that succeeded then goes to `to` instead of back
/// to its page. Calls from the app are answered as they are: the island decides where to go.
pub fn answer_and_go<T>(result: Result<T, AppError>, to: &str) -> Result<T, AppError> {
    if result.is_ok() && plain_form_post() {
        leptos_axum::redirect(to);
    }
    answer(result)
}

/// Whether the server function was called by a browser's own form post (it accepts HTML), not by
/// the app (which asks for JSON).
fn plain_form_post() -> bool {
    use_context::<axum::http::request::Parts>()
        .and_then(|parts| parts.headers.get(axum::http::header::ACCEPT)?.to_str().ok().map(|v| v.contains("text/html")))
        .unwrap_or(false)
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}

/// The current search index inside a server function or SSR render.
pub fn search_index() -> Result<Arc<Index>, AppError> {
    use_context::<AppState>()
        .map(|state| state.search.current())
        .ok_or_else(|| AppError::internal("no AppState in context", "missing context"))
}

/// The database handle inside a server function or SSR render.
pub fn db() -> Result<Db, AppError> {
    use_context::<AppState>()
        .map(|state| state.db.clone())
        .ok_or_else(|| AppError::internal("no AppState in context", "missing context"))
}
