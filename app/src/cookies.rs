//! Reading the request (its cookies, the client's address) and setting cookies on the response, in a
//! render or server function (and from plain headers in axum handlers).
use axum::http::{HeaderMap, header};
use leptos::prelude::use_context;
use std::net::{IpAddr, Ipv6Addr};

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
/// server sits behind a proxy it trusts to set it. An IPv6 client counts as its /64 network, the
/// block one connection is usually given, so that walking through it gains no requests.
pub fn client_address(headers: &HeaderMap, peer: Option<IpAddr>, trust_forwarded_for: bool) -> String {
    let forwarded = trust_forwarded_for
        .then(|| headers.get("x-forwarded-for")?.to_str().ok()?.rsplit(',').next().map(|s| s.trim().to_owned()))
        .flatten()
        .filter(|s| !s.is_empty());
    let address = forwarded.unwrap_or_else(|| peer.map_or_else(|| "unknown".to_owned(), |ip| ip.to_string()));
    match address.parse::<IpAddr>() {
        Ok(IpAddr::V6(ip)) if ip.to_ipv4_mapped().is_none() => {
            let network = Ipv6Addr::from(u128::from(ip) & !(u128::MAX >> 64));
            format!("{network}/64")
        }
        Ok(IpAddr::V6(ip)) => ip.to_ipv4_mapped().map_or(address, |v4| v4.to_string()),
        _ => address,
    }
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
    fn clients_are_counted_by_address_and_ipv6_by_network() {
        let none = HeaderMap::new();
        let at = |ip: &str| client_address(&none, Some(ip.parse().unwrap()), false);
        assert_eq!(at("192.0.2.7"), "192.0.2.7");
        assert_eq!(at("2001:db8:1:2:aaaa::1"), "2001:db8:1:2::/64");
        assert_eq!(at("2001:db8:1:2:bbbb::9"), at("2001:db8:1:2:aaaa::1"));
        assert_ne!(at("2001:db8:1:3::1"), at("2001:db8:1:2::1"));
        assert_eq!(at("::ffff:192.0.2.7"), "192.0.2.7");
        let mut proxied = HeaderMap::new();
        proxied.insert("x-forwarded-for", "198.51.100.1, 203.0.113.9".parse().unwrap());
        assert_eq!(client_address(&proxied, Some("10.0.0.1".parse().unwrap()), true), "203.0.113.9");
        assert_eq!(client_address(&proxied, Some("10.0.0.1".parse().unwrap()), false), "10.0.0.1");
    }

    #[test]
    fn cookie_values_are_found_by_exact_name() {
        let h = "a=1; rj_session=xyz; xrj_visitor=no; rj_visitor=abc";
        assert_eq!(cookie_value(h, "rj_session"), Some("xyz"));
        assert_eq!(cookie_value(h, "rj_visitor"), Some("abc"));
        assert_eq!(cookie_value(h, "b"), None);
    }
}
