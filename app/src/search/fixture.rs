//! Test listings: a small deterministic generator, independent of the demo generator.
use chrono::{DateTime, Duration, TimeZone, Utc};

use super::geo::distance_km;
use super::index::Index;
use crate::jobs::filter::{JobFilter, parse_coords};
use crate::jobs::model::{
    Choice, City, Contract, Employer, EmployerType, Experience, Listing, Location, Offer, Remote, Salary, SalarySource,
    SalaryUnit, Summary, WorkingTime,
};
use crate::salary::stats::monthly_max;
use crate::ui::format::slugify;

pub(super) fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 26, 12, 0, 0).unwrap()
}

pub(super) const CITIES: &[(&str, &str, f64, f64)] = &[
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

    /// One of the values an ad states (not `unspecified`), so the figures stay as the tests expect.
    fn stated<T: crate::ui::slug::Slug>(&mut self, all: &[T]) -> T {
        let stated: Vec<T> = all.iter().copied().filter(|v| v.as_str() != crate::jobs::terms::UNSPECIFIED).collect();
        self.pick(&stated)
    }
}

pub(super) fn listings(n: usize) -> Vec<Listing> {
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
            let profession = if title.starts_with("Medienassistent") { "medienassistent" } else { "other" };
            // Drawn in this order so the data stays as the tests' expectations were written for.
            let employer = Employer {
                name: format!("Firma {} (Demo)", r.next(20)),
                kind: r.stated(EmployerType::ALL),
                website: None,
            };
            let (offer, remote) = (r.pick(Offer::ALL), r.pick(Remote::ALL));
            let lat = city.2 + (r.next(100) as f64 - 50.0) / 2000.0;
            let lon = city.3 + (r.next(100) as f64 - 50.0) / 2000.0;
            let (contract, experience) = (r.stated(Contract::ALL), r.stated(Experience::ALL));
            Listing {
                summary: Summary {
                    id: i as i64 + 1,
                    title: title.into(),
                    profession: profession.into(),
                    employer,
                    location: Location {
                        city: city.1.into(),
                        city_slug: city.0.into(),
                        postal_code: None,
                        street: None,
                        region: None,
                        lat,
                        lon,
                    },
                    working_time,
                    offer,
                    remote,
                    contract,
                    experience,
                    skills,
                    salary,
                    posted_at,
                    valid_through,
                    source: "test".into(),
                },
                description: "<p>Wir suchen Verstärkung für unser Team.</p>".into(),
                apply_url: None,
                apply_email: None,
                external_id: format!("t-{i}"),
            }
        })
        .collect()
}

pub(super) fn cities() -> Vec<City> {
    CITIES.iter().map(|c| City { slug: c.0.into(), name: c.1.into(), lat: c.2, lon: c.3 }).collect()
}

pub(super) fn professions() -> Vec<Choice> {
    vec![
        Choice { slug: "medienassistent".into(), name: "Medienassistent/in".into() },
        Choice { slug: "other".into(), name: "Andere".into() },
    ]
}

pub(super) fn index(n: usize) -> Index {
    Index::build(listings(n), cities(), professions(), now())
}

/// The same semantics written plainly, for comparison.
pub(super) fn naive(all: &[Listing], f: &JobFilter) -> Vec<i64> {
    let place = CITIES
        .iter()
        .find(|c| c.0 == f.place || c.1.eq_ignore_ascii_case(&f.place))
        .map(|c| (c.0, c.2, c.3))
        .or_else(|| parse_coords(&f.place).map(|(lat, lon)| ("", lat, lon)));
    let since = f.posted_within_days.map(|d| now() - Duration::days(i64::from(d)));
    all.iter()
        .filter(|d| d.summary.valid_through > now())
        .filter(|d| {
            place.is_none_or(|(slug, lat, lon)| match f.effective_radius_km() {
                0 if !slug.is_empty() => d.summary.location.city_slug == slug,
                r => distance_km((lat, lon), (d.summary.location.lat, d.summary.location.lon)) <= f64::from(r.max(1)),
            })
        })
        .filter(|d| f.profession.is_empty() || d.summary.profession == f.profession)
        .filter(|d| f.working_time.is_empty() || d.summary.working_time.iter().any(|w| f.working_time.contains(w)))
        .filter(|d| f.offer.is_empty() || f.offer.contains(&d.summary.offer))
        .filter(|d| f.remote.is_empty() || f.remote.contains(&d.summary.remote))
        .filter(|d| f.contract.is_empty() || f.contract.contains(&d.summary.contract))
        .filter(|d| f.experience.is_empty() || f.experience.contains(&d.summary.experience))
        .filter(|d| f.employer_type.is_empty() || f.employer_type.contains(&d.summary.employer.kind))
        .filter(|d| f.skill.iter().all(|s| d.summary.skills.iter().any(|ds| slugify(ds) == *s)))
        .filter(|d| match &d.summary.salary {
            Some(s) => f.salary_min.is_none_or(|m| monthly_max(s) >= f64::from(m)),
            None => !f.salary_only,
        })
        .filter(|d| since.is_none_or(|s| d.summary.posted_at >= s))
        .map(|d| d.summary.id)
        .collect()
}

pub(super) fn filters() -> Vec<JobFilter> {
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

pub(super) fn all_ids(idx: &Index, f: &JobFilter) -> Vec<i64> {
    let mut ids = Vec::new();
    let mut page = 1;
    loop {
        let r = idx.search(&JobFilter { page, ..f.clone() }, now());
        if r.items.is_empty() {
            break;
        }
        ids.extend(r.items.iter().map(|j| j.summary.id));
        page += 1;
    }
    ids
}
