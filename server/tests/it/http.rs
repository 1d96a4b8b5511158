//! HTTP behaviour through the real router: status codes, headers, server-rendered HTML.

use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use tower::ServiceExt;

use crate::common::{expired, fresh_db, job, monthly};
use app::db::Db;
use app::jobs::model::Experience;
use app::jobs::repo::insert;
use app::state::SiteConfig;

async fn get(db: &Db, path: &str) -> (StatusCode, axum::http::HeaderMap, String) {
    let state = server::app_state(server::test_options(), db.clone(), None).await.unwrap();
    let router = server::build_router(state);
    let response = router.oneshot(Request::get(path).body(Body::empty()).unwrap()).await.unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let body = response.into_body().collect().await.unwrap().to_bytes();
    (status, headers, String::from_utf8_lossy(&body).into_owned())
}

async fn db_with_jobs() -> Db {
    let db = fresh_db().await;
    let jobs: Vec<_> =
        (1..=25).map(|i| job(i, &format!("Medienassistent/in Nr. {i}"), "medienassistent", "bochum", i)).collect();
    insert(&db, &jobs).await.unwrap();
    insert(&db, &[expired(job(99, "Abgelaufene Stelle", "medienassistent", "bochum", 0))]).await.unwrap();
    db
}

#[tokio::test]
async fn health_and_readiness() {
    let db = fresh_db().await;
    assert_eq!(get(&db, "/healthz").await.0, StatusCode::OK);
    let (status, _, body) = get(&db, "/readyz").await;
    assert_eq!((status, body.as_str()), (StatusCode::OK, "ready"));
}

#[tokio::test]
async fn pages_carry_security_headers_and_german_markup() {
    let db = db_with_jobs().await;
    let (status, headers, body) = get(&db, "/").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers["x-content-type-options"], "nosniff");
    assert_eq!(headers["referrer-policy"], "strict-origin-when-cross-origin");
    assert_eq!(headers["x-frame-options"], "DENY");
    assert!(body.contains("<html lang=\"de\""));
    assert!(body.contains("Medienjobs in Bochum"));
    assert!(body.contains("Medienassistent/in Nr. 1"), "home lists the newest jobs");
}

#[tokio::test]
async fn job_list_is_server_rendered_and_paged() {
    let db = db_with_jobs().await;
    let (status, _, body) = get(&db, "/jobs").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body.matches("data-testid=\"job-card\"").count(), 20);
    assert!(body.contains("25 Stellen"));
    assert!(!body.contains("Abgelaufene Stelle"));
    assert!(body.contains("href=\"/jobs?page=2#ergebnisse\""), "paging lands on the results");

    let (_, _, page2) = get(&db, "/jobs?page=2").await;
    assert_eq!(page2.matches("data-testid=\"job-card\"").count(), 5);

    let (_, _, filtered) = get(&db, "/jobs?q=Nr.+17&place=bochum").await;
    assert_eq!(filtered.matches("data-testid=\"job-card\"").count(), 1);
    assert!(filtered.contains("value=\"Nr. 17\""), "the form shows the active filter");
}

#[tokio::test]
async fn profession_and_city_paths_equal_the_query_form() {
    let db = db_with_jobs().await;
    let (status, _, path_page) = get(&db, "/jobs/medienassistent/bochum").await;
    assert_eq!(status, StatusCode::OK, "{}", &path_page[path_page.find("<main").unwrap_or(0)..]);
    let (_, _, query_page) = get(&db, "/jobs?profession=medienassistent&place=bochum").await;
    let cards = |html: &str| html.matches("data-testid=\"job-card\"").count();
    assert_eq!(cards(&path_page), 20);
    assert_eq!(cards(&path_page), cards(&query_page));
    for page in [&path_page, &query_page] {
        assert!(page.contains("<link href=\"http://127.0.0.1:3000/jobs/medienassistent/bochum\" rel=\"canonical\">"));
    }
}

#[tokio::test]
async fn bad_parameters_are_reported_not_ignored() {
    let db = db_with_jobs().await;
    let (status, _, body) = get(&db, "/jobs?page=zwei").await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("data-testid=\"param-issue\""));
    assert!(body.contains("zwei"));
}

#[tokio::test]
async fn detail_page_statuses() {
    let db = db_with_jobs().await;
    let (status, _, body) = get(&db, "/jobs/3-medienassistent-in-nr-3-bochum").await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("Medienassistent/in Nr. 3"));
    assert!(body.contains("rel=\"canonical\""));
    assert!(body.contains("Testagentur Zeche"));
    // In <head>, where every parser finds it.
    let tag = body
        .find("application/ld+json")
        .unwrap_or_else(|| panic!("JSON-LD on a real listing: {}", &body[..body.find("</head>").unwrap_or(0)]));
    assert!(tag < body.find("</head>").unwrap(), "JSON-LD in the head");
    let ld_start = tag + body[tag..].find('>').unwrap() + 1;
    let ld_end = ld_start + body[ld_start..].find("</script>").unwrap();
    let ld: serde_json::Value = serde_json::from_str(&body[ld_start..ld_end]).unwrap();
    assert_eq!(ld["@type"], "JobPosting");
    assert_eq!(ld["title"], "Medienassistent/in Nr. 3");
    assert!(!body.contains("noindex"));

    let (status, _, body) = get(&db, "/jobs/99").await;
    assert_eq!(status, StatusCode::GONE);
    assert!(body.contains("abgelaufen"));

    let (status, _, body) = get(&db, "/jobs/12345").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(body.contains("gibt es nicht"));

    assert_eq!(get(&db, "/jobs/kein-job").await.0, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn career_page_shows_live_figures() {
    let db = db_with_jobs().await;
    let (status, _, body) = get(&db, "/beruf/medienassistent/bochum").await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("Zwischen Kreativität und Handwerk"));
    assert!(body.contains("data-testid=\"open-listings\">25<"), "25 active listings");
    assert!(body.contains("2.600 € brutto / Monat"), "median of 25 × 2,400–2,800 €");
    assert!(body.contains("data-testid=\"quartiles\">2.600 €<"), "quartiles of equal salaries");
    assert!(body.contains("href=\"/jobs?place=bochum&amp;radius_km=0&amp;profession=medienassistent\""));
    assert!(
        body.contains(
            "href=\"/gehalt?place=bochum&amp;radius_km=0&amp;profession=medienassistent&amp;offer=employment\""
        )
    );
    assert_eq!(get(&db, "/beruf/medienassistent/essen").await.0, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn unknown_paths_answer_404_with_a_helpful_page() {
    let db = fresh_db().await;
    let (status, _, body) = get(&db, "/gibt-es-nicht").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(body.contains("Seite nicht gefunden"));
    for path in ["/impressum", "/datenschutz"] {
        assert_eq!(get(&db, path).await.0, StatusCode::OK, "{path}");
    }
}

#[tokio::test]
async fn demo_notice_appears_only_with_demo_listings() {
    let db = db_with_jobs().await;
    let (_, _, body) = get(&db, "/jobs").await;
    assert!(!body.contains("data-testid=\"demo-notice\""));
    server::seed::seed_demo(&db, 40, chrono::Utc::now(), |_| {}).await.unwrap();
    // Demo listings are never offered to job search engines as real postings.
    let (_, _, demo_detail) = get(&db, "/jobs/120").await; // demo ids continue after the highest (99)
    assert!(demo_detail.contains("Demo-Anzeige, erfunden"));
    assert!(demo_detail.contains("<meta name=\"robots\" content=\"noindex\""));
    assert!(!demo_detail.contains("application/ld+json"));
    for path in ["/", "/jobs", "/impressum"] {
        let (_, _, body) = get(&db, path).await;
        assert!(body.contains("data-testid=\"demo-notice\""), "{path} shows the demo notice");
    }
}

async fn get_json(db: &Db, path: &str) -> (StatusCode, serde_json::Value) {
    let (status, headers, body) = get(db, path).await;
    assert!(headers["content-type"].to_str().unwrap().starts_with("application/json"), "{path}");
    (status, serde_json::from_str(&body).unwrap())
}

#[tokio::test]
async fn api_lists_jobs_with_facets() {
    let db = db_with_jobs().await;
    let (status, body) = get_json(&db, "/api/v1/jobs?place=bochum&radius_km=10&per_page=5").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["total"], 25);
    assert_eq!(body["per_page"], 5);
    let item = &body["items"][0];
    assert_eq!(item["title"], "Medienassistent/in Nr. 1");
    assert_eq!(item["employer"]["name"], "Testagentur Zeche");
    assert_eq!(item["employer"]["type"], "agency");
    assert_eq!(item["location"]["city"], "Bochum");
    assert!(item["distance_km"].as_f64().unwrap() < 10.0);
    assert_eq!(item["salary"]["unit"], "month");
    assert_eq!(item["url"], "/jobs/1-medienassistent-in-nr-1-bochum");
    assert_eq!(body["facets"]["working_time"]["full_time"], 25);
    assert_eq!(body["facets"]["radius_km"]["10"], 25);
}

#[tokio::test]
async fn api_rejects_bad_parameters_by_name() {
    let db = db_with_jobs().await;
    for (query, param) in
        [("radius_km=7", "radius_km"), ("offer=x", "offer"), ("per_page=500", "per_page"), ("page=0", "page")]
    {
        let (status, body) = get_json(&db, &format!("/api/v1/jobs?{query}")).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{query}");
        assert_eq!(body["param"], param, "{query}");
        assert_eq!(body["error"], "invalid_parameter");
        assert_eq!(body["issues"][0]["param"], param, "{query}");
    }
    // Every bad value is named, not only the first.
    let (_, body) = get_json(&db, "/api/v1/jobs?offer=x&sort=y").await;
    assert_eq!(body["issues"].as_array().map(Vec::len), Some(2));
    // A place, profession or skill the listings do not know is left out and said, not refused.
    let (status, body) = get_json(&db, "/api/v1/jobs?place=Atlantis&skill=zaubern&offer=").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["total"], 25);
    assert_eq!((&body["ignored"][0]["param"], &body["ignored"][1]["param"]), (&"place".into(), &"skill".into()));
}

#[tokio::test]
async fn the_api_answers_a_client_that_asks_too_often_with_429_and_pages_stay_open() {
    let db = db_with_jobs().await;
    let site = SiteConfig { api_rate: 1, ..SiteConfig::default() };
    let mut client = crate::common::client::Client::with_router(crate::common::client::router(&db, site).await);
    let statuses: Vec<u16> = {
        let mut out = Vec::new();
        for _ in 0..8 {
            out.push(client.get("/api/v1/professions").await.status.as_u16());
        }
        out
    };
    // A burst of six seconds' worth, then refused.
    assert_eq!(statuses, [200, 200, 200, 200, 200, 200, 429, 429]);
    let refused = client.get("/api/v1/jobs").await;
    assert_eq!(refused.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(refused.headers["retry-after"].to_str().unwrap().parse::<u64>().unwrap() >= 1);
    assert_eq!(refused.json()["error"], "too_many_requests");
    assert_eq!(client.get("/jobs").await.status, StatusCode::OK, "pages are not limited");
    assert_eq!(client.get("/api/openapi.json").await.status, StatusCode::OK);
}

#[tokio::test]
async fn api_lists_what_places_professions_and_skills_name() {
    let db = db_with_jobs().await;
    let (_, places) = get_json(&db, "/api/v1/places").await;
    assert!(
        places.as_array().unwrap().iter().any(|p| p["slug"] == "bochum" && p["name"] == "Bochum" && p["lat"].is_f64())
    );
    let (_, professions) = get_json(&db, "/api/v1/professions").await;
    let assistant = professions.as_array().unwrap().iter().find(|p| p["slug"] == "medienassistent").unwrap();
    // A profession is named by its slug; a name is left out and said.
    let name = assistant["name"].as_str().unwrap().replace('/', "%2F").replace(' ', "+");
    let (by_name, by_slug) = (
        get_json(&db, &format!("/api/v1/jobs?profession={name}")).await.1,
        get_json(&db, "/api/v1/jobs?profession=medienassistent").await.1,
    );
    assert_eq!(by_slug["ignored"].as_array().map(Vec::len), Some(0));
    assert_eq!(by_name["ignored"][0]["param"], "profession");
    let (_, skills) = get_json(&db, "/api/v1/skills").await;
    assert!(skills.as_array().unwrap().iter().any(|s| s["slug"] == "social-media" && s["name"] == "Social Media"));
}

#[tokio::test]
async fn api_detail_statuses() {
    let db = db_with_jobs().await;
    let (status, body) = get_json(&db, "/api/v1/jobs/3").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["id"], 3);
    assert_eq!(body["description_html"], "<p>Aufgaben</p>");
    assert!(body.get("description").is_none());
    assert_eq!(get_json(&db, "/api/v1/jobs/99").await.0, StatusCode::GONE);
    assert_eq!(get_json(&db, "/api/v1/jobs/12345").await.0, StatusCode::NOT_FOUND);
    assert_eq!(get_json(&db, "/api/v1/jobs/abc").await.0, StatusCode::BAD_REQUEST);
}

/// Six entry-level listings at 2,000–2,500 € and six experienced ones at 3,000–3,500 € (midpoints),
/// plus one entry-level ad without salary.
async fn db_with_salaries() -> Db {
    let db = fresh_db().await;
    let mut jobs = Vec::new();
    for i in 0..6 {
        let mut entry = job(i + 1, &format!("Einstieg {i}"), "medienassistent", "bochum", 1);
        entry.summary.salary = monthly(2000 + 100 * i as u32, 2000 + 100 * i as u32);
        let mut experienced = job(i + 11, &format!("Erfahren {i}"), "medienassistent", "bochum", 1);
        experienced.summary.experience = Experience::Experienced;
        experienced.summary.salary = monthly(3000 + 100 * i as u32, 3000 + 100 * i as u32);
        jobs.extend([entry, experienced]);
    }
    let mut unpaid = job(30, "Ohne Gehalt", "medienassistent", "bochum", 1);
    unpaid.summary.salary = None;
    jobs.push(unpaid);
    insert(&db, &jobs).await.unwrap();
    db
}

#[tokio::test]
async fn salary_page_shows_median_quartiles_charts_and_sources() {
    let db = db_with_salaries().await;
    let (status, _, body) = get(&db, "/gehalt").await;
    assert_eq!(status, StatusCode::OK);
    // Midpoints 2000…2500 and 3000…3500: median (2500 + 3000) / 2.
    assert!(body.contains("data-testid=\"median\">2.750 €<"), "{}", &body[body.find("<main").unwrap_or(0)..]);
    assert!(body.contains("data-testid=\"salary-n\">12<"));
    assert!(body.contains("aus 12 Stellenanzeigen mit Gehaltsangabe des Arbeitgebers"));
    assert!(body.contains("data-testid=\"histogram\""));
    assert_eq!(
        body.matches("data-testid=\"histogram-row\"").count(),
        body.matches("data-testid=\"histogram-bar\"").count()
    );
    for chart in ["experience", "city", "employer_type", "working_time"] {
        assert!(body.contains(&format!("data-testid=\"boxplot-{chart}\"")), "{chart}");
    }
    assert!(body.contains("Gehaltsspannen zählen mit ihrer Mitte"), "the rule is on the page");
    assert!(body.contains("WSI-Lohnspiegel"), "reference figures are shown beside ours");

    let (_, _, entry) = get(&db, "/gehalt?experience=entry").await;
    assert!(entry.contains("data-testid=\"median\">2.250 €<"));
    assert!(entry.contains("data-testid=\"quartiles\">2.125–2.375 €<"));

    let (_, _, few) = get(&db, "/gehalt?experience=senior").await;
    assert!(few.contains("data-testid=\"too-few\""));
    assert!(!few.contains("data-testid=\"median\""));
    assert!(few.contains("Alle Erfahrungsstufen: 12 Angaben"));

    let (_, _, mixed) = get(&db, "/gehalt?q=video&experience=entry").await;
    assert!(mixed.contains("data-testid=\"param-issue\""), "a job-search-only parameter is reported");
}

#[tokio::test]
async fn salary_api_returns_the_documented_figures() {
    let db = db_with_salaries().await;
    let (status, body) = get_json(&db, "/api/v1/salaries?place=bochum&radius_km=10").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        (body["n"].as_u64(), body["median"].as_u64(), body["unit"].as_str()),
        (Some(12), Some(2750), Some("month"))
    );
    assert_eq!((body["min"].as_u64(), body["max"].as_u64()), (Some(2000), Some(3500)));
    assert_eq!((body["p25"].as_u64(), body["p75"].as_u64()), (Some(2275), Some(3225)));
    let bins = body["histogram"].as_array().unwrap();
    assert_eq!(bins.iter().map(|b| b["count"].as_u64().unwrap()).sum::<u64>(), 12);
    let entry = body["by_experience"].as_array().unwrap().iter().find(|g| g["key"] == "entry").unwrap();
    assert_eq!((entry["n"].as_u64(), entry["median"].as_u64()), (Some(6), Some(2250)));
    for key in ["by_city", "by_employer_type", "by_working_time", "references", "skills"] {
        assert!(body[key].is_array(), "{key}");
    }
    assert!(body["references"].as_array().unwrap().iter().all(|r| r["source"].is_string() && r["year"].is_string()));

    let (_, few) = get_json(&db, "/api/v1/salaries?experience=senior").await;
    assert_eq!((few["n"].as_u64(), few["median"].is_null()), (Some(0), true));
    assert_eq!(few["broader"][0]["params"], serde_json::json!(["experience"]));

    let (status, body) = get_json(&db, "/api/v1/salaries?experience=nope").await;
    assert_eq!((status, &body["param"]), (StatusCode::BAD_REQUEST, &"experience".into()));
    // What the explorer cannot use is left out and said, even a value the job search would refuse.
    for (query, param) in [("q=video", "q"), ("place=Atlantis", "place"), ("sort=x", "sort"), ("page=0", "page")] {
        let (status, body) = get_json(&db, &format!("/api/v1/salaries?{query}")).await;
        assert_eq!(status, StatusCode::OK, "{query}");
        assert_eq!(body["ignored"][0]["param"], param, "{query}");
        assert_eq!(body["n"], 12, "{query}");
    }
}

#[tokio::test]
async fn ads_without_salary_show_the_comparison_marked_as_such() {
    let db = db_with_salaries().await;
    let (_, _, list) = get(&db, "/jobs?experience=entry&per_page=50").await;
    // Comparable: same profession, offer and experience → the six entry-level salaries.
    assert_eq!(list.matches("data-testid=\"salary-comparison\"").count(), 1);
    assert!(list.contains("Zum Vergleich, vergleichbare Anzeigen: 2.125–2.375 € / Monat"));
    let (_, _, detail) = get(&db, "/jobs/30").await;
    assert!(detail.contains("Keine Gehaltsangabe in der Anzeige."));
    assert!(detail.contains("vergleichbare Anzeigen: 2.125–2.375 € / Monat"));
    let (_, _, paid) = get(&db, "/jobs/1").await;
    // The listing itself states its salary (its similar listings below may show comparisons).
    let own = paid.split("data-testid=\"similar-jobs\"").next().unwrap();
    assert!(own.contains("Angabe des Arbeitgebers") && !own.contains("salary-comparison"));
    // Similar listings: same profession nearby, shown as cards (the others of this test's database).
    assert!(paid.contains("data-testid=\"similar-jobs\""));
    assert_eq!(paid.matches("data-testid=\"job-card\"").count(), 4);
}

#[tokio::test]
async fn openapi_document_is_generated_from_the_code_and_every_answer_matches_it() {
    let db = db_with_salaries().await;
    insert(&db, &[expired(job(99, "Abgelaufene Stelle", "medienassistent", "bochum", 0))]).await.unwrap();
    let (status, doc) = get_json(&db, "/api/openapi.json").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(doc["openapi"], "3.1.0");
    // Every documented query parameter is one the filter understands: its example changes the filter.
    for path in ["/api/v1/jobs", "/api/v1/salaries"] {
        let parameters = doc["paths"][path]["get"]["parameters"].as_array().unwrap();
        assert!(parameters.len() >= 8, "{path}");
        for p in parameters {
            let name = p["name"].as_str().unwrap();
            let example = match &p["example"] {
                serde_json::Value::Array(values) => values[0].to_string(),
                v => v.to_string(),
            };
            let value = example.trim_matches('"');
            let (filter, issues) = app::jobs::filter::JobFilter::parse([(name, value)]);
            assert!(issues.is_empty(), "{name}={value}: {issues:?}");
            assert_ne!(filter, Default::default(), "{name}={value} must be a filter parameter");
        }
    }
    // Every answer, success or error, has the schema documented for its status, field by field.
    let cases = [
        ("/api/v1/jobs", "/api/v1/jobs", 200),
        ("/api/v1/jobs?place=bochum&radius_km=10&per_page=5&sort=distance", "/api/v1/jobs", 200),
        ("/api/v1/jobs?skill=gibt-es-nicht", "/api/v1/jobs", 200),
        ("/api/v1/jobs?sort=distance", "/api/v1/jobs", 200),
        ("/api/v1/jobs?page=", "/api/v1/jobs", 200),
        ("/api/v1/jobs?offer=astronaut&per_page=500", "/api/v1/jobs", 400),
        ("/api/v1/jobs/1-einstieg-0-bochum", "/api/v1/jobs/{id}", 200),
        ("/api/v1/jobs/30", "/api/v1/jobs/{id}", 200),
        ("/api/v1/jobs/99", "/api/v1/jobs/{id}", 410),
        ("/api/v1/jobs/12345", "/api/v1/jobs/{id}", 404),
        ("/api/v1/jobs/abc", "/api/v1/jobs/{id}", 400),
        ("/api/v1/salaries", "/api/v1/salaries", 200),
        ("/api/v1/salaries?experience=senior", "/api/v1/salaries", 200),
        ("/api/v1/salaries?radius_km=7", "/api/v1/salaries", 400),
    ];
    for (url, path, expected) in cases {
        let (status, body) = get_json(&db, url).await;
        assert_eq!(status.as_u16(), expected, "{url}");
        let schema = &doc["paths"][path]["get"]["responses"][status.as_str()]["content"]["application/json"]["schema"];
        assert!(!schema.is_null(), "{url}: status {status} is not documented");
        let violations = crate::common::schema::violations(&doc, schema, &body);
        assert!(violations.is_empty(), "{url}: {violations:#?}");
    }
    // The check itself sees a wrong type, a missing field, a value out of its enum and an extra field.
    let (_, mut body) = get_json(&db, "/api/v1/jobs/1").await;
    let schema = &doc["paths"]["/api/v1/jobs/{id}"]["get"]["responses"]["200"]["content"]["application/json"]["schema"];
    body["expired"] = "nein".into();
    body.as_object_mut().unwrap().remove("title");
    body["employer"]["type"] = "raumfahrt".into();
    body["unerwartet"] = 1.into();
    let found = crate::common::schema::violations(&doc, schema, &body);
    for path in ["$.expired", "$.title", "$.employer.type", "$.unerwartet"] {
        assert!(found.iter().any(|v| v.starts_with(&format!("{path}:"))), "{path} in {found:#?}");
    }
}

#[tokio::test]
async fn robots_and_sitemap_offer_real_pages_and_listings_only() {
    let db = db_with_jobs().await;
    let mut demo = job(500, "Demo-Stelle", "medienassistent", "bochum", 1);
    demo.summary.source = "demo".into();
    demo.external_id = "demo-500".into();
    insert(&db, &[demo]).await.unwrap();
    let (status, headers, robots) = get(&db, "/robots.txt").await;
    assert_eq!(status, StatusCode::OK);
    assert!(headers["content-type"].to_str().unwrap().starts_with("text/plain"));
    assert!(robots.contains("Disallow: /api/") && robots.contains("Disallow: /konto"));
    assert!(robots.contains("Sitemap: http://127.0.0.1:3000/sitemap.xml"), "{robots}");
    let (status, _, index) = get(&db, "/sitemap.xml").await;
    assert_eq!(status, StatusCode::OK);
    assert!(index.contains("<sitemapindex"), "{index}");
    assert!(index.contains("<loc>http://127.0.0.1:3000/sitemap/pages.xml</loc>"), "{index}");
    assert!(index.contains("<loc>http://127.0.0.1:3000/sitemap/jobs-1.xml</loc><lastmod>"), "{index}");
    assert!(!index.contains("jobs-2.xml"), "one part holds up to 50,000 listings");
    let (_, _, pages) = get(&db, "/sitemap/pages.xml").await;
    assert!(pages.contains("<loc>http://127.0.0.1:3000/beruf/medienassistent/bochum</loc>"), "{pages}");
    assert!(pages.contains("<loc>http://127.0.0.1:3000/gehalt</loc>"));
    assert_eq!(pages.matches("<url>").count(), 5 + 1);
    let (_, _, jobs) = get(&db, "/sitemap/jobs-1.xml").await;
    // Canonical URLs, as each detail page declares its own.
    assert!(jobs.contains("<loc>http://127.0.0.1:3000/jobs/1-medienassistent-in-nr-1-bochum</loc><lastmod>"), "{jobs}");
    assert!(!jobs.contains("/jobs/99-"), "expired listings are left out");
    assert!(!jobs.contains("/jobs/500-"), "demo listings are left out");
    assert_eq!(jobs.matches("<url>").count(), 25);
    for missing in ["/sitemap/jobs-2.xml", "/sitemap/jobs-0.xml", "/sitemap/andere.xml"] {
        assert_eq!(get(&db, missing).await.0, StatusCode::NOT_FOUND, "{missing}");
    }
}

#[tokio::test]
async fn every_page_has_one_description_and_open_graph_tags() {
    let db = db_with_jobs().await;
    for path in [
        "/",
        "/jobs",
        "/jobs/1",
        "/gehalt",
        "/beruf/medienassistent/bochum",
        "/merkliste",
        "/impressum",
        "/gibt-es-nicht",
    ] {
        let (_, _, body) = get(&db, path).await;
        assert_eq!(body.matches("<meta name=\"description\"").count(), 1, "{path}");
        for tag in ["og:title", "og:description", "og:site_name", "og:image"] {
            assert!(body.contains(&format!("property=\"{tag}\"")), "{path} lacks {tag}");
        }
        assert!(body.contains("<link href=\"/manifest.webmanifest\" rel=\"manifest\">"), "{path}");
        if path != "/gibt-es-nicht" {
            let canonical = body.split("rel=\"canonical\"").next().and_then(|s| s.rsplit("<link href=\"").next());
            assert!(canonical.is_some_and(|c| c.starts_with("http://127.0.0.1:3000/")), "{path}: absolute canonical");
        }
    }
}

#[tokio::test]
async fn pages_name_their_build_and_the_offline_page_exists() {
    let db = fresh_db().await;
    let (status, headers, body) = get(&db, "/offline").await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("data-testid=\"offline-page\""));
    let build = headers["x-revierjobs-build"].to_str().unwrap().to_owned();
    assert!(body.contains(&format!("data-build=\"{build}\"")), "the page and the header agree");
    assert!(body.contains("<script type=\"module\" src=\"/pwa.js\"></script>"));
}

/// A built site in a temporary directory: a stylesheet and its brotli copy.
fn built_site(css: &str) -> tempfile::TempDir {
    let site = tempfile::tempdir().unwrap();
    let pkg = site.path().join("pkg");
    std::fs::create_dir(&pkg).unwrap();
    std::fs::write(pkg.join("revierjobs.css"), css).unwrap();
    std::fs::write(pkg.join("revierjobs.css.br"), b"brotli copy").unwrap();
    site
}

#[tokio::test]
async fn the_builds_files_live_under_its_id_cached_for_a_year_and_sent_precompressed() {
    let db = fresh_db().await;
    let site = built_site("body{color:black}");
    let root = site.path().to_str().unwrap();
    let options = leptos::config::LeptosOptions::builder().output_name("revierjobs").site_root(root).build();
    let build = server::assets::build_id(root, "pkg");
    let router = server::build_router(server::app_state(options, db, None).await.unwrap());
    let send = |path: &str| {
        let request = Request::get(path).header("accept-encoding", "br").body(Body::empty()).unwrap();
        router.clone().oneshot(request)
    };

    let page = router.clone().oneshot(Request::get("/").body(Body::empty()).unwrap()).await.unwrap();
    assert_eq!(page.headers()["cache-control"], "private, no-cache", "pages are revalidated");
    let html = String::from_utf8(page.into_body().collect().await.unwrap().to_bytes().to_vec()).unwrap();
    let css = format!("/v/{build}/pkg/revierjobs.css");
    assert!(html.contains(&format!("href=\"{css}\"")), "the page names this build's stylesheet");
    assert!(html.contains(&format!("/v/{build}/pkg/revierjobs.js")), "and its script");

    let file = send(&css).await.unwrap();
    assert_eq!(file.status(), StatusCode::OK);
    assert_eq!(file.headers()["cache-control"], "public, max-age=31536000, immutable");
    assert_eq!(file.headers()["content-encoding"], "br");
    assert_eq!(&file.into_body().collect().await.unwrap().to_bytes()[..], b"brotli copy");

    let other_build = send("/v/0123456789ab/pkg/revierjobs.css").await.unwrap();
    assert_eq!(other_build.status(), StatusCode::NOT_FOUND, "another build's files are not this build's");
    assert_ne!(other_build.headers()["cache-control"], "public, max-age=31536000, immutable");
    let missing = send(&format!("/v/{build}/pkg/nothing.js")).await.unwrap();
    assert_eq!(
        (missing.status(), &missing.headers()["cache-control"]),
        (StatusCode::NOT_FOUND, &"no-store".parse().unwrap())
    );
}
