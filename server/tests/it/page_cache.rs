//! The page cache for visitors without a session: shared pages get their own nonce, follow
//! listing changes at once, and never carry anything personal.

use crate::common::client::Client;
use crate::common::{db_with_six_jobs, job};
use app::jobs::repo::{insert, listings_changed};
use app::state::SiteConfig;

/// The one `nonce="…"` value of a page, and the page with it blanked out.
fn split_nonce(html: &str) -> (String, String) {
    let at = html.find(" nonce=\"").expect("a nonce") + 8;
    let nonce = html[at..at + html[at..].find('"').unwrap()].to_owned();
    (nonce.clone(), html.replace(&nonce, "NONCE"))
}

#[tokio::test]
async fn a_shared_page_is_answered_again_with_a_fresh_nonce_that_its_csp_names() {
    let db = db_with_six_jobs().await;
    let mut visitor = Client::new(&db).await;
    let first = visitor.get("/jobs?place=bochum").await;
    let second = visitor.get("/jobs?place=bochum").await;
    let (nonce1, page1) = split_nonce(&first.body);
    let (nonce2, page2) = split_nonce(&second.body);
    assert_ne!(nonce1, nonce2, "every answer has its own nonce");
    assert_eq!(page1, page2, "otherwise the same page");
    for (answer, nonce) in [(&first, &nonce1), (&second, &nonce2)] {
        let csp = answer.headers["content-security-policy"].to_str().unwrap();
        assert!(csp.contains(&format!("'nonce-{nonce}'")), "{csp}");
    }
}

#[tokio::test]
async fn a_new_listing_shows_on_a_shared_page_as_soon_as_the_index_has_it() {
    let db = db_with_six_jobs().await;
    let state = server::app_state(server::test_options(), db.clone(), None).await.unwrap();
    let mut visitor = Client::with_router(server::build_router(state.clone()));
    assert!(!visitor.get("/jobs").await.body.contains("Neu im Revier"));
    insert(&db, &[job(7, "Neu im Revier", "medienassistent", "bochum", 0)]).await.unwrap();
    assert!(state.search.refresh(&db).await.unwrap());
    assert!(visitor.get("/jobs").await.body.contains("Neu im Revier"), "not the page kept before");
}

#[tokio::test]
async fn a_visitors_own_list_never_reaches_another_visitor_or_comes_from_theirs() {
    let db = db_with_six_jobs().await;
    let router = crate::common::client::router(&db, SiteConfig::default()).await;
    let pressed = |html: &str| html.matches("aria-pressed=\"true\"").count();
    let mut anonymous = Client::with_router(router.clone());
    assert_eq!(pressed(&anonymous.get("/jobs").await.body), 0); // kept for visitors without a session

    let mut saver = Client::with_router(router.clone());
    saver.save(3, true).await;
    assert!(saver.cookies.contains_key("rj_visitor"));
    assert_eq!(pressed(&saver.get("/jobs").await.body), 1, "rendered for this visitor, not the kept page");
    assert_eq!(pressed(&anonymous.get("/jobs").await.body), 0, "and not kept for the others");
}

#[tokio::test]
async fn the_colour_scheme_is_part_of_the_shared_page() {
    let db = db_with_six_jobs().await;
    let mut visitor = Client::new(&db).await;
    assert!(!visitor.get("/").await.body.contains("data-theme="), "the system's scheme");
    visitor.cookies.insert("rj_theme".into(), "dark".into());
    assert!(visitor.get("/").await.body.contains("data-theme=\"dark\""));
}

#[tokio::test]
async fn a_listing_is_read_once_per_listings_version_for_its_page_and_the_api() {
    let db = db_with_six_jobs().await;
    let state = server::app_state(server::test_options(), db.clone(), None).await.unwrap();
    let mut visitor = Client::with_router(server::build_router(state.clone()));
    visitor.cookies.insert("other".into(), "1".into()); // no shared page: the page renders each time
    assert!(visitor.get("/jobs/3").await.body.contains("Medienassistent/in Nr. 3"));
    // A change that bypasses the version (no write of the app does) shows that the page kept the
    // listing instead of reading it again.
    db.query("UPDATE job:3 SET title = 'Umbenannt'").await.unwrap().check().unwrap();
    assert!(!visitor.get("/jobs/3").await.body.contains("Umbenannt"), "kept while the version stands");
    assert!(!visitor.get("/api/v1/jobs/3").await.body.contains("Umbenannt"));
    listings_changed(&db).await.unwrap();
    assert!(state.search.refresh(&db).await.unwrap());
    assert!(visitor.get("/jobs/3").await.body.contains("Umbenannt"), "read again for the new version");
    assert!(visitor.get("/api/v1/jobs/3").await.body.contains("Umbenannt"));
}

#[tokio::test]
async fn a_merkliste_is_kept_for_its_owner_alone_while_the_list_stands() {
    let db = db_with_six_jobs().await;
    let router = crate::common::client::router(&db, SiteConfig::default()).await;
    let mut owner = Client::with_router(router.clone());
    owner.save(2, true).await;
    assert!(owner.get("/merkliste").await.body.contains("Nr. 2"));
    // A change behind the app's back that restores the revision: the kept page is answered.
    db.query("UPDATE favourite SET note = 'Hinterrücks'; UPDATE favourite_list SET revision -= 1;")
        .await
        .unwrap()
        .check()
        .unwrap();
    assert!(!owner.get("/merkliste").await.body.contains("Hinterrücks"), "kept while the revision stands");

    // Every change through the app changes the revision (the database's own event): shown at once.
    assert_eq!(owner.call("save_note", &[("job", "2"), ("note", "Anrufen")]).await.status, 200);
    assert!(owner.get("/merkliste").await.body.contains("Anrufen"));
    assert_eq!(owner.call("set_application_status", &[("job", "2"), ("status", "applied")]).await.status, 200);
    assert!(owner.get("/merkliste").await.body.contains("data-status=\"applied\""));
    owner.save(4, true).await;
    assert!(owner.get("/merkliste").await.body.contains("Nr. 4"));
    owner.save(2, false).await;
    assert!(!owner.get("/merkliste").await.body.contains("Nr. 2"));

    let mut other = Client::with_router(router);
    other.save(5, true).await;
    let theirs = other.get("/merkliste").await.body;
    assert!(theirs.contains("Nr. 5") && !theirs.contains("Nr. 4") && !theirs.contains("Anrufen"), "only their own");
}
