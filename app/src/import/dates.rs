//! Dates as job ads write them: ISO 8601 with or without a time and offset, or German `31.12.2026`.
//! Without a zone a date is German time (Europe/Berlin); an impossible date is an error.
use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc, Weekday};

/// The instant `text` names; `Err` says what is wrong with it.
pub fn parse(text: &str) -> Result<DateTime<Utc>, String> {
    let text = text.trim();
    if let Ok(with_offset) = DateTime::parse_from_rfc3339(text) {
        return Ok(with_offset.with_timezone(&Utc));
    }
    for format in ["%Y-%m-%dT%H:%M:%S%.f%:z", "%Y-%m-%dT%H:%M%:z", "%Y-%m-%dT%H:%M:%S%.f%z", "%Y-%m-%d %H:%M:%S%:z"] {
        if let Ok(with_offset) = DateTime::parse_from_str(text, format) {
            return Ok(with_offset.with_timezone(&Utc));
        }
    }
    for format in ["%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M:%S"] {
        if let Ok(local) = NaiveDateTime::parse_from_str(text, format) {
            return Ok(berlin(local));
        }
    }
    // ISO dates are written in full (2026-01-02); German ones may leave out leading zeros (2.1.2026).
    let day = if text.contains('.') {
        NaiveDate::parse_from_str(text, "%d.%m.%Y")
    } else if text.len() == 10 {
        NaiveDate::parse_from_str(text, "%Y-%m-%d")
    } else {
        NaiveDate::parse_from_str("", "%Y")
    };
    match day {
        Ok(day) => Ok(berlin(day.and_time(NaiveTime::MIN))),
        Err(_) if looks_like_a_date(text) => Err(format!("„{text}“ ist kein Datum, das es gibt")),
        Err(_) => Err(format!("„{text}“ ist kein Datum (erwartet ISO 8601 wie 2026-12-31 oder 31.12.2026)")),
    }
}

/// The end of the instant `text` names when it is a day only (an ad valid "through" a day is valid
/// all of it), else the instant itself.
pub fn parse_until(text: &str) -> Result<DateTime<Utc>, String> {
    let start = parse(text)?;
    let day_only = !text.contains(['T', ':']);
    Ok(if day_only { start + Duration::days(1) - Duration::seconds(1) } else { start })
}

/// Digits in a date's shape, so the problem is the day, not the format.
fn looks_like_a_date(text: &str) -> bool {
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    let parts: Vec<&str> = text.split(['-', '.']).collect();
    matches!(parts.as_slice(), [y, m, d] if digits(y, 4) && digits(m, 2) && digits(d, 2))
        || matches!(parts.as_slice(), [d, m, y] if digits(d, 2) && digits(m, 2) && digits(y, 4))
}

/// German local time as an instant: summer time (UTC+2) from the last Sunday in March, 01:00
/// UTC, to the last Sunday in October, 01:00 UTC; winter time (UTC+1) otherwise.
pub fn berlin(local: NaiveDateTime) -> DateTime<Utc> {
    let winter = Utc.from_utc_datetime(&(local - Duration::hours(1)));
    let (start, end) = summer_time(local.year());
    let summer = Utc.from_utc_datetime(&(local - Duration::hours(2)));
    if summer >= start && summer < end { summer } else { winter }
}

/// When summer time starts and ends in `year`, in UTC.
fn summer_time(year: i32) -> (DateTime<Utc>, DateTime<Utc>) {
    let last_sunday = |month: u32| {
        let next = if month == 12 {
            NaiveDate::from_ymd_opt(year + 1, 1, 1)
        } else {
            NaiveDate::from_ymd_opt(year, month + 1, 1)
        };
        let mut day = next.expect("a valid month") - Duration::days(1);
        while day.weekday() != Weekday::Sun {
            day -= Duration::days(1);
        }
        Utc.from_utc_datetime(&day.and_hms_opt(1, 0, 0).expect("a valid time"))
    };
    (last_sunday(3), last_sunday(10))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn offsets_are_kept_and_dates_without_a_zone_are_german_time() {
        assert_eq!(parse("2026-11-20T08:00:00+01:00").unwrap(), utc("2026-11-20T07:00:00Z"));
        assert_eq!(parse("2026-11-20T08:00:00Z").unwrap(), utc("2026-11-20T08:00:00Z"));
        assert_eq!(parse("2026-11-20T08:00:00.250-05:00").unwrap(), utc("2026-11-20T13:00:00.250Z"));
        // Winter and summer time.
        assert_eq!(parse("2026-11-20").unwrap(), utc("2026-11-19T23:00:00Z"));
        assert_eq!(parse("2026-07-01T12:00").unwrap(), utc("2026-07-01T10:00:00Z"));
        assert_eq!(parse("20.11.2026").unwrap(), utc("2026-11-19T23:00:00Z"));
    }

    #[test]
    fn a_day_only_lasts_through_its_end() {
        assert_eq!(parse_until("2026-11-20").unwrap(), utc("2026-11-20T22:59:59Z"));
        assert_eq!(parse_until("20.11.2026").unwrap(), utc("2026-11-20T22:59:59Z"));
        assert_eq!(parse_until("2026-11-20T08:00:00Z").unwrap(), utc("2026-11-20T08:00:00Z"));
    }

    #[test]
    fn summer_time_switches_on_the_last_sundays_of_march_and_october() {
        // 2026: 29 March and 25 October.
        assert_eq!(parse("2026-03-29T01:59:00").unwrap(), utc("2026-03-29T00:59:00Z"));
        assert_eq!(parse("2026-03-29T03:00:00").unwrap(), utc("2026-03-29T01:00:00Z"));
        assert_eq!(parse("2026-10-25T01:00:00").unwrap(), utc("2026-10-24T23:00:00Z"));
        assert_eq!(parse("2026-10-25T04:00:00").unwrap(), utc("2026-10-25T03:00:00Z"));
    }

    #[test]
    fn impossible_and_foreign_dates_are_errors_that_say_which() {
        for impossible in ["2026-02-31", "31.02.2026", "2026-13-01", "2025-02-29"] {
            assert!(parse(impossible).unwrap_err().contains("kein Datum, das es gibt"), "{impossible}");
        }
        for foreign in ["gestern", "11/20/2026", "", "2026-1-2"] {
            assert!(parse(foreign).unwrap_err().contains("erwartet ISO 8601"), "{foreign}");
        }
        assert!(parse("2024-02-29").is_ok());
    }
}
