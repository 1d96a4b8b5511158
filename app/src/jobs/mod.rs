//! Job listings: model and URL filter (shared), server functions, repository (server), views.
pub mod api;
pub(crate) mod chips;
mod detail;
mod filter;
#[cfg(feature = "ssr")]
pub mod jsonld;
pub mod model;
mod page;
mod panel;
#[cfg(feature = "ssr")]
pub mod repo;

pub use detail::JobDetailPage;
pub use page::{JobCard, JobsPage};
