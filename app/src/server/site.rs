//! How the site is reached and what each page announces about itself: public URL and cookie
//! security, the build id of the browser bundle, the Content-Security-Policy with its nonce.
use leptos::prelude::use_context;
use std::sync::Arc;

use super::AppState;

/// The build id of the site under `site_root/pkg_dir`: the first 12 hex digits of a SHA-256
/// over its file names and contents (not the `.br`/`.gz` copies made of them), or `dev` when
/// there is no built site (tests).
pub fn build_id(site_root: &str, pkg_dir: &str) -> String {
    use sha2::{Digest, Sha256};
    let dir = std::path::Path::new(site_root).join(pkg_dir);
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

/// How the site is reached (cookie flags, absolute links), in a render or server function.
pub fn site() -> SiteConfig {
    use_context::<AppState>().map(|s| s.site.clone()).unwrap_or_default()
}

/// The build id in a render (`dev` outside a server).
pub fn current_build() -> Arc<str> {
    use_context::<AppState>().map_or_else(|| Arc::from("dev"), |s| s.build.clone())
}

/// How the site is reached from outside: decides cookie flags, HSTS and absolute links.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SiteConfig {
    /// The address users type, e.g. `https://revierjobs.de` (no trailing slash).
    pub public_url: String,
    /// `__Host-` cookies with `Secure`, and Strict-Transport-Security: on for https.
    pub secure_cookies: bool,
    /// Behind a reverse proxy: take the client address for rate limits from X-Forwarded-For.
    pub trust_forwarded_for: bool,
}

impl Default for SiteConfig {
    /// Local development over plain http.
    fn default() -> Self {
        Self { public_url: "http://127.0.0.1:3000".into(), secure_cookies: false, trust_forwarded_for: false }
    }
}

/// The Content-Security-Policy of an HTML page; `nonce` admits its inline hydration scripts.
pub fn content_security_policy(nonce: Option<&str>) -> String {
    let scripts = nonce.map(|n| format!(" 'nonce-{n}'")).unwrap_or_default();
    format!(
        "default-src 'self'; script-src 'self'{scripts} 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; \
         connect-src 'self'; font-src 'self'; manifest-src 'self'; worker-src 'self'; object-src 'none'; \
         base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_build_id_follows_the_files_not_their_compressed_copies() {
        let site = tempfile::tempdir().unwrap();
        let root = site.path().to_str().unwrap();
        assert_eq!(build_id(root, "pkg"), "dev");
        let pkg = site.path().join("pkg");
        std::fs::create_dir(&pkg).unwrap();
        std::fs::write(pkg.join("app.js"), "one").unwrap();
        let first = build_id(root, "pkg");
        assert_eq!(first.len(), 12);
        std::fs::write(pkg.join("app.js.br"), "copy").unwrap();
        assert_eq!(build_id(root, "pkg"), first);
        std::fs::write(pkg.join("app.js"), "two").unwrap();
        assert_ne!(build_id(root, "pkg"), first);
    }
}
