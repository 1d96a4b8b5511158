//! `make bench` (first part): figures for 100,000 demo listings in this process. Never a test:
//! nothing here asserts on time.
//!   - seeding into embedded SurrealKV (`revierjobs seed`, fsync on every commit), loading the index
//!   - resident memory with the index loaded
//!   - search latency (p50/p95/p99) over filter/facet/sort combinations, beside a plain linear scan
//!   - salary explorer latency
//!
//! The pages under load are measured by `scripts/bench-http.sh` with wrk against the release binary.
use std::time::{Duration, Instant};

use app::jobs::filter::JobFilter;
use app::jobs::model::{EmployerType, Experience, Listing, Offer, Remote, Sort, WorkingTime};
use app::search::SearchHandle;
use chrono::Utc;
use server::db::DbConfig;

fn rss_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let kb: f64 = status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.split_whitespace().next()?.parse().ok())
        .unwrap_or(0.0);
    kb / 1024.0
}

fn percentiles(mut samples: Vec<Duration>) -> (f64, f64, f64) {
    samples.sort();
    let at = |p: f64| samples[((samples.len() - 1) as f64 * p).round() as usize].as_secs_f64() * 1000.0;
    (at(0.5), at(0.95), at(0.99))
}

fn filters() -> Vec<JobFilter> {
    let base = JobFilter::default();
    let mut out = vec![
        base.clone(),
        JobFilter { q: "Medienassistent".into(), ..base.clone() },
        JobFilter { q: "Social Media Video".into(), ..base.clone() },
        JobFilter { q: "bildbearbeitung".into(), place: "bochum".into(), ..base.clone() },
        JobFilter { place: "bochum".into(), radius_km: Some(10), sort: Some(Sort::Distance), ..base.clone() },
        JobFilter { place: "51.51,7.46".into(), radius_km: Some(50), ..base.clone() },
        JobFilter { working_time: vec![WorkingTime::PartTime], remote: vec![Remote::Hybrid], ..base.clone() },
        JobFilter {
            offer: vec![Offer::Employment],
            experience: vec![Experience::Entry],
            sort: Some(Sort::Salary),
            ..base.clone()
        },
        JobFilter {
            employer_type: vec![EmployerType::Agency, EmployerType::Public],
            salary_min: Some(2800),
            ..base.clone()
        },
        JobFilter { skill: vec!["social-media".into(), "kurze-videoformate".into()], ..base.clone() },
        JobFilter { salary_only: true, posted_within_days: Some(7), ..base.clone() },
        JobFilter {
            profession: "medienassistent".into(),
            place: "bochum".into(),
            radius_km: Some(25),
            page: 5,
            ..base.clone()
        },
    ];
    let more: Vec<JobFilter> =
        out.iter().map(|f| JobFilter { sort: Some(Sort::Newest), page: 2, ..f.clone() }).collect();
    out.extend(more);
    out
}

/// The same selection without an index: one pass with plain predicates, the query's words as
/// substrings of each listing's text (lower-cased once, before timing; no stemming), no place, no facets.
fn linear_scan(docs: &[Listing], texts: &[String], f: &JobFilter, now: chrono::DateTime<Utc>) -> usize {
    let words: Vec<String> = f.q.split_whitespace().map(str::to_lowercase).collect();
    docs.iter()
        .zip(texts)
        .map(|(d, text)| (&d.summary, text))
        .filter(|(d, _)| d.valid_through > now)
        .filter(|(d, _)| f.working_time.is_empty() || d.working_time.iter().any(|w| f.working_time.contains(w)))
        .filter(|(d, _)| f.offer.is_empty() || f.offer.contains(&d.offer))
        .filter(|(d, _)| f.remote.is_empty() || f.remote.contains(&d.remote))
        .filter(|(d, _)| f.experience.is_empty() || f.experience.contains(&d.experience))
        .filter(|(d, _)| f.employer_type.is_empty() || f.employer_type.contains(&d.employer.kind))
        .filter(|(d, _)| f.profession.is_empty() || d.profession == f.profession)
        .filter(|(_, text)| words.iter().all(|w| text.contains(w.as_str())))
        .count()
}

/// What a text query is matched against: title, employer, skills and description, lower-cased.
fn scan_text(d: &Listing) -> String {
    let s = &d.summary;
    format!("{} {} {} {}", s.title, s.employer.name, s.skills.join(" "), d.description).to_lowercase()
}

fn main() {
    server::runtime().expect("runtime").block_on(run());
}

async fn run() {
    let n: usize = std::env::var("BENCH_LISTINGS").ok().and_then(|v| v.parse().ok()).unwrap_or(100_000);
    let dir = tempfile::tempdir().expect("temp dir");
    let url = format!("surrealkv://{}/bench", dir.path().display());
    println!(
        "Revierjobs bench: {n} demo listings, {} cores",
        std::thread::available_parallelism().map_or(1, |c| c.get())
    );

    // Seeding as an operator does it: `revierjobs seed` in a process of its own.
    let started = Instant::now();
    let seeded = std::process::Command::new(env!("CARGO_BIN_EXE_revierjobs"))
        .args(["seed", "--demo", &n.to_string(), "--db", &url])
        .output()
        .expect("revierjobs seed");
    assert!(seeded.status.success(), "seed failed: {}", String::from_utf8_lossy(&seeded.stderr));
    println!(
        "seed (revierjobs seed, surrealkv):  {:>8.1} s  ({})",
        started.elapsed().as_secs_f64(),
        String::from_utf8_lossy(&seeded.stdout).trim()
    );

    // Then as an app server opens it.
    let db = server::db::prepare(&DbConfig { url, ..DbConfig::memory() }).await.expect("database");
    let rss_before = rss_mb();
    let started = Instant::now();
    let handle = SearchHandle::load(&db).await.expect("index");
    let index = handle.current();
    println!(
        "index load from database:          {:>8.1} s  ({} active listings)",
        started.elapsed().as_secs_f64(),
        index.len()
    );
    println!(
        "resident memory (process):         {:>8.0} MB (+{:.0} MB while loading the index)",
        rss_mb(),
        rss_mb() - rss_before
    );
    // Idle workers hand back what the load freed (see server::memory).
    tokio::time::sleep(Duration::from_secs(3)).await;
    println!("resident memory, 3 s later:        {:>8.0} MB", rss_mb());

    // The same listings as plain rows, for the linear-scan baseline.
    let mut docs: Vec<Listing> = Vec::new();
    app::search::load::each_page(&db, app::search::load::PAGE, |page| docs.extend(page)).await.expect("listings");
    let texts: Vec<String> = docs.iter().map(scan_text).collect();
    let now = Utc::now();
    println!();
    println!(
        "{:<70} {:>8} {:>8} {:>8} {:>9} {:>7}",
        "query (search + facets + sort + page)", "p50 ms", "p95 ms", "p99 ms", "scan ms", "ratio"
    );
    let mut worst_p95: f64 = 0.0;
    for f in filters() {
        let mut samples = Vec::new();
        let mut scans = Vec::new();
        for _ in 0..40 {
            let t = Instant::now();
            std::hint::black_box(index.search(&f, now));
            samples.push(t.elapsed());
            let t = Instant::now();
            std::hint::black_box(linear_scan(&docs, &texts, &f, now));
            scans.push(t.elapsed());
        }
        let (p50, p95, p99) = percentiles(samples);
        let (scan50, _, _) = percentiles(scans);
        worst_p95 = worst_p95.max(p95);
        let label = if f.is_empty() && f.page == 1 { "(no filter)".to_owned() } else { f.to_string() };
        println!(
            "{:<70} {p50:>8.2} {p95:>8.2} {p99:>8.2} {scan50:>9.2} {:>6.2}x",
            label.chars().take(70).collect::<String>(),
            p95 / scan50
        );
    }
    println!();
    println!("worst p95 over all combinations:   {worst_p95:>8.2} ms");

    println!();
    println!(
        "{:<70} {:>8} {:>8} {:>8} {:>7}",
        "salary explorer (GET /api/v1/salaries)", "p50 ms", "p95 ms", "p99 ms", "n"
    );
    let mut worst_p95: f64 = 0.0;
    for f in salary_filters() {
        let mut samples = Vec::new();
        let mut n = 0;
        for _ in 0..40 {
            let t = Instant::now();
            let report = std::hint::black_box(index.salaries(&f, now));
            samples.push(t.elapsed());
            n = report.stats.figures.n;
        }
        let (p50, p95, p99) = percentiles(samples);
        worst_p95 = worst_p95.max(p95);
        let label = if f.is_empty() { "(all)".to_owned() } else { f.to_string() };
        println!("{:<70} {p50:>8.2} {p95:>8.2} {p99:>8.2} {n:>7}", label.chars().take(70).collect::<String>());
    }
    println!();
    println!("salary explorer worst p95:          {worst_p95:>8.2} ms  (target 5 ms)");
}

fn salary_filters() -> Vec<JobFilter> {
    let base = JobFilter::default();
    vec![
        base.clone(),
        JobFilter { profession: "medienassistent".into(), place: "bochum".into(), radius_km: Some(0), ..base.clone() },
        JobFilter { place: "bochum".into(), radius_km: Some(25), experience: vec![Experience::Entry], ..base.clone() },
        JobFilter {
            employer_type: vec![EmployerType::Agency],
            working_time: vec![WorkingTime::PartTime],
            ..base.clone()
        },
        JobFilter { offer: vec![Offer::Employment], skill: vec!["social-media".into()], ..base.clone() },
        JobFilter {
            place: "hagen".into(),
            radius_km: Some(0),
            experience: vec![Experience::Senior],
            employer_type: vec![EmployerType::Event],
            working_time: vec![WorkingTime::MiniJob],
            ..base.clone()
        },
    ]
}
