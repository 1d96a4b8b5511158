//! A report as the form sends it: checked, limited, recorded once per visitor and listing, and the
//! listing hidden from search when the rules say so (`model::hides`).
use chrono::{DateTime, Utc};
use sha2::{Digest, Sha256};

use super::model::{Problem, check, hides, since};
use super::repo;
use crate::accounts::repo::hit;
use crate::db::{Db, DbError};

/// Reports a visitor may send per hour…
const PER_VISITOR: u32 = 10;
/// …an address per hour (a new cookie does not make a new visitor for the limits)…
const PER_ADDRESS: u32 = 20;
/// …and a listing may get per day.
const PER_LISTING: u32 = 50;

/// Listing `job` reported by `owner` (its cookie key) from `address`, with the form's fields.
/// `Ok(Err(problem))` is what the form says back; the listing is hidden when the rules say so.
pub async fn report(
    db: &Db,
    job: i64,
    owner: &str,
    address: &str,
    (reason, note): (&str, &str),
    now: DateTime<Utc>,
) -> Result<Result<(), Problem>, DbError> {
    let report = match check(reason, note) {
        Ok(report) => report,
        Err(problem) => return Ok(Err(problem)),
    };
    let Some(listing) = crate::jobs::repo::get(db, job).await? else { return Ok(Err(Problem::Unknown)) };
    let visitor = format!("{:x}", Sha256::digest(owner.as_bytes()));
    if repo::reported(db, job, &visitor).await? {
        return Ok(Err(Problem::AlreadyReported));
    }
    let limits = [
        (format!("report:visitor:{visitor}"), 3_600, PER_VISITOR),
        (format!("report:address:{address}"), 3_600, PER_ADDRESS),
        (format!("report:job:{job}"), 86_400, PER_LISTING),
    ];
    for (key, window, most) in limits {
        if hit(db, &key, window, now).await?.0 > most {
            return Ok(Err(Problem::TooMany));
        }
    }
    repo::add(db, job, &listing.summary.title, &visitor, &report, now).await?;
    let reporters = repo::open_since(db, job, since(now)).await?;
    let trusted = repo::trusted(db, &listing.summary.source).await?;
    if hides(reporters, report.reason, trusted) {
        repo::hide(db, job).await?;
    }
    Ok(Ok(()))
}
