use clap::Parser;
use std::process::ExitCode;

use server::config::{Cli, Command};

#[tokio::main]
async fn main() -> ExitCode {
    let cli = Cli::parse();
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "info,surrealdb=warn,surrealkv=warn".into()),
        )
        .with_writer(std::io::stderr)
        .init();
    let result = match cli.command() {
        Command::Serve(args) => server::startup::serve(args).await,
        Command::Seed(args) => server::seed::run(args).await,
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("revierjobs: error: {error}");
            ExitCode::FAILURE
        }
    }
}
