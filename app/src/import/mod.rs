//! The import of job ads from files and URLs: each format is read into drafts (`json_ld`,
//! `jobsuche`), every draft validated and mapped onto the listing model (`listing`), placed on the
//! map (`geo`), classified (`classify`), sanitised (`sanitise`) and matched against duplicates
//! (`duplicates`). All that is pure; `service` imports one input: `gather` reads and maps it, `tally`
//! decides each record, `stage` and `repo` write it whole or not at all.
pub mod classify;
pub mod dates;
pub mod draft;
pub mod duplicates;
mod gather;
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
mod stage;
mod tally;
mod words;

#[cfg(test)]
mod fuzz_tests;
