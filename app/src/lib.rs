//! Revierjobs: the Leptos app shared by the browser (`hydrate`) and the server (`ssr`).
#![recursion_limit = "256"]

pub mod accounts;
pub mod app;
pub mod careers;
pub mod error;
pub mod favourites;
pub mod jobs;
pub mod salary;
#[cfg(feature = "ssr")]
pub mod search;
#[cfg(feature = "ssr")]
pub mod server;
pub mod site;
pub mod ui;

pub use app::{App, asset_root, shell};
