//! The router: health checks, the JSON API, downloads, SEO files, the build's assets and the pages,
//! inside the page cache, compression and the security layers. A library function, so tests drive
//! it without a listening socket.
use axum::Router;
use axum::extract::{Request, State};
use axum::http::{HeaderName, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::Response;
use axum::routing::get;
use leptos::config::LeptosOptions;
use leptos_axum::{AxumRouteListing, LeptosRoutes, generate_route_list};
use std::sync::OnceLock;
use tower_http::CompressionLevel;
use tower_http::compression::CompressionLayer;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::TraceLayer;

use app::state::AppState;
use app::{App, shell};

/// The app's routes, generated once per process. Generating them briefly suppresses resource
/// loading process-wide (leptos-rs/leptos#4773): a render whose resource first polls in that
/// window would hang forever, so it must not run while other renders are in flight.
fn routes() -> Vec<AxumRouteListing> {
    static ROUTES: OnceLock<Vec<AxumRouteListing>> = OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(App)).clone()
}

pub fn build_router(state: AppState) -> Router {
    router_with_page_cache(state, crate::page_cache::DEFAULT_ENTRIES)
}

/// The router keeping at most `pages` rendered pages for visitors without a session, and as many
/// Merklisten up to [`crate::page_cache::OWN_LISTS`] (0: none).
pub fn router_with_page_cache(state: AppState, pages: usize) -> Router {
    let routes = routes();
    let options = state.leptos_options.clone();
    let site = state.site.clone();
    let build = HeaderValue::from_str(&state.build).unwrap_or(HeaderValue::from_static("dev"));
    let assets = crate::assets::router(&options.site_root, &options.site_pkg_dir, &state.build);
    let api = Router::new()
        .route("/api/v1/jobs", get(crate::api::list_jobs))
        .route("/api/v1/jobs/{id}", get(crate::api::get_job))
        .route("/api/v1/salaries", get(crate::api::list_salaries))
        .route("/api/v1/places", get(crate::api::list_places))
        .route("/api/v1/professions", get(crate::api::list_professions))
        .route("/api/v1/skills", get(crate::api::list_skills))
        .route_layer(axum::middleware::from_fn_with_state(
            (state.clone(), crate::rate_limit::Buckets::default()),
            crate::rate_limit::limit,
        ));
    let router = Router::new()
        .route("/healthz", get(healthz))
        .route("/readyz", get(readyz))
        .merge(api)
        .route("/api/openapi.json", get(crate::openapi::serve))
        .route("/jobs/{id}/melden", axum::routing::post(crate::reports::submit))
        .route("/merkliste.csv", get(crate::exports::saved_csv))
        .route("/merkliste.ics", get(crate::exports::saved_ics))
        .route("/konto/daten.json", get(crate::exports::account_data))
        .route("/robots.txt", get(crate::seo::robots))
        .route("/sitemap.xml", get(crate::seo::sitemap))
        .route("/sitemap/{part}", get(crate::seo::sitemap_part))
        .merge(assets)
        .merge(page_routes(&state, routes, options))
        .fallback(leptos_axum::file_and_error_handler::<AppState, _>(shell));
    // For responses compressed on the fly (pages, API answers; the build's files come precompressed):
    // brotli's default quality (11) costs seconds per megabyte; 4 is nearly as small, far cheaper.
    let compression = CompressionLayer::new().quality(CompressionLevel::Precise(4));
    let cache = crate::page_cache::PageCache::new(pages, state.search.clone());
    let router = router.layer(axum::middleware::from_fn_with_state(cache, crate::page_cache::cached_pages));
    let own = crate::page_cache::PageCache::new(pages.min(crate::page_cache::OWN_LISTS), state.search.clone());
    let own = crate::page_cache::OwnLists { pages: own, state: state.clone() };
    let router = router.layer(axum::middleware::from_fn_with_state(own, crate::page_cache::own_lists));
    let router = router.layer(SetResponseHeaderLayer::overriding(HeaderName::from_static("x-revierjobs-build"), build));
    // Whatever sets no policy of its own (pages, API answers, files without the build in their
    // path) is revalidated on every use and kept out of shared caches.
    let router = router.layer(SetResponseHeaderLayer::if_not_present(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-cache"),
    ));
    crate::security::harden(router, &site).layer(compression).layer(TraceLayer::new_for_http()).with_state(state)
}

/// The pages (and server functions, which leptos_axum routes with them). Before a page renders, its
/// layer reads what it needs from the database, so that the render itself waits for nothing.
fn page_routes(state: &AppState, routes: Vec<AxumRouteListing>, options: LeptosOptions) -> Router<AppState> {
    Router::new()
        .leptos_routes(state, routes, move || shell(options.clone()))
        .route_layer(axum::middleware::from_fn_with_state(state.clone(), load_saved))
}

/// The ids on the caller's Merkliste, for the favourite toggles' first render
/// ([`app::favourites::SavedJobs::saved_at_load`]), on the pages that show toggles. Only a request
/// with a cookie can have any.
async fn load_saved(State(state): State<AppState>, mut request: Request, next: Next) -> Response {
    let page = request.method() == Method::GET && app::favourites::toggles_on(request.uri().path());
    if page && request.headers().contains_key(header::COOKIE) {
        let secure = state.site.secure_cookies;
        // Boxed: the database future is large, and this layer wraps every page and server function.
        let saved = Box::pin(app::favourites::service::saved_ids_from(&state.db, request.headers(), secure)).await;
        // Without them the toggles show "not saved" and still work.
        let saved = saved.unwrap_or_default();
        request.extensions_mut().insert(app::favourites::SavedAtLoad(saved));
    }
    next.run(request).await
}

/// The process is up.
async fn healthz() -> &'static str {
    "ok"
}

/// The database answers.
async fn readyz(State(state): State<AppState>) -> (StatusCode, &'static str) {
    match state.db.query("RETURN 1").await.and_then(|r| r.check()) {
        Ok(_) => (StatusCode::OK, "ready"),
        Err(error) => {
            tracing::warn!(%error, "readiness check failed");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable")
        }
    }
}
