//! The `revierjobs` server: configuration, the database connection, the router and its layers,
//! the JSON API, seeding and the demo data generator, and the import of listings (with fetching).
pub mod api;
pub mod assets;
pub mod config;
pub mod db;
pub mod demo;
pub mod error;
pub mod exports;
pub mod fetch;
pub mod import;
pub mod memory;
pub mod openapi;
pub mod page_cache;
pub mod rate_limit;
pub mod reports;
pub mod router;
pub mod security;
pub mod seed;
pub mod seo;
pub mod sources;
pub mod startup;

pub use memory::runtime;
pub use router::{build_router, router_with_page_cache};
pub use startup::{app_state, test_options};

/// Everything that can stop the binary, each with a message naming the setting at fault.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Connect(#[from] db::ConnectError),
    #[error(transparent)]
    Db(#[from] app::db::DbError),
    #[error("cannot listen on {addr} (--addr / REVIERJOBS_ADDR): {source}")]
    Bind { addr: std::net::SocketAddr, source: std::io::Error },
    #[error("invalid configuration: {0}")]
    Config(String),
    #[error("server stopped with an error: {0}")]
    Serve(std::io::Error),
    #[error("cannot start the async runtime: {0}")]
    Runtime(std::io::Error),
    #[error("{failed} of {total} inputs not imported")]
    Import { failed: usize, total: usize },
}
