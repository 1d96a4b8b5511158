//! What a career page shows.
use serde::{Deserialize, Serialize};

use crate::jobs::filter::JobFilter;
use crate::jobs::model::Offer;
use crate::salary::model::salary_href;
use crate::salary::stats::Figures;

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

/// Figures computed from the live listings at request time.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LiveFigures {
    /// Active listings of this profession in this city.
    pub open_listings: u64,
    /// Employer-stated monthly pay of regular employment (training allowances and student jobs
    /// would drag it down): `n`, and median and quartiles when there are enough.
    pub salary: Figures,
    /// Whether the listings behind these figures are demo data.
    pub demo: bool,
}

impl Career {
    /// This profession in this city (radius 0), as listing filter.
    pub fn filter(&self) -> JobFilter {
        JobFilter {
            profession: self.profession_slug.clone(),
            place: self.city_slug.clone(),
            radius_km: Some(0),
            ..Default::default()
        }
    }

    /// The pay figures' filter: regular employment only.
    pub fn pay_filter(&self) -> JobFilter {
        JobFilter { offer: vec![Offer::Employment], ..self.filter() }
    }

    /// The listing view of this profession in this city.
    pub fn jobs_href(&self) -> String {
        self.filter().href()
    }

    /// The salary explorer for the same choice as the figures.
    pub fn salary_href(&self) -> String {
        salary_href(&self.pay_filter())
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
            figures: LiveFigures::default(),
        };
        assert_eq!(c.jobs_href(), "/jobs?place=bochum&radius_km=0&profession=medienassistent");
        assert_eq!(c.salary_href(), "/gehalt?place=bochum&radius_km=0&profession=medienassistent&offer=employment");
    }
}
