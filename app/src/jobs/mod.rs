//! Job listings: the listing model, its vocabularies and the URL filter (shared), the repository and
//! service (server), and the pages.
#[cfg(feature = "ssr")]
mod card;
pub mod chips;
#[cfg(feature = "ssr")]
mod detail;
#[cfg(feature = "ssr")]
pub mod fields;
pub mod filter;
#[cfg(feature = "ssr")]
pub mod invariants;
#[cfg(feature = "ssr")]
pub mod jsonld;
pub mod model;
#[cfg(feature = "ssr")]
mod page;
#[cfg(feature = "ssr")]
mod panel;
pub mod param;
#[cfg(feature = "ssr")]
pub mod repo;
#[cfg(feature = "ssr")]
pub mod service;
pub mod terms;

#[cfg(feature = "ssr")]
pub use card::{JobCard, JobList};
#[cfg(feature = "ssr")]
pub use detail::JobDetailPage;
#[cfg(feature = "ssr")]
pub use page::JobsPage;
