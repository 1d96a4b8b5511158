//! A browser-like client over the real router: keeps cookies, calls server functions as
//! same-origin form posts, reads pages and downloads.
use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Request, StatusCode, header};
use http_body_util::BodyExt;
use std::collections::BTreeMap;
use tower::ServiceExt;

use app::db::Db;
use app::state::{AppState, SiteConfig};

pub struct Answer {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: String,
}

impl Answer {
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }
}

#[derive(Clone)]
pub struct Client {
    router: Router,
    pub cookies: BTreeMap<String, String>,
}

pub async fn router(db: &Db, site: SiteConfig) -> Router {
    let state: AppState = server::app_state(server::test_options(), db.clone(), None).await.unwrap().with_site(site);
    server::build_router(state)
}

impl Client {
    pub async fn new(db: &Db) -> Self {
        Self { router: router(db, SiteConfig::default()).await, cookies: BTreeMap::new() }
    }

    pub fn with_router(router: Router) -> Self {
        Self { router, cookies: BTreeMap::new() }
    }

    /// Another browser sharing nothing with this one.
    pub fn fresh(&self) -> Self {
        Self { router: self.router.clone(), cookies: BTreeMap::new() }
    }

    fn cookie_header(&self) -> String {
        self.cookies.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("; ")
    }

    pub async fn send(&mut self, request: Request<Body>) -> Answer {
        let response = self.router.clone().oneshot(request).await.unwrap();
        for value in response.headers().get_all(header::SET_COOKIE) {
            let text = value.to_str().unwrap();
            let (pair, attrs) = text.split_once(';').unwrap_or((text, ""));
            let (name, value) = pair.split_once('=').unwrap();
            if attrs.contains("Max-Age=0") {
                self.cookies.remove(name);
            } else {
                self.cookies.insert(name.to_owned(), value.to_owned());
            }
        }
        let status = response.status();
        let headers = response.headers().clone();
        let body = response.into_body().collect().await.unwrap().to_bytes();
        Answer { status, headers, body: String::from_utf8_lossy(&body).into_owned() }
    }

    pub async fn get(&mut self, path: &str) -> Answer {
        let request = Request::get(path).header(header::COOKIE, self.cookie_header()).body(Body::empty()).unwrap();
        self.send(request).await
    }

    /// A server function call as the hydrated app makes it (same-origin, form-encoded, JSON back).
    pub async fn call(&mut self, endpoint: &str, form: &[(&str, &str)]) -> Answer {
        self.post(endpoint, form, &[(header::ACCEPT, "application/json")]).await
    }

    /// The same call as the browser's own form post from `page` (no JavaScript: it accepts HTML).
    pub async fn post_form(&mut self, endpoint: &str, form: &[(&str, &str)], page: &str) -> Answer {
        let headers = [(header::ACCEPT, "text/html,application/xhtml+xml,*/*;q=0.8"), (header::REFERER, page)];
        self.post(endpoint, form, &headers).await
    }

    /// A plain HTML form's post of `form` to `path`, from this site.
    pub async fn submit(&mut self, path: &str, form: &[(&str, &str)]) -> Answer {
        let headers = [(header::ACCEPT, "text/html,application/xhtml+xml,*/*;q=0.8")];
        self.post_to(path, form, &headers).await
    }

    /// A same-origin, form-encoded post of `form` to server function `endpoint`, with `headers`.
    async fn post(&mut self, endpoint: &str, form: &[(&str, &str)], headers: &[(header::HeaderName, &str)]) -> Answer {
        self.post_to(&format!("/api/{endpoint}"), form, headers).await
    }

    async fn post_to(&mut self, path: &str, form: &[(&str, &str)], headers: &[(header::HeaderName, &str)]) -> Answer {
        let body = form.iter().map(|(k, v)| format!("{}={}", urlencode(k), urlencode(v))).collect::<Vec<_>>().join("&");
        let mut request = Request::post(path)
            .header(header::COOKIE, self.cookie_header())
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header("sec-fetch-site", "same-origin");
        for (name, value) in headers {
            request = request.header(name, *value);
        }
        self.send(request.body(Body::from(body)).unwrap()).await
    }

    /// Saves (or unsaves) a job and asserts the server acknowledged it.
    pub async fn save(&mut self, job: i64, saved: bool) {
        let a = self.call("set_favourite", &[("job", &job.to_string()), ("saved", &saved.to_string())]).await;
        assert_eq!(a.status, StatusCode::OK, "set_favourite {job} {saved}: {}", a.body);
    }

    /// Job ids on this client's list, as `/merkliste` shows them (newest first).
    pub async fn listed(&mut self) -> Vec<i64> {
        let a = self.call("list_favourites", &[]).await;
        assert_eq!(a.status, StatusCode::OK, "{}", a.body);
        a.json()["items"].as_array().unwrap().iter().map(|i| i["favourite"]["job"].as_i64().unwrap()).collect()
    }

    pub async fn sign_up(&mut self, email: &str, password: &str) -> Answer {
        self.call("sign_up", &[("email", email), ("password", password)]).await
    }

    pub async fn sign_in(&mut self, email: &str, password: &str) -> Answer {
        self.call("sign_in", &[("email", email), ("password", password)]).await
    }
}

fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// How many records of `table` match `condition` (a constant SurrealQL condition with `$v`).
pub async fn count(db: &Db, table: &str, condition: &str, v: &str) -> u64 {
    let sql = format!("SELECT VALUE count() FROM type::table($t) WHERE {condition} GROUP ALL");
    let mut r = db.query(sql).bind(("t", table.to_owned())).bind(("v", v.to_owned())).await.unwrap();
    let n: Option<u64> = r.take(0).unwrap();
    n.unwrap_or(0)
}
