//! The search read model: every active listing in memory, with an inverted text index and a bitset per
//! filter value, so that any combination of filters, facet counts and sort orders is answered by set
//! operations without touching the database. SurrealDB stays the system of record; `SearchHandle`
//! reloads when the listings change.
mod bits;
mod engine;
mod geo;
mod handle;
mod postings;

pub mod text;

pub use engine::{City, Details, Doc, Index, IndexBuilder};
pub use geo::distance_km;
pub use handle::SearchHandle;
