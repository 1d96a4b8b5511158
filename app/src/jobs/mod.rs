//! Job listings: model and URL filter (shared), server functions, repository (server), views.
pub mod api;
mod filter;
pub mod model;
mod page;
#[cfg(feature = "ssr")]
pub mod repo;

pub use page::{JobDetailPage, JobsPage};
