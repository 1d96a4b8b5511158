//! Serving: the state every request sees, and the server run until SIGTERM or Ctrl-C.
use leptos::config::LeptosOptions;
use leptos::prelude::*;

use app::db::Db;
use app::search::SearchHandle;
use app::state::{AppState, Shared};

use crate::config::ServeArgs;
use crate::db::prepare;
use crate::router::build_router;

/// The state every request sees: options, database, and the search index built from it.
/// `refresh_every` starts the background refresh (servers); tests leave it off.
pub async fn app_state(
    leptos_options: LeptosOptions,
    db: Db,
    refresh_every: Option<std::time::Duration>,
) -> Result<AppState, crate::Error> {
    let search = SearchHandle::load(&db).await?;
    if let Some(every) = refresh_every {
        search.spawn_refresher(db.clone(), every);
    }
    let build = crate::assets::build_id(&leptos_options.site_root, &leptos_options.site_pkg_dir).into();
    Ok(AppState::new(Shared { leptos_options, db, search, site: Default::default(), build }))
}

/// Leptos options for tests and tools that serve no built site.
pub fn test_options() -> LeptosOptions {
    LeptosOptions::builder().output_name("revierjobs").site_root("target/site").build()
}

pub async fn serve(args: ServeArgs) -> Result<(), crate::Error> {
    args.site()?;
    let db = prepare(&args.db.to_config()?).await?;
    if let Some(n) = args.demo
        && app::jobs::repo::count_all(&db).await? == 0
    {
        let report = crate::seed::seed_demo(&db, n, chrono::Utc::now(), |_| {}).await?;
        tracing::info!("{report}");
    }
    let mut leptos_options = get_configuration(None).map_err(|e| crate::Error::Config(e.to_string()))?.leptos_options;
    leptos_options.site_addr = args.addr;
    crate::sources::spawn(db.clone());
    let state = app_state(leptos_options, db, Some(std::time::Duration::from_secs(1))).await?.with_site(args.site()?);
    let router = build_router(state);
    let listener = tokio::net::TcpListener::bind(args.addr)
        .await
        .map_err(|source| crate::Error::Bind { addr: args.addr, source })?;
    tracing::info!("listening on http://{}", args.addr);
    let service = router.into_make_service_with_connect_info::<std::net::SocketAddr>();
    axum::serve(listener, service).with_graceful_shutdown(shutdown_signal()).await.map_err(crate::Error::Serve)
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! { () = ctrl_c => {}, () = terminate => {} }
    tracing::info!("shutting down");
}
