//! `robots.txt` and the sitemap for search engines: a sitemap index whose parts list the static
//! pages and career pages, and every active real listing by its canonical URL with `lastmod`
//! (demo listings are never offered to search engines), at most 50,000 URLs per part as the
//! sitemap protocol allows.
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Utc};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use app::state::AppState;

use crate::error::Failure;

/// Pages that are the same for everyone and worth indexing.
const STATIC_PAGES: &[&str] = &["/", "/jobs", "/gehalt", "/impressum", "/datenschutz"];
/// The sitemap protocol's limit of URLs per file.
pub const PART: usize = 50_000;

pub async fn robots(State(state): State<AppState>) -> Response {
    let body = format!(
        "User-agent: *\nAllow: /\nDisallow: /api/\nDisallow: /konto\nDisallow: /anmelden\nDisallow: /registrieren\n\nSitemap: {}/sitemap.xml\n",
        state.site.public_url
    );
    ([(header::CONTENT_TYPE, "text/plain; charset=utf-8")], body).into_response()
}

fn xml(body: impl Into<Bytes>) -> Response {
    ([(header::CONTENT_TYPE, "application/xml; charset=utf-8")], body.into()).into_response()
}

/// The indexable listings as the index gave them, and the parts already rendered from them: a part
/// holds up to 50,000 URLs, too many to write out for every request.
type Listings = Arc<Vec<(String, DateTime<Utc>)>>;
/// The list the parts were rendered from, the public URL they name, and the parts by number.
struct Rendered(Listings, String, HashMap<usize, Bytes>);
static RENDERED: Mutex<Option<Rendered>> = Mutex::new(None);

/// Part `k` (from 1) of the listings' sitemap, rendered once per list of indexable listings.
fn listings_part(listings: &Listings, base: &str, k: usize) -> Option<Bytes> {
    let part = listings.chunks(PART).nth(k.checked_sub(1)?)?;
    let mut rendered = RENDERED.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    let fresh =
        rendered.as_ref().is_some_and(|Rendered(kept, kept_base, _)| Arc::ptr_eq(kept, listings) && kept_base == base);
    if !fresh {
        *rendered = Some(Rendered(listings.clone(), base.to_owned(), HashMap::new()));
    }
    let Rendered(_, _, parts) = rendered.as_mut()?;
    let body = parts.entry(k).or_insert_with(|| {
        let entries: Vec<(String, Option<DateTime<Utc>>)> =
            part.iter().map(|(path, posted)| (path.clone(), Some(*posted))).collect();
        Bytes::from(urlset(base, &entries))
    });
    Some(body.clone())
}

/// The index: the pages part, then one part per 50,000 listings.
pub async fn sitemap(State(state): State<AppState>) -> Response {
    let listings = state.search.current().indexable(Utc::now());
    let base = escape(&state.site.public_url);
    let mut body = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    body.push_str(&format!("  <sitemap><loc>{base}/sitemap/pages.xml</loc></sitemap>\n"));
    for (k, part) in listings.chunks(PART).enumerate() {
        let newest = part.iter().map(|(_, posted)| *posted).max();
        body.push_str(&format!(
            "  <sitemap><loc>{base}/sitemap/jobs-{}.xml</loc>{}</sitemap>\n",
            k + 1,
            lastmod(newest)
        ));
    }
    body.push_str("</sitemapindex>\n");
    xml(body)
}

/// `pages.xml`: the static pages and the career pages; `jobs-{n}.xml`: the n-th part of the listings.
pub async fn sitemap_part(State(state): State<AppState>, Path(part): Path<String>) -> Result<Response, Failure> {
    let not_found = || app::error::AppError::NotFound(format!("Die Sitemap „{part}“ gibt es nicht."));
    let entries: Vec<(String, Option<DateTime<Utc>>)> = if part == "pages.xml" {
        let careers = app::careers::repo::pages(&state.db).await?;
        STATIC_PAGES.iter().map(|p| ((*p).to_owned(), None)).chain(careers.into_iter().map(|p| (p, None))).collect()
    } else {
        let k: usize = part
            .strip_prefix("jobs-")
            .and_then(|rest| rest.strip_suffix(".xml"))
            .and_then(|n| n.parse().ok())
            .filter(|k| *k >= 1)
            .ok_or_else(not_found)?;
        let listings = state.search.current().indexable(Utc::now());
        return listings_part(&listings, &state.site.public_url, k).map(xml).ok_or_else(|| not_found().into());
    };
    Ok(xml(urlset(&state.site.public_url, &entries)))
}

fn lastmod(date: Option<DateTime<Utc>>) -> String {
    date.map(|d| format!("<lastmod>{}</lastmod>", d.format("%Y-%m-%d"))).unwrap_or_default()
}

fn urlset(base: &str, entries: &[(String, Option<DateTime<Utc>>)]) -> String {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for (path, modified) in entries {
        xml.push_str(&format!("  <url><loc>{}{}</loc>{}</url>\n", escape(base), escape(path), lastmod(*modified)));
    }
    xml.push_str("</urlset>\n");
    xml
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;").replace('\'', "&apos;")
}
