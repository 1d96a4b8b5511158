//! Career pages per profession and city: Markdown from `content/`, tied to live listing figures.
#[cfg(feature = "ssr")]
pub mod content;
pub mod model;
#[cfg(feature = "ssr")]
mod page;
#[cfg(feature = "ssr")]
pub mod repo;
#[cfg(feature = "ssr")]
pub mod service;

#[cfg(feature = "ssr")]
pub use page::CareerPage;
