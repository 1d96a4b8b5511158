//! An input's records, whatever its format: JSON Lines is read line by line (an input of any size
//! streams through), the other formats whole. A fault of the input as a whole (not UTF-8, not JSON)
//! is returned; each record comes with its own findings.
use serde_json::Value;
use std::io::BufRead;

use super::draft::Draft;
use super::input::{At, Findings, Format, Problem, detect, json, json_ld_blocks, text, text_from_line};
use super::{jobsuche, json_ld};

/// Calls `each` with every record of `input`, in order; the format found, or what makes the input
/// unreadable.
pub fn read(input: &mut dyn BufRead, each: &mut dyn FnMut(Format, Draft, Findings)) -> Result<Format, Problem> {
    let mut lines = Lines { input, number: 0, buffer: Vec::new(), kept: Vec::new(), keep: true };
    let first = lines.next()?;
    let is_object = |line: &str| serde_json::from_str::<Value>(line).is_ok_and(|v| v.is_object());
    if let Some((number, line)) = first.filter(|(_, line)| line.starts_with('{') && is_object(line))
        && let Some((second_number, second)) = lines.next()?
    {
        lines.keep = false;
        let mut each = |draft, findings| each(Format::JsonLines, draft, findings);
        json_line(number, &line, &mut each);
        json_line(second_number, &second, &mut each);
        while let Some((number, line)) = lines.next()? {
            json_line(number, &line, &mut each);
        }
        return Ok(Format::JsonLines);
    }
    let mut whole = std::mem::take(&mut lines.kept);
    lines.input.read_to_end(&mut whole).map_err(unreadable)?;
    let whole = text(&whole)?;
    let format = detect(whole);
    match format {
        Format::Html => {
            let mut count = 0;
            for (line, block) in json_ld_blocks(whole) {
                let doc =
                    json(block).map_err(|p| Problem::input(format!("JSON-LD-Block ab Zeile {line}: {}", p.message)))?;
                for (draft, findings) in json_ld::records(&doc, count) {
                    count += 1;
                    each(format, draft, findings);
                }
            }
        }
        Format::Jobsuche => {
            if let Value::Object(doc) = json(whole)? {
                jobsuche::records(&doc).1.into_iter().for_each(|(draft, findings)| each(format, draft, findings));
            }
        }
        Format::JsonLd | Format::JsonLines => {
            json_ld::records(&json(whole)?, 0).into_iter().for_each(|(draft, findings)| each(format, draft, findings))
        }
    }
    Ok(format)
}

fn unreadable(e: std::io::Error) -> Problem {
    Problem::input(format!("nicht lesbar: {e}"))
}

/// The lines of an input, numbered from 1; blank ones are passed over. While `keep` is set, the
/// bytes read are kept, so the input can still be read as one document.
struct Lines<'a> {
    input: &'a mut dyn BufRead,
    number: usize,
    buffer: Vec<u8>,
    kept: Vec<u8>,
    keep: bool,
}

impl Lines<'_> {
    /// The next line that is not blank, trimmed, with its number; `None` at the end.
    fn next(&mut self) -> Result<Option<(usize, String)>, Problem> {
        loop {
            self.buffer.clear();
            if self.input.read_until(b'\n', &mut self.buffer).map_err(unreadable)? == 0 {
                return Ok(None);
            }
            self.number += 1;
            if self.keep {
                self.kept.extend_from_slice(&self.buffer);
            }
            let line = text_from_line(&self.buffer, self.number)?;
            if !line.trim().is_empty() {
                return Ok(Some((self.number, line.trim().to_owned())));
            }
        }
    }
}

/// The records of one JSON Lines line, placed at that line. An object without `@type` is taken as
/// a `JobPosting`.
fn json_line(number: usize, line: &str, each: &mut dyn FnMut(Draft, Findings)) {
    let at = At::Line(number);
    match serde_json::from_str::<Value>(line) {
        Ok(Value::Object(mut node)) => {
            if !node.contains_key("@type") && !node.contains_key("@graph") {
                node.insert("@type".to_owned(), Value::from("JobPosting"));
            }
            for (draft, findings) in json_ld::records(&Value::Object(node), 0) {
                each(draft, findings.placed_at(at));
            }
        }
        Ok(other) => json_ld::records(&other, 0).into_iter().for_each(|(d, f)| each(d, f.placed_at(at))),
        Err(e) => {
            let mut findings = Findings::new(at);
            findings.error("", format!("kein gültiges JSON ({e})"));
            each(Draft::default(), findings);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(input: &str) -> (Result<Format, Problem>, Vec<(Draft, Findings)>) {
        let mut found = Vec::new();
        let format = read(&mut input.as_bytes(), &mut |_, d, f| found.push((d, f)));
        (format, found)
    }

    #[test]
    fn json_lines_stream_and_each_record_names_its_line() {
        let input = "\u{feff}{\"@type\":\"JobPosting\",\"title\":\"A\"}\r\n\r\n{\"title\":\"B\"}\n{\"title\": 3}\n";
        let (format, found) = all(input);
        assert_eq!(format, Ok(Format::JsonLines));
        let titles: Vec<_> = found.iter().map(|(d, _)| d.title.clone()).collect();
        assert_eq!(titles, [Some("A".into()), Some("B".into()), None]);
        assert_eq!(found[2].1.errors[0].to_string(), "Zeile 4, title: erwartet Text, gefunden eine Zahl");
    }

    #[test]
    fn a_broken_line_is_an_error_of_its_own_and_the_rest_is_read() {
        let (format, found) = all("{\"title\":\"A\"}\n{\"title\":\n{\"title\":\"C\"}\n");
        assert_eq!(format, Ok(Format::JsonLines));
        assert_eq!(found.len(), 3);
        assert!(found[1].1.errors[0].to_string().starts_with("Zeile 2: kein gültiges JSON"));
    }

    #[test]
    fn documents_pages_and_bad_bytes() {
        let (format, found) = all("{\n \"@type\": \"JobPosting\",\n \"title\": \"A\"\n}\n");
        assert_eq!((format, found.len()), (Ok(Format::JsonLd), 1));
        let page =
            "<html><script type=\"application/ld+json\">{\"@type\":\"JobPosting\",\"title\":\"P\"}</script></html>";
        let (format, found) = all(page);
        assert_eq!((format, found[0].0.title.as_deref()), (Ok(Format::Html), Some("P")));
        let (format, _) = all("{\"title\":\"A\"}\n{\"title\":\"\u{0}\"}\n");
        assert!(format.is_ok());
        let mut bad = b"{\"title\":\"A\"}\n{\"title\":\"B\"}\n{\"title\":\"\xff\"}\n".as_slice();
        let error = read(&mut bad, &mut |_, _, _| {}).unwrap_err();
        assert_eq!(error.message, "kein gültiges UTF-8 in Zeile 3, Spalte 11");
        let (format, _) = all("{\"title\": ");
        assert!(format.unwrap_err().message.starts_with("unvollständiges JSON"));
    }
}
