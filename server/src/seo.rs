//! `robots.txt` and the sitemap for search engines: a sitemap index whose parts list the static
//! pages and career pages, and every active real listing by its canonical URL with `lastmod`
//! (demo listings are never offered to search engines), at most 50,000 URLs per part as the
//! sitemap protocol allows.
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Utc};

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

fn xml(body: String) -> Response {
    ([(header::CONTENT_TYPE, "application/xml; charset=utf-8")], body).into_response()
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
        let part = listings.chunks(PART).nth(k - 1).ok_or_else(not_found)?;
        part.iter().map(|(path, posted)| (path.clone(), Some(*posted))).collect()
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
