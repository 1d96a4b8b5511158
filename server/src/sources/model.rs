//! A source as the operator declares it, and the pure rules about it: how often it is read, when
//! next, and what a run's outcome says.
use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

/// The shortest interval between two runs of a source: sites are read politely.
pub const MIN_EVERY: Duration = Duration::minutes(15);
/// How long a server may hold a source's lease: a server killed mid-run leaves it to another after this.
pub const LEASE: Duration = Duration::minutes(10);

/// A source Revierjobs reads on a schedule.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Source {
    pub name: String,
    pub url: String,
    /// Seconds between runs.
    pub every_secs: i64,
    /// Every answer is a complete snapshot: listings missing from a successful one expire.
    pub full: bool,
    /// Its ads are trusted (a report of fraud does not hide them at once).
    pub trusted: bool,
    pub next_run: DateTime<Utc>,
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    pub last_run: Option<RunRecord>,
}

/// What the last run of a source did.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RunRecord {
    pub started_at: DateTime<Utc>,
    pub finished_at: DateTime<Utc>,
    pub ok: bool,
    /// The import's report, "unverändert (304)", or the error.
    pub summary: String,
}

/// An interval as written: `90m`, `6h`, `1d` (a number and a unit).
pub fn parse_every(text: &str) -> Result<Duration, String> {
    let text = text.trim();
    let bad = || format!("--every '{text}': eine Zahl mit m, h oder d, z. B. 6h (mindestens 15m)");
    let split = text.find(|c: char| !c.is_ascii_digit()).ok_or_else(bad)?;
    let (number, unit) = text.split_at(split);
    let n: i64 = number.parse().map_err(|_| bad())?;
    let every = match unit {
        "m" => Duration::try_minutes(n),
        "h" => Duration::try_hours(n),
        "d" => Duration::try_days(n),
        _ => None,
    }
    .ok_or_else(bad)?;
    if every < MIN_EVERY {
        return Err(bad());
    }
    Ok(every)
}

/// An interval as `parse_every` reads it, in its largest whole unit.
pub fn show_every(secs: i64) -> String {
    match secs {
        s if s % 86_400 == 0 => format!("{}d", s / 86_400),
        s if s % 3_600 == 0 => format!("{}h", s / 3_600),
        s => format!("{}m", s / 60),
    }
}

/// When a source runs next after a run that started at `started`: a whole interval later, or
/// `now` when that has passed already (a run longer than its interval does not queue up runs).
pub fn next_run(started: DateTime<Utc>, every_secs: i64, now: DateTime<Utc>) -> DateTime<Utc> {
    (started + Duration::seconds(every_secs)).max(now)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn intervals_are_a_number_and_a_unit_of_at_least_15_minutes() {
        assert_eq!(parse_every("6h"), Ok(Duration::hours(6)));
        assert_eq!(parse_every("90m"), Ok(Duration::minutes(90)));
        assert_eq!(parse_every(" 1d "), Ok(Duration::days(1)));
        for bad in ["", "6", "h", "6x", "5m", "-1h", "1.5h", "99999999999999999d"] {
            let message = parse_every(bad).unwrap_err();
            assert!(message.contains("--every") && message.contains("6h"), "{bad}: {message}");
        }
        for every in ["15m", "90m", "6h", "2d"] {
            assert_eq!(show_every(parse_every(every).unwrap().num_seconds()), every);
        }
    }

    #[test]
    fn the_next_run_is_an_interval_after_the_start_never_in_the_past() {
        let start = Utc.with_ymd_and_hms(2026, 12, 5, 6, 0, 0).unwrap();
        let six_hours = 6 * 3600;
        assert_eq!(next_run(start, six_hours, start + Duration::minutes(1)), start + Duration::hours(6));
        let late = start + Duration::hours(7);
        assert_eq!(next_run(start, six_hours, late), late);
    }
}
