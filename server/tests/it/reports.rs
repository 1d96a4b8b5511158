//! Reports of dead or dubious ads through the real router and an in-memory SurrealDB: the form,
//! its answers, the limits, hiding after three visitors (or at once for fraud at an untrusted
//! source), and the reviewer's decisions.

use axum::http::{StatusCode, header};
use chrono::Utc;

use crate::common::client::Client;
use crate::common::db_with_six_jobs;
use app::reports::model::Action;
use app::reports::repo;

async fn report(client: &mut Client, job: i64, reason: &str, note: &str) -> String {
    let answer = client.submit(&format!("/jobs/{job}/melden"), &[("grund", reason), ("notiz", note)]).await;
    assert_eq!(answer.status, StatusCode::SEE_OTHER, "{}", answer.body);
    answer.headers[header::LOCATION].to_str().unwrap().to_owned()
}

/// Whether a search of a server started now lists `job`.
async fn searchable(db: &app::db::Db, job: i64) -> bool {
    let answer = Client::new(db).await.get("/api/v1/jobs?per_page=50").await;
    answer.json()["items"].as_array().unwrap().iter().any(|i| i["id"].as_i64() == Some(job))
}

#[tokio::test]
async fn three_visitors_hide_a_listing_until_a_reviewer_keeps_it() {
    let db = db_with_six_jobs().await;
    let mut first = Client::new(&db).await;
    let page = first.get("/jobs/1").await.body;
    assert!(page.contains("Anzeige melden") && page.contains("action=\"/jobs/1/melden\""), "the form is on the page");

    assert_eq!(
        report(&mut first, 1, "besetzt", "Stelle ist seit Wochen vergeben").await,
        "/jobs/1?meldung=danke#melden"
    );
    assert!(first.cookies.keys().any(|k| k.contains("rj_visitor")), "a first-time reporter becomes a visitor");
    assert_eq!(report(&mut first, 1, "falsch", "").await, "/jobs/1?meldung=doppelt#melden", "once per visitor");
    let thanks = first.get("/jobs/1?meldung=danke").await.body;
    assert!(thanks.contains("Danke für Ihre Meldung"));
    let again = first.get("/jobs/1?meldung=doppelt").await.body;
    assert!(again.contains("Sie haben diese Anzeige schon gemeldet"));

    let mut second = first.fresh();
    assert_eq!(report(&mut second, 1, "", "").await, "/jobs/1?meldung=grund#melden", "a reason is required");
    assert_eq!(report(&mut second, 1, "sonstiges", &"x".repeat(1001)).await, "/jobs/1?meldung=notiz#melden");
    assert_eq!(report(&mut second, 999, "besetzt", "").await, "/jobs/999?meldung=unbekannt#melden");
    report(&mut second, 1, "falsch", "Gehalt stimmt nicht").await;
    assert!(searchable(&db, 1).await, "two visitors do not hide it");
    report(&mut first.fresh(), 1, "besetzt", "").await;
    assert!(!searchable(&db, 1).await, "three visitors hide it from search");
    assert_eq!(first.get("/jobs/1").await.status, StatusCode::OK, "its page stays");

    let open = repo::list(&db, true).await.unwrap();
    assert_eq!(open.len(), 3);
    assert!(open.iter().all(|r| r.job == 1 && r.title == "Medienassistent/in Nr. 1"));
    assert_eq!(repo::resolve(&db, 9999, Action::Keep, None, Utc::now()).await.unwrap(), None);
    assert_eq!(
        repo::resolve(&db, open[0].id, Action::Keep, Some("Arbeitgeber bestätigt"), Utc::now()).await.unwrap(),
        Some(1)
    );
    assert!(searchable(&db, 1).await, "kept: back in search");
    assert!(repo::list(&db, true).await.unwrap().is_empty());
    let decided = repo::list(&db, false).await.unwrap();
    assert!(decided.iter().all(|r| {
        r.decision
            .as_ref()
            .is_some_and(|d| d.action == Action::Keep && d.reason.as_deref() == Some("Arbeitgeber bestätigt"))
    }));
}

#[tokio::test]
async fn fraud_at_an_untrusted_source_hides_at_once_and_decisions_expire_or_remove() {
    let db = db_with_six_jobs().await;
    let mut visitor = Client::new(&db).await;
    report(&mut visitor, 2, "betrug", "Verlangt Vorkasse").await;
    assert!(!searchable(&db, 2).await, "the test listings' source is not trusted");
    let id = repo::list(&db, true).await.unwrap()[0].id;
    repo::resolve(&db, id, Action::Expire, None, Utc::now()).await.unwrap();
    assert_eq!(visitor.get("/jobs/2").await.status, StatusCode::GONE, "expired: 410 with its last details");

    report(&mut visitor, 3, "diskriminierend", "").await;
    assert!(searchable(&db, 3).await);
    let id = repo::list(&db, true).await.unwrap()[0].id;
    repo::resolve(&db, id, Action::Remove, Some("Anzeige diskriminiert"), Utc::now()).await.unwrap();
    assert_eq!(visitor.get("/jobs/3").await.status, StatusCode::NOT_FOUND);
    assert_eq!(repo::list(&db, false).await.unwrap().len(), 2, "reports outlive the listing");
}

#[tokio::test]
async fn a_post_from_another_site_is_refused() {
    let db = db_with_six_jobs().await;
    let mut client = Client::new(&db).await;
    let request = axum::http::Request::post("/jobs/1/melden")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header("sec-fetch-site", "cross-site")
        .body(axum::body::Body::from("grund=besetzt"))
        .unwrap();
    assert_eq!(client.send(request).await.status, StatusCode::FORBIDDEN);
    assert!(repo::list(&db, false).await.unwrap().is_empty());
}

/// A listing hidden before version 12 (a field of the listing then) stays hidden, as a record of its own.
#[tokio::test]
async fn listings_hidden_before_version_12_stay_hidden() {
    let db = crate::common::db_at_version(11).await;
    let jobs = [1, 2].map(|id| crate::common::job(id, "Medienassistent/in", "medienassistent", "bochum", 0));
    app::jobs::repo::insert(&db, &jobs).await.unwrap();
    db.query("UPDATE job:2 SET hidden = true").await.unwrap().check().unwrap();

    server::db::apply_schema(&db).await.unwrap();
    assert_eq!(repo::hidden(&db).await.unwrap(), std::collections::HashSet::from([2]));
    let mut left = db.query("SELECT VALUE id FROM job WHERE hidden != NONE").await.unwrap();
    assert!(left.take::<Vec<surrealdb::types::RecordId>>(0).unwrap().is_empty(), "the old field is gone");
    assert!(!searchable(&db, 2).await && searchable(&db, 1).await);
}

/// Removing a source's listings takes their marks along: reseeded demo listings get the same ids again.
#[tokio::test]
async fn a_removed_listing_leaves_no_mark_behind() {
    let db = db_with_six_jobs().await;
    repo::hide(&db, 4).await.unwrap();
    let source = app::jobs::repo::get(&db, 4).await.unwrap().unwrap().summary.source;
    app::jobs::repo::delete_source(&db, &source).await.unwrap();
    assert!(repo::hidden(&db).await.unwrap().is_empty());
}
