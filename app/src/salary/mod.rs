//! Salaries: pure maths (`stats`), what the explorer shows (`model`), reference figures from
//! elsewhere, the server function and the `/gehalt` page with its charts.
pub mod api;
mod charts;
pub mod model;
mod page;
#[cfg(feature = "ssr")]
pub mod references;
pub mod stats;

pub use page::SalaryPage;
