//! Server function of the salary explorer: a thin wrapper over the in-memory index.
use leptos::prelude::*;

use super::model::SalaryReport;
use crate::error::AppError;
use crate::jobs::model::JobFilter;

#[server(endpoint = "explore_salaries")]
pub async fn explore_salaries(filter: JobFilter) -> Result<SalaryReport, AppError> {
    let (filter, mut issues) = super::model::explorer_filter(&filter);
    let mut report = crate::server::search_index()?.salaries(&filter, chrono::Utc::now());
    issues.append(&mut report.issues);
    report.issues = issues;
    Ok(report)
}
