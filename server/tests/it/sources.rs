//! Scheduled sources against a real HTTP server the test starts, whose snapshot changes between
//! runs: new, changed, unchanged (304), disappeared, malformed, slow; and two servers racing for one
//! source, or one killed while it held the lease.

use axum::Router;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::IntoResponse;
use axum::routing::get;
use chrono::{Duration, Utc};
use serde_json::{Value, json};
use std::sync::{Arc, Mutex};

use crate::common::fresh_db;
use app::db::Db;
use app::jobs::repo::get as listing;
use server::fetch::FetchLimits;
use server::sources::model::Source;
use server::sources::{Ran, repo, run_due, run_one};

/// What the test server answers: a body with its ETag, after a delay.
#[derive(Default)]
struct Snapshot {
    body: String,
    delay_ms: u64,
    requests: usize,
}

type Shared = Arc<Mutex<Snapshot>>;

async fn answer(State(shared): State<Shared>, headers: HeaderMap) -> impl IntoResponse {
    let (body, delay) = {
        let mut s = shared.lock().unwrap();
        s.requests += 1;
        (s.body.clone(), s.delay_ms)
    };
    tokio::time::sleep(std::time::Duration::from_millis(delay)).await;
    let etag = format!("\"{:x}\"", body.len() * 31 + body.bytes().map(usize::from).sum::<usize>());
    if headers.get(header::IF_NONE_MATCH).is_some_and(|v| v.to_str().unwrap_or_default() == etag) {
        return (StatusCode::NOT_MODIFIED, [(header::ETAG, etag)], String::new());
    }
    (StatusCode::OK, [(header::ETAG, etag)], body)
}

async fn serve() -> (String, Shared) {
    let shared: Shared = Arc::default();
    let app = Router::new().route("/jobs.jsonl", get(answer)).with_state(shared.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    (format!("http://{addr}/jobs.jsonl"), shared)
}

fn posting(id: &str, title: &str) -> Value {
    json!({
        "@type": "JobPosting", "identifier": id, "title": title,
        "description": "<p>Sie schneiden Videos und betreuen unsere Kanäle.</p>",
        "datePosted": (Utc::now() - Duration::days(2)).format("%Y-%m-%d").to_string(),
        "hiringOrganization": "Zeche Nord GmbH",
        "jobLocation": {"address": {"postalCode": "44787", "addressLocality": "Bochum"}}
    })
}

fn lines(postings: &[Value]) -> String {
    postings.iter().map(|p| format!("{p}\n")).collect()
}

fn limits() -> FetchLimits {
    FetchLimits { timeout: std::time::Duration::from_secs(1), ..FetchLimits::default() }
}

async fn add(db: &Db, url: &str, full: bool) {
    let source = Source {
        name: "zeche-nord.example".into(),
        url: url.into(),
        every_secs: 6 * 3600,
        full,
        trusted: false,
        next_run: Utc::now(),
        etag: None,
        last_modified: None,
        last_run: None,
    };
    assert!(repo::add(db, &source).await.unwrap());
    assert!(!repo::add(db, &source).await.unwrap(), "a name is taken once");
}

async fn run(db: &Db, holder: &str) -> server::sources::run::Outcome {
    match run_one(db, "zeche-nord.example", holder, &limits()).await.unwrap() {
        Ran::Done(outcome) => outcome,
        Ran::Busy => panic!("busy"),
        Ran::Unknown => panic!("unknown"),
    }
}

/// The listing ids by external id, with whether each is active now.
async fn listings(db: &Db) -> Vec<(String, bool)> {
    #[derive(serde::Deserialize)]
    struct Row {
        external_id: String,
        job: i64,
    }
    let mut response =
        db.query("SELECT external_id, record::id(job) AS job FROM listing_source ORDER BY external_id").await.unwrap();
    let mut out = Vec::new();
    for row in app::db::rows::<Row>(&mut response, 0).unwrap() {
        let l = listing(db, row.job).await.unwrap().expect("kept");
        out.push((row.external_id, l.summary.valid_through > Utc::now()));
    }
    out
}

async fn checked_at(db: &Db, external_id: &str) -> chrono::DateTime<Utc> {
    let mut response = db
        .query("SELECT VALUE checked_at FROM listing_source WHERE external_id = $id")
        .bind(("id", external_id.to_owned()))
        .await
        .unwrap();
    let at: Vec<surrealdb::types::Datetime> = response.take(0).unwrap();
    at[0].into()
}

#[tokio::test]
async fn a_complete_snapshot_source_follows_its_answers_and_a_failure_expires_nothing() {
    let (url, shared) = serve().await;
    let db = fresh_db().await;
    add(&db, &url, true).await;
    let set = |body: String, delay_ms: u64| {
        let mut s = shared.lock().unwrap();
        (s.body, s.delay_ms) = (body, delay_ms);
    };

    set(lines(&[posting("a", "Videoeditor (m/w/d)"), posting("b", "Fotograf/in")]), 0);
    let first = run(&db, "one").await;
    assert!(first.record.ok && first.record.summary.starts_with("2 neu"), "{}", first.record.summary);
    assert_eq!(listings(&db).await, [("a".into(), true), ("b".into(), true)]);
    let checked = checked_at(&db, "a").await;

    // Unchanged: a 304 confirms every listing of the source.
    let same = run(&db, "one").await;
    assert!(same.record.summary.contains("304"), "{}", same.record.summary);
    assert!(checked_at(&db, "a").await > checked);

    // Changed and disappeared: "a" gets a new title, "b" is gone and expires (kept, not deleted).
    set(lines(&[posting("a", "Senior Videoeditor (m/w/d)")]), 0);
    let changed = run(&db, "one").await;
    assert!(
        changed.record.summary.contains("1 aktualisiert") && changed.record.summary.contains("1 abgelaufen"),
        "{}",
        changed.record.summary
    );
    assert_eq!(listings(&db).await, [("a".into(), true), ("b".into(), false)]);

    // Malformed: rejected, recorded, nothing expires; the next run reads it again.
    set("{kaputt\n".into(), 0);
    let broken = run(&db, "one").await;
    assert!(!broken.record.ok && broken.record.summary.contains("abgelehnt"), "{}", broken.record.summary);
    assert_eq!(listings(&db).await, [("a".into(), true), ("b".into(), false)]);
    let source = repo::get(&db, "zeche-nord.example").await.unwrap().unwrap();
    assert_eq!(source.last_run.as_ref().map(|r| r.ok), Some(false));
    assert!(source.next_run > Utc::now() + Duration::hours(5), "the next run is an interval later");

    // Slow: a timeout is a failed fetch, nothing expires.
    set(lines(&[]), 3_000);
    let slow = run(&db, "one").await;
    assert!(!slow.record.ok && slow.record.summary.contains("Zeitüberschreitung"), "{}", slow.record.summary);
    assert_eq!(listings(&db).await, [("a".into(), true), ("b".into(), false)]);
}

#[tokio::test]
async fn one_server_runs_a_source_at_a_time_and_a_dead_servers_lease_passes_on() {
    let (url, shared) = serve().await;
    shared.lock().unwrap().body = lines(&[posting("a", "Videoeditor (m/w/d)")]);
    let db = fresh_db().await;
    add(&db, &url, false).await;

    // Two servers racing for the due source: exactly one runs it.
    let limits = limits();
    let (one, two) = tokio::join!(run_due(&db, "one", &limits), run_due(&db, "two", &limits));
    assert_eq!(one.unwrap() + two.unwrap(), 1);
    assert_eq!(shared.lock().unwrap().requests, 1);

    // A server killed while holding the lease: others wait until it expires, then take over.
    let lease = |minutes: i64| {
        let db = db.clone();
        async move {
            db.query("UPDATE source SET lease_holder = 'dead', lease_until = time::now() + $d, next_run = time::now()")
                .bind(("d", surrealdb::types::Duration::from_secs((minutes * 60).max(0) as u64)))
                .await
                .unwrap()
                .check()
                .unwrap();
        }
    };
    lease(5).await;
    assert_eq!(run_due(&db, "two", &limits).await.unwrap(), 0, "the lease still holds");
    assert!(matches!(run_one(&db, "zeche-nord.example", "two", &limits).await.unwrap(), Ran::Busy));
    db.query("UPDATE source SET lease_until = time::now() - 1m").await.unwrap().check().unwrap();
    assert_eq!(run_due(&db, "two", &limits).await.unwrap(), 1, "an expired lease passes on");
    let source = repo::get(&db, "zeche-nord.example").await.unwrap().unwrap();
    assert!(source.last_run.is_some_and(|r| r.ok));
}

#[tokio::test]
async fn a_process_killed_during_a_run_leaves_the_source_to_another_once_its_lease_expires() {
    let (url, shared) = serve().await;
    {
        let mut s = shared.lock().unwrap();
        (s.body, s.delay_ms) = (lines(&[posting("a", "Videoeditor (m/w/d)")]), 8_000);
    }
    let dir = tempfile::tempdir().unwrap();
    let db_url = format!("surrealkv://{}", dir.path().join("db").display());
    let bin = env!("CARGO_BIN_EXE_revierjobs");
    let added = std::process::Command::new(bin)
        .args(["sources", "add", &url, "--name", "zeche-nord.example", "--db", &db_url])
        .output()
        .unwrap();
    assert!(added.status.success(), "{}", String::from_utf8_lossy(&added.stderr));

    // A run that waits for the slow answer, killed while it holds the lease.
    let mut running = std::process::Command::new(bin)
        .args(["sources", "run", "zeche-nord.example", "--db", &db_url])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    for _ in 0..100 {
        if shared.lock().unwrap().requests > 0 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(shared.lock().unwrap().requests, 1, "the run is waiting for the answer");
    running.kill().unwrap();
    running.wait().unwrap();

    let db =
        server::db::prepare(&server::db::DbConfig { url: db_url, ..server::db::DbConfig::memory() }).await.unwrap();
    shared.lock().unwrap().delay_ms = 0;
    assert!(
        matches!(run_one(&db, "zeche-nord.example", "other", &limits()).await.unwrap(), Ran::Busy),
        "its lease holds"
    );
    assert_eq!(run_due(&db, "other", &limits()).await.unwrap(), 0);
    // Ten minutes later (the lease's end moved into the past): another server runs it.
    db.query("UPDATE source SET lease_until = time::now() - 1s").await.unwrap().check().unwrap();
    assert_eq!(run_due(&db, "other", &limits()).await.unwrap(), 1);
    assert_eq!(listings(&db).await, [("a".into(), true)]);
}
