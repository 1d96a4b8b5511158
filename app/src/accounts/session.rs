//! Who is asking: the session cookie (accounts) or the visitor cookie (anonymous favourites).
//! Cookie values are 256-bit random tokens; the database only ever sees their SHA-256.
use axum::http::HeaderMap;
use chrono::Utc;
use leptos::prelude::use_context;
use sha2::{Digest, Sha256};

use super::model::ABSOLUTE;
use crate::cookies::{header_cookie, request_cookie, request_headers, send_cookie};
use crate::db::Db;
use crate::error::AppError;
use crate::state::site;

/// The visitor cookie lives as long as browsers allow (400 days), renewed on every change.
const VISITOR_MAX_AGE: i64 = 400 * 24 * 3600;

pub const SESSION_COOKIE: &str = "rj_session";
pub const VISITOR_COOKIE: &str = "rj_visitor";

/// `__Host-` prefixed (Secure, Path=/, no Domain) in production; plain names for local http.
pub fn cookie_name(base: &str, secure: bool) -> String {
    if secure { format!("__Host-{base}") } else { base.to_owned() }
}

/// A `Set-Cookie` value: HttpOnly, SameSite=Lax, Path=/, Secure when configured.
pub fn set_cookie(name: &str, value: &str, max_age_secs: i64, secure: bool) -> String {
    let secure = if secure { "; Secure" } else { "" };
    format!("{name}={value}; Max-Age={max_age_secs}; Path=/; HttpOnly; SameSite=Lax{secure}")
}

/// 32 random bytes as lower-case hex.
pub fn new_token() -> Result<String, AppError> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).map_err(|e| AppError::internal("token", e))?;
    Ok(hex(&bytes))
}

/// SHA-256 of a token, hex: the only form stored. Rejects values that are not our tokens.
pub fn token_hash(token: &str) -> Option<String> {
    (token.len() == 64 && token.bytes().all(|b| b.is_ascii_hexdigit())).then(|| hex(&Sha256::digest(token.as_bytes())))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The caller of a server function.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Identity {
    Account { id: String, email: String, session: String },
    Visitor { key: String },
    Nobody,
}

impl Identity {
    /// The owner key of favourites, if the caller has one.
    pub fn owner(&self) -> Option<String> {
        match self {
            Self::Account { id, .. } => Some(format!("u:{id}")),
            Self::Visitor { key } => Some(format!("v:{key}")),
            Self::Nobody => None,
        }
    }
}

/// Who is asking, from the request's cookies (a stale or unknown session counts as no session).
pub async fn identity(db: &Db) -> Result<Identity, AppError> {
    identity_from(db, &request_headers(), site().secure_cookies).await
}

/// [`identity`] for plain axum handlers, which have no Leptos context.
pub async fn identity_from(db: &Db, headers: &HeaderMap, secure: bool) -> Result<Identity, AppError> {
    if let Some(hash) = header_cookie(headers, &cookie_name(SESSION_COOKIE, secure)).and_then(|t| token_hash(&t))
        && let Some((id, email)) = super::repo::session_account(db, &hash, Utc::now()).await?
    {
        return Ok(Identity::Account { id, email, session: hash });
    }
    Ok(match header_cookie(headers, &cookie_name(VISITOR_COOKIE, secure)).and_then(|t| token_hash(&t)) {
        Some(key) => Identity::Visitor { key },
        None => Identity::Nobody,
    })
}

/// The caller's owner key for a change, giving a first-time visitor a visitor cookie.
pub async fn owner_for_write(db: &Db) -> Result<String, AppError> {
    let id = identity(db).await?;
    if let Some(owner) = id.owner() {
        if matches!(id, Identity::Visitor { .. }) {
            renew_visitor_cookie();
        }
        return Ok(owner);
    }
    let (owner, cookie) = new_visitor(site().secure_cookies)?;
    send_cookie(cookie);
    Ok(owner)
}

/// A first-time visitor: its owner key, and the `Set-Cookie` value that gives it its cookie.
pub fn new_visitor(secure: bool) -> Result<(String, String), AppError> {
    let token = new_token()?;
    let key = token_hash(&token).ok_or_else(|| AppError::internal("token", "not hex"))?;
    Ok((format!("v:{key}"), set_cookie(&cookie_name(VISITOR_COOKIE, secure), &token, VISITOR_MAX_AGE, secure)))
}

fn renew_visitor_cookie() {
    let secure = site().secure_cookies;
    let name = cookie_name(VISITOR_COOKIE, secure);
    if let Some(token) = request_cookie(&name) {
        send_cookie(set_cookie(&name, &token, VISITOR_MAX_AGE, secure));
    }
}

/// Starts a fresh session for `account` (a new id at every sign-in) and sets its cookie.
pub async fn start_session(db: &Db, account: &str) -> Result<(), AppError> {
    let token = new_token()?;
    let hash = token_hash(&token).ok_or_else(|| AppError::internal("token", "not hex"))?;
    super::repo::create_session(db, &hash, account, Utc::now()).await?;
    let secure = site().secure_cookies;
    send_cookie(set_cookie(&cookie_name(SESSION_COOKIE, secure), &token, ABSOLUTE.num_seconds(), secure));
    Ok(())
}

/// Clears the session cookie in the browser (the server-side record is deleted by the caller).
pub fn clear_session_cookie() {
    let secure = site().secure_cookies;
    send_cookie(set_cookie(&cookie_name(SESSION_COOKIE, secure), "", 0, secure));
}

/// Clears the visitor cookie (after its list moved into an account).
pub fn clear_visitor_cookie() {
    let secure = site().secure_cookies;
    send_cookie(set_cookie(&cookie_name(VISITOR_COOKIE, secure), "", 0, secure));
}

/// The client address for rate limits (see `cookies::client_address`).
pub fn client_ip() -> String {
    let parts = use_context::<axum::http::request::Parts>();
    let peer = parts
        .as_ref()
        .and_then(|p| p.extensions.get::<axum::extract::ConnectInfo<std::net::SocketAddr>>().map(|c| c.0.ip()));
    crate::cookies::client_address(&request_headers(), peer, site().trust_forwarded_for)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::accounts::model::session_valid;
    use chrono::{Duration, TimeZone};

    #[test]
    fn cookies_are_host_prefixed_and_secure_in_production() {
        assert_eq!(cookie_name("rj_session", true), "__Host-rj_session");
        assert_eq!(cookie_name("rj_session", false), "rj_session");
        assert_eq!(
            set_cookie("__Host-rj_session", "abc", 60, true),
            "__Host-rj_session=abc; Max-Age=60; Path=/; HttpOnly; SameSite=Lax; Secure"
        );
        assert!(!set_cookie("rj_session", "abc", 60, false).contains("Secure"));
    }

    #[test]
    fn tokens_are_256_bit_and_only_their_hash_is_kept() {
        let a = new_token().unwrap();
        let b = new_token().unwrap();
        assert_eq!(a.len(), 64);
        assert_ne!(a, b);
        let h = token_hash(&a).unwrap();
        assert_eq!(h.len(), 64);
        assert_ne!(h, a);
        assert_eq!(token_hash("not-a-token"), None);
        assert_eq!(token_hash(&"g".repeat(64)), None);
    }

    #[test]
    fn sessions_end_when_idle_or_too_old() {
        let t0 = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
        assert!(session_valid(t0, t0, t0 + Duration::days(29)));
        assert!(!session_valid(t0, t0, t0 + Duration::days(30)));
        let recent = t0 + Duration::days(179);
        assert!(session_valid(t0, recent, t0 + Duration::days(179)));
        assert!(!session_valid(t0, recent, t0 + Duration::days(180)));
    }
}
