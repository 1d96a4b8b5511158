//! Accounts, sessions and the security baseline through the real router and an in-memory
//! SurrealDB: merge on sign-in, rate limits, session rules, export, deletion, an authorization
//! matrix over every favourites/account server function, CSRF, headers, body limit.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};

use crate::common::client::{Client, count, router};
use crate::common::db_with_six_jobs;
use app::db::Db;
use app::state::SiteConfig;

const PW: &str = "Zeche Zollverein 1986";

fn note_of(list: &serde_json::Value, job: i64) -> Option<String> {
    list["items"]
        .as_array()?
        .iter()
        .find(|i| i["favourite"]["job"] == job)
        .map(|i| i["favourite"]["note"].as_str().unwrap().to_owned())
}

/// Without JavaScript the forms are the browser's own posts: a failed one goes back to its page with
/// the error in the URL, which the page shows; a good sign-in opens the Merkliste.
#[tokio::test]
async fn without_javascript_a_failed_sign_in_shows_its_error_and_a_good_one_opens_the_list() {
    let db = db_with_six_jobs().await;
    let mut c = Client::new(&db).await;
    assert_eq!(c.sign_up("nojs@beispiel.de", PW).await.status, StatusCode::OK);
    let mut b = c.fresh();
    let location = |a: &crate::common::client::Answer| a.headers[header::LOCATION].to_str().unwrap().to_owned();
    const FORM: &str = "http://localhost/anmelden"; // browsers send the whole address as Referer
    let a = b.post_form("sign_in", &[("email", "nojs@beispiel.de"), ("password", "Zeche Zollverein 1987")], FORM).await;
    assert_eq!(a.status, StatusCode::FOUND, "{}", a.body);
    let back = location(&a);
    let back = back.strip_prefix("http://localhost").unwrap_or(&back);
    assert!(back.starts_with("/anmelden?") && back.contains("__err="), "{back}");
    let page = b.get(back).await;
    assert!(page.body.contains("E-Mail-Adresse oder Passwort ist falsch"), "{}", page.body);
    let a = b.post_form("sign_in", &[("email", "nojs@beispiel.de"), ("password", PW)], FORM).await;
    assert_eq!((a.status, location(&a).as_str()), (StatusCode::FOUND, "/merkliste"));
    assert!(b.get("/merkliste").await.body.contains("nojs@beispiel.de"), "signed in");
}

#[tokio::test]
async fn sign_up_validates_each_field_by_name() {
    let db = db_with_six_jobs().await;
    let mut c = Client::new(&db).await;
    let field = |a: &crate::common::client::Answer| a.json()["Invalid"]["field"].as_str().map(str::to_owned);
    let a = c.sign_up("keine-adresse", PW).await;
    assert_eq!((a.status, field(&a).as_deref()), (StatusCode::BAD_REQUEST, Some("email")));
    let a = c.sign_up("anna@beispiel.de", "kurz").await;
    assert_eq!((a.status, field(&a).as_deref()), (StatusCode::BAD_REQUEST, Some("password")));
    let a = c.sign_up("anna@beispiel.de", "passwort123").await;
    assert!(a.body.contains("häufigsten"), "{}", a.body);
    let a = c.sign_up("anna@beispiel.de", &"x".repeat(129)).await;
    assert_eq!(field(&a).as_deref(), Some("password"));
    assert_eq!(count(&db, "account", "true", "").await, 0, "nothing stored on bad input");
    let sixty_four = "Glück auf! Der Pott kocht, und Bochum hat ein Herz aus Stahl.!!!";
    assert_eq!(sixty_four.chars().count(), 64);
    let a = c.sign_up("Anna@Beispiel.de", sixty_four).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    let stored: Option<String> =
        db.query("SELECT VALUE password_hash FROM ONLY account LIMIT 1").await.unwrap().take(0).unwrap();
    assert!(stored.unwrap().starts_with("$argon2id$v=19$"), "Argon2id, never the password");
    let a = c.fresh().sign_up("anna@beispiel.de", "ein anderes langes Passwort").await;
    assert_eq!(field(&a).as_deref(), Some("email"), "the address is taken: {}", a.body);
}

#[tokio::test]
async fn wrong_password_and_unknown_address_answer_alike() {
    let db = db_with_six_jobs().await;
    let mut c = Client::new(&db).await;
    c.sign_up("anna@beispiel.de", PW).await;
    let wrong = c.fresh().sign_in("anna@beispiel.de", "falsches Passwort").await;
    let unknown = c.fresh().sign_in("niemand@beispiel.de", "falsches Passwort").await;
    assert_eq!(wrong.status, StatusCode::BAD_REQUEST);
    assert_eq!((wrong.status, &wrong.body), (unknown.status, &unknown.body));
    assert!(wrong.body.contains("E-Mail-Adresse oder Passwort ist falsch"));
}

#[tokio::test]
async fn sign_in_is_rate_limited_per_account_and_per_address() {
    let db = db_with_six_jobs().await;
    let mut c = Client::new(&db).await;
    c.sign_up("anna@beispiel.de", PW).await;
    for _ in 0..5 {
        assert_eq!(c.fresh().sign_in("anna@beispiel.de", "falsch falsch").await.status, StatusCode::BAD_REQUEST);
    }
    let a = c.fresh().sign_in("anna@beispiel.de", PW).await;
    assert_eq!(a.status, StatusCode::TOO_MANY_REQUESTS, "even the right password waits: {}", a.body);
    let retry: u64 = a.headers[header::RETRY_AFTER].to_str().unwrap().parse().unwrap();
    assert!((1..=900).contains(&retry));
    assert_eq!(a.json()["TooManyRequests"]["retry_after_secs"].as_u64(), Some(retry), "the page can say how long");
    // The per-address limit: other e-mail addresses from the same client.
    let mut last = StatusCode::OK;
    for i in 0..25 {
        last = c.fresh().sign_in(&format!("x{i}@beispiel.de"), "falsch falsch").await.status;
    }
    assert_eq!(last, StatusCode::TOO_MANY_REQUESTS);
}

#[tokio::test]
async fn sessions_rotate_at_sign_in_and_end_on_the_server() {
    let db = db_with_six_jobs().await;
    let mut laptop = Client::new(&db).await;
    laptop.sign_up("anna@beispiel.de", PW).await;
    let first = laptop.cookies["rj_session"].clone();
    assert_eq!(first.len(), 64);
    assert_eq!(count(&db, "session", "true", "").await, 1);
    assert_eq!(count(&db, "session", "record::id(id) = $v", &first).await, 0, "only the hash is stored");
    // A session past its absolute lifetime, never used again, is swept at the next sign-in.
    db.query(
        "LET $a = (SELECT VALUE id FROM ONLY account LIMIT 1);
         CREATE session:stale CONTENT { account: $a, created_at: time::now() - 200d, last_seen: time::now() - 1d };",
    )
    .await
    .unwrap()
    .check()
    .unwrap();
    laptop.sign_in("anna@beispiel.de", PW).await;
    let second = laptop.cookies["rj_session"].clone();
    assert_ne!(first, second, "a new id at every sign-in");
    assert_eq!(count(&db, "session", "true", "").await, 1, "the old session ended, the stale one swept");
    let mut phone = laptop.fresh();
    phone.sign_in("anna@beispiel.de", PW).await;
    let stolen = phone.clone();
    assert!(phone.get("/konto").await.body.contains("anna@beispiel.de"));
    assert_eq!(phone.call("sign_out", &[]).await.status, StatusCode::OK);
    assert!(!phone.cookies.contains_key("rj_session"));
    let mut replay = stolen;
    assert!(replay.get("/konto").await.body.contains("data-testid=\"signed-out\""), "the old cookie is dead");
    assert_eq!(laptop.call("sign_out_everywhere", &[]).await.status, StatusCode::OK);
    assert_eq!(count(&db, "session", "true", "").await, 0);
}

#[tokio::test]
async fn production_cookies_are_host_prefixed_and_secure() {
    let db = db_with_six_jobs().await;
    let site = SiteConfig { public_url: "https://revierjobs.de".into(), secure_cookies: true, ..SiteConfig::default() };
    let mut c = Client::with_router(router(&db, site).await);
    let request = Request::post("/api/sign_up")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ACCEPT, "application/json")
        .header("sec-fetch-site", "same-origin")
        .body(Body::from("email=anna%40beispiel.de&password=Zeche+Zollverein+1986"))
        .unwrap();
    let a = c.send(request).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    let cookie = a.headers[header::SET_COOKIE].to_str().unwrap();
    assert!(cookie.starts_with("__Host-rj_session="), "{cookie}");
    for attr in ["; Path=/", "; HttpOnly", "; SameSite=Lax", "; Secure"] {
        assert!(cookie.contains(attr), "{cookie} lacks {attr}");
    }
    assert!(!cookie.contains("Domain"));
    assert!(a.headers[header::STRICT_TRANSPORT_SECURITY].to_str().unwrap().starts_with("max-age="));
}

#[tokio::test]
async fn signing_in_merges_the_anonymous_list_without_loss_or_duplicates() {
    let db = db_with_six_jobs().await;
    let mut laptop = Client::new(&db).await;
    laptop.sign_up("anna@beispiel.de", PW).await;
    laptop.save(2, true).await;
    laptop.save(3, true).await;
    laptop.call("save_note", &[("job", "2"), ("note", "vom Laptop")]).await;
    laptop.call("sign_out", &[]).await;

    let mut phone = laptop.fresh();
    phone.save(2, true).await;
    phone.save(4, true).await;
    phone.call("save_note", &[("job", "2"), ("note", "vom Handy")]).await;
    phone.call("set_application_status", &[("job", "4"), ("status", "applied")]).await;
    assert_eq!(phone.sign_in("anna@beispiel.de", PW).await.status, StatusCode::OK);
    assert!(!phone.cookies.contains_key("rj_visitor"), "the visitor cookie is spent");
    assert_eq!(count(&db, "favourite", "string::starts_with(owner, 'v:')", "").await, 0);

    let list = phone.call("list_favourites", &[]).await.json();
    let mut jobs: Vec<i64> =
        list["items"].as_array().unwrap().iter().map(|i| i["favourite"]["job"].as_i64().unwrap()).collect();
    jobs.sort();
    assert_eq!(jobs, vec![2, 3, 4]);
    assert_eq!(note_of(&list, 2).as_deref(), Some("vom Laptop\n\nvom Handy"));
    assert_eq!(list["account"], "anna@beispiel.de");
    // The same list on another device after sign-in.
    let mut desktop = laptop.fresh();
    desktop.sign_in("anna@beispiel.de", PW).await;
    let other = desktop.call("list_favourites", &[]).await.json();
    assert_eq!(other["items"], list["items"]);
}

#[tokio::test]
async fn export_contains_everything_and_deletion_leaves_nothing() {
    let db = db_with_six_jobs().await;
    let mut c = Client::new(&db).await;
    c.sign_up("anna@beispiel.de", PW).await;
    c.save(1, true).await;
    c.call("save_note", &[("job", "1"), ("note", "Notiz für den Export")]).await;
    c.call("set_application_status", &[("job", "1"), ("status", "interview")]).await;
    let mut other_device = c.fresh();
    other_device.sign_in("anna@beispiel.de", PW).await;

    let export = c.get("/konto/daten.json").await;
    assert_eq!(export.status, StatusCode::OK);
    assert!(export.headers["content-disposition"].to_str().unwrap().contains("attachment"));
    let data = export.json();
    assert_eq!(data["account"]["email"], "anna@beispiel.de");
    assert_eq!(data["sessions"].as_array().unwrap().len(), 2);
    assert_eq!(data["favourites"][0]["note"], "Notiz für den Export");
    assert_eq!(data["favourites"][0]["status"], "interview");
    assert_eq!(data["favourites"][0]["history"].as_array().unwrap().len(), 2);
    assert!(!export.body.contains(&c.cookies["rj_session"]) && !export.body.contains("argon2"), "no secrets");

    let a = c.call("delete_account", &[("password", "falsch falsch")]).await;
    assert_eq!((a.status, a.json()["Invalid"]["field"].as_str()), (StatusCode::BAD_REQUEST, Some("password")));
    c.fresh().sign_in("anna@beispiel.de", "ein Tippfehler").await; // counted under her address
    let naming_her = "record::id(id)[0] CONTAINS $v";
    assert_eq!(count(&db, "rate_limit", naming_her, "anna@beispiel.de").await, 1);
    assert_eq!(c.call("delete_account", &[("password", PW)]).await.status, StatusCode::OK);
    for table in ["account", "session", "favourite"] {
        assert_eq!(count(&db, table, "true", "").await, 0, "{table} left behind");
    }
    assert_eq!(count(&db, "rate_limit", naming_her, "anna@beispiel.de").await, 0);
    assert!(other_device.get("/konto").await.body.contains("data-testid=\"signed-out\""));
    assert_eq!(c.fresh().sign_in("anna@beispiel.de", PW).await.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn changing_the_password_ends_other_sessions() {
    let db = db_with_six_jobs().await;
    let mut c = Client::new(&db).await;
    c.sign_up("anna@beispiel.de", PW).await;
    let mut other = c.fresh();
    other.sign_in("anna@beispiel.de", PW).await;
    let a = c
        .call("change_password", &[("current_password", "falsch falsch"), ("new_password", "Neues Passwort 2026")])
        .await;
    assert_eq!(a.json()["Invalid"]["field"], "current_password");
    let a = c.call("change_password", &[("current_password", PW), ("new_password", "12345678")]).await;
    assert_eq!(a.json()["Invalid"]["field"], "new_password");
    let a = c.call("change_password", &[("current_password", PW), ("new_password", "Neues Passwort 2026")]).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    assert!(c.get("/konto").await.body.contains("anna@beispiel.de"), "this device stays signed in");
    assert!(other.get("/konto").await.body.contains("data-testid=\"signed-out\""));
    assert_eq!(c.fresh().sign_in("anna@beispiel.de", PW).await.status, StatusCode::BAD_REQUEST);
    assert_eq!(c.fresh().sign_in("anna@beispiel.de", "Neues Passwort 2026").await.status, StatusCode::OK);
}

/// Four callers each keep a note on job 1; every function called by one caller must leave
/// the other three exactly as they were, and reads show only the caller's own data.
#[tokio::test]
async fn no_caller_reads_or_changes_another_callers_data() {
    let db = db_with_six_jobs().await;
    let base = Client::new(&db).await;
    let (mut anon_a, mut anon_b, mut user_a, mut user_b) = (base.fresh(), base.fresh(), base.fresh(), base.fresh());
    user_a.sign_up("a@beispiel.de", PW).await;
    user_b.sign_up("b@beispiel.de", PW).await;
    let mut callers = [
        ("anon A", anon_a.clone()),
        ("anon B", anon_b.clone()),
        ("user A", user_a.clone()),
        ("user B", user_b.clone()),
    ];
    for (name, c) in callers.iter_mut() {
        c.save(1, true).await;
        c.call("save_note", &[("job", "1"), ("note", &format!("Notiz von {name}"))]).await;
    }
    let snapshot = |db: Db| async move {
        let mut r =
            db.query("SELECT owner, job, active, note, status, history FROM favourite ORDER BY owner").await.unwrap();
        let v: Vec<serde_json::Value> = r.take(0).unwrap();
        v
    };
    // Reads.
    for (name, c) in callers.iter_mut() {
        let list = c.call("list_favourites", &[]).await.json();
        assert_eq!(note_of(&list, 1), Some(format!("Notiz von {name}")), "{name} reads its own note only");
        assert_eq!(list["items"].as_array().unwrap().len(), 1);
        let csv = c.get("/merkliste.csv").await.body;
        assert_eq!(csv.matches("Notiz von").count(), 1, "{name}: {csv}");
        assert!(csv.contains(&format!("Notiz von {name}")));
    }
    // Writes by each caller, including ones naming a job only the others have saved.
    for (name, c) in callers.iter_mut() {
        let before = snapshot(db.clone()).await;
        c.call("save_note", &[("job", "1"), ("note", "geändert")]).await;
        c.call("set_application_status", &[("job", "1"), ("status", "rejected")]).await;
        c.save(1, false).await;
        c.save(1, true).await;
        let owner_of = |v: &serde_json::Value| v["owner"].as_str().unwrap().to_owned();
        let after = snapshot(db.clone()).await;
        let changed: Vec<String> =
            before.iter().zip(&after).filter(|(b, a)| b != a).map(|(b, _)| owner_of(b)).collect();
        assert_eq!(changed.len(), 1, "{name} changed exactly one record: {changed:?}");
        assert_eq!(before.len(), after.len());
    }
    // Account functions never reach another account.
    let a = anon_a.call("sign_out_everywhere", &[]).await;
    assert_eq!(a.status, StatusCode::UNAUTHORIZED);
    assert_eq!(anon_b.call("delete_account", &[("password", PW)]).await.status, StatusCode::UNAUTHORIZED);
    assert_eq!(anon_a.get("/konto/daten.json").await.status, StatusCode::UNAUTHORIZED);
    assert_eq!(user_b.call("delete_account", &[("password", "falsch falsch")]).await.status, StatusCode::BAD_REQUEST);
    let b_export = user_b.get("/konto/daten.json").await.body;
    assert!(b_export.contains("b@beispiel.de") && !b_export.contains("a@beispiel.de"));
    assert_eq!(count(&db, "account", "true", "").await, 2);
    assert_eq!(user_a.call("sign_out_everywhere", &[]).await.status, StatusCode::OK);
    assert!(user_b.get("/konto").await.body.contains("b@beispiel.de"), "B is still signed in");
    // A forged cookie (any 64 hex digits) is a stranger, not someone else.
    let mut forged = base.fresh();
    forged.cookies.insert("rj_visitor".into(), "ab".repeat(32));
    forged.cookies.insert("rj_session".into(), "cd".repeat(32));
    assert_eq!(forged.listed().await, Vec::<i64>::new());
}

#[tokio::test]
async fn cross_site_posts_and_gets_that_would_change_state_are_refused() {
    let db = db_with_six_jobs().await;
    let mut c = Client::new(&db).await;
    for (name, value) in [("sec-fetch-site", "cross-site"), ("origin", "https://boese.example")] {
        let request = Request::post("/api/set_favourite")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(name, value)
            .header(header::HOST, "127.0.0.1:3000")
            .body(Body::from("job=1&saved=true"))
            .unwrap();
        assert_eq!(c.send(request).await.status, StatusCode::FORBIDDEN, "{name}: {value}");
    }
    let a = c.get("/api/set_favourite?job=1&saved=true").await;
    assert_ne!(a.status, StatusCode::OK, "no state change over GET");
    assert_eq!(count(&db, "favourite", "true", "").await, 0);
}

#[tokio::test]
async fn every_response_carries_the_security_headers() {
    let db = db_with_six_jobs().await;
    let mut c = Client::new(&db).await;
    let big = "x".repeat(100 * 1024);
    let oversized = Request::post("/api/save_note")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::CONTENT_LENGTH, big.len())
        .body(Body::from(big))
        .unwrap();
    let too_big = c.send(oversized).await;
    assert_eq!(too_big.status, StatusCode::PAYLOAD_TOO_LARGE);
    let mut answers = vec![("413", too_big)];
    for path in
        ["/", "/jobs/1", "/api/v1/jobs", "/api/openapi.json", "/favicon.svg", "/gibt-es-nicht", "/merkliste.csv"]
    {
        answers.push((path, c.get(path).await));
    }
    answers.push(("server fn", c.call("list_favourites", &[]).await));
    for (what, a) in &answers {
        let csp =
            a.headers.get(header::CONTENT_SECURITY_POLICY).map(|v| v.to_str().unwrap().to_owned()).unwrap_or_default();
        for part in [
            "default-src 'self'",
            "'wasm-unsafe-eval'",
            "object-src 'none'",
            "base-uri 'none'",
            "frame-ancestors 'none'",
        ] {
            assert!(csp.contains(part), "{what}: CSP lacks {part}: {csp}");
        }
        assert_eq!(a.headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff", "{what}");
        assert_eq!(a.headers[header::REFERRER_POLICY], "strict-origin-when-cross-origin", "{what}");
        assert!(a.headers.contains_key("permissions-policy"), "{what}");
        assert!(!a.headers.contains_key(header::STRICT_TRANSPORT_SECURITY), "{what}: no HSTS over plain http");
    }
    // Pages admit their inline scripts by a fresh nonce, never by 'unsafe-inline'.
    let page = c.get("/").await;
    let csp = page.headers[header::CONTENT_SECURITY_POLICY].to_str().unwrap().to_owned();
    let nonce = csp.split("'nonce-").nth(1).and_then(|s| s.split('\'').next()).expect("a nonce");
    assert!(page.body.contains(&format!("nonce=\"{nonce}\"")));
    assert!(!csp.contains("unsafe-inline"));
    let again = c.get("/").await.headers[header::CONTENT_SECURITY_POLICY].to_str().unwrap().to_owned();
    assert_ne!(csp, again, "a new nonce per response");
}
