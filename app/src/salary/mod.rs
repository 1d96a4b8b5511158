//! Salary statistics. The explorer page builds on these pure functions.
pub mod stats;
