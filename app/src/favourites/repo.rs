//! SurrealDB queries for saved jobs. Every query is scoped to one owner key, which the caller
//! derives from the request's cookies, never from client input. Record ids are `[owner, job]`,
//! so a job is on an owner's list at most once however requests race.
use super::model::{Favourite, Snapshot, Status};
use crate::db::{Db, DbError, retrying, row, rows};

const FIELDS: &str = "job, active, saved_at, note, status, history, snapshot";

/// An owner's records, `[owner, job]` for every job id: one range of keys, read in order.
const OWNERS_RECORDS: &str =
    "type::record('favourite', [$owner, -9223372036854775808]..=[$owner, 9223372036854775807])";

/// All entries of an owner, removed ones included (for merge and export).
pub async fn all(db: &Db, owner: &str) -> Result<Vec<Favourite>, DbError> {
    let sql = format!("SELECT {FIELDS} FROM {OWNERS_RECORDS}");
    let mut response = db.query(sql).bind(("owner", owner.to_owned())).await?;
    rows(&mut response, 0)
}

/// Ids of the jobs on an owner's list.
pub async fn saved_ids(db: &Db, owner: &str) -> Result<Vec<i64>, DbError> {
    let sql = format!("SELECT VALUE job FROM {OWNERS_RECORDS} WHERE active = true");
    let mut response = db.query(sql).bind(("owner", owner.to_owned())).await?;
    Ok(response.take(0)?)
}

/// The revision of an owner's list: 0 before its first entry, then changed by every change to it
/// (`schema/0011_favourite_lists.surql`).
pub async fn revision(db: &Db, owner: &str) -> Result<i64, DbError> {
    let mut response = db
        .query("SELECT VALUE revision FROM ONLY type::record('favourite_list', $owner)")
        .bind(("owner", owner.to_owned()))
        .await?;
    Ok(response.take::<Option<i64>>(0)?.unwrap_or(0))
}

/// The job as it is now, for the snapshot kept with a favourite; `None` for an unknown id.
pub async fn snapshot(db: &Db, job: i64) -> Result<Option<Snapshot>, DbError> {
    let mut response = db
        .query(
            "SELECT title, employer.name AS employer, location.city AS city, valid_through, source
             FROM ONLY type::record('job', $job)",
        )
        .bind(("job", job))
        .await?;
    row(&mut response, 0)
}

/// Puts a job on the list (again); note, status and history of an earlier save are kept.
pub async fn save(db: &Db, owner: &str, job: i64, snapshot: &Snapshot) -> Result<(), DbError> {
    let snapshot = serde_json::to_value(snapshot)?;
    retrying(|| async {
        db.query(
            "UPSERT type::record('favourite', [$owner, $job]) SET
                saved_at = IF active = true THEN saved_at ELSE time::now() END,
                owner = $owner, job = $job, active = true,
                note = note ?? '', status = status ?? 'saved',
                history = history ?? [{ status: 'saved', at: time::now() }],
                snapshot = { title: $s.title, employer: $s.employer, city: $s.city,
                             valid_through: <datetime> $s.valid_through, source: $s.source }
             RETURN NONE",
        )
        .bind(("owner", owner.to_owned()))
        .bind(("job", job))
        .bind(("s", snapshot.clone()))
        .await?
        .check()?;
        Ok(())
    })
    .await
}

/// Takes a job off the list, keeping its note and status for a later save.
pub async fn remove(db: &Db, owner: &str, job: i64) -> Result<(), DbError> {
    retrying(|| async {
        db.query("UPDATE type::record('favourite', [$owner, $job]) SET active = false RETURN NONE")
            .bind(("owner", owner.to_owned()))
            .bind(("job", job))
            .await?
            .check()?;
        Ok(())
    })
    .await
}

/// Sets the note of a saved job; `false` if the job is not on the owner's list.
pub async fn set_note(db: &Db, owner: &str, job: i64, note: &str) -> Result<bool, DbError> {
    retrying(|| async {
        let mut response = db
            .query("UPDATE type::record('favourite', [$owner, $job]) SET note = $note WHERE active = true RETURN VALUE job")
            .bind(("owner", owner.to_owned()))
            .bind(("job", job))
            .bind(("note", note.to_owned()))
            .await?;
        let found: Vec<i64> = response.take(0)?;
        Ok(!found.is_empty())
    })
    .await
}

/// Sets the status, recording the change with its time; `None` if the job is not on the list.
pub async fn set_status(db: &Db, owner: &str, job: i64, status: Status) -> Result<Option<Favourite>, DbError> {
    retrying(|| async {
        let sql = format!(
            "UPDATE type::record('favourite', [$owner, $job]) SET
                history = IF status != $status THEN history.append({{ status: $status, at: time::now() }}) ELSE history END,
                status = $status
             WHERE active = true RETURN {FIELDS}"
        );
        let mut response = db
            .query(sql)
            .bind(("owner", owner.to_owned()))
            .bind(("job", job))
            .bind(("status", status.as_str()))
            .await?;
        Ok(rows::<Favourite>(&mut response, 0)?.into_iter().next())
    })
    .await
}

/// Moves a visitor's list into an account: writes the merged entries and deletes the
/// visitor's, in one transaction (a retried sign-in merges to the same result).
pub async fn replace_after_merge(db: &Db, account: &str, visitor: &str, merged: &[Favourite]) -> Result<(), DbError> {
    let merged = serde_json::to_value(merged)?;
    retrying(|| async {
        db.query(
            "BEGIN TRANSACTION;
             FOR $f IN $merged {
                UPSERT type::record('favourite', [$account, $f.job]) CONTENT {
                    owner: $account, job: $f.job, active: $f.active, saved_at: <datetime> $f.saved_at,
                    note: $f.note, status: $f.status,
                    history: $f.history.map(|$c| { status: $c.status, at: <datetime> $c.at }),
                    snapshot: { title: $f.snapshot.title, employer: $f.snapshot.employer, city: $f.snapshot.city,
                                valid_through: <datetime> $f.snapshot.valid_through, source: $f.snapshot.source },
                } RETURN NONE;
             };
             DELETE favourite WHERE owner = $visitor;
             DELETE type::record('favourite_list', $visitor);
             COMMIT TRANSACTION;",
        )
        .bind(("account", account.to_owned()))
        .bind(("visitor", visitor.to_owned()))
        .bind(("merged", merged.clone()))
        .await?
        .check()?;
        Ok(())
    })
    .await
}
