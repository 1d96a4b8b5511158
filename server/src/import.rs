//! `revierjobs import [--source NAME] [--dry-run] INPUT...`: every input (a file, `-` for standard
//! input, or an http(s) URL) is imported whole or not at all; a line per input says what became
//! of its listings, followed by every error and the warnings. The exit code is 0 only when every
//! input was imported.
use indicatif::{ProgressBar, ProgressStyle};
use std::fs::File;
use std::io::{BufReader, Cursor};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use app::import::input::{Format, Problem};
use app::import::service::{Open, Options, Tally, import};

use crate::config::ImportArgs;
use crate::fetch::{FetchLimits, fetch, host_name};

/// At most this many warnings are printed per input (the count of the rest follows).
const WARNINGS_SHOWN: usize = 50;

pub async fn run(args: ImportArgs) -> Result<(), crate::Error> {
    if let Some(source) = &args.source {
        check_source(source).map_err(crate::Error::Config)?;
    }
    let mut config = args.db.to_config()?;
    config.url = crate::db::import_url(&config.url);
    let db = crate::db::prepare(&config).await?;
    let mut failed = 0;
    for name in &args.inputs {
        let tally = match open(name).await {
            Ok((open, fallback_source)) => {
                let options = Options {
                    source: args.source.clone(),
                    fallback_source,
                    dry_run: args.dry_run,
                    now: chrono::Utc::now(),
                };
                let bar = ProgressBar::new_spinner();
                bar.set_style(
                    ProgressStyle::with_template("{spinner} {msg}: {pos} Datensätze ({elapsed})")
                        .unwrap_or_else(|_| ProgressStyle::default_spinner()),
                );
                bar.set_message(name.clone());
                let tally = import(&db, open, &options, &mut |n| bar.set_position(n as u64)).await?;
                bar.finish_and_clear();
                tally
            }
            Err(problem) => Tally { errors: vec![problem], ..Tally::default() },
        };
        print!("{}", report(name, &tally, args.dry_run));
        if !tally.imported() {
            failed += 1;
        }
    }
    if failed > 0 {
        return Err(crate::Error::Import { failed, total: args.inputs.len() });
    }
    Ok(())
}

/// What became of one input, as printed.
pub fn report(name: &str, tally: &Tally, dry_run: bool) -> String {
    let mut out = String::new();
    if tally.imported() {
        let format = tally.format.map_or("", format_name);
        out.push_str(&format!(
            "{name}: {} (Quelle „{}“, {format}){}\n",
            tally.counts(),
            tally.source,
            if dry_run { "; Probelauf, nichts geschrieben" } else { "" }
        ));
        if tally.demo_removed > 0 {
            out.push_str(&format!(
                "  {} Demo-Anzeigen entfernt (echte und erfundene Anzeigen mischen sich nie)\n",
                tally.demo_removed
            ));
        }
    } else {
        out.push_str(&format!("{name}: nicht importiert, nichts geschrieben ({} Fehler)\n", tally.errors.len()));
        for problem in &tally.errors {
            out.push_str(&format!("  Fehler: {problem}\n"));
        }
    }
    for problem in tally.warnings.iter().take(WARNINGS_SHOWN) {
        out.push_str(&format!("  Warnung: {problem}\n"));
    }
    if tally.warnings.len() > WARNINGS_SHOWN {
        out.push_str(&format!("  … und {} weitere Warnungen\n", tally.warnings.len() - WARNINGS_SHOWN));
    }
    out
}

fn format_name(format: Format) -> &'static str {
    match format {
        Format::JsonLd => "JSON-LD",
        Format::JsonLines => "JSON Lines",
        Format::Html => "HTML mit JSON-LD",
        Format::Jobsuche => "Jobsuche der Bundesagentur für Arbeit",
    }
}

/// A source name: lower-case letters, digits, dots and hyphens, as host names are written.
pub fn check_source(source: &str) -> Result<(), String> {
    let fine = !source.is_empty()
        && source.len() <= 100
        && source.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'.' || b == b'-');
    if fine {
        Ok(())
    } else {
        Err(format!("--source '{source}': use lower-case letters, digits, dots and hyphens (e.g. zeche-medien.de)"))
    }
}

/// How to open the input `name` (it is read once, so standard input streams through), and the source
/// name it suggests.
async fn open(name: &str) -> Result<(Open, String), Problem> {
    if name.starts_with("http://") || name.starts_with("https://") {
        let body = fetch(name, &FetchLimits::default()).await.map_err(|e| Problem::input(e.to_string()))?;
        let body: Arc<[u8]> = body.into();
        let host = host_name(name);
        let open: Open = Arc::new(move || Ok(Box::new(Cursor::new(body.clone())) as _));
        return Ok((open, host.unwrap_or_else(|| "web".to_owned())));
    }
    if name == "-" {
        let open: Open = Arc::new(|| Ok(Box::new(BufReader::new(std::io::stdin())) as _));
        return Ok((open, "import".to_owned()));
    }
    let path = PathBuf::from(name);
    File::open(&path).map_err(|e| Problem::input(format!("nicht lesbar: {e}")))?;
    let source = file_source(&path);
    let open: Open = Arc::new(move || Ok(Box::new(BufReader::new(File::open(&path)?)) as _));
    Ok((open, source))
}

/// A file's name without its extension, as a source name: "Zeche Medien.jsonl" → "zeche-medien".
fn file_source(path: &Path) -> String {
    let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let slug = app::ui::format::slugify(&stem);
    if slug.is_empty() { "import".to_owned() } else { slug }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn source_names_are_checked_and_derived_from_file_names() {
        assert!(check_source("zeche-medien.de").is_ok());
        assert!(check_source("Zeche Medien").is_err());
        assert!(check_source("").is_err());
        assert_eq!(file_source(Path::new("/tmp/Zeche Medien.jsonl")), "zeche-medien");
        assert_eq!(file_source(Path::new("-.json")), "import");
    }

    #[test]
    fn the_report_names_every_error_and_counts() {
        let rejected =
            Tally { errors: vec![Problem::input("kaputt"), Problem::input("auch kaputt")], ..Tally::default() };
        let text = report("a.json", &rejected, false);
        assert!(text.starts_with("a.json: nicht importiert, nichts geschrieben (2 Fehler)\n  Fehler: kaputt\n"));
        let fine = Tally { new: 2, source: "x".into(), format: Some(Format::JsonLines), ..Tally::default() };
        assert!(report("b.jsonl", &fine, true).contains("2 neu, 0 aktualisiert"));
    }
}
