//! Saved jobs without an account (`/merkliste`): toggle, notes, application status, exports.
pub mod api;
#[cfg(feature = "ssr")]
pub mod export;
mod forms;
pub mod model;
#[cfg(any(feature = "hydrate", test))]
mod outbox;
#[cfg(feature = "ssr")]
mod page;
#[cfg(feature = "ssr")]
pub mod repo;
#[cfg(feature = "ssr")]
pub mod service;
mod toggle;

#[cfg(feature = "ssr")]
pub use page::{PATH, SavedPage};
#[cfg(feature = "ssr")]
pub use toggle::toggles;
pub use toggle::{FavouriteToggle, SavedAtLoad, SavedJobs, toggles_on};
