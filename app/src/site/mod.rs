//! Home page and the static pages.
mod home;
mod legal;
mod offline;

pub use home::HomePage;
pub use legal::{Datenschutz, Impressum};
pub use offline::OfflinePage;
