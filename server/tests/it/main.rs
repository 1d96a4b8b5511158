//! The server's integration tests, one module per area, in one binary: each test binary links
//! SurrealDB and the whole app, so one binary instead of a dozen saves minutes of linking and
//! gigabytes in `target/`. Run one area with `cargo test -p server --test it import::`.
mod common;

mod accounts;
mod db;
mod durability;
mod favourites;
mod fetch;
mod http;
mod import;
mod page_cache;
mod process;
mod remote;
mod reports;
mod sources;
