//! Career pages per profession and city: Markdown from `content/`, tied to live listing figures.
pub mod api;
#[cfg(feature = "ssr")]
pub mod content;
pub mod model;
mod page;
#[cfg(feature = "ssr")]
pub mod repo;

pub use page::CareerPage;
