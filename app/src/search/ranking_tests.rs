//! Sort orders and paging, checked against plain sorts of the same listings.
use super::fixture::{all_ids, filters, index, listings, naive, now};
use crate::jobs::filter::JobFilter;
use crate::jobs::model::{Listing, Sort};
use crate::salary::stats::monthly_max;

#[test]
fn sort_orders_hold_across_pages() {
    let idx = index(700);
    let newest = idx.search(&JobFilter { per_page: 100, ..Default::default() }, now());
    assert!(newest.items.windows(2).all(|w| w[0].summary.posted_at >= w[1].summary.posted_at));

    let by_salary = JobFilter { sort: Some(Sort::Salary), per_page: 100, ..Default::default() };
    let ids = all_ids(&idx, &by_salary);
    let docs = listings(700);
    let monthly: Vec<Option<f64>> =
        ids.iter().map(|id| docs[*id as usize - 1].summary.salary.as_ref().map(monthly_max)).collect();
    let first_unpaid = monthly.iter().position(Option::is_none).unwrap_or(monthly.len());
    assert!(monthly[first_unpaid..].iter().all(Option::is_none), "ads without salary sort last");
    assert!(monthly[..first_unpaid].windows(2).all(|w| w[0] >= w[1]), "highest salary first");

    let by_distance = JobFilter {
        place: "essen".into(),
        radius_km: Some(100),
        sort: Some(Sort::Distance),
        per_page: 100,
        ..Default::default()
    };
    let r = idx.search(&by_distance, now());
    assert!(r.items.windows(2).all(|w| w[0].distance_km <= w[1].distance_km));

    // A minimum salary keeps ads without one, after those with one; each part newest first.
    let newest_paid_first = JobFilter { salary_min: Some(2750), per_page: 30, ..Default::default() };
    let ids = all_ids(&idx, &newest_paid_first);
    let listed: Vec<&Listing> = ids.iter().map(|id| &docs[*id as usize - 1]).collect();
    let first_unpaid = listed.iter().position(|d| d.summary.salary.is_none()).expect("some without salary");
    assert!(first_unpaid > 0, "some with salary");
    assert!(listed[first_unpaid..].iter().all(|d| d.summary.salary.is_none()), "ads without salary last");
    for part in [&listed[..first_unpaid], &listed[first_unpaid..]] {
        assert!(part.windows(2).all(|w| w[0].summary.posted_at >= w[1].summary.posted_at), "newest first");
    }
}

/// The first page by salary, for broad filters (found by walking all listings in salary order) and
/// narrow ones (found by ranking every result): both as a plain sort of the matching listings.
#[test]
fn salary_order_matches_a_plain_sort_for_broad_and_narrow_searches() {
    let all = listings(700);
    let idx = index(700);
    for f in filters() {
        for per_page in [5, 40] {
            let f = JobFilter { sort: Some(Sort::Salary), per_page, ..f.clone() };
            let mut expected: Vec<&Listing> = naive(&all, &f).iter().map(|id| &all[*id as usize - 1]).collect();
            expected.sort_by_key(|d| {
                let m = d.summary.salary.as_ref().map(monthly_max);
                // Highest first (the bits of a positive `f32` order as it does), equal salaries newest first,
                // ads without salary last.
                (
                    m.is_none(),
                    std::cmp::Reverse((m.unwrap_or(0.0) as f32).to_bits()),
                    std::cmp::Reverse((d.summary.posted_at, d.summary.id)),
                )
            });
            let expected: Vec<i64> = expected.iter().take(per_page as usize).map(|d| d.summary.id).collect();
            let got: Vec<i64> = idx.search(&f, now()).items.iter().map(|j| j.summary.id).collect();
            assert_eq!(got, expected, "{}", f.href());
        }
    }
}

#[test]
fn pages_partition_the_results() {
    let idx = index(300);
    let f = JobFilter { per_page: 7, ..Default::default() };
    let ids = all_ids(&idx, &f);
    let total = idx.search(&f, now()).total as usize;
    assert_eq!(ids.len(), total);
    let mut unique = ids.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), total, "no listing appears on two pages");
}
