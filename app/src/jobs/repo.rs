//! SurrealDB queries for job listings. User input is always bound as a parameter;
//! the only text composed here are constant SurrealQL fragments.
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::model::{
    Choice, Contract, EmployerType, Experience, JobDetail, JobSummary, Offer, Remote, Salary, WorkingTime,
};
use crate::server::{Db, DbError, row, rows};

const SUMMARY_FIELDS: &str = "record::id(id) AS id, title, employer.name AS employer, \
    employer.type AS employer_type, city.name AS city, working_time, offer, remote, salary, \
    posted_at, source";

#[derive(Deserialize)]
struct Count {
    n: u64,
}

#[derive(Deserialize)]
struct DetailRow {
    #[serde(flatten)]
    summary: JobSummary,
    profession: String,
    profession_slug: String,
    city_slug: String,
    lat: f64,
    lon: f64,
    description: String,
    contract: Contract,
    experience: Experience,
    skills: Vec<String>,
    valid_through: DateTime<Utc>,
    apply_url: Option<String>,
    apply_email: Option<String>,
    expired: bool,
}

pub async fn get(db: &Db, id: i64) -> Result<Option<JobDetail>, DbError> {
    let sql = format!(
        "SELECT {SUMMARY_FIELDS}, profession.name AS profession, profession.slug AS profession_slug,
            city.slug AS city_slug, lat, lon, description, contract, experience, skills, valid_through,
            apply_url, apply_email, valid_through <= time::now() AS expired
         FROM ONLY type::record('job', $id)"
    );
    let mut response = db.query(sql).bind(("id", id)).await?;
    let Some(row): Option<DetailRow> = row(&mut response, 0)? else { return Ok(None) };
    let mut detail = JobDetail {
        summary: row.summary,
        profession: row.profession,
        profession_slug: row.profession_slug,
        city_slug: row.city_slug,
        lat: row.lat,
        lon: row.lon,
        description_html: ammonia::clean(&row.description),
        contract: row.contract,
        experience: row.experience,
        skills: row.skills,
        valid_through: row.valid_through,
        apply_url: row.apply_url,
        apply_email: row.apply_email,
        expired: row.expired,
        json_ld: None,
        similar: vec![],
    };
    if !detail.summary.is_demo() {
        detail.json_ld = Some(super::jsonld::job_posting(&detail, ""));
    }
    Ok(Some(detail))
}

/// Professions, by name.
pub async fn professions(db: &Db) -> Result<Vec<Choice>, DbError> {
    let mut response = db.query("SELECT slug, name FROM profession ORDER BY name").await?;
    rows(&mut response, 0)
}

/// An employer to write.
#[derive(Debug, Clone, Serialize)]
pub struct NewEmployer {
    pub key: String,
    pub name: String,
    #[serde(rename = "type")]
    pub employer_type: EmployerType,
    pub source: String,
}

/// A listing to write. References are slugs/keys, made record links by `job_row`.
#[derive(Debug, Clone, Serialize)]
pub struct NewJob {
    pub id: i64,
    pub title: String,
    pub profession: String,
    pub employer: String,
    pub city: String,
    pub lat: f64,
    pub lon: f64,
    pub description: String,
    pub working_time: Vec<WorkingTime>,
    pub offer: Offer,
    pub remote: Remote,
    pub contract: Contract,
    pub experience: Experience,
    pub skills: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub salary: Option<Salary>,
    pub posted_at: DateTime<Utc>,
    pub valid_through: DateTime<Utc>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub apply_url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub apply_email: Option<String>,
    pub source: String,
    pub external_id: String,
}

pub async fn insert_employers(db: &Db, employers: &[NewEmployer]) -> Result<(), DbError> {
    let rows = serde_json::to_value(employers)?;
    db.query(
        "FOR $e IN $rows {
            UPSERT type::record('employer', $e.key) CONTENT { name: $e.name, type: $e.type, source: $e.source };
        };",
    )
    .bind(("rows", rows))
    .await?
    .check()?;
    Ok(())
}

// The rows arrive typed (see `job_row`): computing them in SurrealQL (`$rows.map(|$j| …)`) copied
// the whole batch for every row, which was half the CPU of a bulk load.
const INSERT_JOBS: &str = "INSERT INTO job $rows RETURN NONE;";

/// One listing as SurrealDB values: links as record ids, dates as datetimes.
fn job_row(job: &NewJob) -> Result<surrealdb::types::Value, DbError> {
    use surrealdb::types::{Datetime, RecordId, SurrealValue, Value};
    let Value::Object(mut row) = serde_json::to_value(job)?.into_value() else {
        unreachable!("a struct serializes to an object")
    };
    row.insert("profession", RecordId::new("profession", job.profession.as_str()));
    row.insert("employer", RecordId::new("employer", job.employer.as_str()));
    row.insert("city", RecordId::new("city", job.city.as_str()));
    row.insert("posted_at", Datetime::from(job.posted_at));
    row.insert("valid_through", Datetime::from(job.valid_through));
    Ok(Value::Object(row))
}

fn job_rows(jobs: &[NewJob]) -> Result<surrealdb::types::Value, DbError> {
    Ok(surrealdb::types::Value::Array(jobs.iter().map(job_row).collect::<Result<Vec<_>, _>>()?.into()))
}

const BUMP_VERSION: &str = "UPSERT meta:jobs SET version += 1 RETURN NONE;";

/// Writes listings in one transaction and bumps the listings version with them, so every app
/// server's index picks them up; fails whole if any row breaks the schema.
pub async fn insert_jobs(db: &Db, jobs: &[NewJob]) -> Result<(), DbError> {
    let sql = format!("BEGIN TRANSACTION; {INSERT_JOBS} {BUMP_VERSION} COMMIT TRANSACTION;");
    db.query(sql).bind(("rows", job_rows(jobs)?)).await?.check()?;
    Ok(())
}

/// [`insert_jobs`] without the version bump, for bulk loads that write batches in parallel (they
/// would conflict on the version record) and call [`listings_changed`] once at the end.
pub async fn insert_jobs_unannounced(db: &Db, jobs: &[NewJob]) -> Result<(), DbError> {
    db.query(INSERT_JOBS).bind(("rows", job_rows(jobs)?)).await?.check()?;
    Ok(())
}

/// Bumps the listings version: every app server rebuilds its index within a second.
pub async fn listings_changed(db: &Db) -> Result<(), DbError> {
    db.query(BUMP_VERSION).await?.check()?;
    Ok(())
}

/// Removes every listing (and employer) of a source, e.g. before re-seeding demo data.
pub async fn delete_source(db: &Db, source: &str) -> Result<u64, DbError> {
    let mut response = db
        .query(
            "SELECT count() AS n FROM job WHERE source = $source GROUP ALL;
             BEGIN TRANSACTION;
             DELETE job WHERE source = $source;
             DELETE employer WHERE source = $source;
             UPSERT meta:jobs SET version += 1;
             COMMIT TRANSACTION;",
        )
        .bind(("source", source.to_owned()))
        .await?;
    let n = rows::<Count>(&mut response, 0)?.first().map_or(0, |c| c.n);
    response.check()?;
    Ok(n)
}

/// Listings read per query while loading the search index: the rows of one query are held
/// several times over while they are decoded, so a single query over 100,000 listings would
/// make that transient memory the largest the server ever needs.
pub const LOAD_PAGE: i64 = 2_000;

/// Every active listing, for the search index, read in pages along the record ids (a range scan,
/// no sort). Names of employers, cities and professions are joined here from those small tables:
/// fetching them through each listing's links costs six record reads per listing.
pub async fn load_docs(db: &Db) -> Result<Vec<crate::search::Doc>, DbError> {
    let mut docs = Vec::new();
    load_docs_in_pages(db, LOAD_PAGE, |page| docs.extend(page)).await?;
    Ok(docs)
}

/// [`load_docs`], handing each page of `page` listings to `each` as it is read, in no particular order.
pub async fn load_docs_in_pages(
    db: &Db,
    page: i64,
    mut each: impl FnMut(Vec<crate::search::Doc>),
) -> Result<(), DbError> {
    #[derive(Deserialize)]
    struct Named {
        key: String,
        name: String,
        #[serde(rename = "type")]
        employer_type: Option<EmployerType>,
    }
    let mut response = db
        .query(
            "SELECT record::id(id) AS key, name, type FROM employer;
             SELECT record::id(id) AS key, name FROM city;
             SELECT record::id(id) AS key, name FROM profession;",
        )
        .await?;
    let mut names = |index| -> Result<std::collections::HashMap<String, Named>, DbError> {
        Ok(rows::<Named>(&mut response, index)?.into_iter().map(|n| (n.key.clone(), n)).collect())
    };
    let (employers, cities, professions) = (names(0)?, names(1)?, names(2)?);
    let now = Utc::now();
    let doc = |l: Listing| {
        let employer = employers.get(&l.employer)?;
        Some(crate::search::Doc {
            summary: JobSummary {
                id: l.id,
                title: l.title,
                employer: employer.name.clone(),
                employer_type: employer.employer_type?,
                city: cities.get(&l.city)?.name.clone(),
                working_time: l.working_time,
                offer: l.offer,
                remote: l.remote,
                salary: l.salary,
                posted_at: l.posted_at,
                source: l.source,
                distance_km: None,
                comparison: None,
            },
            profession_name: professions.get(&l.profession)?.name.clone(),
            profession: l.profession,
            city_slug: l.city,
            lat: l.lat,
            lon: l.lon,
            contract: l.contract,
            experience: l.experience,
            skills: l.skills,
            valid_through: l.valid_through,
            description: l.description,
        })
    };
    // The id range is split into one part per core, each read by a task of its own (the embedded
    // engine decodes on the task that awaits a query); pages come here as they are read.
    #[derive(Deserialize)]
    struct Id {
        id: i64,
    }
    let mut response = db
        .query(
            "SELECT record::id(id) AS id FROM job LIMIT 1;
             SELECT record::id(id) AS id FROM job ORDER BY id DESC LIMIT 1;",
        )
        .await?;
    let (first, last) = (rows::<Id>(&mut response, 0)?, rows::<Id>(&mut response, 1)?);
    let (Some(first), Some(last)) = (first.first().map(|i| i.id), last.first().map(|i| i.id)) else {
        return Ok(());
    };
    let parts = std::thread::available_parallelism().map_or(2, usize::from) as i64;
    let step = (last.saturating_sub(first) / parts).saturating_add(1);
    // At most one page per reader waits here: the readers stay ahead without piling pages up.
    let (pages, mut arriving) = tokio::sync::mpsc::channel(parts as usize);
    let readers: Vec<_> = (0..parts)
        .filter_map(|k| {
            let from = step.checked_mul(k).and_then(|offset| first.checked_add(offset)).filter(|from| *from <= last)?;
            let (db, to, pages) = (db.clone(), from.saturating_add(step - 1).min(last), pages.clone());
            Some(tokio::spawn(async move { listings_in(&db, from, to, page, pages).await }))
        })
        .collect();
    drop(pages);
    while let Some(listings) = arriving.recv().await {
        each(listings.into_iter().filter(|l: &Listing| l.valid_through > now).filter_map(doc).collect());
    }
    for reader in readers {
        reader.await.unwrap_or_else(|e| std::panic::resume_unwind(e.into_panic()))?;
    }
    Ok(())
}

/// Sends the listings with ids in `from..=to` to `pages`, read `page` at a time along the record ids
/// (a range scan); stops early if nobody receives them any more.
async fn listings_in(
    db: &Db,
    mut from: i64,
    to: i64,
    page: i64,
    pages: tokio::sync::mpsc::Sender<Vec<Listing>>,
) -> Result<(), DbError> {
    while from <= to {
        let mut response = db
            .query(
                "SELECT record::id(id) AS id, title, record::id(employer) AS employer, record::id(city) AS city,
                    record::id(profession) AS profession, working_time, offer, remote, salary, posted_at, source,
                    lat, lon, contract, experience, skills, valid_through, description
                 FROM type::record('job', $from..=$to) LIMIT $page",
            )
            .bind(("from", from))
            .bind(("to", to))
            .bind(("page", page))
            .await?;
        let rows: Vec<Listing> = rows(&mut response, 0)?;
        // An empty page ends the range; a short one is not taken for the end.
        let Some(last) = rows.last().map(|last| last.id) else { break };
        if pages.send(rows).await.is_err() {
            break;
        }
        match last.checked_add(1) {
            Some(next) => from = next,
            None => break,
        }
    }
    Ok(())
}

/// One listing as [`load_docs`] reads it, its links as record keys.
#[derive(Deserialize)]
struct Listing {
    id: i64,
    title: String,
    employer: String,
    city: String,
    profession: String,
    working_time: Vec<WorkingTime>,
    offer: Offer,
    remote: Remote,
    salary: Option<Salary>,
    posted_at: DateTime<Utc>,
    source: String,
    lat: f64,
    lon: f64,
    contract: Contract,
    experience: Experience,
    skills: Vec<String>,
    valid_through: DateTime<Utc>,
    description: String,
}

/// The cities a search place can name.
pub async fn cities(db: &Db) -> Result<Vec<crate::search::City>, DbError> {
    let mut response = db.query("SELECT slug, name, lat, lon FROM city ORDER BY name").await?;
    rows(&mut response, 0)
}

/// Bumped with every write to listings; see `search::SearchHandle`.
pub async fn listings_version(db: &Db) -> Result<i64, DbError> {
    let mut response = db.query("SELECT VALUE version FROM ONLY meta:jobs").await?;
    let version: Option<i64> = response.take(0)?;
    Ok(version.unwrap_or(0))
}

/// Number of listings (active or not).
pub async fn count_all(db: &Db) -> Result<u64, DbError> {
    let mut response = db.query("SELECT count() AS n FROM job GROUP ALL").await?;
    Ok(rows::<Count>(&mut response, 0)?.first().map_or(0, |c| c.n))
}

/// The highest job id in use (new listings continue after it).
pub async fn max_id(db: &Db) -> Result<i64, DbError> {
    #[derive(Deserialize)]
    struct Max {
        m: Option<i64>,
    }
    let mut response = db.query("SELECT math::max(record::id(id)) AS m FROM job GROUP ALL").await?;
    Ok(rows::<Max>(&mut response, 0)?.first().and_then(|r| r.m).unwrap_or(0))
}
