//! The salary explorer's figures for a query string, as the page and `GET /api/v1/salaries` show them.
use chrono::{DateTime, Utc};

use super::model::{SalaryReport, explorer_filter};
use crate::jobs::filter::{JobFilter, ParamIssue};
use crate::search::Index;

/// An explorer query: the inputs it uses, the values that were not valid (the API refuses those)
/// and the figures, whose `ignored` lists what the explorer could not use.
pub struct Explored {
    pub filter: JobFilter,
    pub invalid: Vec<ParamIssue>,
    pub report: SalaryReport,
}

pub fn explore(index: &Index, query: &str, now: DateTime<Utc>) -> Explored {
    let (filter, invalid) = JobFilter::parse_query(query);
    let (filter, ignored) = explorer_filter(&filter);
    let mut report = index.salaries(&filter, now);
    report.ignored.splice(0..0, ignored);
    Explored { filter, invalid, report }
}
