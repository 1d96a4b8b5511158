//! What every request handler and render may use: the database, the search read model and how the
//! site is reached. App servers hold no state of their own beyond this.
use axum::extract::FromRef;
use leptos::config::LeptosOptions;
use leptos::prelude::use_context;
use std::sync::Arc;

use crate::db::Db;
use crate::error::AppError;
use crate::search::{Index, SearchHandle};

/// One shared allocation: axum and each render's context take several clones per request, each a
/// reference count.
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
    /// Identifies the deployed browser bundle: pages load its files from a path with it, and the
    /// service worker keys its caches by it.
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

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}

/// The JSON API's rate per client, in requests per second.
pub const DEFAULT_API_RATE: u32 = 10;

/// How the site is reached from outside: decides cookie flags, HSTS and absolute links; and how
/// often a client may ask the JSON API.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SiteConfig {
    /// The address users type, e.g. `https://revierjobs.de` (no trailing slash).
    pub public_url: String,
    /// `__Host-` cookies with `Secure`, and Strict-Transport-Security: on for https.
    pub secure_cookies: bool,
    /// Behind a reverse proxy: take the client address for rate limits from X-Forwarded-For.
    pub trust_forwarded_for: bool,
    /// Requests per second each client may make to the JSON API on average (0: no limit).
    pub api_rate: u32,
}

impl Default for SiteConfig {
    /// Local development over plain http.
    fn default() -> Self {
        Self {
            public_url: "http://127.0.0.1:3000".into(),
            secure_cookies: false,
            trust_forwarded_for: false,
            api_rate: DEFAULT_API_RATE,
        }
    }
}

/// The state of the server function or render running now; `None` outside a request (the render
/// that lists the routes at start).
pub fn state() -> Option<AppState> {
    use_context::<AppState>()
}

fn required() -> Result<AppState, AppError> {
    state().ok_or_else(|| AppError::internal("no AppState in context", "missing context"))
}

/// The current search index.
pub fn search_index() -> Result<Arc<Index>, AppError> {
    Ok(required()?.search.current())
}

/// The database handle.
pub fn db() -> Result<Db, AppError> {
    Ok(required()?.db.clone())
}

/// How the site is reached (cookie flags, absolute links).
pub fn site() -> SiteConfig {
    state().map(|s| s.site.clone()).unwrap_or_default()
}

/// The build id of the browser bundle (`dev` outside a server).
pub fn current_build() -> Arc<str> {
    state().map_or_else(|| Arc::from("dev"), |s| s.build.clone())
}
