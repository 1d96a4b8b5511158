//! The salary explorer's figures for a query string, as the page and `GET /api/v1/salaries` show them.
use chrono::{DateTime, Utc};
use std::sync::Arc;

use super::model::{SalaryReport, explorer_filter, not_for_explorer};
use crate::jobs::filter::{JobFilter, ParamIssue};
use crate::jobs::model::Param;
use crate::search::Index;

/// An explorer query: the inputs it uses, the values of those inputs that were not valid (the API
/// refuses those), and what it leaves out: the job search's own parameters and, once figured,
/// values the listings do not know.
pub struct ExplorerQuery {
    pub filter: JobFilter,
    pub invalid: Vec<ParamIssue>,
    pub ignored: Vec<ParamIssue>,
}

impl ExplorerQuery {
    pub fn parse(query: &str) -> Self {
        let (filter, invalid) = JobFilter::parse_query(query);
        let (filter, mut ignored) = explorer_filter(&filter);
        let (invalid, elsewhere): (Vec<_>, Vec<_>) =
            invalid.into_iter().partition(|issue| Param::EXPLORER.contains(&issue.param));
        ignored.extend(elsewhere.into_iter().map(|issue| not_for_explorer(issue.param)));
        ExplorerQuery { filter, invalid, ignored }
    }
}

/// The figures for an explorer query.
pub struct Explored {
    pub query: ExplorerQuery,
    pub report: Arc<SalaryReport>,
}

pub fn explore(index: &Index, mut query: ExplorerQuery, now: DateTime<Utc>) -> Explored {
    let report = index.salaries(&query.filter, now);
    query.ignored.extend(report.ignored.iter().cloned());
    Explored { query, report }
}
