//! Pure salary maths, shared by every figure the app shows.
//!
//! Normalisation rule (written on the pages that use it): ranges count by their midpoint;
//! a yearly salary is divided by 12; an hourly wage is multiplied by 40 h × 52 weeks / 12 months, a
//! daily one by 5 days × 52 weeks / 12 months, a weekly one by 52 / 12; the result is rounded to
//! whole euros.
use serde::{Deserialize, Serialize};

use crate::jobs::model::{Salary, SalaryUnit};

/// Hours per month of a 40-hour week: 40 × 52 / 12.
pub const HOURS_PER_MONTH: f64 = 40.0 * 52.0 / 12.0;

/// Fewer salaries than this give no figure ("zu wenige Angaben").
pub const MIN_SALARIES: usize = 5;

/// The rule, in the words the pages print.
pub const RULE: &str = "Bruttogehalt pro Monat. Gehaltsspannen zählen mit ihrer Mitte, Jahresgehälter ÷ 12, \
    Stundenlöhne × 40 Stunden × 52 Wochen ÷ 12, Tagessätze × 5 Tage × 52 Wochen ÷ 12, Wochenlöhne × 52 ÷ 12, \
    auf ganze Euro gerundet. Quartile und Median nach der \
    üblichen Interpolation zwischen benachbarten Rängen (wie R Typ 7, Excel QUANTIL.INKL).";

fn per_month(value: f64, unit: SalaryUnit) -> f64 {
    match unit {
        SalaryUnit::Month => value,
        SalaryUnit::Year => value / 12.0,
        SalaryUnit::Hour => value * HOURS_PER_MONTH,
        SalaryUnit::Day => value * 5.0 * 52.0 / 12.0,
        SalaryUnit::Week => value * 52.0 / 12.0,
    }
}

/// The salary's midpoint as gross euros per month.
pub fn monthly_midpoint(salary: &Salary) -> f64 {
    per_month((f64::from(salary.min) + f64::from(salary.max)) / 2.0, salary.unit)
}

/// The salary's maximum (or single value) as gross euros per month.
pub fn monthly_max(salary: &Salary) -> f64 {
    per_month(f64::from(salary.max), salary.unit)
}

/// The p-th percentile (0 ≤ p ≤ 1) of sorted values, linearly interpolated between
/// closest ranks (the method of R's type 7 and numpy's default). `None` when empty.
pub fn percentile(sorted: &[u32], p: f64) -> Option<f64> {
    let last = sorted.len().checked_sub(1)?;
    let rank = p.clamp(0.0, 1.0) * last as f64;
    let lower = rank.floor() as usize;
    let upper = rank.ceil() as usize;
    let (a, b) = (f64::from(sorted[lower]), f64::from(sorted[upper]));
    Some(a + (b - a) * (rank - lower as f64))
}

/// What a figure (headline, box plot) shows: `n` always, the rest only from `MIN_SALARIES` on.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Figures {
    pub n: u32,
    pub min: Option<u32>,
    pub p10: Option<u32>,
    pub p25: Option<u32>,
    pub median: Option<u32>,
    pub p75: Option<u32>,
    pub p90: Option<u32>,
    pub max: Option<u32>,
    /// Box-plot whiskers (Tukey): the most extreme values within 1.5 × IQR of the quartiles.
    pub whisker_low: Option<u32>,
    pub whisker_high: Option<u32>,
}

impl Figures {
    /// Figures of sorted monthly values.
    pub fn of(sorted: &[u32]) -> Self {
        let n = sorted.len() as u32;
        if sorted.len() < MIN_SALARIES {
            return Figures { n, ..Default::default() };
        }
        let at = |p: f64| percentile(sorted, p).map(|v| v.round() as u32);
        let (q1, q3) = (percentile(sorted, 0.25).unwrap_or(0.0), percentile(sorted, 0.75).unwrap_or(0.0));
        let fence = 1.5 * (q3 - q1);
        let whisker_low = sorted.iter().copied().find(|v| f64::from(*v) >= q1 - fence);
        let whisker_high = sorted.iter().rev().copied().find(|v| f64::from(*v) <= q3 + fence);
        Figures {
            n,
            min: sorted.first().copied(),
            p10: at(0.1),
            p25: at(0.25),
            median: at(0.5),
            p75: at(0.75),
            p90: at(0.9),
            max: sorted.last().copied(),
            whisker_low,
            whisker_high,
        }
    }

    /// Whether there are enough salaries to show figures.
    pub fn shown(&self) -> bool {
        self.median.is_some()
    }
}

/// One histogram bar: salaries `from` ≤ v < `to`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Bin {
    pub from: u32,
    pub to: u32,
    pub count: u32,
}

/// Bar widths the histogram may use, in euros; the smallest that gives at most `MAX_BINS` bars.
const BIN_WIDTHS: &[u32] = &[100, 250, 500, 1000, 2000, 5000];
const MAX_BINS: u32 = 16;

/// Equal-width bins over sorted values, aligned to multiples of the width; empty bars in between stay.
pub fn histogram(sorted: &[u32]) -> Vec<Bin> {
    let (Some(&min), Some(&max)) = (sorted.first(), sorted.last()) else { return Vec::new() };
    let width =
        BIN_WIDTHS.iter().copied().find(|w| max / w - min / w < MAX_BINS).unwrap_or(max.div_ceil(MAX_BINS).max(1));
    let first = min / width;
    let mut bins: Vec<Bin> =
        (first..=max / width).map(|k| Bin { from: k * width, to: (k + 1) * width, count: 0 }).collect();
    for v in sorted {
        bins[(v / width - first) as usize].count += 1;
    }
    bins
}

/// The k-th smallest (0-based) of `all` without the values of `part`, both sorted, `part` a
/// sub-multiset of `all`: for comparing pay with and without a skill without copying either side.
pub fn kth_of_rest(all: &[u32], part: &[u32], k: usize) -> Option<u32> {
    if k >= all.len().saturating_sub(part.len()) {
        return None;
    }
    // Rest values ≤ all[i], monotone in i; find the first i where it exceeds k.
    let rest_upto = |i: usize| all.partition_point(|v| *v <= all[i]) - part.partition_point(|v| *v <= all[i]);
    let (mut lo, mut hi) = (0, all.len() - 1);
    while lo < hi {
        let mid = (lo + hi) / 2;
        if rest_upto(mid) > k { hi = mid } else { lo = mid + 1 }
    }
    Some(all[lo])
}

/// The median (type 7) of `all` without `part`; see [`kth_of_rest`].
pub fn median_of_rest(all: &[u32], part: &[u32]) -> Option<f64> {
    let len = all.len().checked_sub(part.len()).filter(|n| *n > 0)?;
    let (lower, upper) = ((len - 1) / 2, len / 2);
    let a = f64::from(kth_of_rest(all, part, lower)?);
    let b = f64::from(kth_of_rest(all, part, upper)?);
    Some((a + b) / 2.0)
}

#[cfg(test)]
#[path = "stats_tests.rs"]
mod tests;
