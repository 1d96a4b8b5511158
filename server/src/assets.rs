//! The build's own files (wasm, js, css) under a path that names the build, `/v/<build>/pkg/…`:
//! browsers keep them for a year without asking again, since the next build has another path.
//! `make build` leaves brotli and gzip copies beside them (`scripts/precompress.mjs`); they are
//! served as they are when every copy is at least as new as its file, otherwise (someone ran
//! `cargo leptos build` alone) the response layer compresses on the fly.
use axum::Router;
use axum::extract::Request;
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::Response;
use std::path::Path;
use tower_http::services::ServeDir;

/// The build id of the site under `site_root/pkg_dir`: the first 12 hex digits of a SHA-256
/// over its file names and contents (not the `.br`/`.gz` copies made of them), or `dev` when
/// there is no built site (tests).
pub fn build_id(site_root: &str, pkg_dir: &str) -> String {
    use sha2::{Digest, Sha256};
    let dir = Path::new(site_root).join(pkg_dir);
    let Ok(entries) = std::fs::read_dir(&dir) else { return "dev".into() };
    let mut files: Vec<_> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file() && !matches!(p.extension().and_then(|e| e.to_str()), Some("br" | "gz")))
        .collect();
    if files.is_empty() {
        return "dev".into();
    }
    files.sort();
    let mut hash = Sha256::new();
    for path in files {
        hash.update(path.file_name().map(|n| n.as_encoded_bytes()).unwrap_or_default());
        hash.update(std::fs::read(&path).unwrap_or_default());
    }
    hash.finalize().iter().take(6).map(|b| format!("{b:02x}")).collect()
}

const IMMUTABLE: &str = "public, max-age=31536000, immutable";

/// Files under `/v/{build}/{pkg_dir}/`, read from `{site_root}/{pkg_dir}`.
pub fn router<S: Clone + Send + Sync + 'static>(site_root: &str, pkg_dir: &str, build: &str) -> Router<S> {
    let dir = Path::new(site_root).join(pkg_dir);
    let mut files = ServeDir::new(&dir);
    match precompressed(&dir) {
        Precompressed::Fresh => files = files.precompressed_br().precompressed_gzip(),
        Precompressed::Stale(file) => {
            tracing::warn!(%file, "a precompressed copy is older than its file (run `make build`); compressing on the fly")
        }
        Precompressed::None => {}
    }
    Router::new()
        .nest_service(&format!("{}/{pkg_dir}", app::asset_root(build)), files)
        .layer(middleware::from_fn(cache_for_a_year))
}

/// Successful answers are immutable; errors are not stored at all.
async fn cache_for_a_year(request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    let ok = response.status().is_success() || response.status() == StatusCode::NOT_MODIFIED;
    let policy = if ok { IMMUTABLE } else { "no-store" };
    response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static(policy));
    response
}

#[derive(Debug, PartialEq, Eq)]
pub enum Precompressed {
    /// No `.br`/`.gz` copies.
    None,
    /// Every copy is at least as new as the file it was made from.
    Fresh,
    /// This copy is older than its file, or its file is gone.
    Stale(String),
}

/// Whether the `.br`/`.gz` copies in `dir` can be served in place of their files.
pub fn precompressed(dir: &Path) -> Precompressed {
    let Ok(entries) = std::fs::read_dir(dir) else { return Precompressed::None };
    let mut found = false;
    for path in entries.filter_map(Result::ok).map(|e| e.path()) {
        if !matches!(path.extension().and_then(|e| e.to_str()), Some("br" | "gz")) {
            continue;
        }
        found = true;
        let modified = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
        let fresh = match (modified(&path.with_extension("")), modified(&path)) {
            (Some(source), Some(copy)) => copy >= source,
            _ => false,
        };
        if !fresh {
            return Precompressed::Stale(path.display().to_string());
        }
    }
    if found { Precompressed::Fresh } else { Precompressed::None }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs::{File, FileTimes};
    use std::time::{Duration, SystemTime};

    fn write(dir: &Path, name: &str, age_secs: u64) {
        let file = File::create(dir.join(name)).unwrap();
        let at = SystemTime::now() - Duration::from_secs(age_secs);
        file.set_times(FileTimes::new().set_modified(at)).unwrap();
    }

    #[test]
    fn copies_are_served_only_when_none_is_older_than_its_file() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "app.js", 100);
        assert_eq!(precompressed(dir.path()), Precompressed::None);
        write(dir.path(), "app.js.br", 50);
        write(dir.path(), "app.js.gz", 50);
        assert_eq!(precompressed(dir.path()), Precompressed::Fresh);
        write(dir.path(), "app.wasm", 10);
        write(dir.path(), "app.wasm.br", 20); // the wasm was rebuilt after it was compressed
        assert!(matches!(precompressed(dir.path()), Precompressed::Stale(f) if f.ends_with("app.wasm.br")));
    }

    #[test]
    fn a_copy_without_its_file_is_stale() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "gone.css.gz", 10);
        assert!(matches!(precompressed(dir.path()), Precompressed::Stale(_)));
    }
}
