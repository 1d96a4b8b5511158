//! HTTP behaviour through the real router: status codes, headers, server-rendered HTML.
mod common;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use tower::ServiceExt;

use app::jobs::repo::insert_jobs;
use app::server::Db;
use common::{expired, fresh_db, job, with_employer};

async fn get(db: &Db, path: &str) -> (StatusCode, axum::http::HeaderMap, String) {
    let state = server::app_state(server::test_options(), db.clone(), None).await.unwrap();
    let router = server::build_router(state);
    let response = router.oneshot(Request::get(path).body(Body::empty()).unwrap()).await.unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let body = response.into_body().collect().await.unwrap().to_bytes();
    (status, headers, String::from_utf8_lossy(&body).into_owned())
}

async fn db_with_jobs() -> Db {
    let db = fresh_db().await;
    with_employer(&db).await;
    let jobs: Vec<_> =
        (1..=25).map(|i| job(i, &format!("Medienassistent/in Nr. {i}"), "medienassistent", "bochum", i)).collect();
    insert_jobs(&db, &jobs).await.unwrap();
    insert_jobs(&db, &[expired(job(99, "Abgelaufene Stelle", "medienassistent", "bochum", 0))]).await.unwrap();
    db
}

#[tokio::test]
async fn health_and_readiness() {
    let db = fresh_db().await;
    assert_eq!(get(&db, "/healthz").await.0, StatusCode::OK);
    let (status, _, body) = get(&db, "/readyz").await;
    assert_eq!((status, body.as_str()), (StatusCode::OK, "ready"));
}

#[tokio::test]
async fn pages_carry_security_headers_and_german_markup() {
    let db = db_with_jobs().await;
    let (status, headers, body) = get(&db, "/").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers["x-content-type-options"], "nosniff");
    assert_eq!(headers["referrer-policy"], "strict-origin-when-cross-origin");
    assert_eq!(headers["x-frame-options"], "DENY");
    assert!(body.contains("<html lang=\"de\""));
    assert!(body.contains("Medienjobs in Bochum"));
    assert!(body.contains("Medienassistent/in Nr. 1"), "home lists the newest jobs");
}

#[tokio::test]
async fn job_list_is_server_rendered_and_paged() {
    let db = db_with_jobs().await;
    let (status, _, body) = get(&db, "/jobs").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body.matches("data-testid=\"job-card\"").count(), 20);
    assert!(body.contains("25 Stellen"));
    assert!(!body.contains("Abgelaufene Stelle"));
    assert!(body.contains("href=\"/jobs?page=2\""));

    let (_, _, page2) = get(&db, "/jobs?page=2").await;
    assert_eq!(page2.matches("data-testid=\"job-card\"").count(), 5);

    let (_, _, filtered) = get(&db, "/jobs?q=Nr.+17&place=bochum").await;
    assert_eq!(filtered.matches("data-testid=\"job-card\"").count(), 1);
    assert!(filtered.contains("value=\"Nr. 17\""), "the form shows the active filter");
}

#[tokio::test]
async fn profession_and_city_paths_equal_the_query_form() {
    let db = db_with_jobs().await;
    let (status, _, path_page) = get(&db, "/jobs/medienassistent/bochum").await;
    assert_eq!(status, StatusCode::OK, "{}", &path_page[path_page.find("<main").unwrap_or(0)..]);
    let (_, _, query_page) = get(&db, "/jobs?profession=medienassistent&place=bochum").await;
    let cards = |html: &str| html.matches("data-testid=\"job-card\"").count();
    assert_eq!(cards(&path_page), 20);
    assert_eq!(cards(&path_page), cards(&query_page));
    for page in [&path_page, &query_page] {
        assert!(page.contains("<link href=\"/jobs/medienassistent/bochum\" rel=\"canonical\">"));
    }
}

#[tokio::test]
async fn bad_parameters_are_reported_not_ignored() {
    let db = db_with_jobs().await;
    let (status, _, body) = get(&db, "/jobs?page=zwei").await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("data-testid=\"param-issue\""));
    assert!(body.contains("zwei"));
}

#[tokio::test]
async fn detail_page_statuses() {
    let db = db_with_jobs().await;
    let (status, _, body) = get(&db, "/jobs/3-medienassistent-in-nr-3-bochum").await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("Medienassistent/in Nr. 3"));
    assert!(body.contains("rel=\"canonical\""));
    assert!(body.contains("Testagentur Zeche"));
    let ld_start = body.find("<script type=\"application/ld+json\">").expect("JSON-LD on a real listing") + 35;
    let ld_end = ld_start + body[ld_start..].find("</script>").unwrap();
    let ld: serde_json::Value = serde_json::from_str(&body[ld_start..ld_end]).unwrap();
    assert_eq!(ld["@type"], "JobPosting");
    assert_eq!(ld["title"], "Medienassistent/in Nr. 3");
    assert!(!body.contains("noindex"));

    let (status, _, body) = get(&db, "/jobs/99").await;
    assert_eq!(status, StatusCode::GONE);
    assert!(body.contains("abgelaufen"));

    let (status, _, body) = get(&db, "/jobs/12345").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(body.contains("gibt es nicht"));

    assert_eq!(get(&db, "/jobs/kein-job").await.0, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn career_page_shows_live_figures() {
    let db = db_with_jobs().await;
    let (status, _, body) = get(&db, "/beruf/medienassistent/bochum").await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("Zwischen Kreativität und Handwerk"));
    assert!(body.contains("data-testid=\"open-listings\">25<"), "25 active listings");
    assert!(body.contains("2.600 € brutto / Monat"), "median of 25 × 2,400–2,800 €");
    assert!(body.contains("href=\"/jobs?place=bochum&amp;radius_km=0&amp;profession=medienassistent\""));
    assert_eq!(get(&db, "/beruf/medienassistent/essen").await.0, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn unknown_paths_answer_404_with_a_helpful_page() {
    let db = fresh_db().await;
    let (status, _, body) = get(&db, "/gibt-es-nicht").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(body.contains("Seite nicht gefunden"));
    for path in ["/impressum", "/datenschutz"] {
        assert_eq!(get(&db, path).await.0, StatusCode::OK, "{path}");
    }
}

#[tokio::test]
async fn demo_notice_appears_only_with_demo_listings() {
    let db = db_with_jobs().await;
    let (_, _, body) = get(&db, "/jobs").await;
    assert!(!body.contains("data-testid=\"demo-notice\""));
    server::seed::seed_demo(&db, 40, chrono::Utc::now(), |_| {}).await.unwrap();
    // Demo listings are never offered to job search engines as real postings.
    let (_, _, demo_detail) = get(&db, "/jobs/120").await; // demo ids continue after the highest (99)
    assert!(demo_detail.contains("Demo-Anzeige, erfunden"));
    assert!(demo_detail.contains("<meta name=\"robots\" content=\"noindex\""));
    assert!(!demo_detail.contains("application/ld+json"));
    for path in ["/", "/jobs", "/impressum"] {
        let (_, _, body) = get(&db, path).await;
        assert!(body.contains("data-testid=\"demo-notice\""), "{path} shows the demo notice");
    }
}

async fn get_json(db: &Db, path: &str) -> (StatusCode, serde_json::Value) {
    let (status, headers, body) = get(db, path).await;
    assert!(headers["content-type"].to_str().unwrap().starts_with("application/json"), "{path}");
    (status, serde_json::from_str(&body).unwrap())
}

#[tokio::test]
async fn api_lists_jobs_with_facets() {
    let db = db_with_jobs().await;
    let (status, body) = get_json(&db, "/api/v1/jobs?place=bochum&radius_km=10&per_page=5").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["total"], 25);
    assert_eq!(body["per_page"], 5);
    let item = &body["items"][0];
    assert_eq!(item["title"], "Medienassistent/in Nr. 1");
    assert_eq!(item["employer"]["name"], "Testagentur Zeche");
    assert_eq!(item["employer"]["type"], "agency");
    assert_eq!(item["location"]["city"], "Bochum");
    assert!(item["distance_km"].as_f64().unwrap() < 10.0);
    assert_eq!(item["salary"]["unit"], "month");
    assert_eq!(item["url"], "/jobs/1-medienassistent-in-nr-1-bochum");
    assert_eq!(body["facets"]["working_time"]["full_time"], 25);
    assert_eq!(body["facets"]["radius_km"]["10"], 25);
}

#[tokio::test]
async fn api_rejects_bad_parameters_by_name() {
    let db = db_with_jobs().await;
    for (query, param) in
        [("radius_km=7", "radius_km"), ("offer=x", "offer"), ("place=Atlantis", "place"), ("per_page=500", "per_page")]
    {
        let (status, body) = get_json(&db, &format!("/api/v1/jobs?{query}")).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{query}");
        assert_eq!(body["param"], param, "{query}");
        assert_eq!(body["error"], "invalid_parameter");
    }
}

#[tokio::test]
async fn api_detail_statuses() {
    let db = db_with_jobs().await;
    let (status, body) = get_json(&db, "/api/v1/jobs/3").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["id"], 3);
    assert_eq!(body["description_html"], "<p>Aufgaben</p>");
    assert_eq!(get_json(&db, "/api/v1/jobs/99").await.0, StatusCode::GONE);
    assert_eq!(get_json(&db, "/api/v1/jobs/12345").await.0, StatusCode::NOT_FOUND);
    assert_eq!(get_json(&db, "/api/v1/jobs/abc").await.0, StatusCode::BAD_REQUEST);
}
