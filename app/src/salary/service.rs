//! The salary explorer's figures for a query string, as the page and `GET /api/v1/salaries` show them.
use chrono::{DateTime, Utc};
use std::sync::Arc;

use super::model::{SalaryReport, explorer_filter};
use crate::jobs::filter::{JobFilter, ParamIssue};
use crate::search::Index;

/// An explorer query: the inputs it uses, the values that were not valid (the API refuses those),
/// what it could not use, and the figures.
pub struct Explored {
    pub filter: JobFilter,
    pub invalid: Vec<ParamIssue>,
    pub ignored: Vec<ParamIssue>,
    pub report: Arc<SalaryReport>,
}

pub fn explore(index: &Index, query: &str, now: DateTime<Utc>) -> Explored {
    let (filter, invalid) = JobFilter::parse_query(query);
    let (filter, mut ignored) = explorer_filter(&filter);
    let report = index.salaries(&filter, now);
    ignored.extend(report.ignored.iter().cloned());
    Explored { filter, invalid, ignored, report }
}
