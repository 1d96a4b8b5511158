//! Values of an island's view that keep updating with its signals in the browser.

/// `value` as the island shows it: in the browser a closure, re-run when the signals it reads change;
/// on the server, which renders a page once and never updates it, the value now. The HTML is the
/// same either way (a closure renders as its value), so hydration finds what it expects, and the
/// server builds, tracks and drops no reactive closure for it.
#[cfg(feature = "ssr")]
pub fn updating<T>(value: impl Fn() -> T) -> T {
    value()
}

/// See the server's `updating`.
#[cfg(not(feature = "ssr"))]
pub fn updating<T, F: Fn() -> T>(value: F) -> F {
    value
}
