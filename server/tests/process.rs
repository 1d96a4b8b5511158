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
