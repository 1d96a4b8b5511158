//! Formatting shared by server and browser: one pure function each, so that server HTML
//! and hydrated HTML always agree (no browser `Intl`).
use chrono::{DateTime, Datelike, Utc};

/// `2900` → `"2.900 €"` (German thousands separator).
pub fn format_eur(amount: u32) -> String {
    format!("{} €", group_thousands(amount))
}

fn group_thousands(n: u32) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

/// `"2.300–2.900 €"`, or `"2.900 €"` when both ends are equal.
pub fn format_eur_range(min: u32, max: u32) -> String {
    if min == max { format_eur(min) } else { format!("{}–{}", group_thousands(min), format_eur(max)) }
}

/// `"1 Stelle"`, `"12 Stellen"`.
pub fn count_jobs(n: u64) -> String {
    if n == 1 { "1 Stelle".to_owned() } else { format!("{n} Stellen") }
}

/// German calendar date, `26.11.2026`.
pub fn format_date(date: &DateTime<Utc>) -> String {
    format!("{:02}.{:02}.{}", date.day(), date.month(), date.year())
}

/// A moment as the command line and its messages give it: `05.12.2026 14:30 UTC`.
pub fn format_time_utc(at: &DateTime<Utc>) -> String {
    at.format("%d.%m.%Y %H:%M UTC").to_string()
}

/// A URL slug: lower case ASCII, umlauts transliterated, runs of anything else as one `-`.
pub fn slugify(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_slug(&mut out, &[text]);
    out
}

/// Appends to `out` the slug of `parts` joined by spaces, without joining them first.
pub fn push_slug(out: &mut String, parts: &[&str]) {
    let start = out.len();
    let mut dash = false;
    for part in parts {
        for c in part.chars() {
            // Most text is ASCII: lower-cased without the Unicode tables.
            if c.is_ascii() {
                push_slug_char(out, start, &mut dash, c.to_ascii_lowercase());
            } else {
                c.to_lowercase().for_each(|c| push_slug_char(out, start, &mut dash, c));
            }
        }
        dash = true;
    }
}

/// One lower-case character of a slug begun at `out[start..]`; `dash`: a separator is pending.
fn push_slug_char(out: &mut String, start: usize, dash: &mut bool, c: char) {
    let mut utf8 = [0; 4];
    let piece = match c {
        'ä' => "ae",
        'ö' => "oe",
        'ü' => "ue",
        'ß' => "ss",
        c if c.is_ascii_alphanumeric() => c.encode_utf8(&mut utf8),
        _ => {
            *dash = true;
            return;
        }
    };
    if *dash && out.len() > start {
        out.push('-');
    }
    *dash = false;
    out.push_str(piece);
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn euros_use_german_grouping() {
        assert_eq!(format_eur(0), "0 €");
        assert_eq!(format_eur(950), "950 €");
        assert_eq!(format_eur(2900), "2.900 €");
        assert_eq!(format_eur(42000), "42.000 €");
        assert_eq!(format_eur(1_234_567), "1.234.567 €");
    }

    #[test]
    fn ranges_collapse_when_equal() {
        assert_eq!(format_eur_range(2300, 2900), "2.300–2.900 €");
        assert_eq!(format_eur_range(2500, 2500), "2.500 €");
    }

    #[test]
    fn job_counts_agree_in_number() {
        assert_eq!(count_jobs(0), "0 Stellen");
        assert_eq!(count_jobs(1), "1 Stelle");
        assert_eq!(count_jobs(2), "2 Stellen");
    }

    #[test]
    fn dates_are_german() {
        let d = Utc.with_ymd_and_hms(2026, 3, 7, 23, 59, 0).unwrap();
        assert_eq!(format_date(&d), "07.03.2026");
        assert_eq!(format_time_utc(&d), "07.03.2026 23:59 UTC");
    }

    #[test]
    fn slugs_transliterate_and_collapse() {
        assert_eq!(slugify("Medienassistent/in (m/w/d)"), "medienassistent-in-m-w-d");
        assert_eq!(slugify("  Mülheim an der Ruhr "), "muelheim-an-der-ruhr");
        assert_eq!(slugify("Größe & Maß"), "groesse-mass");
        assert_eq!(slugify("---"), "");
        assert_eq!(slugify("ÄRGER İst"), "aerger-i-st", "upper case beyond ASCII lowers as Unicode says");
    }

    proptest::proptest! {
        /// Slugging parts one after another gives the slug of the parts joined by a space, after
        /// whatever `out` held.
        #[test]
        fn parts_slug_as_their_joined_text(a in "[a-zA-Z äöüÄÖÜß/()İ-]{0,12}", b in "[a-zA-Z äöüß.-]{0,12}") {
            let mut out = "/jobs/7-".to_owned();
            push_slug(&mut out, &[&a, &b]);
            proptest::prop_assert_eq!(out, format!("/jobs/7-{}", slugify(&format!("{a} {b}"))));
        }
    }
}
