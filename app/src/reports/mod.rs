//! Reports of dead or dubious ads by job seekers: a form on every listing (`form.rs`), the rules
//! (`model.rs`), the database (`repo.rs`) and what a report or a decision does (`service.rs`).
#[cfg(feature = "ssr")]
pub mod form;
pub mod model;
#[cfg(feature = "ssr")]
pub mod repo;
#[cfg(feature = "ssr")]
pub mod service;
