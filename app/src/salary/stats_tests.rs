use super::*;
use crate::jobs::model::SalarySource;
use proptest::prelude::*;

fn salary(min: u32, max: u32, unit: SalaryUnit) -> Salary {
    Salary { min, max, unit, currency: "EUR".into(), source: SalarySource::Employer }
}

#[test]
fn midpoints_and_maxima_are_normalised_to_a_month() {
    assert_eq!(monthly_midpoint(&salary(2300, 2900, SalaryUnit::Month)), 2600.0);
    assert_eq!(monthly_midpoint(&salary(36000, 36000, SalaryUnit::Year)), 3000.0);
    assert_eq!(monthly_midpoint(&salary(30000, 42000, SalaryUnit::Year)), 3000.0);
    let hourly = monthly_midpoint(&salary(15, 15, SalaryUnit::Hour));
    assert!((hourly - 2600.0).abs() < 1e-9, "{hourly}");
    let hourly_range = monthly_midpoint(&salary(14, 16, SalaryUnit::Hour));
    assert!((hourly_range - 2600.0).abs() < 1e-9, "{hourly_range}");
    assert_eq!(monthly_max(&salary(2300, 2900, SalaryUnit::Month)), 2900.0);
    assert_eq!(monthly_max(&salary(30000, 42000, SalaryUnit::Year)), 3500.0);
}

#[test]
fn percentiles_interpolate_between_ranks() {
    let v = [1, 2, 3, 4];
    assert_eq!(percentile(&v, 0.5), Some(2.5));
    assert_eq!(percentile(&v, 0.25), Some(1.75));
    assert_eq!(percentile(&v, 0.75), Some(3.25));
    assert_eq!(percentile(&v, 0.0), Some(1.0));
    assert_eq!(percentile(&v, 1.0), Some(4.0));
    // One value: every percentile is that value.
    assert_eq!(percentile(&[7], 0.75), Some(7.0));
    assert_eq!(percentile(&[], 0.5), None);
    // Ties.
    assert_eq!(percentile(&[5, 5, 5], 0.25), Some(5.0));
    assert_eq!(percentile(&[2000, 2000, 3000, 3000], 0.5), Some(2500.0));
}

#[test]
fn figures_by_hand() {
    // Hand-computed (type 7): n = 8, ranks 0..7.
    // p25 at rank 1.75: 2200 + 0.75 × (2400 − 2200) = 2350; median at 3.5: (2500 + 2600) / 2 = 2550;
    // p75 at 5.25: 2800 + 0.25 × (3000 − 2800) = 2850; p10 at 0.7: 2000 + 0.7 × 200 = 2140;
    // p90 at 6.3: 3000 + 0.3 × (6000 − 3000) = 3900. IQR 500, fences 1600 and 3600: 6000 lies outside.
    let v = [2000, 2200, 2400, 2500, 2600, 2800, 3000, 6000];
    let f = Figures::of(&v);
    assert_eq!(f.n, 8);
    assert_eq!((f.min, f.max), (Some(2000), Some(6000)));
    assert_eq!((f.p25, f.median, f.p75), (Some(2350), Some(2550), Some(2850)));
    assert_eq!((f.p10, f.p90), (Some(2140), Some(3900)));
    assert_eq!((f.whisker_low, f.whisker_high), (Some(2000), Some(3000)));
    assert!(f.shown());
}

#[test]
fn too_few_salaries_show_only_the_count() {
    let f = Figures::of(&[2000, 2500, 3000, 3500]);
    assert_eq!(f, Figures { n: 4, ..Default::default() });
    assert!(!f.shown());
    let same = Figures::of(&[2600; 5]);
    let five = Some(2600);
    assert_eq!((same.p25, same.median, same.p75, same.whisker_low, same.whisker_high), (five, five, five, five, five));
}

#[test]
fn histogram_bins_are_aligned_and_cover_every_value() {
    assert!(histogram(&[]).is_empty());
    assert_eq!(histogram(&[2600]), vec![Bin { from: 2600, to: 2700, count: 1 }]);
    let bins = histogram(&[2050, 2100, 2240, 2260, 2499]);
    assert_eq!(
        bins,
        vec![
            Bin { from: 2000, to: 2100, count: 1 },
            Bin { from: 2100, to: 2200, count: 1 },
            Bin { from: 2200, to: 2300, count: 2 },
            Bin { from: 2300, to: 2400, count: 0 },
            Bin { from: 2400, to: 2500, count: 1 },
        ]
    );
    // A wide range picks a wider bar: 1,000 to 5,000 would need 17 bars of 250 €, so bars are 500 € wide.
    let wide = histogram(&[1000, 5000]);
    assert_eq!(wide.first().map(|b| (b.from, b.to)), Some((1000, 1500)));
    assert_eq!(wide.last().map(|b| (b.from, b.to)), Some((5000, 5500)));
}

#[test]
fn median_of_rest_by_hand() {
    let all = [1, 2, 2, 3, 5, 8];
    assert_eq!(median_of_rest(&all, &[2, 8]), Some(2.5)); // rest 1, 2, 3, 5
    assert_eq!(median_of_rest(&all, &[]), Some(2.5));
    assert_eq!(median_of_rest(&all, &[1, 2, 2, 3, 5]), Some(8.0));
    assert_eq!(median_of_rest(&all, &all), None);
}

proptest! {
    #[test]
    fn histogram_counts_add_up(mut v in prop::collection::vec(0u32..20_000, 1..300)) {
        v.sort_unstable();
        let bins = histogram(&v);
        prop_assert!(bins.len() as u32 <= MAX_BINS);
        prop_assert_eq!(bins.iter().map(|b| b.count as usize).sum::<usize>(), v.len());
        for b in &bins {
            prop_assert_eq!(b.count as usize, v.iter().filter(|x| (b.from..b.to).contains(*x)).count());
        }
    }

    #[test]
    fn median_of_rest_equals_the_median_of_the_copied_rest(
        mut all in prop::collection::vec(0u32..50, 1..60),
        picks in prop::collection::vec(any::<bool>(), 60),
    ) {
        all.sort_unstable();
        let part: Vec<u32> = all.iter().zip(&picks).filter(|(_, p)| **p).map(|(v, _)| *v).collect();
        let rest: Vec<u32> = all.iter().zip(&picks).filter(|(_, p)| !**p).map(|(v, _)| *v).collect();
        prop_assert_eq!(median_of_rest(&all, &part), percentile(&rest, 0.5));
    }
}
