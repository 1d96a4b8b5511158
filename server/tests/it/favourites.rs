//! Saved jobs through the real router and an in-memory SurrealDB: anonymous lists, notes,
//! status, exports, and that no caller ever reaches another caller's list.

use axum::http::StatusCode;

use crate::common::client::{Client, count};
use crate::common::{db_with_six_jobs, expired, job};
use app::db::Db;
use app::jobs::repo::insert;

async fn db_with_jobs() -> Db {
    let db = db_with_six_jobs().await;
    insert(&db, &[expired(job(99, "Abgelaufene Stelle", "medienassistent", "bochum", 0))]).await.unwrap();
    db
}

#[tokio::test]
async fn a_first_visit_can_save_list_and_remove_without_an_account() {
    let db = db_with_jobs().await;
    let mut anna = Client::new(&db).await;
    assert_eq!(anna.listed().await, Vec::<i64>::new());
    assert!(anna.cookies.is_empty(), "reading sets no cookie");
    anna.save(2, true).await;
    assert!(anna.cookies.contains_key("rj_visitor"), "the first save gives a visitor cookie");
    anna.save(5, true).await;
    anna.save(5, true).await; // a double click
    assert_eq!(anna.listed().await, vec![5, 2], "newest saved first, no duplicate");
    anna.save(2, false).await;
    assert_eq!(anna.listed().await, vec![5]);
    let ids = anna.call("saved_job_ids", &[]).await.json();
    assert_eq!(ids, serde_json::json!([5]));
    assert_eq!(count(&db, "favourite", "job = 5", "").await, 1);
}

#[tokio::test]
async fn pages_are_rendered_with_the_saved_state() {
    let db = db_with_jobs().await;
    let mut anna = Client::new(&db).await;
    anna.save(3, true).await;
    let page = anna.get("/jobs").await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(page.body.matches("data-testid=\"favourite-toggle\"").count(), 6);
    assert_eq!(page.body.matches("aria-pressed=\"true\"").count(), 1, "exactly the saved job");
    let detail = anna.get("/jobs/3").await.body;
    assert!(detail.contains("aria-pressed=\"true\""));
    let other = anna.fresh().get("/jobs/3").await.body;
    assert!(other.contains("aria-pressed=\"false\"") && !other.contains("aria-pressed=\"true\""));
    let saved = anna.get("/merkliste").await;
    assert_eq!(saved.status, StatusCode::OK);
    assert_eq!(saved.body.matches("data-testid=\"saved-item\"").count(), 1);
    assert!(saved.body.contains("Medienassistent/in Nr. 3"));
}

#[tokio::test]
async fn unknown_jobs_cannot_be_saved() {
    let db = db_with_jobs().await;
    let mut anna = Client::new(&db).await;
    let a = anna.call("set_favourite", &[("job", "4242"), ("saved", "true")]).await;
    assert_eq!(a.status, StatusCode::NOT_FOUND, "{}", a.body);
    let a = anna.call("set_favourite", &[("job", "abc"), ("saved", "true")]).await;
    assert!(a.status.is_client_error() || a.status.is_server_error());
    assert_eq!(count(&db, "favourite", "true", "").await, 0);
}

#[tokio::test]
async fn notes_and_status_are_kept_with_their_history() {
    let db = db_with_jobs().await;
    let mut anna = Client::new(&db).await;
    anna.save(1, true).await;
    let a = anna.call("save_note", &[("job", "1"), ("note", "Ansprechpartnerin: Frau Kaya")]).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    let long = "x".repeat(2001);
    let a = anna.call("save_note", &[("job", "1"), ("note", &long)]).await;
    assert_eq!(a.status, StatusCode::BAD_REQUEST);
    assert_eq!(a.json()["Invalid"]["field"], "note");
    for status in ["applied", "interview", "interview"] {
        let a = anna.call("set_application_status", &[("job", "1"), ("status", status)]).await;
        assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    }
    let a = anna.call("set_application_status", &[("job", "1"), ("status", "hired")]).await;
    assert_eq!((a.status, a.json()["Invalid"]["field"].as_str()), (StatusCode::BAD_REQUEST, Some("status")));
    let list = anna.call("list_favourites", &[("status", "interview")]).await.json();
    let f = &list["items"][0]["favourite"];
    assert_eq!(f["note"], "Ansprechpartnerin: Frau Kaya", "the rejected note changed nothing");
    let history: Vec<&str> = f["history"].as_array().unwrap().iter().map(|c| c["status"].as_str().unwrap()).collect();
    assert_eq!(history, vec!["saved", "applied", "interview"]);
    assert_eq!(anna.call("list_favourites", &[("status", "saved")]).await.json()["items"], serde_json::json!([]));
    // Removing and saving again keeps note and status.
    anna.save(1, false).await;
    anna.save(1, true).await;
    let list = anna.call("list_favourites", &[]).await.json();
    assert_eq!(list["items"][0]["favourite"]["status"], "interview");
    assert_eq!(list["items"][0]["favourite"]["note"], "Ansprechpartnerin: Frau Kaya");
}

#[tokio::test]
async fn expired_jobs_stay_on_the_list_marked_with_their_last_details() {
    let db = db_with_jobs().await;
    let mut anna = Client::new(&db).await;
    anna.save(99, true).await;
    anna.save(1, true).await;
    db.query("DELETE job:1").await.unwrap().check().unwrap();
    let list = anna.call("list_favourites", &[]).await.json();
    let items = list["items"].as_array().unwrap();
    assert_eq!(items.len(), 2);
    let gone = items.iter().find(|i| i["favourite"]["job"] == 1).unwrap();
    assert_eq!(gone["favourite"]["snapshot"]["title"], "Medienassistent/in Nr. 1", "last known details");
    let old = items.iter().find(|i| i["favourite"]["job"] == 99).unwrap();
    assert_eq!(old["expired"], true);
    let page = anna.get("/merkliste").await.body;
    assert_eq!(page.matches("data-testid=\"expired\"").count(), 1);
}

#[tokio::test]
async fn exports_hold_the_list_as_csv_and_calendar() {
    let db = db_with_jobs().await;
    let mut anna = Client::new(&db).await;
    anna.save(2, true).await;
    anna.call("save_note", &[("job", "2"), ("note", "=Formel; mit Semikolon")]).await;
    let csv = anna.get("/merkliste.csv").await;
    assert_eq!(csv.status, StatusCode::OK);
    assert!(csv.headers["content-type"].to_str().unwrap().starts_with("text/csv"));
    assert!(csv.headers["content-disposition"].to_str().unwrap().contains("merkliste.csv"));
    assert_eq!(csv.headers["cache-control"], "private, no-store");
    assert!(csv.body.contains("Medienassistent/in Nr. 2;Testagentur Zeche;Bochum;Gemerkt;"), "{}", csv.body);
    assert!(csv.body.contains("\"'=Formel; mit Semikolon\""));
    let ics = anna.get("/merkliste.ics").await;
    assert!(ics.headers["content-type"].to_str().unwrap().starts_with("text/calendar"));
    assert_eq!(ics.body.matches("BEGIN:VEVENT").count(), 1);
    assert!(ics.body.contains("UID:job-2@revierjobs"));
    // A stranger downloads an empty list, not Anna's.
    let stranger = anna.fresh().get("/merkliste.csv").await.body;
    assert!(!stranger.contains("Nr. 2"));
}

#[tokio::test]
async fn concurrent_toggles_and_notes_never_duplicate_or_lose_anything() {
    let db = db_with_jobs().await;
    let mut anna = Client::new(&db).await;
    anna.save(1, true).await;
    let mut tasks = Vec::new();
    for i in 0..16 {
        let mut tab = anna.clone();
        tasks.push(tokio::spawn(async move {
            if i % 2 == 0 {
                tab.save(1, true).await;
            } else {
                let a = tab.call("save_note", &[("job", "1"), ("note", "bleibt")]).await;
                assert_eq!(a.status, StatusCode::OK, "{}", a.body);
            }
        }));
    }
    for t in tasks {
        t.await.unwrap();
    }
    assert_eq!(count(&db, "favourite", "job = 1", "").await, 1);
    assert_eq!(anna.call("list_favourites", &[]).await.json()["items"][0]["favourite"]["note"], "bleibt");
}

/// Leptos's `ResponseOptions` once lost a page's CSP header under concurrent renders; the visitor
/// cookie of a first save travels the same way, and losing it would lose the visitor's list.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_first_save_among_many_at_once_sets_its_visitor_cookie() {
    let db = db_with_six_jobs().await;
    let client = Client::new(&db).await;
    let saves = (0..60).map(|i| {
        let mut visitor = client.fresh();
        tokio::spawn(async move {
            visitor.save(1 + i % 6, true).await;
            visitor.cookies.contains_key("rj_visitor")
        })
    });
    let mut without = 0;
    for save in saves.collect::<Vec<_>>() {
        without += usize::from(!save.await.unwrap());
    }
    assert_eq!(without, 0, "saves answered without the visitor cookie");
}
