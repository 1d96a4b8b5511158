//! A small HTTP/1.1 load generator for the bench: `connections` keep-alive connections, each
//! sending its next request as soon as the previous answer is read, for `duration`. It runs on a
//! runtime of its own (two threads), as a separate client such as wrk would: the server's workers
//! do not poll it, and the operating system shares the cores between both.
use std::net::SocketAddr;
use std::time::{Duration, Instant};

use http_body_util::{BodyExt, Empty};
use hyper::Request;
use hyper::body::Bytes;
use hyper_util::rt::TokioIo;

pub struct Figures {
    pub failed: usize,
    pub per_second: f64,
    pub p50_ms: f64,
    pub p99_ms: f64,
    pub bytes_per_response: usize,
}

/// Requests `paths` round-robin (each connection starts at a different one) until `duration` has
/// passed; every answer must be 200 with a body, anything else counts as failed.
pub async fn run(
    addr: SocketAddr,
    paths: &[String],
    headers: &[(&'static str, &'static str)],
    connections: usize,
    duration: Duration,
) -> Figures {
    let (paths, headers) = (paths.to_vec(), headers.to_vec());
    tokio::task::spawn_blocking(move || {
        let client = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build();
        client.expect("client runtime").block_on(drive(addr, paths, headers, connections, duration))
    })
    .await
    .expect("load generator")
}

async fn drive(
    addr: SocketAddr,
    paths: Vec<String>,
    headers: Vec<(&'static str, &'static str)>,
    connections: usize,
    duration: Duration,
) -> Figures {
    let started = Instant::now();
    let mut tasks = tokio::task::JoinSet::new();
    for c in 0..connections {
        let (paths, headers) = (paths.clone(), headers.clone());
        tasks.spawn(async move {
            let stream = tokio::net::TcpStream::connect(addr).await.expect("connect");
            stream.set_nodelay(true).expect("nodelay");
            let (mut sender, connection) =
                hyper::client::conn::http1::handshake(TokioIo::new(stream)).await.expect("handshake");
            tokio::spawn(connection);
            let (mut latencies, mut failed, mut bytes) = (Vec::new(), 0, 0);
            let mut i = c;
            while started.elapsed() < duration {
                let mut request = Request::get(&paths[i % paths.len()]).header("host", addr.to_string());
                for (name, value) in &headers {
                    request = request.header(*name, *value);
                }
                let request = request.body(Empty::<Bytes>::new()).expect("request");
                let t = Instant::now();
                let ok = match sender.send_request(request).await {
                    Ok(response) => {
                        let status = response.status();
                        let body = response.into_body().collect().await.map(|b| b.to_bytes().len()).unwrap_or(0);
                        bytes = body;
                        status.is_success() && body > 0
                    }
                    Err(_) => false,
                };
                if ok {
                    latencies.push(t.elapsed());
                } else {
                    failed += 1;
                    break;
                }
                i += 1;
            }
            (latencies, failed, bytes)
        });
    }
    let (mut latencies, mut failed, mut bytes_per_response) = (Vec::new(), 0, 0);
    while let Some(done) = tasks.join_next().await {
        let (l, f, b) = done.expect("load task");
        latencies.extend(l);
        failed += f;
        bytes_per_response = bytes_per_response.max(b);
    }
    let elapsed = started.elapsed().as_secs_f64();
    latencies.sort();
    let at = |p: f64| {
        latencies
            .get(((latencies.len().max(1) - 1) as f64 * p).round() as usize)
            .map_or(0.0, |d| d.as_secs_f64() * 1000.0)
    };
    Figures {
        failed,
        per_second: latencies.len() as f64 / elapsed,
        p50_ms: at(0.5),
        p99_ms: at(0.99),
        bytes_per_response,
    }
}
