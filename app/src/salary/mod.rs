//! Salaries: pure maths (`stats`), what the explorer shows (`model`), reference figures from
//! elsewhere, the explorer's figures for a query (`service`), and the page with its charts.
#[cfg(feature = "ssr")]
mod charts;
pub mod model;
#[cfg(feature = "ssr")]
mod page;
#[cfg(feature = "ssr")]
pub mod references;
#[cfg(feature = "ssr")]
pub mod service;
pub mod stats;

#[cfg(feature = "ssr")]
pub use page::SalaryPage;
