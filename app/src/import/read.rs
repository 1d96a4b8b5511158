//! Reading typed values out of JSON with a field path, for every format's reader: a value of the
//! wrong type is an error naming the path, an absent or empty one is `None`.
use chrono::{DateTime, Utc};
use serde_json::Value;

use super::dates;
use super::input::Findings;

/// `path` extended by a field: `jobLocation[1]` + `address` → `jobLocation[1].address`.
pub fn field(path: &str, name: &str) -> String {
    if path.is_empty() { name.to_owned() } else { format!("{path}.{name}") }
}

/// `path` extended by a position: `jobLocation` + 1 → `jobLocation[1]`.
pub fn item(path: &str, index: usize) -> String {
    format!("{path}[{index}]")
}

/// The name of a JSON value's type, for messages.
pub fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "ein Wahrheitswert",
        Value::Number(_) => "eine Zahl",
        Value::String(_) => "Text",
        Value::Array(_) => "eine Liste",
        Value::Object(_) => "ein Objekt",
    }
}

/// A value given once or as a list, with the path of each.
pub fn each<'a>(value: Option<&'a Value>, path: &str) -> Vec<(String, &'a Value)> {
    match value {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(items)) => items.iter().enumerate().map(|(i, v)| (item(path, i), v)).collect(),
        Some(one) => vec![(path.to_owned(), one)],
    }
}

/// Text: a string, trimmed; empty is `None`; any other type is an error.
pub fn text(value: Option<&Value>, path: &str, findings: &mut Findings) -> Option<String> {
    match value {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(s.trim()).filter(|s| !s.is_empty()).map(str::to_owned),
        Some(other) => {
            findings.error(path, format!("erwartet Text, gefunden {}", kind(other)));
            None
        }
    }
}

/// Text that may also be written as a number (a postcode, an id).
pub fn text_or_number(value: Option<&Value>, path: &str, findings: &mut Findings) -> Option<String> {
    match value {
        Some(Value::Number(n)) => Some(n.to_string()),
        other => text(other, path, findings),
    }
}

/// A number, or a string holding one in plain notation (`"51.48"`).
pub fn number(value: Option<&Value>, path: &str, findings: &mut Findings) -> Option<f64> {
    match value {
        None | Some(Value::Null) => None,
        Some(Value::Number(n)) => n.as_f64(),
        Some(Value::String(s)) if s.trim().is_empty() => None,
        Some(Value::String(s)) => match s.trim().parse::<f64>() {
            Ok(n) if n.is_finite() => Some(n),
            _ => {
                findings.error(path, format!("„{}“ ist keine Zahl", s.trim()));
                None
            }
        },
        Some(other) => {
            findings.error(path, format!("erwartet eine Zahl, gefunden {}", kind(other)));
            None
        }
    }
}

/// A yes/no: `true`/`false`, or the strings `"true"`/`"false"`.
pub fn flag(value: Option<&Value>, path: &str, findings: &mut Findings) -> Option<bool> {
    match value {
        None | Some(Value::Null) => None,
        Some(Value::Bool(b)) => Some(*b),
        Some(Value::String(s)) if s.eq_ignore_ascii_case("true") => Some(true),
        Some(Value::String(s)) if s.eq_ignore_ascii_case("false") => Some(false),
        Some(other) => {
            findings.error(path, format!("erwartet true oder false, gefunden {}", kind(other)));
            None
        }
    }
}

/// A date or instant (see `dates::parse`).
pub fn date(value: Option<&Value>, path: &str, findings: &mut Findings) -> Option<DateTime<Utc>> {
    let written = text(value, path, findings)?;
    dates::parse(&written).map_err(|message| findings.error(path, message)).ok()
}

/// The last instant of a validity: a day only lasts through its end (see `dates::parse_until`).
pub fn date_until(value: Option<&Value>, path: &str, findings: &mut Findings) -> Option<DateTime<Utc>> {
    let written = text(value, path, findings)?;
    dates::parse_until(&written).map_err(|message| findings.error(path, message)).ok()
}

/// A web address: http and https are kept; `javascript:`, `data:` and any other scheme are dropped
/// with a warning, as is text that is no address at all.
pub fn web_url(value: Option<&Value>, path: &str, findings: &mut Findings) -> Option<String> {
    let written = text(value, path, findings)?;
    match safe_url(&written, &["http", "https"]) {
        Ok(url) => Some(url),
        Err(why) => {
            findings.warn(path, format!("„{}“ weggelassen: {why}", shorten(&written)));
            None
        }
    }
}

/// `written` when it is an absolute URL of one of `schemes` (compared in lower case).
pub fn safe_url(written: &str, schemes: &[&str]) -> Result<String, String> {
    let url = written.trim();
    let Some((scheme, rest)) = url.split_once(':') else { return Err("keine absolute Adresse".to_owned()) };
    let scheme = scheme.to_ascii_lowercase();
    if !schemes.contains(&scheme.as_str()) {
        return Err(format!("Adressen mit „{scheme}:“ sind nicht erlaubt"));
    }
    let host_given =
        rest.strip_prefix("//").is_some_and(|r| r.split(['/', '?', '#']).next().is_some_and(|h| !h.is_empty()));
    if scheme != "mailto" && !host_given {
        return Err("keine absolute Adresse".to_owned());
    }
    if url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err("Leer- oder Steuerzeichen in der Adresse".to_owned());
    }
    Ok(format!("{scheme}:{rest}"))
}

/// At most 60 characters of `text`, for messages.
pub fn shorten(text: &str) -> String {
    let mut short: String = text.chars().take(60).collect();
    if short.len() < text.len() {
        short.push('…');
    }
    short
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::input::At;
    use serde_json::json;

    #[test]
    fn wrong_types_name_the_path_and_empty_is_absent() {
        let mut f = Findings::new(At::Record(2));
        let doc = json!({"title": 42, "name": "  ", "lat": "51,4", "ok": " x "});
        assert_eq!(text(doc.get("title"), "title", &mut f), None);
        assert_eq!(text(doc.get("name"), "name", &mut f), None);
        assert_eq!(text(doc.get("ok"), "ok", &mut f).as_deref(), Some("x"));
        assert_eq!(number(doc.get("lat"), "geo.latitude", &mut f), None);
        let messages: Vec<String> = f.errors.iter().map(ToString::to_string).collect();
        assert_eq!(
            messages,
            [
                "Datensatz 2, title: erwartet Text, gefunden eine Zahl",
                "Datensatz 2, geo.latitude: „51,4“ ist keine Zahl"
            ]
        );
    }

    #[test]
    fn only_web_addresses_pass_and_the_rest_is_dropped_with_a_warning() {
        assert_eq!(safe_url("HTTPS://example.org/x", &["http", "https"]).unwrap(), "https://example.org/x");
        for bad in
            ["javascript:alert(1)", "data:text/html,x", "//example.org", "https://", "ftp://x.org", "https://a b.org"]
        {
            assert!(safe_url(bad, &["http", "https"]).is_err(), "{bad}");
        }
        assert!(safe_url("mailto:jobs@example.org", &["mailto"]).is_ok());
        let mut f = Findings::new(At::Line(3));
        assert_eq!(web_url(Some(&json!(" JavaScript:alert(1)")), "url", &mut f), None);
        assert!(f.errors.is_empty() && f.warnings[0].message.contains("„javascript:“"));
    }

    #[test]
    fn paths_grow_by_field_and_position() {
        assert_eq!(field(&item("jobLocation", 1), "address"), "jobLocation[1].address");
        assert_eq!(field("", "title"), "title");
        let list = json!([1, 2]);
        assert_eq!(each(Some(&list), "x").iter().map(|(p, _)| p.as_str()).collect::<Vec<_>>(), ["x[0]", "x[1]"]);
        assert_eq!(each(Some(&json!({"a": 1})), "x")[0].0, "x");
        assert!(each(None, "x").is_empty());
    }
}
