//! Shared test helpers: a fresh in-memory database with the real schema, and handmade rows.
#![allow(dead_code)]
pub mod client;
pub mod schema;

use chrono::{DateTime, Duration, Utc};

use app::db::Db;
use app::jobs::model::{
    Contract, Employer, EmployerType, Experience, Listing, Location, Offer, Remote, Salary, SalarySource, SalaryUnit,
    Summary, WorkingTime,
};
use server::db::DbConfig;

pub async fn fresh_db() -> Db {
    server::db::prepare(&DbConfig::memory()).await.expect("in-memory database with schema")
}

/// An in-memory database as schema version `version` left it (for tests of later migrations).
pub async fn db_at_version(version: u32) -> Db {
    let db = server::db::connect(&DbConfig::memory()).await.unwrap();
    for (v, sql) in server::db::MIGRATIONS.iter().filter(|(v, _)| *v <= version) {
        db.query(*sql).await.unwrap().check().unwrap();
        db.query("UPSERT type::record('schema_migration', $v) SET version = $v").bind(("v", *v)).await.unwrap();
    }
    assert_eq!(server::db::schema_version(&db).await.unwrap(), version);
    db
}

pub fn monthly(min: u32, max: u32) -> Option<Salary> {
    Some(Salary { min, max, unit: SalaryUnit::Month, currency: "EUR".into(), source: SalarySource::Employer })
}

/// Bochum, Dortmund, Essen … as the reference data names them, with their coordinates.
pub fn location(city: &str) -> Location {
    let (name, lat, lon) = match city {
        "dortmund" => ("Dortmund", 51.5136, 7.4653),
        "essen" => ("Essen", 51.4556, 7.0116),
        "herne" => ("Herne", 51.5386, 7.2257),
        "hagen" => ("Hagen", 51.3671, 7.4633),
        _ => ("Bochum", 51.48, 7.21),
    };
    Location { city: name.into(), city_slug: city.into(), postal_code: None, street: None, region: None, lat, lon }
}

/// An active listing (posted `age_days` ago, valid 30 more days) by the agency "Testagentur Zeche".
pub fn job(id: i64, title: &str, profession: &str, city: &str, age_days: i64) -> Listing {
    let now = Utc::now();
    Listing {
        summary: Summary {
            id,
            title: title.into(),
            profession: profession.into(),
            employer: Employer { name: "Testagentur Zeche".into(), kind: EmployerType::Agency, website: None },
            location: location(city),
            working_time: vec![WorkingTime::FullTime],
            offer: Offer::Employment,
            remote: Remote::Hybrid,
            contract: Contract::Permanent,
            experience: Experience::Entry,
            skills: vec!["Bildbearbeitung".into(), "Social Media".into()],
            salary: monthly(2400, 2800),
            posted_at: now - Duration::days(age_days),
            valid_through: now + Duration::days(30),
            source: "test".into(),
        },
        description: "<p>Aufgaben</p>".into(),
        apply_url: Some("https://example.org/apply".into()),
        apply_email: None,
        external_id: format!("t-{id}"),
    }
}

/// Six active listings (ids 1–6).
pub async fn db_with_six_jobs() -> Db {
    let db = fresh_db().await;
    let jobs: Vec<_> =
        (1..=6).map(|i| job(i, &format!("Medienassistent/in Nr. {i}"), "medienassistent", "bochum", i)).collect();
    app::jobs::repo::insert(&db, &jobs).await.unwrap();
    db
}

pub fn expired(mut job: Listing) -> Listing {
    let past: DateTime<Utc> = Utc::now() - Duration::days(2);
    job.summary.valid_through = past;
    job.summary.posted_at = past - Duration::days(20);
    job
}
