//! Two app servers on one SurrealDB server over `ws://`: the deployment for more than one machine.
//! Everything a visitor or user leaves behind lives in the database, so it does not matter which
//! app server answers. Needs a running server: `make test-remote` builds one from crates.io
//! (`tools/surreal`), starts it in memory and sets `REVIERJOBS_TEST_WS`.

use axum::http::StatusCode;
use chrono::Utc;
use std::time::{Duration, Instant};

use crate::common::client::Client;
use crate::common::job;
use app::db::Db;
use app::jobs::filter::JobFilter;
use app::jobs::repo::insert;
use server::db::DbConfig;

/// A database of its own on the server named by `REVIERJOBS_TEST_WS` (user and password root).
async fn remote_db(name: &str) -> (Db, DbConfig) {
    let url = std::env::var("REVIERJOBS_TEST_WS").expect("REVIERJOBS_TEST_WS=ws://host:port (see make test-remote)");
    let config = DbConfig {
        url,
        user: Some("root".into()),
        pass: Some("root".into()),
        namespace: "revierjobs_test".into(),
        database: format!("{name}_{}", std::process::id()),
    };
    (server::db::prepare(&config).await.expect("schema on the remote database"), config)
}

#[tokio::test]
#[ignore = "needs a SurrealDB server: make test-remote"]
async fn two_app_servers_share_visitors_accounts_and_listings() {
    let (db_a, config) = remote_db("share").await;
    insert(&db_a, &[job(1, "Medienassistent/in", "medienassistent", "bochum", 1)]).await.unwrap();
    // Server B has its own connection, state and search index; nothing is shared but the database.
    let db_b = server::db::prepare(&config).await.unwrap();
    let state_b = server::app_state(server::test_options(), db_b, Some(Duration::from_millis(250))).await.unwrap();
    let router_b = server::build_router(state_b.clone());
    let mut on_a = Client::new(&db_a).await;

    // A visitor saves on A; the same browser's next request lands on B.
    on_a.save(1, true).await;
    let mut on_b = Client::with_router(router_b.clone());
    on_b.cookies = on_a.cookies.clone();
    assert_eq!(on_b.listed().await, vec![1]);

    // An account made on A signs in on B and finds the list merged at sign-up.
    assert_eq!(on_a.sign_up("remote@example.org", "Zeche-Zollverein-1986").await.status, StatusCode::OK);
    let mut other_device = Client::with_router(router_b);
    assert_eq!(other_device.sign_in("remote@example.org", "Zeche-Zollverein-1986").await.status, StatusCode::OK);
    assert_eq!(other_device.listed().await, vec![1]);

    // A listing written through A is found by B's search index within 2 s.
    insert(&db_a, &[job(2, "Social-Media-Manager/in", "social-media-manager", "essen", 0)]).await.unwrap();
    let deadline = Instant::now() + Duration::from_secs(2);
    while state_b.search.current().search(&JobFilter::default(), Utc::now()).total != 2 {
        assert!(Instant::now() < deadline, "B's index did not see A's listing within 2 s");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }

    // B keeps the account's rendered Merkliste; a save through A shows there at once.
    let kept = other_device.get("/merkliste").await.body;
    assert!(kept.contains("/jobs/1-") && !kept.contains("/jobs/2-"));
    on_a.save(2, true).await;
    assert!(other_device.get("/merkliste").await.body.contains("/jobs/2-"), "B showed a Merkliste A had changed");
}

/// Waits up to 2 s for `done`.
async fn within_two_seconds(what: &str, done: impl Fn() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(2);
    while !done() {
        assert!(Instant::now() < deadline, "{what} not within 2 s");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// An import through one app server's connection (its staged run, the transaction that commits it)
/// reaches the other's index; a listing hidden through the other leaves the first one's.
#[tokio::test]
#[ignore = "needs a SurrealDB server: make test-remote"]
async fn imports_and_hidden_listings_reach_every_app_server() {
    use crate::import::{lines, posting, run, text};
    let (db_a, config) = remote_db("import").await;
    let db_b = server::db::prepare(&config).await.unwrap();
    let refresh = Some(Duration::from_millis(250));
    let state_a = server::app_state(server::test_options(), db_a.clone(), refresh).await.unwrap();
    let state_b = server::app_state(server::test_options(), db_b.clone(), refresh).await.unwrap();
    let total = |state: &app::state::AppState| state.search.current().search(&JobFilter::default(), Utc::now()).total;

    let ads =
        lines(&[posting("r-1", "Fotograf/in", ("44787", "Bochum")), posting("r-2", "Cutter/in", ("45127", "Essen"))]);
    let first = run(&db_a, text(ads.clone()), Some("remote"), false).await;
    assert_eq!((first.new, first.errors.len()), (2, 0), "{:?}", first.errors);
    within_two_seconds("B's index showing A's import", || total(&state_b) == 2).await;
    let again = run(&db_a, text(ads), Some("remote"), false).await;
    assert_eq!((again.new, again.unchanged), (0, 2));

    let hit = state_b.search.current().search(&JobFilter::default(), Utc::now()).items[0].summary.id;
    app::reports::repo::hide(&db_b, hit).await.unwrap();
    within_two_seconds("A's index hiding what B hid", || total(&state_a) == 1).await;
}

#[tokio::test]
#[ignore = "needs a SurrealDB server: make test-remote"]
async fn sign_in_limits_hold_across_app_servers() {
    let (db_a, config) = remote_db("limits").await;
    let db_b = server::db::prepare(&config).await.unwrap();
    let mut on_a = Client::new(&db_a).await;
    let mut on_b = Client::new(&db_b).await;
    // Failures are counted in the database: switching servers does not reset them.
    for attempt in 0..app::accounts::service::ACCOUNT_LIMIT {
        let client = if attempt % 2 == 0 { &mut on_a } else { &mut on_b };
        assert_eq!(client.sign_in("victim@example.org", "falsch-falsch").await.status, StatusCode::BAD_REQUEST);
    }
    assert_eq!(on_b.sign_in("victim@example.org", "falsch-falsch").await.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(on_a.sign_in("victim@example.org", "falsch-falsch").await.status, StatusCode::TOO_MANY_REQUESTS);
}
