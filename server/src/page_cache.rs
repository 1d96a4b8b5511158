//! Rendered pages kept for a few seconds: the same filtered list, the career page or a listing asked
//! for again is answered from memory instead of rendering it again. Shared pages are those that
//! cannot hold anything personal: GET requests carrying no cookie but the colour scheme (part of the
//! key). Apart from them, each owner's Merkliste is kept for that owner alone (see [`OwnLists`]).
//! Only answers 200 as HTML without `Set-Cookie` are kept. An entry lives for [`TTL`] and only while
//! the search index it was rendered from is current; each answer gets a fresh CSP nonce in place of
//! the stored one.
use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, Method, StatusCode, Uri, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use app::search::SearchHandle;
use app::state::AppState;

/// How long a page is kept: dates ("posted today") and expiry move on, listings changes do not
/// wait for it (the index version is part of every entry).
pub const TTL: Duration = Duration::from_secs(10);
/// Pages kept at most.
pub const DEFAULT_ENTRIES: usize = 256;

#[derive(Clone)]
pub struct PageCache {
    entries: Arc<Mutex<HashMap<String, Entry>>>,
    capacity: usize,
    search: Arc<SearchHandle>,
}

struct Entry {
    stored: Instant,
    index_version: i64,
    headers: HeaderMap,
    html: Bytes,
    nonce: String,
}

impl PageCache {
    /// A cache of at most `capacity` pages; 0 keeps none.
    pub fn new(capacity: usize, search: Arc<SearchHandle>) -> Self {
        Self { entries: Arc::default(), capacity, search }
    }

    fn get(&self, key: &str, version: i64) -> Option<Response> {
        let (headers, html, nonce) = {
            let entries = self.entries.lock().unwrap_or_else(|p| p.into_inner());
            let entry = entries.get(key).filter(|e| e.index_version == version && e.stored.elapsed() < TTL)?;
            (entry.headers.clone(), entry.html.clone(), entry.nonce.clone())
        };
        let mut response = Response::new(Body::from(with_nonce(&html, &nonce, &leptos::nonce::Nonce::new())));
        *response.headers_mut() = headers;
        Some(response)
    }

    fn put(&self, key: String, entry: Entry) {
        if self.capacity == 0 {
            return;
        }
        let mut entries = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        if entries.len() >= self.capacity {
            entries.retain(|_, e| e.stored.elapsed() < TTL && e.index_version == entry.index_version);
        }
        if entries.len() >= self.capacity {
            let oldest = entries.iter().min_by_key(|(_, e)| e.stored).map(|(k, _)| k.clone());
            oldest.map(|k| entries.remove(&k));
        }
        entries.insert(key, entry);
    }
}

/// The cache key of a request whose page may be shared, or `None`: the URI and the colour scheme.
pub fn shareable_key(method: &Method, uri: &axum::http::Uri, headers: &HeaderMap) -> Option<String> {
    if method != Method::GET {
        return None;
    }
    // A session, a visitor's list, or anything unknown.
    let personal = cookies(headers).any(|pair| !matches!(pair, (app::ui::theme::COOKIE, Some(_))));
    (!personal).then(|| format!("{uri} {}", theme(headers)))
}

/// Every cookie of a request as (name, value); an unreadable header as one of no known name.
fn cookies(headers: &HeaderMap) -> impl Iterator<Item = (&str, Option<&str>)> {
    headers.get_all(header::COOKIE).iter().map(|v| v.to_str().unwrap_or("?")).flat_map(app::cookies::cookie_pairs)
}

/// `html` with every `nonce="{old}"` replaced by the new nonce.
pub fn with_nonce(html: &[u8], old: &str, new: &str) -> Bytes {
    let (from, to) = (format!("nonce=\"{old}\""), format!("nonce=\"{new}\""));
    let text = String::from_utf8_lossy(html);
    Bytes::from(text.replace(&from, &to))
}

/// The middleware: answers from the cache, or renders and keeps what may be shared.
pub async fn cached_pages(State(cache): State<PageCache>, request: Request, next: Next) -> Response {
    let key =
        if cache.capacity == 0 { None } else { shareable_key(request.method(), request.uri(), request.headers()) };
    match key {
        Some(key) => cache.answer(key, request, next).await,
        None => next.run(request).await,
    }
}

/// Rendered Merklisten, each kept for its owner only and only while the list's revision stands (the
/// database changes it with every change to the list), and like shared pages for [`TTL`] and one
/// index version. A list of many entries costs more to render than any other page.
#[derive(Clone)]
pub struct OwnLists {
    pub pages: PageCache,
    pub state: AppState,
}

/// Pages of their own kept at most: a Merkliste of 50 entries is some 130 KB.
pub const OWN_LISTS: usize = 64;

/// The middleware for `/merkliste`: answers from the owner's kept page, or renders and keeps it.
pub async fn own_lists(State(lists): State<OwnLists>, request: Request, next: Next) -> Response {
    let wanted = request.method() == Method::GET && request.uri().path() == app::favourites::PATH;
    if lists.pages.capacity == 0 || !wanted {
        return next.run(request).await;
    }
    // Boxed: the database future is large.
    match Box::pin(own_list_key(&lists.state, request.uri(), request.headers())).await {
        Some(key) => lists.pages.answer(key, request, next).await,
        None => next.run(request).await,
    }
}

/// The key of a request for the caller's own Merkliste: URI, colour scheme, owner and revision.
async fn own_list_key(state: &AppState, uri: &Uri, headers: &HeaderMap) -> Option<String> {
    let who = app::accounts::session::identity_from(&state.db, headers, state.site.secure_cookies).await.ok()?;
    let owner = who.owner()?;
    let revision = app::favourites::repo::revision(&state.db, &owner).await.ok()?;
    Some(format!("{uri} {} {owner} {revision}", theme(headers)))
}

/// The colour scheme a request's cookie chose ("" for the system's).
fn theme(headers: &HeaderMap) -> &str {
    let chosen = cookies(headers).filter_map(|pair| match pair {
        (app::ui::theme::COOKIE, Some(value)) => Some(value),
        _ => None,
    });
    chosen.last().unwrap_or("")
}

impl PageCache {
    /// The page for `key`: kept, or rendered and kept when it may be (200, HTML, no `Set-Cookie`).
    async fn answer(&self, key: String, request: Request, next: Next) -> Response {
        let version = self.search.version();
        if let Some(hit) = self.get(&key, version) {
            return hit;
        }
        let response = next.run(request).await;
        let keep = response.status() == StatusCode::OK
            && !response.headers().contains_key(header::SET_COOKIE)
            && response.headers().get(header::CONTENT_TYPE).is_some_and(|v| v.as_bytes().starts_with(b"text/html"));
        if !keep {
            return response;
        }
        let (mut parts, body) = response.into_parts();
        let Ok(html) = axum::body::to_bytes(body, usize::MAX).await else {
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        };
        if let Some(nonce) = crate::security::page_nonce(&html) {
            parts.headers.remove(header::CONTENT_LENGTH);
            let entry = Entry {
                stored: Instant::now(),
                index_version: version,
                headers: parts.headers.clone(),
                html: html.clone(),
                nonce: nonce.to_owned(),
            };
            self.put(key, entry);
        }
        Response::from_parts(parts, Body::from(html))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::{HeaderValue, Uri};

    fn key(method: Method, cookies: &[&str]) -> Option<String> {
        let mut headers = HeaderMap::new();
        for c in cookies {
            headers.append(header::COOKIE, HeaderValue::from_str(c).unwrap());
        }
        shareable_key(&method, &Uri::from_static("/jobs?place=bochum"), &headers)
    }

    #[test]
    fn only_get_requests_without_personal_cookies_share_pages() {
        assert_eq!(key(Method::GET, &[]).as_deref(), Some("/jobs?place=bochum "));
        assert_eq!(key(Method::GET, &["rj_theme=dark"]).as_deref(), Some("/jobs?place=bochum dark"));
        assert_eq!(key(Method::POST, &[]), None);
        assert_eq!(key(Method::GET, &["rj_theme=dark; rj_visitor=abc"]), None);
        assert_eq!(key(Method::GET, &["rj_theme=light", "rj_session=xyz"]), None);
        assert_eq!(key(Method::GET, &["tracking=1"]), None, "unknown cookies are treated as personal");
    }

    #[test]
    fn an_own_list_is_keyed_by_the_colour_scheme_among_any_cookies() {
        let headers = |cookies: &str| HeaderMap::from_iter([(header::COOKIE, HeaderValue::from_str(cookies).unwrap())]);
        assert_eq!(theme(&headers("rj_visitor=abc; rj_theme=dark")), "dark");
        assert_eq!(theme(&headers("rj_visitor=abc")), "");
        assert_eq!(theme(&HeaderMap::new()), "");
    }

    #[test]
    fn every_nonce_attribute_gets_the_new_value() {
        let html = br#"<script nonce="AAA">x</script><p>AAA</p><link rel="modulepreload" nonce="AAA">"#;
        let out = with_nonce(html, "AAA", "BBB");
        assert_eq!(&out[..], br#"<script nonce="BBB">x</script><p>AAA</p><link rel="modulepreload" nonce="BBB">"#);
    }
}
