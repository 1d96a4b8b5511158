//! The real binary: durable writes across a process restart, and clear configuration errors.
use std::process::Command;

use app::jobs::repo::count_all;
use server::db::{DbConfig, connect};

fn revierjobs() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_revierjobs"));
    for var in ["REVIERJOBS_DB", "REVIERJOBS_ADDR", "REVIERJOBS_DEMO", "REVIERJOBS_DB_USER", "REVIERJOBS_DB_PASS"] {
        cmd.env_remove(var);
    }
    cmd
}

#[tokio::test]
async fn data_written_through_surrealkv_survives_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("surrealkv://{}/db", dir.path().display());
    for n in ["30", "35"] {
        let out = revierjobs().args(["seed", "--demo", n, "--db", &url]).output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "seed failed: {stderr}");
        // A clean run opens, writes and closes the store without a warning (the log is on stderr):
        // no "No runtime available for closing the store correctly" from a thread's `Tree` handle.
        assert!(!stderr.contains("WARN") && !stderr.contains("ERROR"), "{stderr}");
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(stdout.contains(&format!("{n} listings")), "{stdout}");
    }
    // A third process (this one) finds exactly what the last seed wrote.
    let db = connect(&DbConfig { url, ..DbConfig::memory() }).await.unwrap();
    assert_eq!(count_all(&db).await.unwrap(), 35);
}

#[test]
fn bad_configuration_fails_with_one_clear_line() {
    let out = revierjobs().args(["serve", "--db", "postgres://x"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("--db") && stderr.contains("unsupported database scheme"), "{stderr}");
    assert!(!stderr.contains("panicked"));

    let out = revierjobs().args(["serve", "--addr", "127.0.0.1:http"]).output().unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--addr"));
}

#[test]
fn unreachable_database_is_named_and_exits_non_zero() {
    let out = revierjobs().args(["serve", "--db", "ws://127.0.0.1:9", "--addr", "127.0.0.1:0"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let last = stderr.lines().last().unwrap_or_default();
    assert!(last.starts_with("revierjobs: error:") && last.contains("REVIERJOBS_DB"), "{stderr}");
    assert!(!stderr.contains("panicked"));
}

/// A JobPosting line for the CLI tests, valid for a month from today.
fn posting_line(id: &str, town: &str) -> String {
    let today = chrono::Utc::now();
    let day = |offset: i64| (today + chrono::Duration::days(offset)).format("%Y-%m-%d").to_string();
    serde_json::json!({"@type": "JobPosting", "identifier": id, "title": "Fotograf/in",
        "description": "<p>Fotos für Social Media.</p>", "datePosted": day(-1), "validThrough": day(30),
        "hiringOrganization": {"name": "Revier Foto GmbH"},
        "jobLocation": {"address": {"postalCode": "44787", "addressLocality": town}}})
    .to_string()
}

#[tokio::test]
async fn import_reports_each_input_and_fails_unless_all_were_imported() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("surrealkv://{}/db", dir.path().display());
    let good = dir.path().join("Revier Foto.jsonl");
    std::fs::write(&good, format!("{}\n{}\n", posting_line("rf-1", "Bochum"), posting_line("rf-2", "Bochum"))).unwrap();
    let bad = dir.path().join("kaputt.jsonl");
    std::fs::write(&bad, format!("{}\n{{\"title\": 5}}\n", posting_line("rf-3", "Bochum"))).unwrap();

    let out = revierjobs().args(["import", "--dry-run", "--db", &url]).arg(&good).output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success() && stdout.contains("2 neu") && stdout.contains("Probelauf"), "{stdout}");

    let out = revierjobs().args(["import", "--db", &url]).arg(&good).arg(&bad).output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(stdout.contains("2 neu, 0 aktualisiert") && stdout.contains("(Quelle „revier-foto“"), "{stdout}");
    assert!(stdout.contains("kaputt.jsonl: nicht importiert, nichts geschrieben"), "{stdout}");
    assert!(stdout.contains("Fehler: Zeile 2, title: erwartet Text, gefunden eine Zahl"), "{stdout}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("1 of 2 inputs not imported"));

    // Standard input, streamed: the same ads again are unchanged.
    let mut child = revierjobs()
        .args(["import", "--source", "revier-foto", "--db", &url, "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child.stdin.take().unwrap().write_all(&std::fs::read(&good).unwrap()).unwrap();
    let out = child.wait_with_output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success() && stdout.contains("0 neu, 0 aktualisiert, 2 unverändert"), "{stdout}");

    let db = connect(&DbConfig { url, ..DbConfig::memory() }).await.unwrap();
    assert_eq!(count_all(&db).await.unwrap(), 2);
}

#[tokio::test]
async fn sources_are_added_listed_and_removed_with_clear_messages() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("surrealkv://{}", dir.path().join("db").display());
    let run = |args: &[&str]| {
        let out = revierjobs().args(args).args(["--db", &url]).output().unwrap();
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let (code, stdout, _) =
        run(&["sources", "add", "https://www.zeche-nord.example/jobs.jsonl", "--every", "90m", "--full"]);
    assert_eq!(code, Some(0), "{stdout}");
    assert!(stdout.contains("Quelle „zeche-nord.example“ hinzugefügt: alle 90m"), "{stdout}");
    let (code, _, stderr) = run(&["sources", "add", "https://zeche-nord.example/other.jsonl"]);
    assert_eq!(code, Some(1));
    assert!(stderr.contains("eine Quelle „zeche-nord.example“ gibt es schon"), "{stderr}");
    let (code, _, stderr) = run(&["sources", "add", "https://x.example/", "--every", "5m"]);
    assert_eq!(code, Some(1));
    assert!(stderr.contains("--every '5m'"), "{stderr}");
    let (_, list, _) = run(&["sources", "list"]);
    assert!(
        list.contains("zeche-nord.example  https://www.zeche-nord.example/jobs.jsonl  alle 90m vollständig"),
        "{list}"
    );
    assert!(list.contains("noch nicht gelaufen") && list.contains("aktive Anzeigen: 0"), "{list}");
    let (code, stdout, _) = run(&["sources", "remove", "zeche-nord.example"]);
    assert_eq!(code, Some(0), "{stdout}");
    let (code, _, stderr) = run(&["sources", "remove", "zeche-nord.example"]);
    assert_eq!(code, Some(1));
    assert!(stderr.contains("keine Quelle „zeche-nord.example“"), "{stderr}");
    assert!(run(&["sources", "list"]).1.contains("keine Quellen"));
}
