use super::*;
use crate::jobs::param::{MAX_SALARY_FILTER, POSTED_WITHIN, RADII};
use proptest::prelude::*;

fn parse(query: &[(&str, &str)]) -> (JobFilter, Vec<ParamIssue>) {
    JobFilter::parse(query.iter().copied())
}

fn pairs_of(query: &str) -> Vec<(String, String)> {
    query_pairs(query)
}

#[test]
fn query_strings_decode_like_a_browser() {
    assert_eq!(
        query_pairs("?q=Bild+%26+Ton%2F%C3%84&place=&bad=%zz&x"),
        vec![
            ("q".to_owned(), "Bild & Ton/Ä".to_owned()),
            ("place".to_owned(), String::new()),
            ("bad".to_owned(), "%zz".to_owned()),
            ("x".to_owned(), String::new()),
        ]
    );
}

#[test]
fn every_parameter_parses() {
    let (f, issues) = parse(&[
        ("q", " Social Media "),
        ("place", "Bochum"),
        ("radius_km", "10"),
        ("profession", "Medienassistent"),
        ("working_time", "part_time"),
        ("working_time", "mini_job"),
        ("offer", "employment"),
        ("remote", "hybrid"),
        ("contract", "permanent"),
        ("experience", "entry"),
        ("employer_type", "agency"),
        ("skill", "Bildbearbeitung"),
        ("skill", "social-media"),
        ("salary_min", "2500"),
        ("salary_only", "true"),
        ("posted_within_days", "7"),
        ("sort", "salary"),
        ("page", "2"),
        ("per_page", "50"),
        ("utm_source", "newsletter"),
    ]);
    assert!(issues.is_empty(), "{issues:?}");
    assert_eq!(f.q, "Social Media");
    assert_eq!(f.place, "Bochum");
    assert_eq!(f.radius_km, Some(10));
    assert_eq!(f.profession, "medienassistent");
    assert_eq!(f.working_time, vec![WorkingTime::PartTime, WorkingTime::MiniJob]);
    assert_eq!(f.skill, vec!["bildbearbeitung", "social-media"]);
    assert_eq!(f.salary_min, Some(2500));
    assert!(f.salary_only);
    assert_eq!(f.posted_within_days, Some(7));
    assert_eq!(f.sort, Some(Sort::Salary));
    assert_eq!((f.page, f.per_page), (2, 50));
}

#[test]
fn every_bad_value_is_reported_with_its_parameter() {
    let bad = [
        ("radius_km", "7"),
        ("working_time", "night"),
        ("offer", "x"),
        ("remote", "moon"),
        ("contract", "y"),
        ("experience", "guru"),
        ("employer_type", "mafia"),
        ("salary_min", "viel"),
        ("salary_min", "999999"),
        ("salary_only", "vielleicht"),
        ("posted_within_days", "2"),
        ("sort", "random"),
        ("page", "0"),
        ("per_page", "1000"),
    ];
    for (param, value) in bad {
        let (f, issues) = parse(&[(param, value)]);
        assert_eq!(issues.len(), 1, "{param}={value}: {issues:?}");
        assert_eq!(issues[0].param.as_str(), param);
        assert!(issues[0].message.contains(value), "{param}: {}", issues[0].message);
        assert!(f.is_empty() && f.page == 1 && f.per_page == PER_PAGE, "{param}={value} changed the filter");
    }
}

#[test]
fn distance_sort_is_kept_and_only_applies_with_a_place() {
    let (f, issues) = parse(&[("sort", "distance")]);
    assert!(issues.is_empty());
    assert_eq!((f.sort, f.effective_sort()), (Some(Sort::Distance), Sort::Newest));
    let (f, _) = parse(&[("sort", "distance"), ("place", "essen")]);
    assert_eq!(f.effective_sort(), Sort::Distance);
}

#[test]
fn empty_values_mean_not_set_and_chosen_values_are_taken_as_written() {
    let (f, issues) = parse(&[("offer", ""), ("radius_km", ""), ("salary_only", ""), ("sort", ""), ("page", "")]);
    assert!(issues.is_empty() && f == JobFilter::default(), "{issues:?}");
    // Only typed text is trimmed: a chosen value with spaces around it was not chosen from a form.
    let (f, issues) = parse(&[("q", " video "), ("radius_km", " 5"), ("page", "02")]);
    assert_eq!(f.q, "video");
    let params: Vec<&str> = issues.iter().map(|i| i.param.as_str()).collect();
    assert_eq!(params, ["radius_km", "page"]);
}

#[test]
fn defaults_depend_on_the_query() {
    assert_eq!(JobFilter::default().effective_sort(), Sort::Newest);
    let f = JobFilter { q: "video".into(), ..Default::default() };
    assert_eq!(f.effective_sort(), Sort::Relevance);
    assert_eq!(f.effective_radius_km(), DEFAULT_RADIUS_KM);
}

#[test]
fn defaults_print_as_the_bare_path() {
    let (f, _) = parse(&[]);
    assert_eq!(f.href(), "/jobs");
    assert_eq!(f.with_page(2).href(), "/jobs?page=2");
    // A radius without a place means nothing and is not printed.
    let f = JobFilter { radius_km: Some(10), ..Default::default() };
    assert_eq!(f.href(), "/jobs");
}

#[test]
fn printing_is_stable_and_encoded() {
    let f = JobFilter {
        q: "Bild & Ton/Ä".into(),
        place: "51.48,7.21".into(),
        radius_km: Some(5),
        offer: vec![Offer::Internship, Offer::Freelance],
        ..Default::default()
    };
    assert_eq!(f.to_string(), "q=Bild+%26+Ton%2F%C3%84&place=51.48,7.21&radius_km=5&offer=internship&offer=freelance");
}

#[test]
fn coordinates_parse_in_range_only() {
    assert_eq!(parse_coords("51.48, 7.21"), Some((51.48, 7.21)));
    assert_eq!(parse_coords("91,7"), None);
    assert_eq!(parse_coords("bochum"), None);
    assert_eq!(parse_coords("1,2,3"), None);
}

#[test]
fn profession_and_city_have_a_clean_canonical_path() {
    let f = JobFilter::default().with_path(Some("Medienassistent".into()), Some("bochum".into()));
    assert_eq!(f.profession, "medienassistent");
    assert_eq!(f.canonical_href(), "/jobs/medienassistent/bochum");
    assert_eq!(JobFilter { page: 3, ..f.clone() }.canonical_href(), "/jobs/medienassistent/bochum");
    let narrower = JobFilter { offer: vec![Offer::Internship], ..f.clone() };
    assert_eq!(narrower.canonical_href(), "/jobs?place=bochum&profession=medienassistent&offer=internship");
    let coords = JobFilter { place: "51.4,7.2".into(), ..f };
    assert_eq!(coords.canonical_href(), "/jobs?place=51.4,7.2&profession=medienassistent");
    // The query string wins over the path.
    let g = JobFilter { place: "essen".into(), ..Default::default() }.with_path(None, Some("bochum".into()));
    assert_eq!(g.place, "essen");
}

#[test]
fn sorting_and_paging_do_not_count_as_filters() {
    let f = JobFilter { sort: Some(Sort::Salary), page: 3, per_page: 50, ..Default::default() };
    assert!(f.is_empty());
    assert!(!JobFilter { salary_only: true, ..Default::default() }.is_empty());
}

fn some_of<T: Slug + std::fmt::Debug>() -> impl Strategy<Value = Vec<T>> {
    proptest::sample::subsequence(T::ALL.to_vec(), 0..=T::ALL.len())
}

prop_compose! {
    fn any_filter()(
        q in "[a-zA-Zäöüß &/+%]{0,20}",
        place in prop_oneof![Just(String::new()), Just("bochum".to_owned()), Just("51.5,7.2".to_owned())],
        radius_km in proptest::option::of(proptest::sample::select(RADII.to_vec())),
        profession in prop_oneof![Just(String::new()), Just("medienassistent".to_owned())],
        working_time in some_of::<WorkingTime>(),
        offer in some_of::<Offer>(),
        remote in some_of::<Remote>(),
        contract in some_of::<Contract>(),
        experience in some_of::<Experience>(),
        employer_type in some_of::<EmployerType>(),
        skill in proptest::collection::vec("[a-z]{3,8}(-[a-z]{3,8})?", 0..3),
        salary_min in proptest::option::of(1..=MAX_SALARY_FILTER),
        salary_only in any::<bool>(),
        posted_within_days in proptest::option::of(proptest::sample::select(POSTED_WITHIN.to_vec())),
        sort in proptest::option::of(proptest::sample::select(vec![Sort::Relevance, Sort::Newest, Sort::Salary])),
        page in 1..500u32,
        per_page in 1..=MAX_PER_PAGE,
    ) -> JobFilter {
        let mut skill = skill;
        skill.dedup();
        let radius_km = if place.is_empty() { None } else { radius_km };
        JobFilter {
            q: q.trim().to_owned(), place, radius_km, profession, working_time, offer, remote, contract,
            experience, employer_type, skill, salary_min, salary_only, posted_within_days, sort, page, per_page,
        }
    }
}

proptest! {
    #[test]
    fn any_filter_round_trips_through_the_query_string(f in any_filter()) {
        let mut f = f;
        // Skills are unique; a repeated skill would print twice and parse once.
        let mut seen = std::collections::HashSet::new();
        f.skill.retain(|s| seen.insert(s.clone()));
        let printed = f.to_string();
        let pairs = pairs_of(&printed);
        let (parsed, issues) = JobFilter::parse(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
        prop_assert!(issues.is_empty(), "{issues:?} for {printed}");
        prop_assert_eq!(parsed, f);
    }
}
