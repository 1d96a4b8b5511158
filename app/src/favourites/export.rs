//! The saved list as a CSV file (for spreadsheets) and as an iCalendar file of
//! application deadlines. Pure functions of the list; dates are calendar dates as the site shows them.
use chrono::{DateTime, Duration, Utc};

use super::model::Favourite;
use crate::ui::format::format_date;

/// Semicolon-separated with a UTF-8 byte-order mark: what German spreadsheet programs open directly.
pub fn csv(favourites: &[Favourite], base_url: &str, now: DateTime<Utc>) -> String {
    let mut out = String::from("\u{feff}");
    let header = [
        "Titel",
        "Arbeitgeber",
        "Ort",
        "Status",
        "Status seit",
        "Gemerkt am",
        "Bewerbungsfrist",
        "Abgelaufen",
        "Notiz",
        "Link",
    ];
    push_row(&mut out, header.iter().map(|s| s.to_string()));
    for f in favourites {
        push_row(
            &mut out,
            [
                f.snapshot.title.clone(),
                f.snapshot.employer.clone(),
                f.snapshot.city.clone(),
                f.status.label().to_owned(),
                format_date(&f.status_since()),
                format_date(&f.saved_at),
                format_date(&f.snapshot.valid_through),
                if f.expired(now) { "ja" } else { "nein" }.to_owned(),
                f.note.clone(),
                job_url(base_url, f.job),
            ],
        );
    }
    out
}

fn push_row(out: &mut String, cells: impl IntoIterator<Item = String>) {
    let cells: Vec<String> = cells.into_iter().map(|c| csv_cell(&c)).collect();
    out.push_str(&cells.join(";"));
    out.push_str("\r\n");
}

/// Quotes when needed and defuses spreadsheet formulas (a cell starting with = + - @ is shown as text).
fn csv_cell(value: &str) -> String {
    let value =
        if value.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{value}") } else { value.to_owned() };
    if value.contains([';', '"', '\n', '\r', ',']) { format!("\"{}\"", value.replace('"', "\"\"")) } else { value }
}

/// One all-day event per saved job on its application deadline (RFC 5545).
pub fn ics(favourites: &[Favourite], base_url: &str, now: DateTime<Utc>) -> String {
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_owned(),
        "VERSION:2.0".to_owned(),
        "PRODID:-//Revierjobs//Merkliste//DE".to_owned(),
        "CALSCALE:GREGORIAN".to_owned(),
        "METHOD:PUBLISH".to_owned(),
        "X-WR-CALNAME:Revierjobs – Bewerbungsfristen".to_owned(),
    ];
    let stamp = now.format("%Y%m%dT%H%M%SZ").to_string();
    for f in favourites {
        let day = f.snapshot.valid_through.date_naive();
        let mut description = format!("Status: {}", f.status.label());
        if !f.note.is_empty() {
            description.push_str("\nNotiz: ");
            description.push_str(&f.note);
        }
        let url = job_url(base_url, f.job);
        lines.extend([
            "BEGIN:VEVENT".to_owned(),
            format!("UID:job-{}@revierjobs", f.job),
            format!("DTSTAMP:{stamp}"),
            format!("DTSTART;VALUE=DATE:{}", day.format("%Y%m%d")),
            format!("DTEND;VALUE=DATE:{}", (day + Duration::days(1)).format("%Y%m%d")),
            format!(
                "SUMMARY:{}",
                ics_text(&format!("Bewerbungsfrist: {} ({})", f.snapshot.title, f.snapshot.employer))
            ),
            format!("DESCRIPTION:{}", ics_text(&format!("{description}\n{url}"))),
            format!("URL:{url}"),
            "END:VEVENT".to_owned(),
        ]);
    }
    lines.push("END:VCALENDAR".to_owned());
    lines.iter().map(|l| fold(l)).collect::<Vec<_>>().join("")
}

/// Escapes a TEXT value: backslash, semicolon, comma and line breaks.
fn ics_text(value: &str) -> String {
    value.replace('\\', "\\\\").replace(';', "\\;").replace(',', "\\,").replace("\r\n", "\\n").replace('\n', "\\n")
}

/// Folds a content line into chunks of at most 75 octets (never inside a character), CRLF-terminated.
fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let mut width = 0;
    for ch in line.chars() {
        if width + ch.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(ch);
        width += ch.len_utf8();
    }
    out.push_str("\r\n");
    out
}

fn job_url(base_url: &str, job: i64) -> String {
    format!("{}/jobs/{job}", base_url.trim_end_matches('/'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::favourites::model::{Snapshot, Status, StatusChange};
    use chrono::TimeZone;

    fn fav(job: i64, title: &str, note: &str) -> Favourite {
        let at = Utc.with_ymd_and_hms(2026, 11, 20, 9, 0, 0).unwrap();
        Favourite {
            job,
            active: true,
            saved_at: at,
            note: note.into(),
            status: Status::Applied,
            history: vec![StatusChange { status: Status::Saved, at }, StatusChange { status: Status::Applied, at }],
            snapshot: Snapshot {
                title: title.into(),
                employer: "Medienhaus; Ruhr".into(),
                city: "Bochum".into(),
                valid_through: Utc.with_ymd_and_hms(2026, 12, 31, 22, 0, 0).unwrap(),
                source: "demo".into(),
            },
        }
    }

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 26, 8, 0, 0).unwrap()
    }

    #[test]
    fn csv_has_a_header_quotes_separators_and_defuses_formulas() {
        let out = csv(&[fav(7, "=HYPERLINK(\"x\")", "Zeile 1\nZeile 2")], "https://revierjobs.de/", now());
        let lines: Vec<&str> = out.trim_start_matches('\u{feff}').split("\r\n").collect();
        assert!(lines[0].starts_with("Titel;Arbeitgeber;Ort;Status"));
        let row = out.split_once("\r\n").unwrap().1;
        assert!(
            row.starts_with("\"'=HYPERLINK(\"\"x\"\")\";\"Medienhaus; Ruhr\";Bochum;Beworben;20.11.2026;"),
            "{row}"
        );
        assert!(row.contains("31.12.2026;nein;\"Zeile 1\nZeile 2\";https://revierjobs.de/jobs/7\r\n"), "{row}");
    }

    #[test]
    fn ics_has_one_all_day_event_per_job_escaped_and_folded() {
        let long = "Medienassistent/in für Bild- und Tonbearbeitung, Social Media und Veranstaltungstechnik";
        let out = ics(&[fav(7, long, "a;b")], "https://revierjobs.de", now());
        assert!(out.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
        assert!(out.ends_with("END:VCALENDAR\r\n"));
        assert_eq!(out.matches("BEGIN:VEVENT").count(), 1);
        assert!(out.contains("DTSTART;VALUE=DATE:20261231\r\nDTEND;VALUE=DATE:20270101\r\n"));
        assert!(out.contains("UID:job-7@revierjobs\r\n"));
        for line in out.split("\r\n") {
            assert!(line.len() <= 75, "line longer than 75 octets: {line}");
        }
        let unfolded = out.replace("\r\n ", "");
        assert!(unfolded.contains("Tonbearbeitung\\, Social Media"), "{unfolded}");
        assert!(unfolded.contains("(Medienhaus\\; Ruhr)"), "{unfolded}");
        assert!(unfolded.contains("DESCRIPTION:Status: Beworben\\nNotiz: a\\;b\\nhttps://revierjobs.de/jobs/7"));
    }
}
