//! Command line and environment: `revierjobs [serve] ...`, `revierjobs seed --demo N` and
//! `revierjobs import INPUT...`.
use clap::{Args, Parser, Subcommand};
use std::net::SocketAddr;

use app::state::SiteConfig;

use crate::db::DbConfig;

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
    /// Replace the demo listings with N freshly generated ones (0 removes them).
    Seed(SeedArgs),
    /// Import listings: schema.org JobPosting data (JSON-LD, JSON Lines, HTML pages) or Jobsuche answers.
    Import(ImportArgs),
    /// The sources `serve` re-reads on a schedule: add, list, remove, run now.
    Sources(SourcesArgs),
    /// Reports of dead or dubious ads: list them, decide about one.
    Reports(ReportsArgs),
}

#[derive(Debug, Clone, Args)]
pub struct ServeArgs {
    /// Address to listen on.
    #[arg(long, env = "REVIERJOBS_ADDR", default_value = "127.0.0.1:3000")]
    pub addr: SocketAddr,
    /// Seed N demo listings at start when the database holds no listings at all.
    #[arg(long, env = "REVIERJOBS_DEMO", value_name = "N")]
    pub demo: Option<usize>,
    /// Where users reach the site, e.g. https://revierjobs.de (default: http://ADDR). https turns on
    /// `__Host-` Secure cookies and HSTS; plain http is accepted for loopback addresses only.
    #[arg(long, env = "REVIERJOBS_PUBLIC_URL")]
    pub public_url: Option<String>,
    /// Behind a reverse proxy: take client addresses (for rate limits) from X-Forwarded-For.
    #[arg(long, env = "REVIERJOBS_TRUST_FORWARDED_FOR")]
    pub trust_forwarded_for: bool,
    /// Requests per second each client may make to the JSON API on average (bursts of six seconds'
    /// worth); 0 for no limit.
    #[arg(long, env = "REVIERJOBS_API_RATE", default_value_t = app::state::DEFAULT_API_RATE)]
    pub api_rate: u32,
    #[command(flatten)]
    pub db: DbArgs,
}

impl ServeArgs {
    pub fn site(&self) -> Result<SiteConfig, crate::Error> {
        let url = self.public_url.clone().unwrap_or_else(|| format!("http://{}", self.addr));
        let site = site_config(&url, self.trust_forwarded_for).map_err(crate::Error::Config)?;
        Ok(SiteConfig { api_rate: self.api_rate, ..site })
    }
}

/// Checks the public URL: https anywhere, http only on this machine (cookies would travel in clear).
pub fn site_config(url: &str, trust_forwarded_for: bool) -> Result<SiteConfig, String> {
    let url = url.trim_end_matches('/');
    let bad = |why: &str| Err(format!("--public-url / REVIERJOBS_PUBLIC_URL '{url}': {why}"));
    let Some((scheme, rest)) = url.split_once("://") else { return bad("must start with https:// or http://") };
    let host = rest.split('/').next().unwrap_or_default();
    let host_name =
        host.rsplit_once(':').map_or(host, |(h, port)| if port.chars().all(|c| c.is_ascii_digit()) { h } else { host });
    if host_name.is_empty() {
        return bad("has no host");
    }
    let secure = match scheme {
        "https" => true,
        "http" if matches!(host_name, "localhost" | "[::1]") || host_name.starts_with("127.") => false,
        "http" => return bad("plain http is only allowed for localhost/127.0.0.1; use https:// in production"),
        _ => return bad("must start with https:// or http://"),
    };
    Ok(SiteConfig { public_url: url.to_owned(), secure_cookies: secure, trust_forwarded_for, ..SiteConfig::default() })
}

#[derive(Debug, Clone, Args)]
pub struct SeedArgs {
    /// How many demo listings to generate (same N, same day → same data); 0 removes them all.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(0..=1_000_000))]
    pub demo: u32,
    #[command(flatten)]
    pub db: DbArgs,
}

#[derive(Debug, Clone, Args)]
pub struct ImportArgs {
    /// Files, `-` for standard input, or http(s):// URLs; each is imported whole or not at all.
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<String>,
    /// The source's name (lower case, e.g. zeche-medien.de); default: the host of a URL, the name
    /// of a file, `arbeitsagentur` for Jobsuche answers.
    #[arg(long)]
    pub source: Option<String>,
    /// Check and map everything, write nothing.
    #[arg(long)]
    pub dry_run: bool,
    #[command(flatten)]
    pub db: DbArgs,
}

#[derive(Debug, Clone, Args)]
pub struct SourcesArgs {
    #[command(subcommand)]
    pub command: SourcesCommand,
    #[command(flatten)]
    pub db: DbArgs,
}

#[derive(Debug, Clone, clap::Subcommand)]
pub enum SourcesCommand {
    /// Add a source: any input `revierjobs import` accepts, at an http(s) URL.
    Add {
        /// Where the source answers.
        #[arg(value_name = "URL")]
        address: String,
        /// Its name (lower case, e.g. zeche-medien.de); default: the URL's host.
        #[arg(long)]
        name: Option<String>,
        /// How often it is read: 90m, 6h, 1d (at least 15m).
        #[arg(long, default_value = "6h")]
        every: String,
        /// Every answer is a complete snapshot: listings missing from one expire.
        #[arg(long)]
        full: bool,
        /// Its ads are trusted: a report of fraud does not hide them before review.
        #[arg(long)]
        trusted: bool,
    },
    /// Every source with its last run, next run and active listings.
    List,
    /// Remove a source (its listings stay and expire by their dates).
    Remove { name: String },
    /// Run one source (or all) now, in the foreground, with the import's report.
    Run { name: Option<String> },
}

#[derive(Debug, Clone, Args)]
pub struct ReportsArgs {
    #[command(subcommand)]
    pub command: Option<ReportsCommand>,
    /// Only reports without a decision.
    #[arg(long)]
    pub open: bool,
    #[command(flatten)]
    pub db: DbArgs,
}

#[derive(Debug, Clone, clap::Subcommand)]
pub enum ReportsCommand {
    /// Decide about the listing report ID names (every open report of it): keep it (back in
    /// search), mark it expired, or remove it. The decision is recorded with time and reason.
    Resolve {
        id: i64,
        #[arg(long, group = "action")]
        keep: bool,
        #[arg(long, group = "action")]
        expire: bool,
        #[arg(long, group = "action")]
        remove: bool,
        /// Why, for the record.
        #[arg(long)]
        reason: Option<String>,
    },
}

#[derive(Debug, Clone, Args)]
pub struct DbArgs {
    /// Database: surrealkv://PATH (embedded, default), mem:// (in memory) or ws://HOST:PORT (server).
    #[arg(global = true, long = "db", env = "REVIERJOBS_DB", default_value = "surrealkv://data/revierjobs", value_parser = parse_db_url)]
    pub url: String,
    /// User for a SurrealDB server (with --db-pass).
    #[arg(global = true, long = "db-user", env = "REVIERJOBS_DB_USER")]
    pub user: Option<String>,
    /// Password for a SurrealDB server (with --db-user).
    #[arg(global = true, long = "db-pass", env = "REVIERJOBS_DB_PASS", hide_env_values = true)]
    pub pass: Option<String>,
    /// Namespace.
    #[arg(global = true, long = "db-ns", env = "REVIERJOBS_DB_NS", default_value = "revierjobs")]
    pub namespace: String,
    /// Database name within the namespace.
    #[arg(global = true, long = "db-name", env = "REVIERJOBS_DB_NAME", default_value = "main")]
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
        let err = Cli::try_parse_from(["revierjobs", "seed", "--demo", "2000000"]).unwrap_err().to_string();
        assert!(err.contains("--demo"), "{err}");
    }

    #[test]
    fn public_urls_decide_cookie_security_and_reject_plain_http_elsewhere() {
        let local = site_config("http://127.0.0.1:3000", false).unwrap();
        assert!(!local.secure_cookies);
        let prod = site_config("https://revierjobs.de/", true).unwrap();
        assert!(prod.secure_cookies && prod.trust_forwarded_for);
        assert_eq!(prod.public_url, "https://revierjobs.de");
        assert!(site_config("http://localhost:3000", false).is_ok());
        let err = site_config("http://revierjobs.de", false).unwrap_err();
        assert!(err.contains("REVIERJOBS_PUBLIC_URL") && err.contains("https://"), "{err}");
        assert!(site_config("ftp://x", false).is_err());
        assert!(site_config("revierjobs.de", false).is_err());
    }

    #[test]
    fn user_without_password_is_rejected() {
        let cli = Cli::try_parse_from(["revierjobs", "serve", "--db", "ws://h:1", "--db-user", "root"]).unwrap();
        let Command::Serve(args) = cli.command() else { panic!("serve") };
        assert!(args.db.to_config().unwrap_err().to_string().contains("--db-pass"));
    }
}
