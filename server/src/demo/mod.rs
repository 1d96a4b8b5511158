//! Deterministic demo data: the same N and the same day give the same listings.
//! Every listing has `source = "demo"`, every employer's name ends in "(Demo)".
mod text;

use chrono::{DateTime, Duration, Utc};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use app::jobs::model::{
    City, Contract, DEMO_SOURCE, Employer, EmployerType, Experience, Listing, Location, Offer, Remote, Salary,
    SalarySource, SalaryUnit, Summary, WorkingTime,
};
use text::{BENEFITS, PROFESSIONS, PROFILE, ProfessionText, employer_intro, employer_parts};

const SEED: u64 = 0x5245_5649_4552; // "REVIER"

/// The profession slugs the generator writes listings for.
pub fn profession_slugs() -> impl Iterator<Item = &'static str> {
    PROFESSIONS.iter().map(|p| p.slug)
}

/// Picks an item by relative weights.
fn weighted<T: Copy>(rng: &mut ChaCha8Rng, items: &[(T, u32)]) -> T {
    let total: u32 = items.iter().map(|(_, w)| w).sum();
    let mut roll = rng.random_range(0..total);
    for (item, w) in items {
        if roll < *w {
            return *item;
        }
        roll -= w;
    }
    items[items.len() - 1].0
}

fn pick<'a, T>(rng: &mut ChaCha8Rng, items: &'a [T]) -> &'a T {
    &items[rng.random_range(0..items.len())]
}

/// `k` distinct items in their original order.
fn sample<'a>(rng: &mut ChaCha8Rng, items: &[&'a str], k: usize) -> Vec<&'a str> {
    let mut chosen: Vec<usize> = Vec::with_capacity(k);
    while chosen.len() < k.min(items.len()) {
        let i = rng.random_range(0..items.len());
        if !chosen.contains(&i) {
            chosen.push(i);
        }
    }
    chosen.sort_unstable();
    chosen.into_iter().map(|i| items[i]).collect()
}

fn round50(x: f64) -> u32 {
    ((x / 50.0).round() * 50.0) as u32
}

/// Generates `n` listings (ids 1..=n) posted in the 60 days before `today`, about 7 % expired, from
/// `n / 8` fictional employers. `cities` must not be empty; Bochum (if present) gets the largest share.
pub fn generate(n: usize, today: DateTime<Utc>, cities: &[City]) -> Vec<Listing> {
    assert!(!cities.is_empty(), "demo data needs at least one city");
    let mut rng = ChaCha8Rng::seed_from_u64(SEED);
    let city_weights: Vec<(usize, u32)> =
        cities.iter().enumerate().map(|(i, c)| (i, if c.slug == "bochum" { 30 } else { 5 })).collect();

    let employer_count = (n / 8).clamp(1, 2000);
    let mut employers = Vec::with_capacity(employer_count);
    let mut homes = Vec::with_capacity(employer_count);
    for i in 0..employer_count {
        let kind = weighted(
            &mut rng,
            &[
                (EmployerType::Agency, 30),
                (EmployerType::Sme, 25),
                (EmployerType::Event, 15),
                (EmployerType::Public, 12),
                (EmployerType::MediaHouse, 10),
                (EmployerType::Corporate, 8),
            ],
        );
        let (first, second, legal) = employer_parts(kind);
        let name = format!("{}{}{} (Demo)", pick(&mut rng, first), pick(&mut rng, second), pick(&mut rng, legal));
        let home = weighted(&mut rng, &city_weights);
        let website = Some(format!("https://example.org/demo-arbeitgeber-{i:05}"));
        employers.push(Employer { name, kind, website });
        homes.push(home);
    }

    let profession_weights: Vec<(usize, u32)> = PROFESSIONS.iter().enumerate().map(|(i, p)| (i, p.weight)).collect();
    (1..=n)
        .map(|id| {
            let e = rng.random_range(0..employer_count);
            let city =
                if rng.random_bool(0.8) { &cities[homes[e]] } else { &cities[weighted(&mut rng, &city_weights)] };
            let profession = &PROFESSIONS[weighted(&mut rng, &profession_weights)];
            listing(&mut rng, id as i64, today, profession, &employers[e], city)
        })
        .collect()
}

fn listing(
    rng: &mut ChaCha8Rng,
    id: i64,
    today: DateTime<Utc>,
    p: &ProfessionText,
    employer: &Employer,
    city: &City,
) -> Listing {
    let kind = employer.kind;
    let offer = weighted(
        rng,
        &[
            (Offer::Employment, 65),
            (Offer::Apprenticeship, 9),
            (Offer::Internship, 8),
            (Offer::Freelance, 9),
            (Offer::WorkingStudent, 9),
        ],
    );
    let experience = match offer {
        Offer::Apprenticeship | Offer::Internship | Offer::WorkingStudent => Experience::Entry,
        _ => weighted(rng, &[(Experience::Entry, 40), (Experience::Experienced, 45), (Experience::Senior, 15)]),
    };
    let working_time = match offer {
        Offer::WorkingStudent => vec![WorkingTime::PartTime],
        Offer::Apprenticeship | Offer::Internship => vec![WorkingTime::FullTime],
        _ => match rng.random_range(0..100) {
            0..60 => vec![WorkingTime::FullTime],
            60..85 => vec![WorkingTime::PartTime],
            85..94 => vec![WorkingTime::FullTime, WorkingTime::PartTime],
            _ => vec![WorkingTime::MiniJob],
        },
    };
    let remote = if p.on_site || kind == EmployerType::Event {
        Remote::OnSite
    } else {
        weighted(rng, &[(Remote::OnSite, 55), (Remote::Hybrid, 35), (Remote::Remote, 10)])
    };
    let contract = match offer {
        Offer::Internship | Offer::WorkingStudent | Offer::Apprenticeship => Contract::FixedTerm,
        _ if rng.random_bool(0.3) => Contract::FixedTerm,
        _ => Contract::Permanent,
    };
    let skill_count = rng.random_range(3..=5);
    let skills: Vec<String> = sample(rng, p.skills, skill_count).into_iter().map(str::to_owned).collect();
    let base_title = pick(rng, p.titles).to_string();
    let title = match offer {
        Offer::Apprenticeship => format!("Ausbildung {} (m/w/d)", p.name),
        Offer::Internship => format!("Praktikum {} (m/w/d)", p.area),
        Offer::WorkingStudent => format!("Werkstudent/in {} (m/w/d)", p.area),
        Offer::Freelance => format!("Freie Mitarbeit: {base_title}"),
        Offer::Employment if experience == Experience::Senior => format!("Senior {base_title}"),
        Offer::Employment => base_title,
    };
    let salary = salary(rng, p, offer, experience, &working_time, kind, &skills);

    let posted_at = today - Duration::days(rng.random_range(0..60)) - Duration::hours(rng.random_range(0..12));
    let valid_through = if rng.random_bool(0.07) {
        today - Duration::days(rng.random_range(1..20))
    } else {
        today + Duration::days(rng.random_range(14..90))
    };
    let posted_at = posted_at.min(valid_through - Duration::days(7));
    let (apply_url, apply_email) = if rng.random_bool(0.6) {
        (Some(format!("https://example.org/bewerbung/demo-{id}")), None)
    } else {
        (None, Some(format!("bewerbung-{id}@example.org")))
    };

    let location = Location {
        city: city.name.clone(),
        city_slug: city.slug.clone(),
        postal_code: None,
        street: None,
        region: Some("Nordrhein-Westfalen".into()),
        lat: city.lat + rng.random_range(-0.02..0.02),
        lon: city.lon + rng.random_range(-0.03..0.03),
    };
    let description = description(rng, p, kind, &city.name, remote, &skills);
    Listing {
        summary: Summary {
            id,
            title,
            profession: p.slug.into(),
            employer: employer.clone(),
            location,
            working_time,
            offer,
            remote,
            contract,
            experience,
            skills,
            salary,
            posted_at,
            valid_through,
            source: DEMO_SOURCE.into(),
        },
        description,
        apply_url,
        apply_email,
        external_id: format!("demo-{id}"),
    }
}

/// About 30 % of ads state no salary, as on the real boards.
fn salary(
    rng: &mut ChaCha8Rng,
    p: &ProfessionText,
    offer: Offer,
    experience: Experience,
    working_time: &[WorkingTime],
    kind: EmployerType,
    skills: &[String],
) -> Option<Salary> {
    if rng.random_bool(0.3) {
        return None;
    }
    let source = if rng.random_bool(0.9) { SalarySource::Employer } else { SalarySource::Estimate };
    let make = |min: u32, max: u32, unit| Some(Salary { min, max, unit, currency: "EUR".into(), source });
    let hourly = |rng: &mut ChaCha8Rng, low: f64, high: f64| {
        let min = rng.random_range(low..high);
        let max = min + rng.random_range(0.0..3.0);
        (min.round() as u32, max.round() as u32)
    };
    match offer {
        Offer::Apprenticeship => {
            let min = round50(rng.random_range(1000.0..1200.0));
            make(min, min + 150, SalaryUnit::Month)
        }
        Offer::Internship => {
            let min = round50(rng.random_range(700.0..1500.0));
            make(min, min, SalaryUnit::Month)
        }
        Offer::WorkingStudent => {
            let (min, max) = hourly(rng, 14.0, 17.0);
            make(min, max, SalaryUnit::Hour)
        }
        Offer::Freelance => {
            let (min, max) = hourly(rng, 25.0, 45.0);
            make(min, max, SalaryUnit::Hour)
        }
        Offer::Employment if working_time == [WorkingTime::MiniJob] => {
            let (min, max) = hourly(rng, 14.0, 16.0);
            make(min, max, SalaryUnit::Hour)
        }
        Offer::Employment => {
            let (low, high) = p.bands[match experience {
                Experience::Entry => 0,
                Experience::Experienced | Experience::Unspecified => 1,
                Experience::Senior => 2,
            }];
            let premium = if skills.iter().any(|s| s == "KI-gestützte Produktion" || s == "Kurze Videoformate") {
                150.0
            } else {
                0.0
            };
            let spread = f64::from(high - low);
            let min = f64::from(low) + rng.random_range(0.0..spread * 0.35) + premium;
            let max = f64::from(high) - rng.random_range(0.0..spread * 0.25) + premium;
            let (min, max) = (round50(min), round50(max).max(round50(min)));
            if kind == EmployerType::Corporate && rng.random_bool(0.4) {
                make(round50(f64::from(min) * 12.0), round50(f64::from(max) * 12.0), SalaryUnit::Year)
            } else {
                make(min, max, SalaryUnit::Month)
            }
        }
    }
}

fn description(
    rng: &mut ChaCha8Rng,
    p: &ProfessionText,
    kind: EmployerType,
    city: &str,
    remote: Remote,
    skills: &[String],
) -> String {
    let intro = pick(rng, &employer_intro(kind, city)).clone();
    let task_count = rng.random_range(3..=4);
    let tasks = sample(rng, p.tasks, task_count);
    let profile_count = rng.random_range(2..=3);
    let mut profile: Vec<String> = sample(rng, PROFILE, profile_count).into_iter().map(str::to_owned).collect();
    profile.push(format!("Erfahrung mit {}.", skills.join(", ")));
    let benefit_count = rng.random_range(3..=4);
    let mut benefits: Vec<String> = sample(rng, BENEFITS, benefit_count).into_iter().map(str::to_owned).collect();
    if remote == Remote::Hybrid {
        benefits.push("Mobiles Arbeiten an bis zu zwei Tagen pro Woche".into());
    }
    if kind == EmployerType::Public {
        benefits.push("Bezahlung nach Tarifvertrag (TVöD)".into());
    }
    if rng.random_bool(0.5) {
        benefits.push(format!("Weiterbildungsbudget von {} € im Jahr", round50(rng.random_range(500.0..1500.0))));
    }
    let list = |items: &[String]| items.iter().map(|i| format!("<li>{i}</li>")).collect::<String>();
    let tasks: Vec<String> = tasks.into_iter().map(str::to_owned).collect();
    format!(
        "<p>{intro}</p><h3>Ihre Aufgaben</h3><ul>{}</ul><h3>Ihr Profil</h3><ul>{}</ul><h3>Wir bieten</h3><ul>{}</ul>\
         <p><em>Hinweis: Dies ist eine erfundene Demo-Anzeige. Arbeitgeber und Stelle gibt es nicht.</em></p>",
        list(&tasks),
        list(&profile),
        list(&benefits),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn cities() -> Vec<City> {
        [("bochum", "Bochum", 51.48, 7.22), ("essen", "Essen", 51.46, 7.01), ("herne", "Herne", 51.54, 7.23)]
            .into_iter()
            .map(|(slug, name, lat, lon)| City { slug: slug.into(), name: name.into(), lat, lon })
            .collect()
    }

    fn today() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 26, 8, 0, 0).unwrap()
    }

    #[test]
    fn same_n_and_day_give_the_same_data() {
        let (a, b) = (generate(300, today(), &cities()), generate(300, today(), &cities()));
        assert_eq!(serde_json::to_string(&a).unwrap(), serde_json::to_string(&b).unwrap());
    }

    #[test]
    fn demo_data_is_labelled_and_plausible() {
        let listings = generate(2000, today(), &cities());
        assert_eq!(listings.len(), 2000);
        assert!(listings.iter().all(|l| l.summary.employer.name.ends_with("(Demo)")));
        assert!(listings.iter().all(|l| l.summary.source == DEMO_SOURCE && l.description.contains("Demo-Anzeige")));
        let share =
            |pred: &dyn Fn(&Summary) -> bool| listings.iter().filter(|l| pred(&l.summary)).count() as f64 / 2000.0;
        let no_salary = share(&|j| j.salary.is_none());
        assert!((0.2..0.4).contains(&no_salary), "share without salary {no_salary}");
        let expired = share(&|j| j.valid_through < today());
        assert!((0.03..0.12).contains(&expired), "share expired {expired}");
        let bochum = share(&|j| j.location.city_slug == "bochum");
        assert!(bochum > 0.5, "Bochum share {bochum}");
        let assistants = share(&|j| j.profession == "medienassistent");
        assert!((0.3..0.5).contains(&assistants), "Medienassistent share {assistants}");
        for l in &listings {
            let j = &l.summary;
            assert!(j.posted_at < j.valid_through, "job {} posted after it expires", j.id);
            assert!(j.posted_at <= today());
            assert!(!j.skills.is_empty() && !j.working_time.is_empty());
            if let Some(s) = &j.salary {
                assert!(s.min > 0 && s.min <= s.max, "job {} salary {s:?}", j.id);
            }
            assert!(l.apply_url.is_some() != l.apply_email.is_some());
        }
        // Titles vary enough for search to matter.
        let titles: std::collections::HashSet<_> = listings.iter().map(|l| l.summary.title.as_str()).collect();
        assert!(titles.len() > 40, "only {} distinct titles", titles.len());
    }

    #[test]
    fn starter_pay_for_media_assistants_matches_the_public_figures() {
        let listings = generate(4000, today(), &cities());
        let starters: Vec<&Salary> = listings
            .iter()
            .map(|l| &l.summary)
            .filter(|j| j.profession == "medienassistent" && j.offer == Offer::Employment)
            .filter(|j| j.experience == Experience::Entry && j.working_time != [WorkingTime::MiniJob])
            .filter_map(|j| j.salary.as_ref())
            .filter(|s| s.unit == SalaryUnit::Month)
            .collect();
        assert!(starters.len() > 50);
        for s in starters {
            assert!(s.min >= 2300 && s.max <= 2900 + 150, "{s:?}");
        }
    }
}
