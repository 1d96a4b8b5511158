//! Shared test helpers: a fresh in-memory database with the real schema, and handmade rows.
#![allow(dead_code)]
pub mod client;
pub mod schema;

use chrono::{DateTime, Duration, Utc};

use app::jobs::model::{
    Contract, EmployerType, Experience, Offer, Remote, Salary, SalarySource, SalaryUnit, WorkingTime,
};
use app::jobs::repo::{NewEmployer, NewJob, insert_employers};
use app::server::{Db, DbConfig};

pub async fn fresh_db() -> Db {
    server::prepare_db(&DbConfig::memory()).await.expect("in-memory database with schema")
}

pub async fn with_employer(db: &Db) {
    insert_employers(
        db,
        &[NewEmployer {
            key: "t1".into(),
            name: "Testagentur Zeche".into(),
            employer_type: EmployerType::Agency,
            source: "test".into(),
        }],
    )
    .await
    .unwrap();
}

pub fn monthly(min: u32, max: u32) -> Option<Salary> {
    Some(Salary { min, max, unit: SalaryUnit::Month, currency: "EUR".into(), source: SalarySource::Employer })
}

/// An active listing (posted `age_days` ago, valid 30 more days) by employer `t1`.
pub fn job(id: i64, title: &str, profession: &str, city: &str, age_days: i64) -> NewJob {
    let now = Utc::now();
    NewJob {
        id,
        title: title.into(),
        profession: profession.into(),
        employer: "t1".into(),
        city: city.into(),
        lat: 51.48,
        lon: 7.21,
        description: "<p>Aufgaben</p>".into(),
        working_time: vec![WorkingTime::FullTime],
        offer: Offer::Employment,
        remote: Remote::Hybrid,
        contract: Contract::Permanent,
        experience: Experience::Entry,
        skills: vec!["Bildbearbeitung".into(), "Social Media".into()],
        salary: monthly(2400, 2800),
        posted_at: now - Duration::days(age_days),
        valid_through: now + Duration::days(30),
        apply_url: Some("https://example.org/apply".into()),
        apply_email: None,
        source: "test".into(),
        external_id: format!("t-{id}"),
    }
}

/// Six active listings (ids 1–6) by employer `t1`.
pub async fn db_with_six_jobs() -> Db {
    let db = fresh_db().await;
    with_employer(&db).await;
    let jobs: Vec<_> =
        (1..=6).map(|i| job(i, &format!("Medienassistent/in Nr. {i}"), "medienassistent", "bochum", i)).collect();
    app::jobs::repo::insert_jobs(&db, &jobs).await.unwrap();
    db
}

pub fn expired(mut job: NewJob) -> NewJob {
    let past: DateTime<Utc> = Utc::now() - Duration::days(2);
    job.valid_through = past;
    job.posted_at = past - Duration::days(20);
    job
}
