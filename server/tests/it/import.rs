//! The import against a real in-memory SurrealDB: whole inputs or nothing, updates in place,
//! duplicates across sources, demo data never mixed with real listings.

use chrono::{DateTime, TimeZone, Utc};
use serde_json::{Value, json};
use std::io::Cursor;
use std::sync::Arc;

use crate::common::fresh_db;
use app::db::{Db, rows};
use app::import::input::Format;
use app::import::service::{Open, Options, Tally, import};
use app::jobs::model::{EmployerType, Experience, Offer, Remote, SalaryUnit, WorkingTime};
use app::jobs::repo::{count_all, get};

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 25, 10, 0, 0).unwrap()
}

pub fn text(content: impl Into<String>) -> Open {
    let bytes: Arc<[u8]> = content.into().into_bytes().into();
    Arc::new(move || Ok(Box::new(Cursor::new(bytes.clone())) as _))
}

pub async fn run(db: &Db, input: Open, source: Option<&str>, dry_run: bool) -> Tally {
    let options = Options {
        source: source.map(str::to_owned),
        fallback_source: "zeche-nord.example".into(),
        dry_run,
        now: now(),
    };
    import(db, input, &options, &mut |_| {}).await.expect("the database answers")
}

pub fn posting(id: &str, title: &str, town: (&str, &str)) -> Value {
    json!({
        "@context": "https://schema.org", "@type": "JobPosting",
        "identifier": {"@type": "PropertyValue", "value": id},
        "title": title,
        "description": "<p>Sie schneiden Videos für Social Media und betreuen unsere Kanäle. Erste Berufserfahrung ist willkommen.</p><script>alert(1)</script>",
        "datePosted": "2026-11-20", "validThrough": "2027-01-31T23:59:00+01:00",
        "employmentType": ["FULL_TIME"],
        "hiringOrganization": {"@type": "Organization", "name": "Zeche Nord GmbH", "sameAs": "https://zeche-nord.example"},
        "jobLocation": {"@type": "Place", "address": {"postalCode": town.0, "addressLocality": town.1, "addressCountry": "DE"}},
        "baseSalary": {"@type": "MonetaryAmount", "currency": "EUR", "value": {"@type": "QuantitativeValue", "minValue": "2.600", "maxValue": 3000, "unitText": "MONTH"}},
        "url": format!("https://zeche-nord.example/jobs/{id}")
    })
}

pub fn lines(postings: &[Value]) -> String {
    postings.iter().map(|p| format!("{p}\n")).collect()
}

#[derive(serde::Deserialize, Debug)]
struct Link {
    source: String,
    job: i64,
}

async fn links(db: &Db) -> Vec<Link> {
    let mut response =
        db.query("SELECT source, record::id(job) AS job FROM listing_source ORDER BY source, job").await.unwrap();
    rows(&mut response, 0).unwrap()
}

#[tokio::test]
async fn a_valid_input_is_imported_mapped_and_placed() {
    let db = fresh_db().await;
    let input = lines(&[
        posting("zm-1", "Videoeditor (m/w/d) Social Media", ("44787", "Bochum")),
        posting("zm-2", "Junior Mediengestalter:in Digital", ("45127", "Essen")),
        posting("zm-3", "Fotograf/in", ("44866", "")),
    ]);
    let tally = run(&db, text(input), None, false).await;
    assert!(tally.imported(), "{:?}", tally.errors);
    assert_eq!((tally.new, tally.format, tally.source.as_str()), (3, Some(Format::JsonLines), "zeche-nord.example"));
    assert_eq!(count_all(&db).await.unwrap(), 3);
    let ids: Vec<i64> = links(&db).await.iter().map(|l| l.job).collect();
    let first = get(&db, ids[0]).await.unwrap().unwrap();
    let s = &first.summary;
    assert_eq!((s.title.as_str(), s.profession.as_str()), ("Videoeditor (m/w/d) Social Media", "videoeditor"));
    assert_eq!((s.location.city.as_str(), s.location.postal_code.as_deref()), ("Bochum", Some("44787")));
    assert_eq!(s.location.region.as_deref(), Some("Nordrhein-Westfalen"));
    assert!((s.location.lat - 51.48).abs() < 0.05 && (s.location.lon - 7.22).abs() < 0.05);
    assert_eq!(
        (s.employer.kind, s.employer.website.as_deref()),
        (EmployerType::Unspecified, Some("https://zeche-nord.example"))
    );
    assert_eq!(
        (s.offer, s.remote, s.working_time.as_slice()),
        (Offer::Employment, Remote::OnSite, [WorkingTime::FullTime].as_slice())
    );
    let salary = s.salary.as_ref().unwrap();
    assert_eq!((salary.min, salary.max, salary.unit), (2600, 3000, SalaryUnit::Month));
    assert!(!first.description.contains("script") && first.description.starts_with("<p>Sie schneiden"));
    assert_eq!(first.external_id, "zm-1");
    assert!(!s.is_demo());
    let junior = get(&db, ids[1]).await.unwrap().unwrap();
    assert_eq!(junior.summary.experience, Experience::Entry);
    let wattenscheid = get(&db, ids[2]).await.unwrap().unwrap();
    assert_eq!(wattenscheid.summary.location.city, "Bochum", "a postcode alone places the listing");
}

#[tokio::test]
async fn any_error_rejects_the_whole_input_and_every_error_is_named() {
    let db = fresh_db().await;
    let mut broken = posting("zm-2", "Mediengestalter", ("45127", "Essen"));
    broken["datePosted"] = json!("2026-02-31");
    broken["baseSalary"] = json!("ca. 3000");
    let mut no_title = posting("zm-3", "x", ("44787", "Bochum"));
    no_title.as_object_mut().unwrap().remove("title");
    let input = format!("{}\n{broken}\n\n{no_title}\n", posting("zm-1", "Fotograf", ("44787", "Bochum")));
    let tally = run(&db, text(input), None, false).await;
    assert!(!tally.imported());
    let errors: Vec<String> = tally.errors.iter().map(ToString::to_string).collect();
    assert_eq!(errors.len(), 3, "{errors:#?}");
    assert!(errors[0].starts_with("Zeile 2, datePosted: „2026-02-31“ ist kein Datum, das es gibt"));
    assert!(errors[1].starts_with("Zeile 2, baseSalary: „ca. 3000“ ist kein eindeutiger Betrag"));
    assert_eq!(errors[2], "Zeile 4, title: fehlt");
    assert_eq!(count_all(&db).await.unwrap(), 0, "nothing of the input is written");
    // A file that is no JSON at all names line and column.
    let tally = run(&db, text("{\n  \"@type\": \"JobPosting\",\n  \"title\": tru\n}"), None, false).await;
    assert!(tally.errors[0].message.ends_with("am Ende von Zeile 3"), "{:?}", tally.errors);
}

#[tokio::test]
async fn reimporting_updates_in_place_and_counts_unchanged_ones() {
    let db = fresh_db().await;
    let first =
        lines(&[posting("zm-1", "Fotograf", ("44787", "Bochum")), posting("zm-2", "Cutter/in", ("44787", "Bochum"))]);
    assert_eq!(run(&db, text(first.clone()), None, false).await.new, 2);
    let before: Vec<Link> = links(&db).await;
    let again = run(&db, text(first), None, false).await;
    assert_eq!((again.new, again.unchanged, again.updated), (0, 2, 0));
    let mut changed = posting("zm-2", "Cutter/in (Teilzeit)", ("44787", "Bochum"));
    changed["employmentType"] = json!("part-time");
    let tally = run(&db, text(lines(&[posting("zm-1", "Fotograf", ("44787", "Bochum")), changed])), None, false).await;
    assert_eq!((tally.new, tally.unchanged, tally.updated), (0, 1, 1));
    let after: Vec<Link> = links(&db).await;
    assert_eq!(
        before.iter().map(|l| l.job).collect::<Vec<_>>(),
        after.iter().map(|l| l.job).collect::<Vec<_>>(),
        "ids stay"
    );
    let updated = get(&db, after[1].job).await.unwrap().unwrap();
    assert_eq!(updated.summary.title, "Cutter/in (Teilzeit)");
    assert_eq!(updated.summary.working_time, [WorkingTime::PartTime]);
    assert_eq!(count_all(&db).await.unwrap(), 2);
}

#[tokio::test]
async fn a_dry_run_checks_everything_and_writes_nothing() {
    let db = fresh_db().await;
    let tally = run(&db, text(lines(&[posting("zm-1", "Fotograf", ("44787", "Bochum"))])), None, true).await;
    assert_eq!((tally.new, tally.imported()), (1, true));
    assert_eq!(count_all(&db).await.unwrap(), 0);
}

#[tokio::test]
async fn the_same_job_from_two_sources_is_one_listing_with_both_links() {
    let db = fresh_db().await;
    let employer_ad = posting("zm-1", "Mediengestalter (m/w/d) Digital und Print", ("44787", "Bochum"));
    assert_eq!(run(&db, text(lines(&[employer_ad])), None, false).await.new, 1);
    let jobsuche = json!({"stellenangebote": [
        {"refnr": "10000-1-S", "titel": "Mediengestalterin (w/m/d) Digital und Print", "arbeitgeber": "Zeche Nord",
         "arbeitsort": {"plz": "44787", "ort": "Bochum", "land": "Deutschland"}, "aktuelleVeroeffentlichungsdatum": "2026-11-15"},
        {"refnr": "10000-2-S", "titel": "Mediengestalter (m/w/d) Digital und Print", "arbeitgeber": "Zeche Nord GmbH",
         "arbeitsort": {"plz": "45127", "ort": "Essen", "land": "Deutschland"}, "aktuelleVeroeffentlichungsdatum": "2026-11-15"},
        {"refnr": "10000-3-S", "titel": "Mediengestalter (m/w/d) Digital und Print", "arbeitgeber": "Revier Druck GmbH",
         "arbeitsort": {"plz": "44787", "ort": "Bochum", "land": "Deutschland"}, "aktuelleVeroeffentlichungsdatum": "2026-11-15"}
    ], "maxErgebnisse": 3});
    let tally = run(&db, text(jobsuche.to_string()), None, false).await;
    assert!(tally.imported(), "{:?}", tally.errors);
    assert_eq!(
        (tally.source.as_str(), tally.merged, tally.new),
        ("arbeitsagentur", 1, 2),
        "other town, other employer: new"
    );
    assert_eq!(count_all(&db).await.unwrap(), 3);
    let found = links(&db).await;
    let employer_job = found.iter().find(|l| l.source == "zeche-nord.example").unwrap().job;
    assert!(found.iter().any(|l| l.source == "arbeitsagentur" && l.job == employer_job), "{found:?}");
    let merged = get(&db, employer_job).await.unwrap().unwrap();
    assert_eq!(merged.summary.posted_at.date_naive().to_string(), "2026-11-14", "the earliest posting date wins");
}

#[tokio::test]
async fn real_listings_never_share_the_database_with_demo_data() {
    let db = fresh_db().await;
    server::seed::seed_demo(&db, 30, now(), |_| {}).await.unwrap();
    let tally = run(&db, text(lines(&[posting("zm-1", "Fotograf", ("44787", "Bochum"))])), None, false).await;
    assert_eq!((tally.new, tally.demo_removed), (1, 30));
    assert_eq!(count_all(&db).await.unwrap(), 1);
}

async fn page(db: &Db, path: &str) -> (u16, String) {
    use axum::body::Body;
    use http_body_util::BodyExt;
    use tower::ServiceExt;
    let state = server::app_state(server::test_options(), db.clone(), None).await.unwrap();
    let response =
        server::build_router(state).oneshot(axum::http::Request::get(path).body(Body::empty()).unwrap()).await.unwrap();
    let status = response.status().as_u16();
    let body = response.into_body().collect().await.unwrap().to_bytes();
    (status, String::from_utf8_lossy(&body).into_owned())
}

#[tokio::test]
async fn an_imported_listing_is_shown_indexed_and_linked_to_its_sources() {
    let db = fresh_db().await;
    let today = Utc::now();
    let day = |offset: i64| (today + chrono::Duration::days(offset)).format("%Y-%m-%d").to_string();
    let mut ad = posting("zn-7", "Mediengestalter (m/w/d) Digital und Print", ("44787", "Bochum"));
    ad["datePosted"] = json!(day(-3));
    ad["validThrough"] = json!(day(30));
    ad["jobLocation"]["address"]["streetAddress"] = json!("Kortumstraße 12");
    let options = |source: Option<&str>| Options {
        source: source.map(str::to_owned),
        fallback_source: "zeche-nord.example".into(),
        dry_run: false,
        now: today,
    };
    import(&db, text(lines(&[ad])), &options(None), &mut |_| {}).await.unwrap();
    let jobsuche = json!({"stellenangebote": [{"refnr": "10000-7-S", "titel": "Mediengestalterin (w/m/d) Digital und Print",
        "arbeitgeber": "Zeche Nord", "arbeitsort": {"plz": "44787", "ort": "Bochum", "land": "Deutschland"},
        "aktuelleVeroeffentlichungsdatum": day(-5)}]});
    let tally = import(&db, text(jobsuche.to_string()), &options(None), &mut |_| {}).await.unwrap();
    assert_eq!(tally.merged, 1);
    let id = links(&db).await[0].job;
    let listing = get(&db, id).await.unwrap().unwrap();
    let (status, html) = page(&db, &listing.summary.href()).await;
    assert_eq!(status, 200);
    assert!(html.contains("Quelle: <a href=\"https://zeche-nord.example/jobs/zn-7\""), "own source linked");
    let also = &html[html.find("Auch veröffentlicht bei").expect("the other source is named")..];
    assert!(also.contains("<a href=\"https://www.arbeitsagentur.de/jobsuche/jobdetail/10000-7-S\""));
    assert!(html.contains("Bundesagentur für Arbeit"));
    let checked = format!("Zuletzt geprüft am {} bei Bundesagentur für Arbeit", app::ui::format::format_date(&today));
    assert!(html.contains(&checked), "the last confirmation and its source");
    assert!(!html.contains("data-testid=\"demo-notice\""), "real listings carry no demo notice");
    assert!(!html.contains("noindex"));
    let ld_start = html.find("application/ld+json").expect("JobPosting data in the head");
    let ld = &html[ld_start..ld_start + html[ld_start..].find("</script>").unwrap()];
    for property in [
        "\"identifier\"",
        "\"directApply\"",
        "\"unitText\":\"MONTH\"",
        "\"streetAddress\":\"Kortumstraße 12\"",
        "\"postalCode\":\"44787\"",
        "\"validThrough\"",
    ] {
        assert!(ld.contains(property), "{property} in {ld}");
    }
    let (_, sitemap) = page(&db, "/sitemap/jobs-1.xml").await;
    assert!(sitemap.contains(&listing.summary.href()), "{sitemap}");
    let (_, api) = page(&db, "/api/v1/jobs?place=bochum").await;
    assert!(api.contains("\"source\":\"zeche-nord.example\""));
}

/// Makes the import runs look as if their process were still writing, `minutes_ago` last heard of.
async fn as_if_writing(db: &Db, minutes_ago: i64) {
    db.query("UPDATE import_run SET state = 'writing', heartbeat = time::now() - $gap")
        .bind(("gap", surrealdb::types::Duration::from_secs(minutes_ago as u64 * 60)))
        .await
        .unwrap()
        .check()
        .unwrap();
}

#[tokio::test]
async fn listings_of_an_import_still_writing_are_nowhere_and_a_stopped_one_is_removed() {
    let db = fresh_db().await;
    let ads = lines(&[
        posting("zm-1", "Videoeditor (m/w/d)", ("44787", "Bochum")),
        posting("zm-2", "Fotograf/in", ("45127", "Essen")),
    ]);
    assert_eq!(run(&db, text(ads.clone()), None, false).await.new, 2);
    let ids: Vec<i64> = links(&db).await.iter().map(|l| l.job).collect();
    assert_eq!(app::search::load::load(&db, now()).await.unwrap().len(), 2);

    // Its process still writing: neither the page, the search nor the next import sees them.
    as_if_writing(&db, 1).await;
    assert!(get(&db, ids[0]).await.unwrap().is_none());
    assert_eq!(app::search::load::load(&db, now()).await.unwrap().len(), 0);
    let refused = run(&db, text(ads.clone()), None, false).await;
    assert!(refused.errors[0].message.contains("ein anderer Import der Quelle „zeche-nord.example“"), "{refused:?}");
    assert_eq!(count_all(&db).await.unwrap(), 2, "nothing written");

    // Its process stopped long ago: the next import removes what it staged and starts afresh.
    as_if_writing(&db, 60).await;
    let again = run(&db, text(ads), None, false).await;
    assert!(again.imported(), "{:?}", again.errors);
    assert_eq!(again.new, 2);
    assert_eq!(count_all(&db).await.unwrap(), 2, "the staged listings are gone, the new ones there");
    assert_eq!(links(&db).await.len(), 2);
    assert!(get(&db, ids[0]).await.unwrap().is_none(), "the stopped run's ids are not reused");
    assert_eq!(app::search::load::load(&db, now()).await.unwrap().len(), 2);
}

#[tokio::test]
async fn an_ad_without_an_end_stays_listed_60_days_past_its_last_confirmation() {
    let db = fresh_db().await;
    let mut ad = posting("zm-1", "Fotograf/in", ("44787", "Bochum"));
    ad.as_object_mut().unwrap().remove("validThrough");
    let at = |days: i64| Options {
        source: None,
        fallback_source: "zeche-nord.example".into(),
        dry_run: false,
        now: now() + chrono::Duration::days(days),
    };
    import(&db, text(lines(&[ad.clone()])), &at(0), &mut |_| {}).await.unwrap();
    let id = links(&db).await[0].job;
    let end = |l: app::jobs::model::Listing| l.summary.valid_through;
    assert_eq!(end(get(&db, id).await.unwrap().unwrap()), now() + chrono::Duration::days(60));
    // Found unchanged 40 days later: confirmed, listed 60 days from then.
    let again = import(&db, text(lines(&[ad])), &at(40), &mut |_| {}).await.unwrap();
    assert_eq!((again.unchanged, again.updated), (1, 0), "a moving end is no change");
    assert_eq!(end(get(&db, id).await.unwrap().unwrap()), now() + chrono::Duration::days(100));
}

/// After a failure, a run's staged listings go unless its commit went through all the same.
#[tokio::test]
async fn a_failed_run_is_removed_at_once_unless_it_committed() {
    use app::import::repo::{Run, Writer, reserve_ids};
    use surrealdb::types::Value;
    let db = fresh_db().await;
    let staged = async |db: &Db| {
        let first = reserve_ids(db, 1).await.unwrap();
        let run = Run::begin(db, "zeche-nord.example", first, first).await.unwrap();
        let row = app::jobs::repo::row_of(&crate::common::job(first, "Cutter/in", "medienassistent", "bochum", 0));
        run.stage(db, (Value::Array(vec![row.unwrap()].into()), Value::Array(Vec::<Value>::new().into())))
            .await
            .unwrap();
        (run, first)
    };

    let (failed, id) = staged(&db).await;
    failed.abandon_unless_committed(&db).await.unwrap();
    assert_eq!(count_all(&db).await.unwrap(), 0, "the staged listing is gone");
    let fresh = run(&db, text(lines(&[posting("zm-1", "Fotograf/in", ("44787", "Bochum"))])), None, false).await;
    assert!(fresh.imported(), "the source is free at once: {:?}", fresh.errors);

    let (committed, kept) = staged(&db).await;
    Writer::begin(&db, "zeche-nord.example").await.unwrap().commit(Some(&committed)).await.unwrap();
    committed.abandon_unless_committed(&db).await.unwrap();
    assert!(get(&db, kept).await.unwrap().is_some() && kept > id, "a committed run's listing stays");
}
