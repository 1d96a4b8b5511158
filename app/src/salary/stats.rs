//! Pure salary maths, shared by every figure the app shows.
//!
//! Normalisation rule (written on the pages that use it): ranges count by their midpoint;
//! a yearly salary is divided by 12; an hourly wage is multiplied by 40 h × 52 weeks / 12 months.
use crate::jobs::model::{Salary, SalaryUnit};

/// Hours per month of a 40-hour week: 40 × 52 / 12.
pub const HOURS_PER_MONTH: f64 = 40.0 * 52.0 / 12.0;

/// The salary's midpoint as gross euros per month.
pub fn monthly_midpoint(salary: &Salary) -> f64 {
    let mid = (f64::from(salary.min) + f64::from(salary.max)) / 2.0;
    match salary.unit {
        SalaryUnit::Month => mid,
        SalaryUnit::Year => mid / 12.0,
        SalaryUnit::Hour => mid * HOURS_PER_MONTH,
    }
}

/// The p-th percentile (0 ≤ p ≤ 1) of sorted values, linearly interpolated between
/// closest ranks (the method of R's type 7 and numpy's default). `None` when empty.
pub fn percentile(sorted: &[f64], p: f64) -> Option<f64> {
    let last = sorted.len().checked_sub(1)?;
    let rank = p.clamp(0.0, 1.0) * last as f64;
    let lower = rank.floor() as usize;
    let upper = rank.ceil() as usize;
    Some(sorted[lower] + (sorted[upper] - sorted[lower]) * (rank - lower as f64))
}

/// Median of monthly midpoints, rounded to whole euros.
pub fn median_monthly(salaries: &[Salary]) -> Option<u32> {
    let mut values: Vec<f64> = salaries.iter().map(monthly_midpoint).collect();
    values.sort_by(f64::total_cmp);
    percentile(&values, 0.5).map(|m| m.round() as u32)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::jobs::model::SalarySource;

    fn salary(min: u32, max: u32, unit: SalaryUnit) -> Salary {
        Salary { min, max, unit, currency: "EUR".into(), source: SalarySource::Employer }
    }

    #[test]
    fn midpoints_are_normalised_to_a_month() {
        assert_eq!(monthly_midpoint(&salary(2300, 2900, SalaryUnit::Month)), 2600.0);
        assert_eq!(monthly_midpoint(&salary(36000, 36000, SalaryUnit::Year)), 3000.0);
        let hourly = monthly_midpoint(&salary(15, 15, SalaryUnit::Hour));
        assert!((hourly - 2600.0).abs() < 1e-9, "{hourly}");
    }

    #[test]
    fn percentiles_interpolate_between_ranks() {
        let v = [1.0, 2.0, 3.0, 4.0];
        assert_eq!(percentile(&v, 0.5), Some(2.5));
        assert_eq!(percentile(&v, 0.25), Some(1.75));
        assert_eq!(percentile(&v, 0.0), Some(1.0));
        assert_eq!(percentile(&v, 1.0), Some(4.0));
        assert_eq!(percentile(&[7.0], 0.75), Some(7.0));
        assert_eq!(percentile(&[], 0.5), None);
        assert_eq!(percentile(&[5.0, 5.0, 5.0], 0.25), Some(5.0));
    }

    #[test]
    fn median_of_mixed_units() {
        let s = [
            salary(2000, 2400, SalaryUnit::Month),  // 2200
            salary(30000, 30000, SalaryUnit::Year), // 2500
            salary(2800, 3200, SalaryUnit::Month),  // 3000
        ];
        assert_eq!(median_monthly(&s), Some(2500));
        assert_eq!(median_monthly(&[]), None);
    }
}
