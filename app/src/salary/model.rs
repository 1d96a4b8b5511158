//! What the salary explorer shows and the API returns.
use serde::{Deserialize, Serialize};

use super::stats::{Bin, Figures};
use crate::jobs::model::{Choice, JobFilter, ParamIssue, Relaxation};

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
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SalaryReport {
    pub stats: SalaryStats,
    /// Parameters that could not be used, and why.
    pub issues: Vec<ParamIssue>,
    /// The place as understood.
    pub place: Option<String>,
    pub professions: Vec<Choice>,
    pub cities: Vec<Choice>,
    pub skills: Vec<Choice>,
}

/// The explorer page as HTML pieces built on the server (see `render.rs`); the page places them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SalaryPageHtml {
    /// The canonical URL of this view (`ui::live` puts it into history).
    pub href: String,
    /// Plain text.
    pub title: String,
    /// The inputs (inside the page's main form).
    pub form: String,
    /// Parameter issues, headline, histogram.
    pub top: String,
    /// The helper's choices (inside the helper form).
    pub helper_form: String,
    pub helper_result: String,
    /// Box plots, reference figures, the method.
    pub rest: String,
}

/// The explorer's view of a job-search filter: the inputs it uses (profession, place, radius,
/// working time, offer, experience, employer type, skill). The others are reported, not ignored silently.
pub fn explorer_filter(f: &JobFilter) -> (JobFilter, Vec<ParamIssue>) {
    let kept = JobFilter {
        profession: f.profession.clone(),
        place: f.place.clone(),
        radius_km: f.radius_km,
        working_time: f.working_time.clone(),
        offer: f.offer.clone(),
        experience: f.experience.clone(),
        employer_type: f.employer_type.clone(),
        skill: f.skill.clone(),
        ..JobFilter::default()
    };
    let dropped = f;
    let mut issues = Vec::new();
    let mut unused = |param: &str, used: bool| {
        if used {
            issues.push(ParamIssue {
                param: param.to_owned(),
                message: "gilt nur für die Stellensuche, nicht für die Gehaltsübersicht; ignoriert.".to_owned(),
            });
        }
    };
    unused("q", !dropped.q.is_empty());
    unused("remote", !dropped.remote.is_empty());
    unused("contract", !dropped.contract.is_empty());
    unused("salary_min", dropped.salary_min.is_some());
    unused("salary_only", dropped.salary_only);
    unused("posted_within_days", dropped.posted_within_days.is_some());
    unused("sort", dropped.sort.is_some());
    unused("page", dropped.page > 1);
    unused("per_page", dropped.per_page != kept.per_page);
    (kept, issues)
}

/// The explorer's inputs, most specific first: the order in which a too small choice is broadened.
pub const INPUTS: [&str; 7] = ["experience", "employer_type", "working_time", "offer", "skill", "place", "profession"];

/// Removes one input (a name of `INPUTS`) from `f`; whether it was set.
pub fn drop_input(f: &mut JobFilter, param: &str) -> bool {
    match param {
        "experience" => !std::mem::take(&mut f.experience).is_empty(),
        "employer_type" => !std::mem::take(&mut f.employer_type).is_empty(),
        "working_time" => !std::mem::take(&mut f.working_time).is_empty(),
        "offer" => !std::mem::take(&mut f.offer).is_empty(),
        "skill" => !std::mem::take(&mut f.skill).is_empty(),
        "place" => {
            f.radius_km = None;
            !std::mem::take(&mut f.place).is_empty()
        }
        "profession" => !std::mem::take(&mut f.profession).is_empty(),
        _ => false,
    }
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
    fn every_input_can_be_dropped() {
        let query = "place=bochum&radius_km=5&profession=medienassistent&working_time=part_time&offer=employment\
                     &experience=entry&employer_type=agency&skill=social-media";
        let full = JobFilter::parse_query(query).0;
        let mut f = full.clone();
        for param in INPUTS {
            assert!(drop_input(&mut f, param), "{param}");
            assert!(!drop_input(&mut f.clone(), param), "{param} is gone");
            assert!(!salary_href(&f).contains(&format!("{param}=")), "{param}");
        }
        assert_eq!(f, JobFilter::default());
    }
}
