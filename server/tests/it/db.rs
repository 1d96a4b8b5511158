//! Repository behaviour against a real in-memory SurrealDB with the real schema.

use chrono::{TimeZone, Utc};

use crate::common::{db_at_version, expired, fresh_db, job, monthly};
use app::careers::repo as careers;
use app::db::rows;
use app::jobs::filter::JobFilter;
use app::jobs::model::SearchResponse;
use app::jobs::repo::{count_all, get, insert};
use app::search::SearchHandle;
use server::db::{MIGRATIONS, apply_schema, schema_version};
use server::seed::seed_demo;

fn filter(q: &str, place: &str, profession: &str) -> JobFilter {
    JobFilter {
        q: q.into(),
        place: place.into(),
        radius_km: Some(0),
        profession: profession.into(),
        ..Default::default()
    }
}

/// Searches the index as an app server would build it from this database.
async fn search(db: &app::db::Db, f: &JobFilter) -> Result<SearchResponse, app::db::DbError> {
    Ok(SearchHandle::load(db).await?.current().search(f, Utc::now()))
}

#[tokio::test]
async fn schema_is_recorded_and_reapplying_changes_nothing() {
    let db = fresh_db().await;
    let latest = MIGRATIONS.last().unwrap().0;
    assert_eq!(schema_version(&db).await.unwrap(), latest);
    assert_eq!(apply_schema(&db).await.unwrap(), latest);
    // Re-running every migration by hand is harmless too (each statement is idempotent).
    for (_, sql) in MIGRATIONS {
        db.query(*sql).await.unwrap().check().unwrap();
    }
    #[derive(serde::Deserialize)]
    struct N {
        n: u64,
    }
    let mut r = db
        .query("SELECT count() AS n FROM city GROUP ALL; SELECT count() AS n FROM profession GROUP ALL")
        .await
        .unwrap();
    assert_eq!(rows::<N>(&mut r, 0).unwrap()[0].n, 14);
    assert_eq!(rows::<N>(&mut r, 1).unwrap()[0].n, 8, "seven media professions and \"Andere Berufe\"");
}

/// A database as version 5 left it: listings link to employer and city records.
#[tokio::test]
async fn listings_written_before_version_6_keep_their_employer_and_place() {
    let db = db_at_version(5).await;
    db.query(
        "CREATE employer:e1 CONTENT { name: 'Zeche Alt GmbH', type: 'sme', source: 'test' };
         CREATE job:5 CONTENT {
            title: 'Medienassistent/in', profession: profession:medienassistent, employer: employer:e1,
            city: city:essen, lat: 51.45, lon: 7.01, description: '<p>Alt</p><script>alert(1)</script>', working_time: ['full_time'],
            offer: 'employment', remote: 'on_site', contract: 'permanent', experience: 'entry', skills: ['Video'],
            posted_at: time::now() - 1d, valid_through: time::now() + 10d, source: 'test', external_id: 'alt-5' };",
    )
    .await
    .unwrap()
    .check()
    .unwrap();
    assert_eq!(apply_schema(&db).await.unwrap(), MIGRATIONS.last().unwrap().0);
    let listing = get(&db, 5).await.unwrap().expect("the listing survives");
    let s = &listing.summary;
    assert_eq!((s.employer.name.as_str(), s.employer.kind), ("Zeche Alt GmbH", app::jobs::model::EmployerType::Sme));
    assert_eq!((s.location.city.as_str(), s.location.city_slug.as_str()), ("Essen", "essen"));
    assert_eq!((s.location.lat, s.location.lon), (51.45, 7.01));
    assert_eq!(listing.description, "<p>Alt</p>", "a description stored unsanitised is sanitised as read");
    let index = SearchHandle::load(&db).await.unwrap().current();
    assert_eq!(index.search(&filter("", "essen", "medienassistent"), Utc::now()).total, 1);
    // A new listing is written in the new shape next to it.
    insert(&db, &[job(6, "Neu", "medienassistent", "bochum", 0)]).await.unwrap();
    assert_eq!(count_all(&db).await.unwrap(), 2);
}

#[tokio::test]
async fn seeding_writes_everything_and_reseeding_replaces_demo_data() {
    let db = fresh_db().await;
    let today = Utc.with_ymd_and_hms(2026, 11, 26, 9, 0, 0).unwrap();
    let mut written = 0;
    let report = seed_demo(&db, 1200, today, |k| written += k).await.unwrap();
    assert_eq!(written, 1200);
    assert_eq!(report.jobs, 1200);
    assert_eq!(count_all(&db).await.unwrap(), 1200);
    // Every generated listing names a profession and a city that exist, and its employer.
    #[derive(serde::Deserialize)]
    struct N {
        n: u64,
    }
    let mut r = db
        .query(
            "SELECT count() AS n FROM job WHERE profession.name != NONE
                AND type::record('city', location.city_slug).name = location.city AND employer.name != NONE GROUP ALL",
        )
        .await
        .unwrap();
    assert_eq!(rows::<N>(&mut r, 0).unwrap()[0].n, 1200);

    let again = seed_demo(&db, 50, today, |_| {}).await.unwrap();
    assert_eq!(again.removed, 1200);
    assert_eq!(count_all(&db).await.unwrap(), 50);
}

#[tokio::test]
async fn search_hides_expired_listings_and_applies_every_filter() {
    let db = fresh_db().await;
    insert(
        &db,
        &[
            job(1, "Medienassistent/in Social Media", "medienassistent", "bochum", 1),
            job(2, "Mediengestalter/in Print", "mediengestalter", "bochum", 2),
            job(3, "Medienassistent/in Eventtechnik", "medienassistent", "essen", 3),
            expired(job(4, "Medienassistent/in abgelaufen", "medienassistent", "bochum", 0)),
        ],
    )
    .await
    .unwrap();

    let all = search(&db, &filter("", "", "")).await.unwrap();
    assert_eq!(all.total, 3);
    // Newest first.
    assert_eq!(all.items.iter().map(|j| j.summary.id).collect::<Vec<_>>(), vec![1, 2, 3]);
    assert_eq!(all.items[0].summary.employer.name, "Testagentur Zeche");
    assert_eq!(all.items[0].summary.location.city, "Bochum");

    let bochum = search(&db, &filter("", "bochum", "")).await.unwrap();
    assert_eq!(bochum.items.iter().map(|j| j.summary.id).collect::<Vec<_>>(), vec![1, 2]);
    let assistants_in_bochum = search(&db, &filter("", "bochum", "medienassistent")).await.unwrap();
    assert_eq!(assistants_in_bochum.items.iter().map(|j| j.summary.id).collect::<Vec<_>>(), vec![1]);
    // Text matches title, employer and skills, case-insensitively.
    assert_eq!(search(&db, &filter("EVENTTECHNIK", "", "")).await.unwrap().total, 1);
    assert_eq!(search(&db, &filter("zeche", "", "")).await.unwrap().total, 3);
    assert_eq!(search(&db, &filter("bildbearbeitung", "", "")).await.unwrap().total, 3);
    assert_eq!(search(&db, &filter("Kernphysik", "", "")).await.unwrap().total, 0);
    // Injection attempts are just text (and an unknown place is reported, not obeyed).
    assert_eq!(search(&db, &filter("' OR 1=1; DELETE job; --", "", "")).await.unwrap().total, 0);
    assert_eq!(count_all(&db).await.unwrap(), 4);
}

#[tokio::test]
async fn paging_splits_results() {
    let db = fresh_db().await;
    let jobs: Vec<_> = (1..=45).map(|i| job(i, &format!("Stelle {i}"), "medienassistent", "bochum", i)).collect();
    insert(&db, &jobs).await.unwrap();
    let third = search(&db, &JobFilter { page: 3, ..Default::default() }).await.unwrap();
    assert_eq!(third.total, 45);
    assert_eq!(third.page_count(), 3);
    // Oldest last: the third page holds the five oldest.
    assert_eq!(third.items.iter().map(|j| j.summary.id).collect::<Vec<_>>(), (41..=45).collect::<Vec<_>>());
}

#[tokio::test]
async fn detail_has_every_field_and_a_sanitized_description() {
    let db = fresh_db().await;
    let mut j = job(7, "Medienassistent/in", "medienassistent", "bochum", 1);
    j.description = "<p onclick=\"x()\">Hallo</p><script>alert(1)</script>".into();
    insert(&db, &[j, expired(job(8, "Alt", "medienassistent", "bochum", 0))]).await.unwrap();

    let d = get(&db, 7).await.unwrap().expect("job 7");
    let mut expected = job(7, "Medienassistent/in", "medienassistent", "bochum", 1);
    expected.description = "<p>Hallo</p>".into();
    // As written, but for the sanitised description and datetimes as the database keeps them.
    expected.summary.posted_at = d.summary.posted_at;
    expected.summary.valid_through = d.summary.valid_through;
    assert_eq!(d, expected);

    assert!(get(&db, 8).await.unwrap().unwrap().summary.valid_through < Utc::now());
    assert!(get(&db, 999).await.unwrap().is_none());
}

#[tokio::test]
async fn bad_rows_are_refused_and_a_failed_batch_writes_nothing() {
    let db = fresh_db().await;
    let mut bad = job(2, "Kaputt", "medienassistent", "bochum", 1);
    bad.summary.salary = monthly(3000, 2000);
    let result = insert(&db, &[job(1, "Gut", "medienassistent", "bochum", 1), bad]).await;
    let refused = result.err().map(|e| e.to_string()).unwrap_or_default();
    assert!(refused.contains("Anzeige 2: salary:"), "min > max must be refused: {refused}");
    assert_eq!(count_all(&db).await.unwrap(), 0, "nothing of the batch is written");

    let mut bad_mail = job(3, "Mail", "medienassistent", "bochum", 1);
    bad_mail.apply_url = None;
    bad_mail.apply_email = Some("keine-adresse".into());
    assert!(insert(&db, &[bad_mail]).await.is_err());

    // The schema still holds the types: a value outside a vocabulary fails in the database.
    let sql = "INSERT INTO job $rows RETURN NONE";
    let mut row = app::jobs::repo::row_of(&job(4, "Typ", "medienassistent", "bochum", 1)).unwrap();
    if let surrealdb::types::Value::Object(fields) = &mut row {
        fields.insert("offer", surrealdb::types::SurrealValue::into_value("stundenweise".to_owned()));
    }
    assert!(db.query(sql).bind(("rows", vec![row])).await.unwrap().check().is_err());
    assert_eq!(count_all(&db).await.unwrap(), 0);
}

#[tokio::test]
async fn career_page_figures_come_from_live_listings() {
    let db = fresh_db().await;
    let salaries = [(2300, 2500), (2400, 2800), (2600, 3000), (2800, 3200), (3000, 3400)];
    let mut jobs: Vec<_> = salaries
        .iter()
        .enumerate()
        .map(|(i, (lo, hi))| {
            let mut j = job(i as i64 + 1, "Medienassistent/in", "medienassistent", "bochum", 1);
            j.summary.salary = monthly(*lo, *hi);
            j
        })
        .collect();
    let mut no_salary = job(10, "Ohne Gehalt", "medienassistent", "bochum", 1);
    no_salary.summary.salary = None;
    jobs.push(no_salary);
    jobs.push(job(11, "Woanders", "medienassistent", "essen", 1));
    let mut apprenticeship = job(13, "Ausbildung", "medienassistent", "bochum", 1);
    apprenticeship.summary.offer = app::jobs::model::Offer::Apprenticeship;
    apprenticeship.summary.salary = monthly(1000, 1100);
    jobs.push(apprenticeship);
    jobs.push(expired(job(12, "Abgelaufen", "medienassistent", "bochum", 1)));
    insert(&db, &jobs).await.unwrap();

    let career = careers::get(&db, "medienassistent", "bochum").await.unwrap().expect("article");
    let index = SearchHandle::load(&db).await.unwrap().current();
    let figures = app::careers::service::live_figures(&index, &career, Utc::now());
    assert_eq!(figures.open_listings, 7);
    assert_eq!(figures.salary.n, 5);
    // Midpoints 2400, 2600, 2800, 3000, 3200: median 2800, quartiles 2600 and 3000;
    // the apprenticeship does not count.
    assert_eq!((figures.salary.p25, figures.salary.median, figures.salary.p75), (Some(2600), Some(2800), Some(3000)));
    assert!(!figures.demo);
    assert!(career.html.contains("<h2>"));
    assert!(careers::get(&db, "medienassistent", "essen").await.unwrap().is_none());

    // Below five stated salaries there is no median.
    db.query("DELETE job WHERE record::id(id) IN [1, 2]").await.unwrap().check().unwrap();
    let index = SearchHandle::load(&db).await.unwrap().current();
    let figures = app::careers::service::live_figures(&index, &career, Utc::now());
    assert_eq!(figures.salary.median, None);
    assert_eq!(figures.salary.n, 3);
}

#[tokio::test]
async fn a_running_index_sees_new_listings_within_two_seconds() {
    let db = fresh_db().await;
    // Two app servers on the same database, each with its own index.
    let (a, b) = (SearchHandle::load(&db).await.unwrap(), SearchHandle::load(&db).await.unwrap());
    for h in [&a, &b] {
        h.spawn_refresher(db.clone(), std::time::Duration::from_millis(250));
    }
    insert(&db, &[job(1, "Neu", "medienassistent", "bochum", 0)]).await.unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(2);
    for h in [&a, &b] {
        while h.current().search(&JobFilter::default(), Utc::now()).total != 1 {
            assert!(std::time::Instant::now() < deadline, "index did not pick up the new listing within 2 s");
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
    }
    // Deleting is seen as well.
    app::jobs::repo::delete_source(&db, "test").await.unwrap();
    assert!(a.refresh(&db).await.unwrap());
    assert_eq!(a.current().search(&JobFilter::default(), Utc::now()).total, 0);
}

/// How many active listings meet the SurrealQL `condition`: the plain definition the index answers
/// are checked against.
async fn active_where(db: &app::db::Db, condition: &str) -> u64 {
    #[derive(serde::Deserialize)]
    struct N {
        n: u64,
    }
    let sql = format!("SELECT count() AS n FROM job WHERE valid_through > time::now() AND {condition} GROUP ALL");
    let mut r = db.query(sql).await.unwrap();
    rows::<N>(&mut r, 0).unwrap().first().map_or(0, |n| n.n)
}

#[tokio::test]
async fn search_over_seeded_data_agrees_with_surrealql() {
    let db = fresh_db().await;
    seed_demo(&db, 800, Utc::now(), |_| {}).await.unwrap();
    let index = SearchHandle::load(&db).await.unwrap().current();
    let cases: [(&str, &str); 6] = [
        ("", "true"),
        ("place=bochum&radius_km=0", "location.city_slug = 'bochum'"),
        ("offer=employment&offer=internship", "offer IN ['employment', 'internship']"),
        ("working_time=part_time&remote=hybrid", "'part_time' IN working_time AND remote = 'hybrid'"),
        ("employer_type=public&experience=entry", "employer.type = 'public' AND experience = 'entry'"),
        ("salary_only=true&contract=fixed_term", "salary != NONE AND contract = 'fixed_term'"),
    ];
    for (query, condition) in cases {
        let pairs: Vec<(&str, &str)> =
            query.split('&').filter(|p| !p.is_empty()).map(|p| p.split_once('=').unwrap()).collect();
        let (f, issues) = JobFilter::parse(pairs);
        assert!(issues.is_empty());
        let expected = active_where(&db, condition).await;
        assert!(expected > 0, "{query} should match demo data");
        assert_eq!(index.search(&f, Utc::now()).total, expected, "{query}");
    }
}

#[tokio::test]
async fn the_index_loads_every_active_listing_once_whatever_the_page_size() {
    let db = fresh_db().await;
    seed_demo(&db, 300, Utc::now(), |_| {}).await.unwrap();
    // Gaps in the ids, and an id at the far end of the range, must not end the paging early.
    let at = |id, title| job(id, title, "medienassistent", "bochum", 1);
    insert(&db, &[at(1_000_000, "Lückenjob"), at(i64::MAX, "Letzter Job"), expired(at(999_999, "Alt"))]).await.unwrap();
    let mut r = db.query("SELECT VALUE record::id(id) FROM job WHERE valid_through > time::now()").await.unwrap();
    let mut expected: Vec<i64> = r.take(0).unwrap();
    expected.sort_unstable();
    assert!(expected.len() > 250 && expected.contains(&i64::MAX) && !expected.contains(&999_999));
    for page in [1, 7, 300, 5_000] {
        let mut ids = Vec::new();
        app::search::load::each_page(&db, page, |listings| {
            ids.extend(listings.iter().filter(|l| l.summary.valid_through > Utc::now()).map(|l| l.summary.id))
        })
        .await
        .unwrap();
        ids.sort_unstable(); // pages come in any order; a listing twice would still show
        assert_eq!(ids, expected, "page size {page}");
    }
}

#[tokio::test]
async fn salary_explorer_counts_what_surrealql_counts_over_seeded_data() {
    let db = fresh_db().await;
    seed_demo(&db, 800, Utc::now(), |_| {}).await.unwrap();
    let index = SearchHandle::load(&db).await.unwrap().current();
    let cases: [(&str, &str); 4] = [
        ("", "true"),
        ("experience=entry", "experience = 'entry'"),
        ("place=bochum&radius_km=0", "location.city_slug = 'bochum'"),
        ("offer=employment&employer_type=agency", "offer = 'employment' AND employer.type = 'agency'"),
    ];
    for (query, condition) in cases {
        let (f, _) = JobFilter::parse_query(query);
        let expected = active_where(&db, &format!("salary.source = 'employer' AND {condition}")).await;
        let report = index.salaries(&f, Utc::now());
        assert!(expected >= 5, "{query}");
        assert_eq!(u64::from(report.stats.figures.n), expected, "{query}");
        assert!(report.stats.figures.median.is_some() && report.stats.demo, "{query}: figures, labelled as demo");
    }
}
