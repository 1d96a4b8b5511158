//! Revierjobs: the Leptos app shared by the browser (`hydrate`) and the server (`ssr`). Pages are
//! built on the server only; the islands (`#[island]`) are all that runs in the browser.
#![recursion_limit = "256"]

pub mod accounts;
#[cfg(feature = "ssr")]
pub mod app;
pub mod careers;
#[cfg(feature = "ssr")]
pub mod cookies;
#[cfg(feature = "ssr")]
pub mod db;
pub mod error;
pub mod favourites;
#[cfg(feature = "ssr")]
pub mod import;
pub mod jobs;
pub mod reports;
pub mod salary;
#[cfg(feature = "ssr")]
pub mod search;
pub mod site;
#[cfg(feature = "ssr")]
pub mod state;
pub mod ui;

#[cfg(feature = "ssr")]
pub use app::{App, asset_root, shell};
