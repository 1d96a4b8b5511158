//! Command line and environment: `revierjobs [serve] ...` and `revierjobs seed --demo N`.
use clap::{Args, Parser, Subcommand};
use std::net::SocketAddr;

use app::server::DbConfig;

#[derive(Debug, Parser)]
#[command(name = "revierjobs", version, about = "Revierjobs – Medienjobs in Bochum und im Ruhrgebiet")]
#[command(args_conflicts_with_subcommands = true)]
pub struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// Without a subcommand, `revierjobs` serves (as `cargo leptos` runs it).
    #[command(flatten)]
    serve: ServeArgs,
}

impl Cli {
    pub fn command(self) -> Command {
        self.command.unwrap_or(Command::Serve(self.serve))
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve the web app (the default).
    Serve(ServeArgs),
    /// Replace the demo listings with N freshly generated ones.
    Seed(SeedArgs),
}

#[derive(Debug, Clone, Args)]
pub struct ServeArgs {
    /// Address to listen on.
    #[arg(long, env = "REVIERJOBS_ADDR", default_value = "127.0.0.1:3000")]
    pub addr: SocketAddr,
    /// Seed N demo listings at start when the database holds no listings at all.
    #[arg(long, env = "REVIERJOBS_DEMO", value_name = "N")]
    pub demo: Option<usize>,
    #[command(flatten)]
    pub db: DbArgs,
}

#[derive(Debug, Clone, Args)]
pub struct SeedArgs {
    /// How many demo listings to generate (same N, same day → same data).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=1_000_000))]
    pub demo: u32,
    #[command(flatten)]
    pub db: DbArgs,
}

#[derive(Debug, Clone, Args)]
pub struct DbArgs {
    /// Database: surrealkv://PATH (embedded, default), mem:// (in memory) or ws://HOST:PORT (server).
    #[arg(long = "db", env = "REVIERJOBS_DB", default_value = "surrealkv://data/revierjobs", value_parser = parse_db_url)]
    pub url: String,
    /// User for a SurrealDB server (with --db-pass).
    #[arg(long = "db-user", env = "REVIERJOBS_DB_USER")]
    pub user: Option<String>,
    /// Password for a SurrealDB server (with --db-user).
    #[arg(long = "db-pass", env = "REVIERJOBS_DB_PASS", hide_env_values = true)]
    pub pass: Option<String>,
    /// Namespace.
    #[arg(long = "db-ns", env = "REVIERJOBS_DB_NS", default_value = "revierjobs")]
    pub namespace: String,
    /// Database name within the namespace.
    #[arg(long = "db-name", env = "REVIERJOBS_DB_NAME", default_value = "main")]
    pub database: String,
}

impl DbArgs {
    pub fn to_config(&self) -> Result<DbConfig, crate::Error> {
        if self.user.is_some() != self.pass.is_some() {
            return Err(crate::Error::Config(
                "--db-user / REVIERJOBS_DB_USER and --db-pass / REVIERJOBS_DB_PASS must be given together".into(),
            ));
        }
        Ok(DbConfig {
            url: self.url.clone(),
            user: self.user.clone(),
            pass: self.pass.clone(),
            namespace: self.namespace.clone(),
            database: self.database.clone(),
        })
    }
}

/// Accepts the three supported kinds of database URL.
pub fn parse_db_url(url: &str) -> Result<String, String> {
    let (scheme, rest) = url
        .split_once("://")
        .ok_or_else(|| format!("'{url}' is not a database URL; use surrealkv://PATH, mem:// or ws://HOST:PORT"))?;
    match scheme {
        "mem" => Ok(url.to_owned()),
        "surrealkv" | "ws" | "wss" if !rest.is_empty() => Ok(url.to_owned()),
        "surrealkv" => Err("surrealkv:// needs a path, e.g. surrealkv://data/revierjobs".into()),
        "ws" | "wss" => Err(format!("{scheme}:// needs a host and port, e.g. {scheme}://127.0.0.1:8000")),
        other => Err(format!("unsupported database scheme '{other}'; use surrealkv://, mem:// or ws://")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn db_urls_are_checked_with_a_helpful_message() {
        assert!(parse_db_url("surrealkv://data/revierjobs").is_ok());
        assert!(parse_db_url("mem://").is_ok());
        assert!(parse_db_url("ws://127.0.0.1:8000").is_ok());
        assert!(parse_db_url("surrealkv://").unwrap_err().contains("needs a path"));
        assert!(parse_db_url("postgres://x").unwrap_err().contains("unsupported"));
        assert!(parse_db_url("data/revierjobs").unwrap_err().contains("not a database URL"));
    }

    #[test]
    fn no_subcommand_means_serve_with_defaults() {
        let cli = Cli::try_parse_from(["revierjobs"]).unwrap();
        match cli.command() {
            Command::Serve(args) => assert_eq!(args.addr.port(), 3000),
            other => panic!("expected serve, got {other:?}"),
        }
    }

    #[test]
    fn bad_values_name_the_flag() {
        let err = Cli::try_parse_from(["revierjobs", "serve", "--addr", "nowhere"]).unwrap_err().to_string();
        assert!(err.contains("--addr"), "{err}");
        let err = Cli::try_parse_from(["revierjobs", "seed", "--demo", "0"]).unwrap_err().to_string();
        assert!(err.contains("--demo"), "{err}");
    }

    #[test]
    fn user_without_password_is_rejected() {
        let cli = Cli::try_parse_from(["revierjobs", "serve", "--db", "ws://h:1", "--db-user", "root"]).unwrap();
        let Command::Serve(args) = cli.command() else { panic!("serve") };
        assert!(args.db.to_config().unwrap_err().to_string().contains("--db-pass"));
    }
}
