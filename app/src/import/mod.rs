//! The import of job ads from files and URLs: each format is read into drafts (`json_ld`,
//! `jobsuche`), every draft validated and mapped onto the listing model (`listing`), placed on the
//! map (`geo`), classified (`classify`), sanitised (`sanitise`) and matched against duplicates
//! (`duplicates`). Everything here is pure; `service` writes a whole input in one transaction.
pub mod classify;
pub mod dates;
pub mod draft;
pub mod duplicates;
pub mod geo;
mod geo_names;
pub mod input;
pub mod jobsuche;
pub mod json_ld;
pub mod listing;
pub mod read;
pub mod reader;
pub mod repo;
pub mod salary;
pub mod sanitise;
pub mod service;
mod words;

#[cfg(test)]
mod fuzz_tests;
