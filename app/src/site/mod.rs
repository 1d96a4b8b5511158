//! The page frame with the main navigation, the home page and the static pages.
#[cfg(feature = "ssr")]
mod home;
#[cfg(feature = "ssr")]
mod layout;
#[cfg(feature = "ssr")]
mod legal;
#[cfg(feature = "ssr")]
mod offline;
mod suggestions;

#[cfg(feature = "ssr")]
pub use home::HomePage;
#[cfg(feature = "ssr")]
pub use layout::Layout;
#[cfg(feature = "ssr")]
pub use legal::{Datenschutz, Impressum};
#[cfg(feature = "ssr")]
pub use offline::OfflinePage;
