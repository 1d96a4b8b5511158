//! Career articles shipped in `content/`, compiled into the binary and written to the
//! `article` table at start. Each file starts with a small front matter block.
use pulldown_cmark::{Options, Parser, html};

/// Every article file, in `content/`.
pub const FILES: &[(&str, &str)] =
    &[("medienassistent-bochum.md", include_str!("../../../content/medienassistent-bochum.md"))];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    pub profession: String,
    pub city: String,
    pub title: String,
    pub description: String,
    pub markdown: String,
}

/// Parses `---\nkey: value\n...\n---\nMarkdown`; `profession`, `city` and `title` are required.
pub fn parse(file: &str, text: &str) -> Result<Article, String> {
    let rest = text.strip_prefix("---\n").ok_or_else(|| format!("{file}: must start with '---'"))?;
    let (front, body) =
        rest.split_once("\n---\n").ok_or_else(|| format!("{file}: front matter not closed by '---'"))?;
    let get = |key: &str| -> Option<String> {
        front.lines().find_map(|line| {
            let (k, v) = line.split_once(':')?;
            (k.trim() == key).then(|| v.trim().to_owned())
        })
    };
    let required = |value: Option<String>, key: &str| {
        value.filter(|v| !v.is_empty()).ok_or_else(|| format!("{file}: '{key}' missing"))
    };
    Ok(Article {
        profession: required(get("profession"), "profession")?,
        city: required(get("city"), "city")?,
        title: required(get("title"), "title")?,
        description: get("description").unwrap_or_default(),
        markdown: body.trim().to_owned(),
    })
}

/// Markdown to sanitized HTML (content is ours, but sanitizing keeps that a non-assumption).
pub fn render(markdown: &str) -> String {
    let mut out = String::new();
    html::push_html(&mut out, Parser::new_ext(markdown, Options::ENABLE_TABLES));
    ammonia::clean(&out)
}

pub fn all() -> Result<Vec<Article>, String> {
    FILES.iter().map(|(file, text)| parse(file, text)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_front_matter_and_body() {
        let a =
            parse("x.md", "---\nprofession: medienassistent\ncity: bochum\ntitle: T: eins\n---\n# Hallo\n").unwrap();
        assert_eq!(a.profession, "medienassistent");
        assert_eq!(a.title, "T: eins");
        assert_eq!(a.description, "");
        assert_eq!(a.markdown, "# Hallo");
    }

    #[test]
    fn rejects_incomplete_files_with_a_reason() {
        assert!(parse("x.md", "# no front matter").unwrap_err().contains("x.md"));
        assert!(parse("x.md", "---\ncity: bochum\ntitle: t\n---\nbody").unwrap_err().contains("profession"));
    }

    #[test]
    fn shipped_articles_parse() {
        let articles = all().unwrap();
        assert!(articles.iter().any(|a| a.profession == "medienassistent" && a.city == "bochum"));
    }

    #[test]
    fn rendering_sanitizes() {
        let html = render("**fett** <script>alert(1)</script> [x](javascript:alert(1))");
        assert!(html.contains("<strong>fett</strong>"));
        assert!(!html.contains("<script"));
        assert!(!html.contains("javascript:"));
    }
}
