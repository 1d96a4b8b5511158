//! Optional accounts: sign-up, sign-in, sessions, `/konto` (password, data export, deletion).
pub mod api;
pub mod model;
mod page;
#[cfg(feature = "ssr")]
pub mod password;
#[cfg(feature = "ssr")]
pub mod repo;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
pub mod session;

pub use page::{AccountPage, SignInPage, SignUpPage};
