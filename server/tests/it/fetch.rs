//! Fetching inputs from a real HTTP server the test starts: limits, redirects, robots.txt.
use axum::Router;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect};
use axum::routing::get;
use std::time::Duration;

use server::fetch::{FetchError, FetchLimits, USER_AGENT, fetch};

const PAGE: &str = "<html><script type=\"application/ld+json\">{\"@type\":\"JobPosting\"}</script></html>";

async fn serve() -> String {
    let app = Router::new()
        .route("/robots.txt", get(|| async { "User-agent: *\nDisallow: /intern/\n" }))
        .route("/jobs.json", get(|| async { "{\"@type\":\"JobPosting\"}" }))
        .route("/jobs.html", get(|| async { PAGE }))
        .route("/intern/jobs.html", get(|| async { PAGE }))
        .route("/intern/jobs.json", get(|| async { "{}" }))
        .route(
            "/agent",
            get(|headers: axum::http::HeaderMap| async move {
                headers.get(header::USER_AGENT).map(|v| v.to_str().unwrap_or_default().to_owned()).unwrap_or_default()
            }),
        )
        .route(
            "/hop/{n}",
            get(|axum::extract::Path(n): axum::extract::Path<u32>| async move {
                if n == 0 {
                    Redirect::to("/jobs.json").into_response()
                } else {
                    Redirect::to(&format!("/hop/{}", n - 1)).into_response()
                }
            }),
        )
        .route("/big", get(|| async { "x".repeat(2 * 1024 * 1024) }))
        .route(
            "/slow",
            get(|| async {
                tokio::time::sleep(Duration::from_secs(5)).await;
                "late"
            }),
        )
        .route("/gone", get(|| async { StatusCode::GONE }))
        .route("/elsewhere", get(|| async { Redirect::to("ftp://example.org/jobs.json") }));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    format!("http://{addr}")
}

fn limits() -> FetchLimits {
    FetchLimits { timeout: Duration::from_secs(1), max_redirects: 5, max_bytes: 1024 * 1024 }
}

#[tokio::test]
async fn inputs_are_fetched_within_their_limits() {
    let base = serve().await;
    assert_eq!(fetch(&format!("{base}/jobs.json"), &limits()).await.unwrap(), b"{\"@type\":\"JobPosting\"}");
    let agent = fetch(&format!("{base}/agent"), &limits()).await.unwrap();
    assert_eq!(String::from_utf8(agent).unwrap(), USER_AGENT);
    assert!(USER_AGENT.starts_with("Revierjobs") && USER_AGENT.contains("https://"));
    assert!(fetch(&format!("{base}/hop/4"), &limits()).await.is_ok(), "five redirects are followed");
    assert!(
        matches!(fetch(&format!("{base}/hop/5"), &limits()).await, Err(FetchError::Unreachable(m)) if m.contains("Weiterleitungen"))
    );
    assert_eq!(fetch(&format!("{base}/big"), &limits()).await, Err(FetchError::TooLarge(1)));
    assert!(
        matches!(fetch(&format!("{base}/slow"), &limits()).await, Err(FetchError::Unreachable(m)) if m.contains("Zeitüberschreitung"))
    );
    assert_eq!(fetch(&format!("{base}/gone"), &limits()).await, Err(FetchError::Status(410)));
    assert!(fetch(&format!("{base}/elsewhere"), &limits()).await.is_err());
    assert_eq!(fetch("ftp://example.org/x", &limits()).await, Err(FetchError::Scheme));
    assert_eq!(fetch("file:///etc/passwd", &limits()).await, Err(FetchError::Scheme));
}

#[tokio::test]
async fn robots_txt_is_respected_for_html_pages() {
    let base = serve().await;
    assert!(fetch(&format!("{base}/jobs.html"), &limits()).await.is_ok());
    assert_eq!(fetch(&format!("{base}/intern/jobs.html"), &limits()).await, Err(FetchError::Forbidden));
    assert!(fetch(&format!("{base}/intern/jobs.json"), &limits()).await.is_ok(), "data feeds are not pages");
}
