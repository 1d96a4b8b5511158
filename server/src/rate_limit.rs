//! How often a client may ask the JSON API: a token bucket per client address, refilled at the
//! configured rate, holding up to `BURST_SECONDS` of it. Each app server keeps its own buckets in
//! memory (a limit against floods, not an accounting: with n servers a client gets n times the
//! rate); a refused request gets 429 with `Retry-After`.
use axum::extract::{ConnectInfo, Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Instant;

use app::error::AppError;
use app::state::AppState;

use crate::error::Failure;

/// A client may spend this many seconds' worth of requests at once.
const BURST_SECONDS: f64 = 6.0;

/// Tokens left per client, and when they were counted.
#[derive(Clone, Default)]
pub struct Buckets(Arc<Mutex<Table>>);

#[derive(Default)]
struct Table {
    buckets: HashMap<String, (f64, Instant)>,
    pruned: Option<Instant>,
}

impl Buckets {
    /// Takes a token of `client`'s bucket at `rate` per second; without one, how many seconds
    /// until there is. Once per burst span, the buckets that have filled up again are dropped
    /// (a new one starts full), so the table holds only recent clients.
    pub fn take(&self, client: &str, rate: u32, now: Instant) -> Result<(), u64> {
        let (rate, full) = (f64::from(rate), f64::from(rate) * BURST_SECONDS);
        let mut table = self.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let pruned = *table.pruned.get_or_insert(now);
        if now.duration_since(pruned).as_secs_f64() >= BURST_SECONDS {
            table.buckets.retain(|_, (tokens, at)| *tokens + now.duration_since(*at).as_secs_f64() * rate < full);
            table.pruned = Some(now);
        }
        let (tokens, at) = table.buckets.entry(client.to_owned()).or_insert((full, now));
        *tokens = (*tokens + now.duration_since(*at).as_secs_f64() * rate).min(full);
        *at = now;
        if *tokens >= 1.0 {
            *tokens -= 1.0;
            Ok(())
        } else {
            Err(((1.0 - *tokens) / rate).ceil().max(1.0) as u64)
        }
    }
}

/// The middleware in front of the JSON API.
pub async fn limit(State((state, buckets)): State<(AppState, Buckets)>, request: Request, next: Next) -> Response {
    let rate = state.site.api_rate;
    if rate == 0 {
        return next.run(request).await;
    }
    let peer = request.extensions().get::<ConnectInfo<SocketAddr>>().map(|c| c.0.ip());
    let client = app::cookies::client_address(request.headers(), peer, state.site.trust_forwarded_for);
    match buckets.take(&client, rate, Instant::now()) {
        Ok(()) => next.run(request).await,
        Err(retry_after_secs) => Failure::from(AppError::TooManyRequests { retry_after_secs }).into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn a_client_gets_its_burst_then_the_rate_and_others_are_not_affected() {
        let (buckets, start) = (Buckets::default(), Instant::now());
        let burst = (2.0 * BURST_SECONDS) as usize;
        for _ in 0..burst {
            assert_eq!(buckets.take("a", 2, start), Ok(()));
        }
        assert_eq!(buckets.take("a", 2, start), Err(1));
        assert_eq!(buckets.take("b", 2, start), Ok(()), "another client has its own bucket");
        // Half a second later one request more (2 per second), not two.
        let later = start + Duration::from_millis(500);
        assert_eq!(buckets.take("a", 2, later), Ok(()));
        assert!(buckets.take("a", 2, later).is_err());
    }

    #[test]
    fn clients_that_stopped_asking_are_dropped_and_start_full() {
        let (buckets, start) = (Buckets::default(), Instant::now());
        assert_eq!(buckets.take("gone", 1, start), Ok(()));
        assert_eq!(buckets.take("busy", 1, start), Ok(()));
        let later = start + Duration::from_secs_f64(BURST_SECONDS - 0.5);
        for _ in 0..5 {
            assert_eq!(buckets.take("busy", 1, later), Ok(()));
        }
        let after = start + Duration::from_secs_f64(BURST_SECONDS + 0.1);
        assert_eq!(buckets.take("new", 1, after), Ok(()));
        let table = buckets.0.lock().unwrap();
        assert!(!table.buckets.contains_key("gone"), "a refilled bucket is dropped");
        assert!(table.buckets.contains_key("busy"), "a bucket still short of tokens is kept");
    }
}
