//! Fetching an input from the web: http and https only, a timeout, at most five redirects, at most
//! 10 MB, a User-Agent naming Revierjobs with a contact address, and, for HTML pages, the site's
//! robots.txt respected. Built on reqwest (rustls), which the database client already brings.
use std::time::Duration;

/// Limits of one fetch.
#[derive(Debug, Clone)]
pub struct FetchLimits {
    pub timeout: Duration,
    pub max_redirects: usize,
    pub max_bytes: usize,
}

impl Default for FetchLimits {
    fn default() -> Self {
        FetchLimits { timeout: Duration::from_secs(10), max_redirects: 5, max_bytes: 10 * 1024 * 1024 }
    }
}

/// Whether a body is an HTML page (robots.txt applies to pages, not to data feeds): its first
/// characters, past white space, open a tag.
pub fn is_page(body: &[u8]) -> bool {
    String::from_utf8_lossy(&body[..body.len().min(512)]).trim_start().starts_with('<')
}

/// The name a site goes by (a source's default name): the host of an http(s) `url` without `www.`,
/// in lower case.
pub fn host_name(url: &str) -> Option<String> {
    let rest = url.strip_prefix("https://").or_else(|| url.strip_prefix("http://"))?;
    let host = rest.split(['/', '?', '#']).next()?.split('@').next_back()?.split(':').next()?;
    let host = host.trim_start_matches("www.").to_ascii_lowercase();
    (!host.is_empty()).then_some(host)
}

/// How Revierjobs introduces itself to the sites it reads.
pub const USER_AGENT: &str =
    concat!("Revierjobs-Import/", env!("CARGO_PKG_VERSION"), " (+https://revierjobs.de/impressum)");
/// The name robots.txt rules address.
const ROBOT: &str = "revierjobs";

/// Why a fetch failed, in words for the operator.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum FetchError {
    #[error("nur http:// und https:// werden abgerufen")]
    Scheme,
    #[error("nicht erreichbar: {0}")]
    Unreachable(String),
    #[error("Antwort {0}")]
    Status(u16),
    #[error("größer als {0} MB")]
    TooLarge(usize),
    #[error("robots.txt der Seite verbietet den Abruf")]
    Forbidden,
}

/// The body at `url`; for an HTML page ([`is_page`]) the site's robots.txt is asked.
pub async fn fetch(url: &str, limits: &FetchLimits) -> Result<Vec<u8>, FetchError> {
    match fetch_conditional(url, limits, None, None).await? {
        Fetched::Body { body, .. } => Ok(body),
        Fetched::NotModified => Err(FetchError::Status(304)),
    }
}

/// What a conditional GET brought.
#[derive(Debug, PartialEq, Eq)]
pub enum Fetched {
    /// 304: the answer is the one the validators name.
    NotModified,
    Body {
        body: Vec<u8>,
        etag: Option<String>,
        last_modified: Option<String>,
    },
}

/// Like [`fetch`], sending the validators of the last answer (`If-None-Match`, `If-Modified-Since`).
pub async fn fetch_conditional(
    url: &str,
    limits: &FetchLimits,
    etag: Option<&str>,
    last_modified: Option<&str>,
) -> Result<Fetched, FetchError> {
    let parsed = reqwest::Url::parse(url).map_err(|e| FetchError::Unreachable(e.to_string()))?;
    if !matches!(parsed.scheme(), "http" | "https") {
        return Err(FetchError::Scheme);
    }
    let client = client(limits)?;
    let mut request = client.get(parsed.clone());
    if let Some(etag) = etag {
        request = request.header(reqwest::header::IF_NONE_MATCH, etag);
    }
    if let Some(date) = last_modified {
        request = request.header(reqwest::header::IF_MODIFIED_SINCE, date);
    }
    let response = request.send().await.map_err(|e| FetchError::Unreachable(describe(&e)))?;
    if response.status() == reqwest::StatusCode::NOT_MODIFIED {
        return Ok(Fetched::NotModified);
    }
    let header = |name| response.headers().get(name).and_then(|v| v.to_str().ok()).map(str::to_owned);
    let (etag, last_modified) = (header(reqwest::header::ETAG), header(reqwest::header::LAST_MODIFIED));
    let body = read_body(response, limits).await?;
    if is_page(&body) {
        let mut robots = parsed.clone();
        robots.set_path("/robots.txt");
        robots.set_query(None);
        // No robots.txt (or none readable) allows everything.
        let rules =
            get(&client, robots, limits).await.map(|b| String::from_utf8_lossy(&b).into_owned()).unwrap_or_default();
        if !allowed(&rules, ROBOT, parsed.path()) {
            return Err(FetchError::Forbidden);
        }
    }
    Ok(Fetched::Body { body, etag, last_modified })
}

fn client(limits: &FetchLimits) -> Result<reqwest::Client, FetchError> {
    reqwest::Client::builder()
        .user_agent(USER_AGENT)
        .timeout(limits.timeout)
        .connect_timeout(limits.timeout)
        .redirect(reqwest::redirect::Policy::custom({
            let max = limits.max_redirects;
            move |attempt| {
                if attempt.previous().len() > max {
                    attempt.error(format!("mehr als {max} Weiterleitungen"))
                } else if !matches!(attempt.url().scheme(), "http" | "https") {
                    attempt.error("Weiterleitung auf eine andere Art Adresse")
                } else {
                    attempt.follow()
                }
            }
        }))
        .build()
        .map_err(|e| FetchError::Unreachable(e.to_string()))
}

async fn get(client: &reqwest::Client, url: reqwest::Url, limits: &FetchLimits) -> Result<Vec<u8>, FetchError> {
    let response = client.get(url).send().await.map_err(|e| FetchError::Unreachable(describe(&e)))?;
    read_body(response, limits).await
}

async fn read_body(mut response: reqwest::Response, limits: &FetchLimits) -> Result<Vec<u8>, FetchError> {
    let unreachable = |e: reqwest::Error| FetchError::Unreachable(describe(&e));
    if !response.status().is_success() {
        return Err(FetchError::Status(response.status().as_u16()));
    }
    let too_large = FetchError::TooLarge(limits.max_bytes / (1024 * 1024));
    if response.content_length().is_some_and(|n| n > limits.max_bytes as u64) {
        return Err(too_large);
    }
    let mut body = Vec::new();
    while let Some(chunk) = response.chunk().await.map_err(unreachable)? {
        if body.len() + chunk.len() > limits.max_bytes {
            return Err(too_large);
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}

/// A reqwest error with its causes (the outer one alone says little).
fn describe(error: &reqwest::Error) -> String {
    let mut text = if error.is_timeout() { "Zeitüberschreitung".to_owned() } else { error.to_string() };
    let mut source = std::error::Error::source(error);
    while let Some(cause) = source {
        text.push_str(&format!(": {cause}"));
        source = cause.source();
    }
    text
}

/// The rules of one robots.txt group: the robots it names and its Allow/Disallow patterns.
#[derive(Default)]
struct Group {
    agents: Vec<String>,
    rules: Vec<(bool, String)>,
}

/// Whether robots.txt `rules` let `robot` fetch `path`: the group naming the robot (else `*`)
/// applies; its longest matching `Allow`/`Disallow` prefix decides, `Allow` on a tie; `*` and `$`
/// in patterns as Google reads them.
pub fn allowed(rules: &str, robot: &str, path: &str) -> bool {
    let mut groups: Vec<Group> = Vec::new();
    let mut last_was_agent = false;
    for line in rules.lines() {
        let line = line.split('#').next().unwrap_or_default().trim();
        let Some((key, value)) = line.split_once(':') else { continue };
        let (key, value) = (key.trim().to_ascii_lowercase(), value.trim());
        match key.as_str() {
            "user-agent" => {
                if !last_was_agent || groups.is_empty() {
                    groups.push(Group::default());
                }
                groups.last_mut().expect("pushed").agents.push(value.to_ascii_lowercase());
                last_was_agent = true;
            }
            "allow" | "disallow" if !groups.is_empty() => {
                if !value.is_empty() {
                    groups.last_mut().expect("checked").rules.push((key == "allow", value.to_owned()));
                }
                last_was_agent = false;
            }
            _ => last_was_agent = false,
        }
    }
    let robot = robot.to_ascii_lowercase();
    let names = |group: &&Group, wanted: &dyn Fn(&str) -> bool| group.agents.iter().any(|a| wanted(a));
    let group = groups
        .iter()
        .find(|g| names(g, &|a| a != "*" && robot.contains(a)))
        .or_else(|| groups.iter().find(|g| names(g, &|a| a == "*")));
    let Some(group) = group else { return true };
    group
        .rules
        .iter()
        .filter(|(_, pattern)| matches(pattern, path))
        .max_by_key(|(allow, pattern)| (pattern.len(), *allow))
        .is_none_or(|(allow, _)| *allow)
}

/// A robots.txt path pattern: a prefix, `*` for any run of characters, `$` for the end.
fn matches(pattern: &str, path: &str) -> bool {
    let (pattern, anchored) = match pattern.strip_suffix('$') {
        Some(p) => (p, true),
        None => (pattern, false),
    };
    let parts: Vec<&str> = pattern.split('*').collect();
    let Some(mut rest) = path.strip_prefix(parts[0]) else { return false };
    if parts.len() == 1 {
        return !anchored || rest.is_empty();
    }
    for (i, part) in parts[1..].iter().enumerate() {
        if anchored && i + 2 == parts.len() {
            return rest.ends_with(part);
        }
        match rest.find(part) {
            Some(at) => rest = &rest[at + part.len()..],
            None => return false,
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_site_is_named_after_its_host() {
        assert_eq!(host_name("https://www.Zeche-Medien.de/karriere?x=1").as_deref(), Some("zeche-medien.de"));
        assert_eq!(host_name("http://127.0.0.1:8080/feed.jsonl").as_deref(), Some("127.0.0.1"));
        assert_eq!(host_name("ftp://example.org/"), None);
        assert_eq!(host_name("https:///nothing"), None);
    }

    #[test]
    fn a_page_is_told_by_its_first_tag() {
        assert!(is_page(b"\n  <!doctype html><html>"));
        assert!(!is_page(b"{\"@type\":\"JobPosting\"}"));
        assert!(!is_page(b""));
    }

    #[test]
    fn robots_rules_as_search_engines_read_them() {
        let rules = "User-agent: *\nDisallow: /intern/\nAllow: /intern/jobs\n\n\
                     User-agent: BadBot\nUser-agent: revierjobs\nDisallow: /karriere/*.pdf$\nDisallow: /alt\n";
        assert!(allowed(rules, "Revierjobs", "/karriere/stelle.html"));
        assert!(!allowed(rules, "Revierjobs", "/karriere/stelle.pdf"));
        assert!(allowed(rules, "Revierjobs", "/karriere/stelle.pdf?x"), "$ anchors at the end");
        assert!(!allowed(rules, "revierjobs", "/alt/seite"));
        assert!(allowed(rules, "revierjobs", "/intern/x"), "our group replaces the * group");
        assert!(!allowed(rules, "otherbot", "/intern/x"));
        assert!(allowed(rules, "otherbot", "/intern/jobs/1"), "the longer Allow wins");
        assert!(allowed("", "revierjobs", "/x"));
        assert!(allowed("User-agent: *\nDisallow:\n", "revierjobs", "/x"), "an empty Disallow allows");
        assert!(!allowed("User-agent: *\nDisallow: /\n", "revierjobs", "/jobs"));
    }
}
