//! An input as text and its records: the format is detected from the content (never the file name),
//! and every record keeps where it came from, so an error can name it.
use serde_json::Value;
use std::fmt;

/// Where a record stands in its input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum At {
    /// The n-th record (from 0) of a JSON document, an HTML page or a Jobsuche answer.
    Record(usize),
    /// The line (from 1) of a JSON Lines input.
    Line(usize),
}

impl fmt::Display for At {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            At::Record(n) => write!(f, "Datensatz {n}"),
            At::Line(n) => write!(f, "Zeile {n}"),
        }
    }
}

/// What is wrong, where: the record (none for the input as a whole), the field path
/// (`jobLocation[1].address.postalCode`) and the message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub at: Option<At>,
    pub path: String,
    pub message: String,
}

impl Problem {
    pub fn input(message: impl Into<String>) -> Self {
        Problem { at: None, path: String::new(), message: message.into() }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.at, self.path.is_empty()) {
            (Some(at), false) => write!(f, "{at}, {}: {}", self.path, self.message),
            (Some(at), true) => write!(f, "{at}: {}", self.message),
            (None, false) => write!(f, "{}: {}", self.path, self.message),
            (None, true) => f.write_str(&self.message),
        }
    }
}

/// What was found wrong with one record: errors reject the whole input, warnings are reported and
/// the record goes on (or is skipped, when the warning says so).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Findings {
    pub at: Option<At>,
    pub errors: Vec<Problem>,
    pub warnings: Vec<Problem>,
}

impl Findings {
    pub fn new(at: At) -> Self {
        Findings { at: Some(at), ..Default::default() }
    }

    pub fn error(&mut self, path: impl Into<String>, message: impl Into<String>) {
        let problem = Problem { at: self.at, path: path.into(), message: message.into() };
        self.errors.push(problem);
    }

    pub fn warn(&mut self, path: impl Into<String>, message: impl Into<String>) {
        let problem = Problem { at: self.at, path: path.into(), message: message.into() };
        self.warnings.push(problem);
    }

    /// The same findings, placed at `at` (a record read from a line of a JSON Lines input).
    pub fn placed_at(mut self, at: At) -> Self {
        self.at = Some(at);
        self.errors.iter_mut().chain(&mut self.warnings).for_each(|p| p.at = Some(at));
        self
    }
}

/// The kinds of input the import reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// schema.org JSON-LD: one object, an array, or a document with `@graph`.
    JsonLd,
    /// One JSON value per line.
    JsonLines,
    /// An HTML page with `<script type="application/ld+json">` blocks.
    Html,
    /// An answer of the Federal Employment Agency's Jobsuche API (v4 or v6).
    Jobsuche,
}

/// The bytes as text: a UTF-8 byte order mark is dropped; invalid UTF-8 names its line and column.
pub fn text(bytes: &[u8]) -> Result<&str, Problem> {
    text_from_line(bytes, 1)
}

/// [`text`] of bytes that start at line `first` of their input.
pub fn text_from_line(bytes: &[u8], first: usize) -> Result<&str, Problem> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|e| {
        // The bytes before the fault are valid, so their characters can be counted.
        let valid = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default();
        let line = valid.matches('\n').count() + first;
        let column = valid.rsplit('\n').next().unwrap_or_default().chars().count() + 1;
        Problem::input(format!("kein gültiges UTF-8 in Zeile {line}, Spalte {column}"))
    })
}

/// The format of `text`, from its first characters and, for JSON, its shape.
pub fn detect(text: &str) -> Format {
    let start = text.trim_start();
    if start.starts_with('<') {
        return Format::Html;
    }
    let first_line = start.lines().next().unwrap_or_default().trim();
    let more_lines = start.trim_end().lines().skip(1).any(|line| !line.trim().is_empty());
    if more_lines && serde_json::from_str::<Value>(first_line).is_ok_and(|v| v.is_object()) {
        return Format::JsonLines;
    }
    match serde_json::from_str::<Value>(start) {
        Ok(Value::Object(doc)) if is_jobsuche(&doc) => Format::Jobsuche,
        _ => Format::JsonLd,
    }
}

/// A Jobsuche answer: its list (v4 `stellenangebote`, v6 `ergebnisliste`), the counters an answer
/// without matches still has, or the reference number of a single ad's details.
fn is_jobsuche(doc: &serde_json::Map<String, Value>) -> bool {
    ["stellenangebote", "ergebnisliste", "maxErgebnisse", "referenznummer", "refnr"]
        .iter()
        .any(|key| doc.contains_key(*key))
}

/// `text` parsed as one JSON value; an error names its line and column.
pub fn json(text: &str) -> Result<Value, Problem> {
    serde_json::from_str(text.trim_start()).map_err(|e| json_problem(&e, None))
}

fn json_problem(e: &serde_json::Error, at: Option<At>) -> Problem {
    let what = match e.classify() {
        serde_json::error::Category::Eof => "unvollständiges JSON".to_owned(),
        _ => format!("kein gültiges JSON ({e})"),
    };
    // serde_json counts a fault found at a line's end as column 0 of the next line.
    let place = match (e.line(), e.column()) {
        (line, 0) if line > 1 => format!("am Ende von Zeile {}", line - 1),
        (line, column) => format!("in Zeile {line}, Spalte {}", column.max(1)),
    };
    Problem { at, path: String::new(), message: format!("{what} {place}") }
}

/// The records of a JSON Lines input, line by line; a line that is not JSON is a problem of its own.
pub fn json_lines(text: &str) -> impl Iterator<Item = (At, Result<Value, Problem>)> + '_ {
    text.lines().enumerate().filter(|(_, line)| !line.trim().is_empty()).map(|(i, line)| {
        let at = At::Line(i + 1);
        let parsed = serde_json::from_str(line.trim()).map_err(|e| Problem {
            at: Some(at),
            path: String::new(),
            message: format!("kein gültiges JSON ({e}), Spalte {}", e.column()),
        });
        (at, parsed)
    })
}

/// The contents of every `<script type="application/ld+json">` block of an HTML page, with the line
/// each starts on (entities are not decoded: a script's content is raw text in HTML).
pub fn json_ld_blocks(html: &str) -> Vec<(usize, &str)> {
    let lower = html.to_ascii_lowercase();
    let mut blocks = Vec::new();
    let mut from = 0;
    while let Some(open) = lower[from..].find("<script").map(|i| from + i) {
        let Some(tag_end) = lower[open..].find('>').map(|i| open + i) else { break };
        let tag = &lower[open..tag_end];
        let Some(close) = lower[tag_end..].find("</script").map(|i| tag_end + i) else { break };
        let is_json_ld = tag.split(|c: char| c.is_whitespace()).any(|attribute| {
            let attribute = attribute.trim_end_matches('/');
            matches!(
                attribute,
                "type=\"application/ld+json\"" | "type='application/ld+json'" | "type=application/ld+json"
            )
        });
        if is_json_ld {
            let line = html[..tag_end].matches('\n').count() + 1;
            blocks.push((line, &html[tag_end + 1..close]));
        }
        from = close + 1;
    }
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_byte_order_mark_is_dropped_and_bad_utf8_names_line_and_column() {
        assert_eq!(text(b"\xEF\xBB\xBF{}").unwrap(), "{}");
        let problem = text(b"{\n  \"title\": \"K\xC3\xB6ln \xFF\"\n}").unwrap_err();
        assert_eq!(problem.message, "kein gültiges UTF-8 in Zeile 2, Spalte 18");
    }

    #[test]
    fn formats_are_told_apart_by_content() {
        assert_eq!(detect("  <!doctype html><html>"), Format::Html);
        assert_eq!(detect("{\"@type\": \"JobPosting\"}"), Format::JsonLd);
        assert_eq!(detect("[{\"@type\": \"JobPosting\"}]"), Format::JsonLd);
        assert_eq!(detect("{\"@context\": \"https://schema.org\",\n \"@graph\": []}"), Format::JsonLd);
        assert_eq!(detect("{\"title\": \"a\"}\r\n{\"title\": \"b\"}\r\n"), Format::JsonLines);
        assert_eq!(detect("{\"stellenangebote\": []}"), Format::Jobsuche);
        assert_eq!(detect("{\"ergebnisliste\": []}"), Format::Jobsuche);
        assert_eq!(detect("{\"maxErgebnisse\": 0, \"page\": 1}"), Format::Jobsuche);
        // A pretty-printed object is one document, not lines.
        assert_eq!(detect("{\n  \"@type\": \"JobPosting\"\n}\n"), Format::JsonLd);
    }

    #[test]
    fn broken_json_names_line_and_column() {
        let problem = json("{\n  \"title\": \"a\",\n  \"x\": tru,\n  \"y\": 1\n}").unwrap_err();
        assert!(problem.message.contains("Zeile 3, Spalte"), "{}", problem.message);
        assert!(json("{\"title\": ").unwrap_err().message.starts_with("unvollständiges JSON"));
    }

    #[test]
    fn json_lines_are_numbered_from_one_and_blank_lines_skipped() {
        let lines: Vec<_> = json_lines("{\"a\":1}\r\n\r\n{oops}\n{\"b\":2}").collect();
        assert_eq!(lines.iter().map(|(at, _)| *at).collect::<Vec<_>>(), [At::Line(1), At::Line(3), At::Line(4)]);
        assert!(lines[0].1.is_ok() && lines[2].1.is_ok());
        let problem = lines[1].1.as_ref().unwrap_err();
        assert_eq!(problem.at, Some(At::Line(3)));
    }

    #[test]
    fn json_ld_blocks_are_found_whatever_the_quoting_and_case() {
        let html = "<html><head>\n<SCRIPT type=\"application/ld+json\">{\"a\":1}</script>\n\
                    <script type='application/ld+json' id=x>[2]</script><script>var x=1</script>\n\
                    <script type=application/ld+json>{\"b\":&amp;}</script></head>";
        let blocks = json_ld_blocks(html);
        assert_eq!(blocks.iter().map(|(_, b)| *b).collect::<Vec<_>>(), ["{\"a\":1}", "[2]", "{\"b\":&amp;}"]);
        assert_eq!(blocks[0].0, 2);
        assert!(json_ld_blocks("<script type=\"application/ld+json\">{unclosed").is_empty());
    }
}
