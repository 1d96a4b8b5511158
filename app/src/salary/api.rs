//! The salary explorer's page and API answer, straight from the in-memory index.
use super::model::SalaryPageHtml;
use crate::error::AppError;

/// The explorer page for a raw query string (parsed here, so every parameter issue is reported),
/// from the in-memory index as the page renders (see `jobs::api::search_now`).
pub fn salary_page_now(query: &str) -> Result<SalaryPageHtml, AppError> {
    #[cfg(feature = "ssr")]
    {
        let (filter, issues, report) = explore(&*crate::server::search_index()?, query, chrono::Utc::now());
        Ok(super::render::page(&filter, &issues, &report))
    }
    #[cfg(not(feature = "ssr"))]
    {
        let _ = query;
        Err(AppError::Internal)
    }
}

/// Parses a query string as the explorer's inputs and computes its figures; the page and
/// `GET /api/v1/salaries` both answer with this. Returns the inputs used and every issue.
#[cfg(feature = "ssr")]
pub fn explore(
    index: &crate::search::Index,
    query: &str,
    now: chrono::DateTime<chrono::Utc>,
) -> (crate::jobs::model::JobFilter, Vec<crate::jobs::model::ParamIssue>, super::model::SalaryReport) {
    let (filter, mut issues) = crate::jobs::model::JobFilter::parse_query(query);
    let (filter, unused) = super::model::explorer_filter(&filter);
    issues.extend(unused);
    let report = index.salaries(&filter, now);
    issues.extend(report.issues.iter().cloned());
    (filter, issues, report)
}
