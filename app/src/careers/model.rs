//! What a career page shows.
use serde::{Deserialize, Serialize};

use crate::jobs::model::JobFilter;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Career {
    pub profession_slug: String,
    pub city_slug: String,
    pub profession: String,
    pub city: String,
    pub title: String,
    pub description: String,
    /// Rendered from Markdown and sanitized on the server.
    pub html: String,
    pub figures: LiveFigures,
}

/// Figures computed from the listings in the database at request time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LiveFigures {
    /// Active listings of this profession in this city.
    pub open_listings: u64,
    /// Median of employer-stated salaries of regular employment (monthly midpoints), when enough exist.
    pub median_salary: Option<u32>,
    /// How many employer-stated salaries the median is based on.
    pub salary_count: u32,
    /// Whether the listings behind these figures are demo data.
    pub demo: bool,
}

/// Fewer salaries than this give no median ("zu wenige Angaben").
pub const MIN_SALARIES_FOR_MEDIAN: usize = 5;

impl Career {
    /// The listing view of this profession in this city.
    pub fn jobs_href(&self) -> String {
        JobFilter {
            profession: self.profession_slug.clone(),
            place: self.city_slug.clone(),
            radius_km: Some(0),
            ..Default::default()
        }
        .href()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_to_matching_listings() {
        let c = Career {
            profession_slug: "medienassistent".into(),
            city_slug: "bochum".into(),
            profession: "Medienassistent/in".into(),
            city: "Bochum".into(),
            title: String::new(),
            description: String::new(),
            html: String::new(),
            figures: LiveFigures { open_listings: 0, median_salary: None, salary_count: 0, demo: false },
        };
        assert_eq!(c.jobs_href(), "/jobs?place=bochum&radius_km=0&profession=medienassistent");
    }
}
