//! Acknowledged favourite writes survive `kill -9`: the real binary on an embedded SurrealKV
//! database is killed repeatedly while visitors save jobs; after every restart each save the
//! server had answered with 200 must still be there. `REVIERJOBS_KILL_CYCLES` sets the number
//! of cycles (50 here; `make durability` runs more). A kill leaves the OS page cache intact,
//! so this proves no acknowledged write is held only inside the process; surviving power loss
//! rests on SurrealKV's fsync per commit (`sync=every`, see `server::db::embedded_url`). Two saves
//! lost in ~1,050 earlier cycles led to `server::db::wal_tail`; the second test replays their cause.
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

struct Reply {
    status: u16,
    set_cookie: Option<String>,
    body: String,
}

/// One HTTP/1.1 request over a fresh connection; `None` if the server went away meanwhile.
fn http(addr: SocketAddr, method: &str, path: &str, cookie: Option<&str>, body: &str) -> Option<Reply> {
    let mut stream = TcpStream::connect_timeout(&addr, Duration::from_secs(2)).ok()?;
    stream.set_read_timeout(Some(Duration::from_secs(10))).ok()?;
    let cookie = cookie.map(|c| format!("Cookie: {c}\r\n")).unwrap_or_default();
    let request = format!(
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nAccept: application/json\r\n\
         Sec-Fetch-Site: same-origin\r\nContent-Type: application/x-www-form-urlencoded\r\n{cookie}\
         Content-Length: {}\r\n\r\n{body}",
        body.len()
    );
    stream.write_all(request.as_bytes()).ok()?;
    let mut raw = String::new();
    stream.read_to_string(&mut raw).ok()?;
    let (head, body) = raw.split_once("\r\n\r\n")?;
    let status = head.split_whitespace().nth(1)?.parse().ok()?;
    let set_cookie = head
        .lines()
        .find_map(|l| l.strip_prefix("set-cookie: ").or_else(|| l.strip_prefix("Set-Cookie: ")))
        .and_then(|c| c.split(';').next())
        .map(str::to_owned);
    Some(Reply { status, set_cookie, body: body.to_owned() })
}

fn free_addr() -> SocketAddr {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap()
}

/// The server process; killed (SIGKILL) when dropped, so a failing check leaves nothing running.
struct Server(Child);

impl Server {
    fn kill(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.kill();
    }
}

fn start(db: &str, addr: SocketAddr) -> Server {
    let server = Server(
        Command::new(env!("CARGO_BIN_EXE_revierjobs"))
            .args(["serve", "--db", db, "--addr", &addr.to_string(), "--demo", "30"])
            .env("RUST_LOG", "warn")
            .env_remove("REVIERJOBS_PUBLIC_URL")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    let t0 = Instant::now();
    while http(addr, "GET", "/readyz", None, "").is_none_or(|r| r.status != 200) {
        assert!(t0.elapsed() < Duration::from_secs(60), "server did not become ready");
        std::thread::sleep(Duration::from_millis(20));
    }
    server
}

/// Job ids the server lists (the demo data it seeded on the first start).
fn job_ids(addr: SocketAddr) -> Vec<i64> {
    let reply = http(addr, "GET", "/api/v1/jobs?per_page=30", None, "").unwrap();
    let json: serde_json::Value = serde_json::from_str(&reply.body).unwrap();
    json["items"].as_array().unwrap().iter().map(|i| i["id"].as_i64().unwrap()).collect()
}

fn saved_ids(addr: SocketAddr, cookie: &str) -> Vec<i64> {
    let reply = http(addr, "POST", "/api/saved_job_ids", Some(cookie), "").unwrap();
    assert_eq!(reply.status, 200, "{}", reply.body);
    serde_json::from_str(&reply.body).unwrap()
}

/// Asserts every acknowledged (visitor, job) save is on that visitor's list; returns how many.
fn check(addr: SocketAddr, acknowledged: &[(String, i64)], when: &str) -> usize {
    let mut cookies: Vec<&String> = acknowledged.iter().map(|(c, _)| c).collect();
    cookies.sort();
    cookies.dedup();
    for cookie in cookies {
        let saved = saved_ids(addr, cookie);
        for (_, job) in acknowledged.iter().filter(|(c, _)| c == cookie) {
            if !saved.contains(job) {
                // Tell a late-visible write from a lost one in the failure message.
                std::thread::sleep(Duration::from_secs(3));
                let later = saved_ids(addr, cookie).contains(job);
                panic!("{when}: acknowledged save of job {job} missing after restart (present 3 s later: {later})");
            }
        }
    }
    acknowledged.len()
}

#[test]
fn acknowledged_saves_survive_kill_9() {
    let cycles: usize = std::env::var("REVIERJOBS_KILL_CYCLES").ok().and_then(|v| v.parse().ok()).unwrap_or(50);
    let dir = tempfile::tempdir().unwrap();
    let db = format!("surrealkv://{}/db", dir.path().display());
    // (visitor cookie, job) pairs the server acknowledged.
    let mut acknowledged: Vec<(String, i64)> = Vec::new();
    let mut jobs = Vec::new();
    for cycle in 0..cycles {
        let addr = free_addr();
        let mut server = start(&db, addr);
        if jobs.is_empty() {
            jobs = job_ids(addr);
            assert!(jobs.len() >= 10);
        }
        // Everything acknowledged before the last kill is there.
        check(addr, &acknowledged, &format!("cycle {cycle}"));
        // Three visitors save jobs as fast as they can; the server dies at a varying moment.
        let kill_after = Duration::from_millis(30 + (cycle as u64 * 37) % 200);
        let writers: Vec<_> = (0..3)
            .map(|w| {
                let jobs = jobs.clone();
                std::thread::spawn(move || {
                    let mut cookie: Option<String> = None;
                    let mut acked = Vec::new();
                    for job in jobs.iter().skip(w).step_by(3).cycle().take(200) {
                        let body = format!("job={job}&saved=true");
                        let Some(reply) = http(addr, "POST", "/api/set_favourite", cookie.as_deref(), &body) else {
                            break;
                        };
                        if reply.status != 200 {
                            break;
                        }
                        if cookie.is_none() {
                            cookie = reply.set_cookie.clone();
                        }
                        if let Some(c) = &cookie {
                            acked.push((c.clone(), *job));
                        }
                    }
                    acked
                })
            })
            .collect();
        std::thread::sleep(kill_after);
        server.kill(); // SIGKILL: no shutdown, no flush
        for w in writers {
            acknowledged.extend(w.join().unwrap());
        }
    }
    // A last restart checks the writes of the final cycle too.
    let addr = free_addr();
    let mut server = start(&db, addr);
    let checked = check(addr, &acknowledged, "final check");
    server.kill();
    assert!(checked >= cycles, "too few acknowledged writes to prove anything: {checked}");
    println!("{cycles} kill -9 cycles, {checked} acknowledged saves, none lost");
}

/// The log shape that lost acknowledged saves (see `server::db::wal_tail`): the process dies
/// after the First fragment of a record split over two 32 KiB blocks reached the file and before
/// the rest did. The next run appends behind that leftover; the run after it must still see them.
#[test]
fn a_write_cut_at_a_block_boundary_does_not_swallow_later_saves() {
    use server::db::wal_tail::{FIRST, scan};
    let dir = tempfile::tempdir().unwrap();
    let db = format!("surrealkv://{}/db", dir.path().display());
    let addr = free_addr();
    start(&db, addr).kill();

    // Cut the log right after its last First fragment, as a kill inside that write would have.
    let wal = std::fs::read_dir(dir.path().join("db/wal")).unwrap().map(|e| e.unwrap().path()).max().unwrap();
    let log = std::fs::read(&wal).unwrap();
    let (records, _) = scan(&log);
    let cut = records.iter().rev().find(|r| r.kind == FIRST).expect("seeding writes records larger than a block");
    std::fs::OpenOptions::new().write(true).open(&wal).unwrap().set_len(cut.end as u64).unwrap();

    // A save the next run acknowledges...
    let addr = free_addr();
    let mut server = start(&db, addr);
    let jobs = job_ids(addr);
    let reply = http(addr, "POST", "/api/set_favourite", None, &format!("job={}&saved=true", jobs[0])).unwrap();
    assert_eq!(reply.status, 200, "{}", reply.body);
    let cookie = reply.set_cookie.expect("a first save sets the visitor cookie");
    server.kill();

    // ...is there after the run after it.
    let addr = free_addr();
    let mut server = start(&db, addr);
    check(addr, &[(cookie, jobs[0])], "after a write cut at a block boundary");
    server.kill();
}

/// Stops the server as an operator or a deployment does (SIGTERM) and waits for it to exit.
fn terminate(mut server: Server) -> Duration {
    let t0 = Instant::now();
    let pid = server.0.id().to_string();
    assert!(Command::new("kill").args(["-TERM", &pid]).status().unwrap().success());
    assert!(server.0.wait().unwrap().success(), "a SIGTERM'd server exits cleanly");
    t0.elapsed()
}

fn total(addr: SocketAddr) -> u64 {
    let reply = http(addr, "GET", "/api/v1/jobs?per_page=1", None, "").unwrap();
    serde_json::from_str::<serde_json::Value>(&reply.body).unwrap()["total"].as_u64().unwrap()
}

/// `revierjobs seed`, then servers stopped by SIGTERM one after the other: every listing stays.
/// Each process must close the store before it exits. A seed's log recovered by a server with a
/// smaller memtable, which then exited without closing the store, lost a fifth of the listings.
#[test]
fn a_seed_survives_the_servers_stopped_after_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("db");
    let seeded = Command::new(env!("CARGO_BIN_EXE_revierjobs"))
        .args(["seed", "--demo", "4000", "--db", &format!("surrealkv://{}", path.display())])
        .env("RUST_LOG", "warn")
        .output()
        .unwrap();
    assert!(seeded.status.success(), "{}", String::from_utf8_lossy(&seeded.stderr));
    // Servers with a 1 MiB memtable: recovering the seed's log would fill several.
    let db = format!("surrealkv://{}?max_memtable_size=1048576", path.display());
    let mut seen = Vec::new();
    for _ in 0..3 {
        let addr = free_addr();
        let server = start(&db, addr);
        seen.push(total(addr));
        let took = terminate(server);
        assert!(took < Duration::from_secs(15), "stopping took {took:?}");
    }
    assert!(seen[0] > 3000, "{seen:?}");
    assert!(seen.iter().all(|n| *n == seen[0]), "listings after each restart: {seen:?}");
}
