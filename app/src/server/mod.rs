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

/// Everything a request handler may use. Cheap to clone; holds no state of its own
/// beyond the database handle (app servers are stateless).
#[derive(Clone)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub db: Db,
    /// The search read model, derived from `db` and rebuilt when listings change.
    pub search: Arc<SearchHandle>,
    pub site: SiteConfig,
    /// Identifies the deployed browser bundle (a hash of the site's `pkg/` files): the service
    /// worker keys its caches by it and notices when the server runs a newer build.
    pub build: Arc<str>,
}

/// Sets the HTTP status of a server function's response from its error (and `Retry-After` for 429).
pub fn answer<T>(result: Result<T, AppError>) -> Result<T, AppError> {
    if let Err(error) = &result {
        crate::ui::set_http_status(error.status());
        if let (AppError::TooManyRequests { retry_after_secs }, Some(response)) =
            (error, use_context::<leptos_axum::ResponseOptions>())
        {
            response.insert_header(axum::http::header::RETRY_AFTER, (*retry_after_secs).into());
        }
    }
    result
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
        .map(|state| state.db)
        .ok_or_else(|| AppError::internal("no AppState in context", "missing context"))
}
