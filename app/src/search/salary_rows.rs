//! The salary explorer's rows: the listings with an employer-stated salary, compact and sorted by
//! monthly value, and the pay comparisons shown beside ads without salary.
use std::collections::HashMap;

use super::sets::Categories;
use crate::jobs::model::{EmployerType, Experience, Offer, PayComparison, SalarySource, Summary};
use crate::salary::stats::{Figures, monthly_midpoint};

/// One listing with an employer-stated salary, compact for the scan.
pub(super) struct SalaryRow {
    pub monthly: u32,
    /// The listing's position in the index.
    pub listing: u32,
    pub valid: i64,
    pub profession: u32,
    pub city: u32,
    pub working_time: u8,
    pub offer: Offer,
    pub experience: Experience,
    pub employer_type: EmployerType,
}

/// The explorer's rows, sorted by monthly value, and the pay comparisons shown beside ads without
/// salary (per profession, offer and experience).
pub(super) struct SalaryRows {
    rows: Vec<SalaryRow>,
    comparisons: HashMap<(u32, Offer, Experience), PayComparison>,
}

impl SalaryRows {
    /// Rows of the listings in index order; comparisons over those active at `now`.
    pub(super) fn new(summaries: &[Summary], categories: &[Categories], now: i64) -> Self {
        let mut rows: Vec<SalaryRow> = summaries
            .iter()
            .zip(categories)
            .enumerate()
            .filter_map(|(i, (s, c))| {
                let salary = s.salary.as_ref().filter(|s| s.source == SalarySource::Employer)?;
                Some(SalaryRow {
                    monthly: monthly_midpoint(salary).round() as u32,
                    listing: i as u32,
                    valid: s.valid_through.timestamp(),
                    profession: c.profession,
                    city: c.city,
                    working_time: c.working_time,
                    offer: c.offer,
                    experience: c.experience,
                    employer_type: c.employer_type,
                })
            })
            .collect();
        rows.sort_by_key(|r| (r.monthly, r.listing));
        let mut groups: HashMap<(u32, Offer, Experience), Vec<u32>> = HashMap::new();
        for r in rows.iter().filter(|r| r.valid > now) {
            groups.entry((r.profession, r.offer, r.experience)).or_default().push(r.monthly);
        }
        let comparisons = groups
            .into_iter()
            .filter_map(|(key, values)| {
                let f = Figures::of(&values);
                Some((key, PayComparison { p25: f.p25?, p75: f.p75?, n: f.n }))
            })
            .collect();
        SalaryRows { rows, comparisons }
    }

    pub(super) fn comparison(&self, profession: u32, offer: Offer, experience: Experience) -> Option<PayComparison> {
        self.comparisons.get(&(profession, offer, experience)).copied()
    }

    pub(super) fn active(&self, now: i64) -> impl Iterator<Item = &SalaryRow> {
        self.rows.iter().filter(move |r| r.valid > now)
    }
}
