//! The explorer checked against the job search: its figures must equal those computed directly
//! from the listings the search returns for the same filter.
use super::fixture::{index, listings, now};
use super::index::Index;
use crate::jobs::filter::JobFilter;
use crate::jobs::model::{EmployerType, Experience, Param, SalarySource, WorkingTime};
use crate::salary::stats::{Figures, MIN_SALARIES, monthly_midpoint};

fn filter(query: &str) -> JobFilter {
    let (f, issues) = JobFilter::parse_query(query);
    assert!(issues.is_empty(), "{issues:?}");
    f
}

/// Monthly values of the employer-stated salaries among every result of the job search.
fn stated_by_search(index: &Index, f: &JobFilter) -> Vec<u32> {
    let mut values = Vec::new();
    for page in 1.. {
        let r = index.search(&JobFilter { page, per_page: 100, ..f.clone() }, now());
        values.extend(
            r.items
                .iter()
                .filter_map(|j| j.summary.salary.as_ref())
                .filter(|s| s.source == SalarySource::Employer)
                .map(|s| monthly_midpoint(s).round() as u32),
        );
        if page >= r.page_count() {
            break;
        }
    }
    values.sort_unstable();
    values
}

const CASES: &[&str] = &[
    "",
    "experience=entry",
    "place=bochum&radius_km=0",
    "place=bochum&radius_km=25&working_time=part_time",
    "profession=medienassistent&employer_type=agency&employer_type=public",
    "offer=employment&skill=social-media",
    "place=51.45,7.01&radius_km=10&experience=senior&experience=experienced",
];

#[test]
fn headline_figures_equal_those_of_the_search_results() {
    let index = index(3000);
    for query in CASES {
        let f = filter(query);
        let expected = Figures::of(&stated_by_search(&index, &f));
        let report = index.salaries(&f, now());
        assert!(report.ignored.is_empty(), "{query}: {:?}", report.ignored);
        assert_eq!(report.stats.figures, expected, "{query}");
        assert!(expected.n >= MIN_SALARIES as u32, "{query} should have enough data to be a real check");
        let binned: u32 = report.stats.histogram.iter().map(|b| b.count).sum();
        assert_eq!(binned, expected.n, "{query}: the histogram holds every salary");
    }
}

#[test]
fn each_breakdown_leaves_out_its_own_input() {
    let index = index(3000);
    let f = filter("experience=entry&employer_type=agency&place=bochum&radius_km=25");
    let report = index.salaries(&f, now());
    for g in &report.stats.by_experience {
        let alone = JobFilter { experience: vec![Experience::parse(&g.key).unwrap()], ..f.clone() };
        assert_eq!(g.figures, index.salaries(&alone, now()).stats.figures, "experience {}", g.key);
        assert_eq!(g.selected, g.key == "entry");
    }
    for g in &report.stats.by_employer_type {
        let alone = JobFilter { employer_type: vec![EmployerType::parse(&g.key).unwrap()], ..f.clone() };
        assert_eq!(g.figures, index.salaries(&alone, now()).stats.figures, "employer type {}", g.key);
    }
    for g in &report.stats.by_working_time {
        let alone = JobFilter { working_time: vec![WorkingTime::parse(&g.key).unwrap()], ..f.clone() };
        assert_eq!(g.figures, index.salaries(&alone, now()).stats.figures, "working time {}", g.key);
    }
    for g in &report.stats.by_city {
        let alone = JobFilter { place: g.key.clone(), radius_km: Some(0), ..f.clone() };
        assert_eq!(g.figures, index.salaries(&alone, now()).stats.figures, "city {}", g.key);
    }
    assert!(report.stats.by_city.first().is_some_and(|g| g.selected && g.key == "bochum"));
}

#[test]
fn ohne_angabe_is_a_group_only_where_ads_leave_the_value_open_or_it_is_chosen() {
    // The fixture states every value, so "unspecified" has no salaries.
    let index = index(3000);
    let keys = |f: &JobFilter| -> Vec<String> {
        index.salaries(f, now()).stats.by_experience.iter().map(|g| g.key.clone()).collect()
    };
    assert_eq!(keys(&filter("")), ["entry", "experienced", "senior"]);
    let chosen = keys(&filter("experience=unspecified"));
    assert_eq!(chosen, ["entry", "experienced", "senior", "unspecified"]);
}

#[test]
fn skill_pay_compares_listings_with_and_without_the_skill() {
    let index = index(3000);
    let f = filter("offer=employment");
    let all = stated_by_search(&index, &f);
    let skills = index.salaries(&f, now()).stats.skills.clone();
    assert!(!skills.is_empty());
    for s in &skills {
        let with = stated_by_search(&index, &JobFilter { skill: vec![s.skill.clone()], ..f.clone() });
        let mut without = all.clone();
        for v in &with {
            let at = without.binary_search(v).unwrap();
            without.remove(at);
        }
        assert_eq!((s.n_with as usize, s.n_without as usize), (with.len(), without.len()), "{}", s.skill);
        assert_eq!(Some(s.median_with), Figures::of(&with).median, "{}", s.skill);
        assert_eq!(Some(s.median_without), Figures::of(&without).median, "{}", s.skill);
    }
    let gains: Vec<i64> = skills.iter().map(|s| i64::from(s.median_with) - i64::from(s.median_without)).collect();
    assert!(gains.windows(2).all(|w| w[0] >= w[1]), "largest difference first: {gains:?}");
}

#[test]
fn too_few_salaries_hide_the_figures_and_offer_broader_choices_with_true_counts() {
    let index = index(3000);
    let f = filter("place=hagen&radius_km=0&experience=senior&employer_type=public&working_time=mini_job");
    let stats = index.salaries(&f, now()).stats.clone();
    assert!(!stats.figures.shown(), "n = {}", stats.figures.n);
    assert!(stats.histogram.is_empty());
    assert!(!stats.broader.is_empty());
    assert!(stats.broader.iter().any(|r| r.params == [Param::RadiusKm]));
    assert!(stats.broader.iter().any(|r| r.params == [Param::Experience]));
    for r in &stats.broader {
        let query = r.href.strip_prefix("/gehalt?").expect("explorer link");
        assert_eq!(index.salaries(&filter(query), now()).stats.figures.n as u64, r.count, "{}", r.href);
        assert!(r.count > u64::from(stats.figures.n));
    }

    // When no single input is the obstacle, inputs are left out one after another until enough remain.
    let f =
        filter("place=hagen&radius_km=0&experience=senior&employer_type=event&working_time=mini_job&offer=internship");
    let stats = index.salaries(&f, now()).stats.clone();
    assert!(!stats.figures.shown());
    let last = stats.broader.last().expect("a broader choice");
    assert!(last.params.len() > 1, "{:?}", stats.broader);
    assert!(last.count >= MIN_SALARIES as u64);
    let query = last.href.strip_prefix("/gehalt?").unwrap();
    assert_eq!(index.salaries(&filter(query), now()).stats.figures.n as u64, last.count);
}

#[test]
fn ads_without_salary_carry_the_comparison_of_similar_listings() {
    let (index, docs) = (index(3000), listings(3000));
    let r = index.search(&JobFilter { per_page: 100, ..Default::default() }, now());
    let without: Vec<_> = r.items.iter().filter(|j| j.summary.salary.is_none()).collect();
    assert!(!without.is_empty());
    for job in without {
        let doc = &docs[job.summary.id as usize - 1].summary;
        let comparable = JobFilter {
            profession: doc.profession.clone(),
            offer: vec![doc.offer],
            experience: vec![doc.experience],
            ..Default::default()
        };
        let expected = Figures::of(&stated_by_search(&index, &comparable));
        let c = job.comparison.expect("enough comparable listings in the fixture");
        assert_eq!((Some(c.p25), Some(c.p75), c.n), (expected.p25, expected.p75, expected.n), "job {}", job.summary.id);
    }
    assert!(r.items.iter().filter(|j| j.summary.salary.is_some()).all(|j| j.comparison.is_none()));
}

#[test]
fn kept_figures_are_not_served_once_a_listing_has_expired() {
    let index = index(3000);
    let f = filter("experience=entry");
    let before = index.salaries(&f, now());
    assert!(std::sync::Arc::ptr_eq(&before, &index.salaries(&f, now())), "the same answer is kept");
    // The fixture's active listings all expire 20 days after `now`.
    let later = now() + chrono::Duration::days(21);
    let after = index.salaries(&f, later);
    assert!(before.stats.figures.n > 0);
    assert_eq!(after.stats.figures.n, 0, "listings expired since are not counted");
}
