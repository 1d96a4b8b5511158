use clap::Parser;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use server::config::{Cli, Command};

fn main() -> ExitCode {
    let cli = Cli::parse();
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "info,surrealdb=warn,surrealkv=warn".into()),
        )
        .with_writer(std::io::stderr)
        .init();
    let result = match server::runtime() {
        Ok(runtime) => runtime.block_on(async {
            let result = match cli.command() {
                Command::Serve(args) => server::startup::serve(args).await,
                Command::Seed(args) => server::seed::run(args).await,
                Command::Import(args) => server::import::run(args).await,
                Command::Sources(args) => server::sources::cli(args).await,
                Command::Reports(args) => server::reports::cli(args).await,
            };
            close_database(Duration::from_secs(10)).await;
            result
        }),
        Err(error) => Err(server::Error::Runtime(error)),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("revierjobs: error: {error}");
            ExitCode::FAILURE
        }
    }
}

/// Lets the embedded database close its store before the process ends. SurrealDB shuts the store
/// down (writing out its memtables) on a task of its own once the last handle is gone, and the search
/// refresher lets go of its handle at its next tick (a second). So this waits until no task has ended
/// for 1.5 s, at most `limit`. Ending the runtime earlier leaves the store to be recovered from its log
/// at the next start, which is not safe to repeat (`durability.rs` checks that restarts keep every
/// listing).
async fn close_database(limit: Duration) {
    let (metrics, started) = (tokio::runtime::Handle::current().metrics(), Instant::now());
    let (mut alive, mut changed) = (metrics.num_alive_tasks(), Instant::now());
    while alive > 0 && changed.elapsed() < Duration::from_millis(1500) && started.elapsed() < limit {
        tokio::time::sleep(Duration::from_millis(20)).await;
        if metrics.num_alive_tasks() != alive {
            (alive, changed) = (metrics.num_alive_tasks(), Instant::now());
        }
    }
}
