//! `robots.txt` and `sitemap.xml` for search engines: static pages, career pages and every
//! active real listing (demo listings are never offered to search engines).
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use app::server::AppState;

/// Pages that are the same for everyone and worth indexing.
const STATIC_PAGES: &[&str] = &["/", "/jobs", "/gehalt", "/impressum", "/datenschutz"];
/// The sitemap protocol's limit per file.
const MAX_URLS: usize = 50_000;

pub async fn robots(State(state): State<AppState>) -> Response {
    let body = format!(
        "User-agent: *\nAllow: /\nDisallow: /api/\nDisallow: /konto\nDisallow: /anmelden\nDisallow: /registrieren\n\nSitemap: {}/sitemap.xml\n",
        state.site.public_url
    );
    ([(header::CONTENT_TYPE, "text/plain; charset=utf-8")], body).into_response()
}

#[derive(Deserialize)]
struct Entry {
    path: String,
    modified: Option<chrono::DateTime<chrono::Utc>>,
}

pub async fn sitemap(State(state): State<AppState>) -> Response {
    let sql = "SELECT '/beruf/' + profession.slug + '/' + city.slug AS path, NONE AS modified FROM article;
               SELECT '/jobs/' + <string> record::id(id) AS path, posted_at AS modified FROM job
                   WHERE valid_through > time::now() AND source != 'demo' ORDER BY posted_at DESC LIMIT $limit;";
    let result = async {
        let mut response = state.db.query(sql).bind(("limit", MAX_URLS as i64)).await?;
        let careers: Vec<Entry> = app::server::rows(&mut response, 0)?;
        let jobs: Vec<Entry> = app::server::rows(&mut response, 1)?;
        Ok::<_, app::server::DbError>((careers, jobs))
    }
    .await;
    let (careers, jobs) = match result {
        Ok(found) => found,
        Err(error) => {
            tracing::error!(%error, "sitemap");
            return (StatusCode::SERVICE_UNAVAILABLE, "sitemap unavailable").into_response();
        }
    };
    let pages = STATIC_PAGES.iter().map(|p| Entry { path: (*p).to_owned(), modified: None });
    let entries: Vec<Entry> = pages.chain(careers).chain(jobs).take(MAX_URLS).collect();
    ([(header::CONTENT_TYPE, "application/xml; charset=utf-8")], render(&state.site.public_url, &entries))
        .into_response()
}

fn render(base: &str, entries: &[Entry]) -> String {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for e in entries {
        xml.push_str(&format!("  <url><loc>{}{}</loc>", escape(base), escape(&e.path)));
        if let Some(m) = e.modified {
            xml.push_str(&format!("<lastmod>{}</lastmod>", m.format("%Y-%m-%d")));
        }
        xml.push_str("</url>\n");
    }
    xml.push_str("</urlset>\n");
    xml
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;").replace('\'', "&apos;")
}
