use super::*;
use chrono::{Duration, TimeZone};

use crate::search::distance_km;

use crate::jobs::model::{Salary, SalarySource, SalaryUnit};

pub(super) fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 26, 12, 0, 0).unwrap()
}

const CITIES: &[(&str, &str, f64, f64)] = &[
    ("bochum", "Bochum", 51.4818, 7.2162),
    ("dortmund", "Dortmund", 51.5136, 7.4653),
    ("essen", "Essen", 51.4556, 7.0116),
    ("muelheim", "Mülheim an der Ruhr", 51.4275, 6.8825),
    ("hagen", "Hagen", 51.3671, 7.4633),
];
const SKILLS: &[&str] = &["Bildbearbeitung", "Social Media", "Eventtechnik", "Videoschnitt", "Webtools/CMS"];
const TITLES: &[&str] =
    &["Medienassistent/in (m/w/d)", "Mediengestalter/in Print", "Videoeditor/in", "Veranstaltungstechniker/in"];

/// A small deterministic generator (xorshift), independent of the demo generator.
struct Rng(u64);
impl Rng {
    fn next(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.next(items.len())]
    }
}

pub(super) fn docs(n: usize) -> Vec<Doc> {
    let mut r = Rng(0x9E37_79B9_7F4A_7C15);
    (0..n)
        .map(|i| {
            let city = r.pick(CITIES);
            let title = r.pick(TITLES);
            let mut skills: Vec<String> = SKILLS.iter().filter(|_| r.next(3) == 0).map(|s| s.to_string()).collect();
            if skills.is_empty() {
                skills.push(r.pick(SKILLS).to_owned());
            }
            let salary = match r.next(4) {
                0 => None,
                1 => Some(Salary {
                    min: 14,
                    max: 16,
                    unit: SalaryUnit::Hour,
                    currency: "EUR".into(),
                    source: SalarySource::Employer,
                }),
                2 => Some(Salary {
                    min: 30000,
                    max: 36000 + 600 * r.next(10) as u32,
                    unit: SalaryUnit::Year,
                    currency: "EUR".into(),
                    source: SalarySource::Employer,
                }),
                _ => Some(Salary {
                    min: 2200,
                    max: 2400 + 100 * r.next(15) as u32,
                    unit: SalaryUnit::Month,
                    currency: "EUR".into(),
                    source: SalarySource::Estimate,
                }),
            };
            let mut working_time = vec![r.pick(WorkingTime::ALL)];
            if r.next(5) == 0 {
                working_time.push(WorkingTime::PartTime);
                working_time.dedup();
            }
            let posted_at = now() - Duration::hours(r.next(40 * 24) as i64);
            let valid_through = if r.next(10) == 0 { now() - Duration::days(1) } else { now() + Duration::days(20) };
            Doc {
                summary: JobSummary {
                    id: i as i64 + 1,
                    title: title.into(),
                    employer: format!("Firma {} (Demo)", r.next(20)),
                    employer_type: r.pick(EmployerType::ALL),
                    city: city.1.into(),
                    working_time,
                    offer: r.pick(Offer::ALL),
                    remote: r.pick(Remote::ALL),
                    salary,
                    posted_at,
                    source: "test".into(),
                    distance_km: None,
                    comparison: None,
                },
                profession: if title.starts_with("Medienassistent") { "medienassistent" } else { "other" }.into(),
                profession_name: title.into(),
                city_slug: city.0.into(),
                lat: city.2 + (r.next(100) as f64 - 50.0) / 2000.0,
                lon: city.3 + (r.next(100) as f64 - 50.0) / 2000.0,
                contract: r.pick(Contract::ALL),
                experience: r.pick(Experience::ALL),
                skills,
                valid_through,
                description: "<p>Wir suchen Verstärkung für unser Team.</p>".into(),
            }
        })
        .collect()
}

pub(super) fn index(n: usize) -> Index {
    let cities = CITIES.iter().map(|c| City { slug: c.0.into(), name: c.1.into(), lat: c.2, lon: c.3 }).collect();
    let professions = vec![
        Choice { slug: "medienassistent".into(), name: "Medienassistent/in".into() },
        Choice { slug: "other".into(), name: "Andere".into() },
    ];
    Index::build(docs(n), cities, professions, now())
}

/// The same semantics written plainly, for comparison.
fn naive(all: &[Doc], f: &JobFilter) -> Vec<i64> {
    let place = CITIES
        .iter()
        .find(|c| c.0 == f.place || c.1.eq_ignore_ascii_case(&f.place))
        .map(|c| (c.0, c.2, c.3))
        .or_else(|| parse_coords(&f.place).map(|(lat, lon)| ("", lat, lon)));
    let since = f.posted_within_days.map(|d| now() - Duration::days(i64::from(d)));
    all.iter()
        .filter(|d| d.valid_through > now())
        .filter(|d| {
            place.is_none_or(|(slug, lat, lon)| match f.effective_radius_km() {
                0 if !slug.is_empty() => d.city_slug == slug,
                r => distance_km((lat, lon), (d.lat, d.lon)) <= f64::from(r.max(1)),
            })
        })
        .filter(|d| f.profession.is_empty() || d.profession == f.profession)
        .filter(|d| f.working_time.is_empty() || d.summary.working_time.iter().any(|w| f.working_time.contains(w)))
        .filter(|d| f.offer.is_empty() || f.offer.contains(&d.summary.offer))
        .filter(|d| f.remote.is_empty() || f.remote.contains(&d.summary.remote))
        .filter(|d| f.contract.is_empty() || f.contract.contains(&d.contract))
        .filter(|d| f.experience.is_empty() || f.experience.contains(&d.experience))
        .filter(|d| f.employer_type.is_empty() || f.employer_type.contains(&d.summary.employer_type))
        .filter(|d| f.skill.iter().all(|s| d.skills.iter().any(|ds| slugify(ds) == *s)))
        .filter(|d| match &d.summary.salary {
            Some(s) => f.salary_min.is_none_or(|m| monthly_max(s) >= f64::from(m)),
            None => !f.salary_only,
        })
        .filter(|d| since.is_none_or(|s| d.summary.posted_at >= s))
        .map(|d| d.summary.id)
        .collect()
}

fn filters() -> Vec<JobFilter> {
    let base = JobFilter { per_page: 100, ..Default::default() };
    vec![
        base.clone(),
        JobFilter { place: "bochum".into(), radius_km: Some(0), ..base.clone() },
        JobFilter {
            place: "Bochum".into(),
            radius_km: Some(25),
            offer: vec![Offer::Employment, Offer::Internship],
            ..base.clone()
        },
        JobFilter {
            working_time: vec![WorkingTime::PartTime],
            remote: vec![Remote::Hybrid, Remote::Remote],
            ..base.clone()
        },
        JobFilter { skill: vec!["bildbearbeitung".into(), "social-media".into()], ..base.clone() },
        JobFilter { salary_min: Some(3000), ..base.clone() },
        JobFilter { salary_min: Some(2750), remote: vec![Remote::OnSite], ..base.clone() },
        JobFilter { salary_min: Some(2500), salary_only: true, experience: vec![Experience::Entry], ..base.clone() },
        JobFilter {
            posted_within_days: Some(7),
            employer_type: vec![EmployerType::Agency, EmployerType::Public],
            ..base.clone()
        },
        JobFilter {
            place: "51.45,7.1".into(),
            radius_km: Some(25),
            working_time: vec![WorkingTime::FullTime],
            ..base.clone()
        },
        JobFilter {
            profession: "medienassistent".into(),
            contract: vec![Contract::Permanent],
            place: "dortmund".into(),
            radius_km: Some(50),
            ..base.clone()
        },
    ]
}

fn all_ids(idx: &Index, f: &JobFilter) -> Vec<i64> {
    let mut ids = Vec::new();
    let mut page = 1;
    loop {
        let r = idx.search(&JobFilter { page, ..f.clone() }, now());
        if r.items.is_empty() {
            break;
        }
        ids.extend(r.items.iter().map(|j| j.id));
        page += 1;
    }
    ids
}

#[test]
fn every_filter_matches_a_plain_computation() {
    let idx = index(1500);
    let source = docs(1500);
    for f in filters() {
        let mut expected = naive(&source, &f);
        let mut got = all_ids(&idx, &f);
        assert_eq!(idx.search(&f, now()).total as usize, expected.len(), "{f}");
        expected.sort_unstable();
        got.sort_unstable();
        assert_eq!(got, expected, "{f}");
        assert!(!got.is_empty(), "filter {f} should match something in the test data");
    }
}

#[test]
fn facet_counts_equal_the_results_they_predict() {
    let idx = index(800);
    for f in filters() {
        let r = idx.search(&f, now());
        for (param, values) in &r.facets {
            for (value, count) in values {
                let mut g = f.clone();
                match param.as_str() {
                    "working_time" => g.working_time = vec![WorkingTime::parse(value).unwrap()],
                    "offer" => g.offer = vec![Offer::parse(value).unwrap()],
                    "remote" => g.remote = vec![Remote::parse(value).unwrap()],
                    "contract" => g.contract = vec![Contract::parse(value).unwrap()],
                    "experience" => g.experience = vec![Experience::parse(value).unwrap()],
                    "employer_type" => g.employer_type = vec![EmployerType::parse(value).unwrap()],
                    "profession" => g.profession = value.clone(),
                    "skill" if !g.skill.contains(value) => g.skill.push(value.clone()),
                    "skill" => {}
                    "posted_within_days" => g.posted_within_days = value.parse().ok(),
                    "salary_min" => g.salary_min = value.parse().ok(),
                    "salary_only" => g.salary_only = true,
                    "radius_km" => g.radius_km = value.parse().ok(),
                    other => panic!("unexpected facet {other}"),
                }
                assert_eq!(idx.search(&g, now()).total, *count, "facet {param}={value} under {f}");
            }
        }
    }
}

#[test]
fn radius_results_are_within_the_distance_and_carry_it() {
    let idx = index(600);
    let bochum = (51.4818, 7.2162);
    for radius in [5, 10, 25] {
        let f =
            JobFilter { place: "51.4818,7.2162".into(), radius_km: Some(radius), per_page: 100, ..Default::default() };
        let r = idx.search(&f, now());
        assert!(r.total > 0);
        for job in &r.items {
            let d = job.distance_km.expect("distance");
            assert!(d <= f64::from(radius) + 0.05, "{d} > {radius}");
        }
        assert!(r.place.as_deref().unwrap().starts_with("51.4818"));
    }
    let far = idx.search(&JobFilter { place: "bochum".into(), radius_km: Some(200), ..Default::default() }, now());
    let near = idx.search(&JobFilter { place: "bochum".into(), radius_km: Some(10), ..Default::default() }, now());
    assert!(far.total > near.total);
    let _ = bochum;
}

#[test]
fn sort_orders_hold_across_pages() {
    let idx = index(700);
    let newest = idx.search(&JobFilter { per_page: 100, ..Default::default() }, now());
    assert!(newest.items.windows(2).all(|w| w[0].posted_at >= w[1].posted_at));

    let by_salary = JobFilter { sort: Some(Sort::Salary), per_page: 100, ..Default::default() };
    let ids = all_ids(&idx, &by_salary);
    let docs = docs(700);
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
    let listed: Vec<&Doc> = ids.iter().map(|id| &docs[*id as usize - 1]).collect();
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
    let all = docs(700);
    let idx = index(700);
    for f in filters() {
        for per_page in [5, 40] {
            let f = JobFilter { sort: Some(Sort::Salary), per_page, ..f.clone() };
            let mut expected: Vec<&Doc> = naive(&all, &f).iter().map(|id| &all[*id as usize - 1]).collect();
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
            let got: Vec<i64> = idx.search(&f, now()).items.iter().map(|j| j.id).collect();
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

#[test]
fn text_search_is_tolerant() {
    let idx = index(400);
    let count = |q: &str| idx.search(&JobFilter { q: q.into(), ..Default::default() }, now()).total;
    assert!(count("Medienassistent") > 0);
    assert_eq!(count("Medienassistentin"), count("medienassistent"));
    assert_eq!(count("BILDBEARBEITUNG"), count("bildbearbeitung"));
    assert!(count("Video") >= count("Videoschnitt"), "prefixes match longer words");
    assert_eq!(count("Verstaerkung"), count("Verstärkung"));
    assert_eq!(count("Kernphysik"), 0);
    // Relevance: a title match ranks before a description-only match.
    let r = idx.search(&JobFilter { q: "Medienassistent".into(), ..Default::default() }, now());
    assert!(r.items[0].title.starts_with("Medienassistent"));
}

#[test]
fn text_matches_listings_with_every_term() {
    let (idx, docs) = (index(600), docs(600));
    for q in [
        "Social Media",
        "Video Bildbearbeitung",
        "medienassistentin team",
        "Eventtechnik Firma",
        "Webtools",
        "Kernphysik",
    ] {
        let wanted = terms(q);
        let mut expected: Vec<i64> = docs
            .iter()
            .filter(|d| d.valid_through > now())
            .filter(|d| {
                let text =
                    [&d.summary.title, &d.profession_name, &d.skills.join(" "), &d.summary.employer, &d.description];
                let have: Vec<String> = text.iter().flat_map(|t| terms(t)).collect();
                wanted.iter().all(|w| have.iter().any(|h| h == w || (w.len() >= 4 && h.starts_with(w.as_str()))))
            })
            .map(|d| d.summary.id)
            .collect();
        let mut found = all_ids(&idx, &JobFilter { q: q.into(), per_page: 50, ..Default::default() });
        expected.sort_unstable();
        found.sort_unstable();
        assert_eq!(found, expected, "{q}");
        assert!(!found.is_empty() || q == "Kernphysik", "{q}: the test data has matches");
    }
}

/// A listing's working times in a fixed order: the index gives them in `WorkingTime::ALL` order.
fn in_order(mut job: JobSummary) -> JobSummary {
    job.working_time.sort_by_key(|w| w.index());
    job
}

#[test]
fn the_index_gives_back_every_listing_as_loaded() {
    let (idx, docs) = (index(800), docs(800));
    for d in &docs {
        let l = idx.details(d.summary.id).expect("every loaded listing, expired ones too");
        assert_eq!(
            (l.lat, l.lon, l.contract, l.experience, l.valid_through),
            (d.lat, d.lon, d.contract, d.experience, d.valid_through)
        );
        let mut skills = d.skills.clone();
        skills.dedup();
        assert_eq!(l.skills, skills, "listing {}", d.summary.id);
    }
    assert!(idx.details(0).is_none());
    // Result cards are the listings as loaded, with only the distance and the pay comparison added.
    let active = docs.iter().filter(|d| d.valid_through > now()).count();
    let mut shown = 0;
    for job in (1..=9).flat_map(|page| {
        idx.search(
            &JobFilter { place: "bochum".into(), radius_km: Some(200), page, per_page: 100, ..Default::default() },
            now(),
        )
        .items
    }) {
        shown += 1;
        let loaded = JobSummary {
            distance_km: job.distance_km,
            comparison: job.comparison,
            ..docs[job.id as usize - 1].summary.clone()
        };
        assert_eq!(in_order(job), in_order(loaded));
    }
    assert_eq!(shown, active, "every active listing's card was checked");
}

#[test]
fn expired_listings_never_show() {
    let idx = index(500);
    let expired: Vec<i64> = docs(500).iter().filter(|d| d.valid_through <= now()).map(|d| d.summary.id).collect();
    assert!(!expired.is_empty());
    let shown = all_ids(&idx, &JobFilter { per_page: 100, ..Default::default() });
    assert!(shown.iter().all(|id| !expired.contains(id)));
}

#[test]
fn unknown_values_are_reported_and_ignored() {
    let idx = index(200);
    let all = idx.search(&JobFilter::default(), now()).total;
    let f = JobFilter {
        place: "Atlantis".into(),
        skill: vec!["zaubern".into()],
        profession: "astronaut".into(),
        ..Default::default()
    };
    let r = idx.search(&f, now());
    assert_eq!(r.total, all);
    let params: Vec<&str> = r.issues.iter().map(|i| i.param.as_str()).collect();
    assert_eq!(params, vec!["place", "profession", "skill"]);
    assert!(r.issues[0].message.contains("Atlantis"));
    // City names work as well as slugs, umlauts folded.
    let r =
        idx.search(&JobFilter { place: "mülheim an der ruhr".into(), radius_km: Some(0), ..Default::default() }, now());
    assert!(r.issues.is_empty() && r.total > 0);
    assert_eq!(r.place.as_deref(), Some("Mülheim an der Ruhr"));
}

#[test]
fn empty_results_suggest_which_filter_to_drop() {
    let idx = index(400);
    let f = JobFilter {
        place: "hagen".into(),
        radius_km: Some(0),
        skill: vec!["bildbearbeitung".into(), "social-media".into(), "eventtechnik".into(), "videoschnitt".into()],
        posted_within_days: Some(1),
        ..Default::default()
    };
    let r = idx.search(&f, now());
    assert_eq!(r.total, 0, "test filter should be empty");
    assert!(!r.relaxations.is_empty());
    for relax in &r.relaxations {
        let query = relax.href.trim_start_matches("/jobs").trim_start_matches('?');
        let pairs: Vec<(String, String)> = query
            .split('&')
            .filter(|p| !p.is_empty())
            .map(|p| p.split_once('=').map(|(k, v)| (k.to_owned(), v.replace('+', " "))).unwrap())
            .collect();
        let (g, _) = JobFilter::parse(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
        assert_eq!(idx.search(&g, now()).total, relax.count, "{}", relax.href);
    }
}

#[test]
fn similar_jobs_share_profession_and_skills_nearby() {
    let all = docs(600);
    let idx = index(600);
    let me = &all[0];
    let similar = idx.similar(me.summary.id, 4, now());
    assert_eq!(similar.len(), 4);
    // The same ranking, computed plainly: active, same profession, within 50 km, not itself.
    let shared = |d: &Doc| d.skills.iter().filter(|s| me.skills.contains(s)).count();
    let mut expected: Vec<&Doc> = all
        .iter()
        .filter(|d| d.summary.id != me.summary.id && d.valid_through > now() && d.profession == me.profession)
        .filter(|d| distance_km((me.lat, me.lon), (d.lat, d.lon)) <= 50.0)
        .collect();
    expected.sort_by(|a, b| {
        let (da, db) = (distance_km((me.lat, me.lon), (a.lat, a.lon)), distance_km((me.lat, me.lon), (b.lat, b.lon)));
        shared(b).cmp(&shared(a)).then(da.total_cmp(&db)).then(b.summary.posted_at.cmp(&a.summary.posted_at))
    });
    let ids: Vec<i64> = similar.iter().map(|j| j.id).collect();
    let want: Vec<i64> = expected.iter().take(4).map(|d| d.summary.id).collect();
    assert_eq!(ids, want);
    assert!(similar.iter().all(|j| j.distance_km.is_some_and(|d| d <= 50.0)));
    assert!(idx.similar(999_999, 4, now()).is_empty());
}
