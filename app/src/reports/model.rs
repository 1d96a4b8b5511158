//! What a report says and the rules it is judged by: a reason and an optional note; three reports
//! from different visitors within a week hide a listing from search until it is reviewed, and a
//! report of fraud hides a listing of a source that is not trusted at once.
use chrono::{DateTime, Duration, Utc};

crate::slug_enum!(
    /// Why a job seeker reports an ad.
    Reason {
        Filled = "besetzt" / "Besetzt oder abgelaufen",
        Wrong = "falsch" / "Falsche Angaben",
        Fraud = "betrug" / "Betrug oder unseriös",
        Discriminating = "diskriminierend" / "Diskriminierend",
        Other = "sonstiges" / "Sonstiges",
    }
);

crate::slug_enum!(
    /// What a reviewer decides about a reported listing.
    Action {
        Keep = "keep" / "behalten",
        Expire = "expire" / "als abgelaufen markieren",
        Remove = "remove" / "entfernen",
    }
);

/// The longest note, in characters.
pub const NOTE_MAX: usize = 1_000;
/// Reports from this many different visitors…
pub const HIDE_AFTER: usize = 3;
/// …within this many days hide a listing until it is reviewed.
pub const WITHIN_DAYS: i64 = 7;

/// A report as the form sends it, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    pub reason: Reason,
    pub note: Option<String>,
}

/// What is wrong with a report, for the form to say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    NoReason,
    NoteTooLong,
    AlreadyReported,
    TooMany,
    Unknown,
}

impl Problem {
    pub const ALL: [Problem; 5] =
        [Problem::NoReason, Problem::NoteTooLong, Problem::AlreadyReported, Problem::TooMany, Problem::Unknown];

    /// Its code in the page's address after the form was sent (`?meldung=…`).
    pub fn code(self) -> &'static str {
        match self {
            Problem::NoReason => "grund",
            Problem::NoteTooLong => "notiz",
            Problem::AlreadyReported => "doppelt",
            Problem::TooMany => "zu-viele",
            Problem::Unknown => "unbekannt",
        }
    }

    pub fn of_code(code: &str) -> Option<Problem> {
        Problem::ALL.into_iter().find(|p| p.code() == code)
    }

    pub fn message(self) -> String {
        match self {
            Problem::NoReason => "Bitte wählen Sie einen Grund.".into(),
            Problem::NoteTooLong => format!("Die Anmerkung ist länger als {NOTE_MAX} Zeichen."),
            Problem::AlreadyReported => "Sie haben diese Anzeige schon gemeldet; wir prüfen sie.".into(),
            Problem::TooMany => "Zu viele Meldungen in kurzer Zeit. Bitte versuchen Sie es später noch einmal.".into(),
            Problem::Unknown => "Diese Anzeige gibt es nicht (mehr).".into(),
        }
    }
}

/// The form's fields checked: a known reason, a note of at most [`NOTE_MAX`] characters (blank: none).
pub fn check(reason: &str, note: &str) -> Result<Report, Problem> {
    let reason = Reason::parse(reason.trim()).ok_or(Problem::NoReason)?;
    let note = note.trim();
    if note.chars().count() > NOTE_MAX {
        return Err(Problem::NoteTooLong);
    }
    Ok(Report { reason, note: (!note.is_empty()).then(|| note.to_owned()) })
}

/// Whether a listing leaves search: `visitors` open reports from different visitors since
/// [`since`], or a report of fraud about an ad of a source that is not trusted.
pub fn hides(visitors: usize, reason: Reason, trusted: bool) -> bool {
    visitors >= HIDE_AFTER || (reason == Reason::Fraud && !trusted)
}

/// Reports from after this count towards hiding.
pub fn since(now: DateTime<Utc>) -> DateTime<Utc> {
    now - Duration::days(WITHIN_DAYS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_report_needs_a_known_reason_and_a_short_note() {
        assert_eq!(check("besetzt", "  "), Ok(Report { reason: Reason::Filled, note: None }));
        assert_eq!(
            check(" betrug ", " Will Vorkasse "),
            Ok(Report { reason: Reason::Fraud, note: Some("Will Vorkasse".into()) })
        );
        assert_eq!(check("", ""), Err(Problem::NoReason));
        assert_eq!(check("spam", ""), Err(Problem::NoReason));
        assert!(check("sonstiges", &"ä".repeat(NOTE_MAX)).is_ok(), "characters, not bytes");
        assert_eq!(check("sonstiges", &"a".repeat(NOTE_MAX + 1)), Err(Problem::NoteTooLong));
    }

    #[test]
    fn three_visitors_or_fraud_at_an_untrusted_source_hide_a_listing() {
        assert!(!hides(2, Reason::Filled, false));
        assert!(hides(3, Reason::Filled, true));
        assert!(hides(1, Reason::Fraud, false));
        assert!(!hides(1, Reason::Fraud, true), "a trusted source's ad waits for three reports");
        assert!(!hides(2, Reason::Discriminating, false));
    }

    #[test]
    fn every_problem_has_a_code_that_reads_back_and_a_message() {
        for p in Problem::ALL {
            assert_eq!(Problem::of_code(p.code()), Some(p));
            assert!(p.message().ends_with('.'));
        }
        assert_eq!(Problem::of_code("x"), None);
    }
}
