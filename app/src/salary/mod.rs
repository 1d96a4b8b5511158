//! Salaries: pure maths (`stats`), what the explorer shows (`model`), reference figures from
//! elsewhere, the server function, the charts and page markup (built on the server) and the page.
pub mod api;
#[cfg(feature = "ssr")]
mod charts;
pub mod model;
mod page;
#[cfg(feature = "ssr")]
pub mod references;
#[cfg(feature = "ssr")]
mod render;
pub mod stats;

pub use page::SalaryPage;
