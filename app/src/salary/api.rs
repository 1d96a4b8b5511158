//! Server function of the salary explorer: a thin wrapper over the in-memory index.
use leptos::prelude::*;

use super::model::SalaryPageHtml;
use crate::error::AppError;

/// The explorer page for a raw query string (parsed here, so every parameter issue is reported).
#[server(endpoint = "salary_page")]
pub async fn salary_page(query: String) -> Result<SalaryPageHtml, AppError> {
    use crate::jobs::model::{JobFilter, query_pairs};
    let pairs = query_pairs(&query);
    let (filter, mut issues) = JobFilter::parse(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    let (filter, unused) = super::model::explorer_filter(&filter);
    issues.extend(unused);
    let report = crate::server::search_index()?.salaries(&filter, chrono::Utc::now());
    issues.extend(report.issues.iter().cloned());
    Ok(super::render::page(&filter, &issues, &report))
}
