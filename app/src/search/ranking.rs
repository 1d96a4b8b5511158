//! Ordering results: newest first is the order listings are kept in, every other sort ranks only the
//! results (or, for a broad "highest salary first", walks a salary order kept beside the listings).
use super::bits::Bits;
use super::geo::chord2;
use crate::jobs::model::Sort;

/// What the sorts need per listing.
pub(super) struct Ranking {
    /// The monthly maximum of each listing's salary.
    pub monthly_max: Vec<Option<f64>>,
    /// Every listing in the order of "highest salary first" (ads without salary last).
    by_salary: Vec<u32>,
}

/// How one search orders its results.
pub(super) struct Order<'a> {
    pub sort: Sort,
    /// Ads without salary after those with one (a minimum salary keeps them, last).
    pub unpaid_last: bool,
    /// Relevance scores by position, with a text query.
    pub scores: Option<&'a [f32]>,
    /// The searched place, for distances.
    pub from: Option<[f64; 3]>,
}

impl Ranking {
    pub(super) fn new(monthly_max: Vec<Option<f64>>) -> Self {
        let mut by_salary: Vec<u32> = (0..monthly_max.len() as u32).collect();
        by_salary.sort_unstable_by_key(|i| {
            let m = monthly_max[*i as usize];
            rank(m.is_none(), salary_key(m), *i as usize)
        });
        Ranking { monthly_max, by_salary }
    }

    /// The first `end` results in `order`, as positions; `paid`/`unpaid` are every listing with and
    /// without a salary, `at` every listing's place.
    pub(super) fn ranked(
        &self,
        result: &Bits,
        order: &Order,
        end: usize,
        paid: &Bits,
        unpaid: &Bits,
        at: &[[f64; 3]],
    ) -> Vec<usize> {
        let without_salary = |i: usize| order.unpaid_last && self.monthly_max[i].is_none();
        match order.sort {
            Sort::Newest if !order.unpaid_last => result.ones().take(end).collect(),
            Sort::Newest => {
                let (mut with, mut without) = (result.clone(), result.clone());
                with.and_with(paid);
                without.and_with(unpaid);
                with.ones().chain(without.ones()).take(end).collect()
            }
            // Walking every listing in salary order (ads without salary last, as this sort always
            // has them) until `end` results turn up takes about `end × listings / results` steps:
            // for a broad search far fewer than ranking every result.
            Sort::Salary if (end as u64).saturating_mul(self.by_salary.len() as u64) < result.count().pow(2) => {
                self.by_salary.iter().map(|i| *i as usize).filter(|i| result.contains(*i)).take(end).collect()
            }
            Sort::Salary => top(result, end, |i| rank(without_salary(i), salary_key(self.monthly_max[i]), i)),
            Sort::Relevance => {
                let scores = order.scores.unwrap_or_default();
                top(result, end, |i| rank(without_salary(i), -scores.get(i).copied().unwrap_or(0.0), i))
            }
            Sort::Distance => {
                let from = order.from.unwrap_or([0.0; 3]);
                top(result, end, |i| rank(without_salary(i), chord2(from, at[i]) as f32, i))
            }
        }
    }
}

/// The results' `end` lowest `rank`s, in order, as positions. The best are kept in a buffer of up to
/// `2 * end`, cut back to `end` when full: one compare for most results.
fn top(result: &Bits, end: usize, rank: impl Fn(usize) -> u64) -> Vec<usize> {
    let mut top: Vec<u64> = Vec::with_capacity(2 * end);
    let mut worst = u64::MAX;
    for i in result.ones() {
        let hit = rank(i);
        if hit < worst {
            top.push(hit);
            if top.len() == 2 * end {
                top.select_nth_unstable(end - 1);
                top.truncate(end);
                worst = top[end - 1];
            }
        }
    }
    top.sort_unstable();
    top.truncate(end);
    top.into_iter().map(|hit| (hit & ((1 << 31) - 1)) as usize).collect()
}

/// One integer that orders listings like (placed last, `key` ascending, position: newest first among
/// equals), so that ranking compares integers only.
fn rank(last: bool, key: f32, i: usize) -> u64 {
    u64::from(last) << 63 | u64::from(ordered(key)) << 31 | i as u64
}

/// The sort key of "highest salary first" (ads without one are placed last by `rank`).
fn salary_key(monthly_max: Option<f64>) -> f32 {
    -monthly_max.unwrap_or(0.0) as f32
}

/// `x` as an integer that orders like `f32::total_cmp`.
fn ordered(x: f32) -> u32 {
    let bits = x.to_bits();
    if bits >> 31 == 1 { !bits } else { bits | 1 << 31 }
}
