//! Reads every active listing from the database into a new index, in pages along the record ids
//! (not those of an import still writing, nor those hidden after reports).
use chrono::{DateTime, Utc};

use super::index::{Index, IndexBuilder};
use crate::db::{Db, DbError, rows};
use crate::jobs::model::Listing;
use crate::jobs::repo::{LISTING_FIELDS, cities, professions, staged};

/// Listings read per query: the rows of one query are held several times over while they are
/// decoded, so one query over every listing would be the largest memory the server ever needs.
pub const PAGE: i64 = 2_000;

/// The index of every listing active at `now`.
pub async fn load(db: &Db, now: DateTime<Utc>) -> Result<Index, DbError> {
    let mut builder = IndexBuilder::new(cities(db).await?, professions(db).await?);
    let (staged, hidden) = (staged(db).await?, crate::reports::repo::hidden(db).await?);
    each_page(db, PAGE, |listings| {
        let there = |l: &Listing| {
            let id = l.summary.id;
            l.summary.valid_through > now && !staged.contains(id) && !hidden.contains(&id)
        };
        listings.into_iter().filter(there).for_each(|l| builder.add(l));
    })
    .await?;
    Ok(builder.build(now))
}

/// Hands every listing to `each`, `page` at a time as they are read, in no particular order. The id
/// range is split into one part per core, each read by a task of its own (the embedded engine
/// decodes on the task that awaits a query), as a range scan without sorting.
pub async fn each_page(db: &Db, page: i64, mut each: impl FnMut(Vec<Listing>)) -> Result<(), DbError> {
    #[derive(serde::Deserialize)]
    struct Id {
        id: i64,
    }
    let mut response = db
        .query(
            "SELECT record::id(id) AS id FROM job LIMIT 1;
             SELECT record::id(id) AS id FROM job ORDER BY id DESC LIMIT 1;",
        )
        .await?;
    let (first, last) = (rows::<Id>(&mut response, 0)?, rows::<Id>(&mut response, 1)?);
    let (Some(first), Some(last)) = (first.first().map(|i| i.id), last.first().map(|i| i.id)) else {
        return Ok(());
    };
    let parts = std::thread::available_parallelism().map_or(2, usize::from) as i64;
    let step = (last.saturating_sub(first) / parts).saturating_add(1);
    // At most one page per reader waits here: the readers stay ahead without piling pages up.
    let (pages, mut arriving) = tokio::sync::mpsc::channel(parts as usize);
    let readers: Vec<_> = (0..parts)
        .filter_map(|k| {
            let from = step.checked_mul(k).and_then(|offset| first.checked_add(offset)).filter(|from| *from <= last)?;
            let (db, to, pages) = (db.clone(), from.saturating_add(step - 1).min(last), pages.clone());
            Some(tokio::spawn(async move { read_range(&db, from, to, page, pages).await }))
        })
        .collect();
    drop(pages);
    while let Some(listings) = arriving.recv().await {
        each(listings);
    }
    for reader in readers {
        reader.await.unwrap_or_else(|e| std::panic::resume_unwind(e.into_panic()))?;
    }
    Ok(())
}

/// Sends the listings with ids in `from..=to` to `pages`, `page` at a time; stops early if nobody
/// receives them any more.
async fn read_range(
    db: &Db,
    mut from: i64,
    to: i64,
    page: i64,
    pages: tokio::sync::mpsc::Sender<Vec<Listing>>,
) -> Result<(), DbError> {
    let sql = format!("SELECT {LISTING_FIELDS} FROM type::record('job', $from..=$to) LIMIT $page");
    while from <= to {
        let mut response = db.query(sql.as_str()).bind(("from", from)).bind(("to", to)).bind(("page", page)).await?;
        let listings: Vec<Listing> = rows(&mut response, 0)?;
        // An empty page ends the range; a short one is not taken for the end.
        let Some(last) = listings.last().map(|l| l.summary.id) else { break };
        if pages.send(listings).await.is_err() {
            break;
        }
        match last.checked_add(1) {
            Some(next) => from = next,
            None => break,
        }
    }
    Ok(())
}
