//! What the salary explorer shows and the API returns.
use serde::{Deserialize, Serialize};

use super::stats::{Bin, Figures};
use crate::jobs::filter::{JobFilter, ParamIssue};
use crate::jobs::model::{Choices, Param, Relaxation};

/// Where the explorer lives.
pub const PATH: &str = "/gehalt";

/// One box of a box plot: a value of a breakdown (an experience level, a city …) and its figures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Group {
    /// The value as in the URL (`entry`, `bochum` …).
    pub key: String,
    pub label: String,
    /// Whether this value is among the chosen inputs.
    pub selected: bool,
    #[serde(flatten)]
    pub figures: Figures,
}

/// Median pay of listings with and without a skill (only where both sides have enough data).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct SkillPay {
    pub skill: String,
    pub name: String,
    pub n_with: u32,
    pub median_with: u32,
    pub n_without: u32,
    pub median_without: u32,
}

/// A published figure from elsewhere, shown beside ours and never mixed with it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Reference {
    pub profession: String,
    pub region: String,
    pub year: String,
    pub source: String,
    /// "Median", "Mittelwert", "1. Quartil", "Spanne", "ab" …
    pub statistic: String,
    pub from: u32,
    pub to: Option<u32>,
    /// Who is counted.
    pub who: String,
    pub definition: String,
}

/// The explorer's figures for one choice of inputs: the body of `GET /api/v1/salaries`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct SalaryStats {
    /// `n` and the headline figures over the listings with an employer-stated salary.
    #[serde(flatten)]
    pub figures: Figures,
    /// Always `"month"`: gross euros per month (see `rule`).
    pub unit: String,
    pub rule: String,
    pub histogram: Vec<Bin>,
    pub by_experience: Vec<Group>,
    pub by_city: Vec<Group>,
    pub by_employer_type: Vec<Group>,
    pub by_working_time: Vec<Group>,
    /// Skills whose listings advertise more (or less) pay, largest difference first.
    pub skills: Vec<SkillPay>,
    /// With too few salaries: broader choices and how many salaries each would give.
    pub broader: Vec<Relaxation>,
    pub references: Vec<Reference>,
    /// Whether the listings behind the figures are invented demo data.
    pub demo: bool,
}

/// Everything the explorer page needs: the figures plus what the form offers.
#[derive(Debug, Clone, PartialEq)]
pub struct SalaryReport {
    pub stats: SalaryStats,
    /// Values the explorer could not use (an unknown place, skill or profession), and why.
    pub ignored: Vec<ParamIssue>,
    /// The place as understood.
    pub place: Option<String>,
    pub choices: Choices,
}

/// The explorer's view of a job-search filter: the inputs it uses (profession, place, radius,
/// working time, offer, experience, employer type, skill). The others are reported, not ignored silently.
pub fn explorer_filter(f: &JobFilter) -> (JobFilter, Vec<ParamIssue>) {
    let mut kept = f.clone();
    let mut ignored = Vec::new();
    for param in Param::ALL.iter().copied().filter(|p| !Param::EXPLORER.contains(p)) {
        if kept.clear(param) {
            ignored.push(not_for_explorer(param));
        }
    }
    (kept, ignored)
}

/// Why the explorer leaves a parameter of the job search out.
pub fn not_for_explorer(param: Param) -> ParamIssue {
    ParamIssue::new(param, "gilt nur für die Stellensuche, nicht für die Gehaltsübersicht.")
}

/// `/gehalt?...`, the link to the explorer for these inputs.
pub fn salary_href(f: &JobFilter) -> String {
    f.href_at(PATH)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::jobs::model::{Experience, Remote};

    #[test]
    fn explorer_keeps_its_inputs_and_names_the_rest() {
        let f = JobFilter {
            q: "video".into(),
            place: "bochum".into(),
            radius_km: Some(10),
            experience: vec![Experience::Entry],
            remote: vec![Remote::Hybrid],
            page: 3,
            ..Default::default()
        };
        let (kept, issues) = explorer_filter(&f);
        assert_eq!(salary_href(&kept), "/gehalt?place=bochum&radius_km=10&experience=entry");
        let params: Vec<&str> = issues.iter().map(|i| i.param.as_str()).collect();
        assert_eq!(params, ["q", "remote", "page"]);
        assert_eq!(explorer_filter(&kept).1, vec![]);
    }

    #[test]
    fn every_input_can_be_left_out() {
        let query = "place=bochum&radius_km=5&profession=medienassistent&working_time=part_time&offer=employment\
                     &experience=entry&employer_type=agency&skill=social-media";
        let mut f = JobFilter::parse_query(query).0;
        for param in Param::BROADEN {
            assert!(f.clear(param), "{param:?}");
            assert!(!f.clone().clear(param), "{param:?} is gone");
            assert!(!salary_href(&f).contains(&format!("{}=", param.as_str())), "{param:?}");
        }
        assert_eq!(f, JobFilter::default());
    }
}
