//! The security baseline every response passes through: headers (CSP, HSTS, ...), the
//! cross-site request check, body size limit, timeout, and panics answered as a plain 500.
use axum::Router;
use axum::body::Body;
use axum::extract::Request;
use axum::http::{HeaderName, HeaderValue, Method, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use std::time::Duration;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;

use app::state::SiteConfig;

/// Largest request body (forms and server-function calls are far smaller).
pub const BODY_LIMIT: usize = 64 * 1024;
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

/// The Content-Security-Policy of an HTML page; `nonce` admits its inline hydration scripts.
pub fn content_security_policy(nonce: Option<&str>) -> String {
    let scripts = nonce.map(|n| format!(" 'nonce-{n}'")).unwrap_or_default();
    format!(
        "default-src 'self'; script-src 'self'{scripts} 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; \
         connect-src 'self'; font-src 'self'; manifest-src 'self'; worker-src 'self'; object-src 'none'; \
         base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    )
}

/// Wraps `router` in the baseline layers (outermost last).
pub fn harden<S: Clone + Send + Sync + 'static>(router: Router<S>, site: &SiteConfig) -> Router<S> {
    let default_csp = content_security_policy(None);
    let mut router = router
        .layer(CatchPanicLayer::custom(|_| {
            tracing::error!("a request handler panicked");
            (StatusCode::INTERNAL_SERVER_ERROR, "Da ist auf unserer Seite etwas schiefgegangen.").into_response()
        }))
        .layer(RequestBodyLimitLayer::new(BODY_LIMIT))
        .layer(TimeoutLayer::with_status_code(StatusCode::REQUEST_TIMEOUT, REQUEST_TIMEOUT))
        .layer(middleware::from_fn(reject_cross_site))
        // Pages admit their inline scripts by the nonce they carry; everything else gets the strict default.
        .layer(middleware::from_fn(page_csp))
        .layer(header_layer(header::CONTENT_SECURITY_POLICY, default_csp))
        .layer(header_layer(header::X_CONTENT_TYPE_OPTIONS, "nosniff".into()))
        .layer(header_layer(header::REFERRER_POLICY, "strict-origin-when-cross-origin".into()))
        .layer(header_layer(header::X_FRAME_OPTIONS, "DENY".into()))
        .layer(header_layer(HeaderName::from_static("cross-origin-opener-policy"), "same-origin".into()))
        .layer(header_layer(
            HeaderName::from_static("permissions-policy"),
            "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()".into(),
        ));
    if site.secure_cookies {
        router =
            router.layer(header_layer(header::STRICT_TRANSPORT_SECURITY, "max-age=31536000; includeSubDomains".into()));
    }
    router
}

fn header_layer(name: HeaderName, value: String) -> SetResponseHeaderLayer<HeaderValue> {
    let value = HeaderValue::from_str(&value).expect("static header values are valid");
    SetResponseHeaderLayer::if_not_present(name, value)
}

/// The nonce of a page's inline scripts: the first `nonce="…"` (the hydration scripts in `<head>`;
/// listing HTML is sanitized and attribute values are escaped, so nothing earlier can fake one).
pub(crate) fn page_nonce(html: &[u8]) -> Option<&str> {
    let at = html.windows(8).position(|w| w == b" nonce=\"")? + 8;
    let len = html[at..].iter().position(|b| *b == b'"')?;
    let nonce = std::str::from_utf8(&html[at..at + len]).ok()?;
    let valid = !nonce.is_empty() && nonce.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_+/=".contains(&b));
    valid.then_some(nonce)
}

/// Gives an HTML page the CSP that admits the nonce in its body. Read from the page itself, the
/// header always matches the page (Leptos's `ResponseOptions` lost the header now and then under
/// concurrent requests, leaving a page whose hydration scripts the browser refused). Pages are
/// rendered completely before they are sent (`SsrMode::Async`), so reading the body costs no streaming.
async fn page_csp(request: Request, next: Next) -> Response {
    let response = next.run(request).await;
    let is_html = response.headers().get(header::CONTENT_TYPE).is_some_and(|v| v.as_bytes().starts_with(b"text/html"));
    if !is_html {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(html) = axum::body::to_bytes(body, usize::MAX).await else {
        tracing::error!("reading a rendered page failed");
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let policy = page_nonce(&html).map(|nonce| content_security_policy(Some(nonce)));
    if let Some(value) = policy.and_then(|policy| HeaderValue::from_str(&policy).ok()) {
        parts.headers.insert(header::CONTENT_SECURITY_POLICY, value);
    }
    Response::from_parts(parts, Body::from(html))
}

/// Whether a request may change state: safe methods always; others only from this site
/// (`Sec-Fetch-Site: same-origin`/`none`, or an `Origin` equal to the `Host`). Requests that
/// carry neither header come from non-browser clients, which hold no user's cookies.
pub fn same_site(method: &Method, headers: &axum::http::HeaderMap) -> bool {
    if matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS) {
        return true;
    }
    let text = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
    if let Some(site) = text("sec-fetch-site") {
        return matches!(site, "same-origin" | "none");
    }
    match (text("origin"), text("host")) {
        (Some(origin), Some(host)) => origin.split_once("://").is_some_and(|(_, authority)| authority == host),
        (Some(_), None) => false,
        (None, _) => true,
    }
}

async fn reject_cross_site(request: Request, next: Next) -> Response {
    if same_site(request.method(), request.headers()) {
        next.run(request).await
    } else {
        tracing::warn!(method = %request.method(), uri = %request.uri(), "cross-site request refused");
        Response::builder()
            .status(StatusCode::FORBIDDEN)
            .header(header::CONTENT_TYPE, "text/plain; charset=utf-8")
            .body(Body::from("Anfrage von einer fremden Website abgelehnt."))
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderMap;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        pairs.iter().map(|(k, v)| (HeaderName::from_static(k), HeaderValue::from_static(v))).collect()
    }

    #[test]
    fn cross_site_posts_are_refused_and_same_site_ones_pass() {
        let post = Method::POST;
        assert!(same_site(&post, &headers(&[("sec-fetch-site", "same-origin")])));
        assert!(same_site(&post, &headers(&[("sec-fetch-site", "none")])));
        assert!(!same_site(&post, &headers(&[("sec-fetch-site", "cross-site")])));
        assert!(!same_site(&post, &headers(&[("sec-fetch-site", "same-site")])));
        assert!(same_site(&post, &headers(&[("origin", "http://127.0.0.1:3000"), ("host", "127.0.0.1:3000")])));
        assert!(!same_site(&post, &headers(&[("origin", "https://evil.example"), ("host", "127.0.0.1:3000")])));
        assert!(!same_site(&post, &headers(&[("origin", "null"), ("host", "127.0.0.1:3000")])));
        assert!(same_site(&post, &headers(&[])), "no browser, no ambient cookies");
        assert!(same_site(&Method::GET, &headers(&[("sec-fetch-site", "cross-site")])));
    }

    #[test]
    fn the_page_nonce_is_the_first_script_nonce_and_well_formed() {
        let page = br#"<head><script nonce="aB3-_x+/=">x</script></head><body><p nonce="other"></p>"#;
        assert_eq!(page_nonce(page), Some("aB3-_x+/="));
        assert_eq!(page_nonce(b"<script>no nonce</script>"), None);
        assert_eq!(page_nonce(br#"<script nonce="">"#), None);
        assert_eq!(page_nonce(br#"<script nonce="a'b; script-src *">"#), None, "nothing to widen the policy");
        assert_eq!(page_nonce(br#"<script nonce="unterminated"#), None);
    }

    #[tokio::test]
    async fn a_panicking_handler_answers_a_plain_500_with_the_headers() {
        use tower::ServiceExt;
        async fn boom() -> &'static str {
            panic!("internal detail that must not leak")
        }
        let router = harden(Router::new().route("/boom", axum::routing::get(boom)), &SiteConfig::default());
        let response = router.oneshot(Request::get("/boom").body(Body::empty()).unwrap()).await.unwrap();
        assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
        assert!(
            response.headers()[header::CONTENT_SECURITY_POLICY].to_str().unwrap().contains("frame-ancestors 'none'")
        );
        assert_eq!(response.headers()[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
        let body = http_body_util::BodyExt::collect(response.into_body()).await.unwrap().to_bytes();
        let body = String::from_utf8_lossy(&body);
        assert!(!body.contains("internal detail"), "{body}");
    }
}
