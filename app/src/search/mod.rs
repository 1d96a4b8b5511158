//! The search read model: every active listing in memory, with an inverted text index and a set of
//! listings per filter value, so that any combination of filters, facet counts and sort orders is
//! answered by set operations without touching the database. SurrealDB stays the system of record;
//! `SearchHandle` rebuilds the index when the listings change.
mod bits;
mod cards;
mod geo;
mod handle;
mod index;
pub mod load;
mod memo;
mod places;
mod postings;
mod query;
mod ranking;
mod salaries;
mod salary_rows;
mod sets;
mod similar;
pub mod text;
mod text_index;

pub use handle::SearchHandle;
pub use index::{Index, IndexBuilder};

#[cfg(test)]
mod fixture;
#[cfg(test)]
mod query_tests;
#[cfg(test)]
mod ranking_tests;
#[cfg(test)]
mod salaries_tests;
