//! Home page and the static pages.
mod home;
mod legal;

pub use home::HomePage;
pub use legal::{Datenschutz, Impressum};
