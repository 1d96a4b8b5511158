//! Reading the request (its cookies, the client's address) and setting cookies on the response, in a
//! render or server function (and from plain headers in axum handlers).
use axum::http::{HeaderMap, header};
use leptos::prelude::use_context;

/// The cookies of a `Cookie` request header as `(name, value)`; a fragment without `=` has no value.
pub fn cookie_pairs(header: &str) -> impl Iterator<Item = (&str, Option<&str>)> {
    header.split(';').map(str::trim).filter(|p| !p.is_empty()).map(|p| match p.split_once('=') {
        Some((name, value)) => (name, Some(value)),
        None => (p, None),
    })
}

/// The value of cookie `name` in a `Cookie` request header.
pub fn cookie_value<'a>(header: &'a str, name: &str) -> Option<&'a str> {
    cookie_pairs(header).find_map(|(k, v)| v.filter(|_| k == name)).map(str::trim)
}

/// The headers of the request being answered (none outside a request).
pub fn request_headers() -> HeaderMap {
    use_context::<axum::http::request::Parts>().map(|p| p.headers).unwrap_or_default()
}

/// The value of cookie `name` in the request being answered.
pub fn request_cookie(name: &str) -> Option<String> {
    header_cookie(&request_headers(), name)
}

/// The value of cookie `name` in `headers`.
pub fn header_cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|h| cookie_value(h, name).map(str::to_owned))
}

/// The client's address for rate limits: the TCP peer, or the last `X-Forwarded-For` hop when the
/// server sits behind a proxy it trusts to set it.
pub fn client_address(headers: &HeaderMap, peer: Option<std::net::IpAddr>, trust_forwarded_for: bool) -> String {
    let forwarded = trust_forwarded_for
        .then(|| headers.get("x-forwarded-for")?.to_str().ok()?.rsplit(',').next().map(|s| s.trim().to_owned()))
        .flatten()
        .filter(|s| !s.is_empty());
    forwarded.unwrap_or_else(|| peer.map_or_else(|| "unknown".to_owned(), |ip| ip.to_string()))
}

/// Adds a `Set-Cookie` header to the response being built.
pub fn send_cookie(value: String) {
    if let (Some(response), Ok(value)) =
        (use_context::<leptos_axum::ResponseOptions>(), axum::http::HeaderValue::from_str(&value))
    {
        response.append_header(header::SET_COOKIE, value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cookie_values_are_found_by_exact_name() {
        let h = "a=1; rj_session=xyz; xrj_visitor=no; rj_visitor=abc";
        assert_eq!(cookie_value(h, "rj_session"), Some("xyz"));
        assert_eq!(cookie_value(h, "rj_visitor"), Some("abc"));
        assert_eq!(cookie_value(h, "b"), None);
    }
}
