//! Values of an island's view that follow its signals in the browser.

/// `value` as the island shows it: in the browser a closure, re-run when the signals it reads change;
/// on the server, which renders a page once and never updates it, the value now. The HTML is the
/// same either way (a closure renders as its value), so hydration finds what it expects, and the
/// server builds, tracks and drops no reactive closure for it (`/jobs`, with a favourite toggle on
/// every card: about 5 % more pages per second in `make bench`).
#[cfg(feature = "ssr")]
pub fn follow<T>(value: impl Fn() -> T) -> T {
    value()
}

/// See the server's `follow`.
#[cfg(not(feature = "ssr"))]
pub fn follow<T, F: Fn() -> T>(value: F) -> F {
    value
}
