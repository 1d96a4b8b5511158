//! Saved jobs ("Merkliste"): shared types, validation and the merge of two lists.
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::error::AppError;

/// The longest personal note, in characters.
pub const NOTE_MAX: usize = 2000;

crate::slug_enum!(
    /// Where an application stands: gemerkt → beworben → Gespräch → Zusage / Absage.
    Status {
        Saved = "saved" / "Gemerkt",
        Applied = "applied" / "Beworben",
        Interview = "interview" / "Gespräch",
        Accepted = "accepted" / "Zusage",
        Rejected = "rejected" / "Absage",
    }
);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusChange {
    pub status: Status,
    pub at: DateTime<Utc>,
}

/// The job as it was when last seen: kept so an expired or deleted listing stays readable.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Snapshot {
    pub title: String,
    pub employer: String,
    pub city: String,
    pub valid_through: DateTime<Utc>,
    pub source: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Favourite {
    pub job: i64,
    /// false once removed: note and status are kept, so saving again restores them.
    pub active: bool,
    pub saved_at: DateTime<Utc>,
    pub note: String,
    pub status: Status,
    /// Every status with the time it was set, oldest first (starts with `Saved`).
    pub history: Vec<StatusChange>,
    pub snapshot: Snapshot,
}

impl Favourite {
    pub fn expired(&self, now: DateTime<Utc>) -> bool {
        self.snapshot.valid_through <= now
    }

    /// When the current status was set.
    pub fn status_since(&self) -> DateTime<Utc> {
        self.history.iter().rev().find(|c| c.status == self.status).map_or(self.saved_at, |c| c.at)
    }

    pub fn is_demo(&self) -> bool {
        self.snapshot.source == "demo"
    }
}

/// One entry as `/merkliste` shows it; `expired` is decided on the server (one clock).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SavedItem {
    pub favourite: Favourite,
    pub expired: bool,
}

/// The page `/merkliste`: the shown entries, how many each status has, who owns the list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SavedList {
    pub items: Vec<SavedItem>,
    pub filter: Option<Status>,
    /// Active entries per status (all statuses, in order).
    pub counts: Vec<(Status, u32)>,
    pub total: u32,
    /// The signed-in account's e-mail, or `None` for a list kept in this browser only.
    pub account: Option<String>,
}

/// Active entries per status, every status listed.
pub fn counts(favourites: &[Favourite]) -> Vec<(Status, u32)> {
    Status::ALL
        .iter()
        .copied()
        .map(|s| (s, favourites.iter().filter(|f| f.active && f.status == s).count() as u32))
        .collect()
}

/// The list as `/merkliste` shows it: active entries, newest saved first, optionally one status.
pub fn shown(mut favourites: Vec<Favourite>, status: Option<Status>) -> Vec<Favourite> {
    favourites.retain(|f| f.active && status.is_none_or(|s| f.status == s));
    favourites.sort_by(|a, b| b.saved_at.cmp(&a.saved_at).then(b.job.cmp(&a.job)));
    favourites
}

/// Checks a note from a form: at most [`NOTE_MAX`] characters; line breaks normalised.
pub fn validate_note(note: &str) -> Result<String, AppError> {
    let note = note.replace("\r\n", "\n");
    let chars = note.chars().count();
    if chars > NOTE_MAX {
        return Err(AppError::invalid(
            "note",
            format!("Die Notiz ist {chars} Zeichen lang; erlaubt sind höchstens {NOTE_MAX}."),
        ));
    }
    Ok(note)
}

/// Reads a status slug from a form or URL (field `status`).
pub fn parse_status(value: &str) -> Result<Status, AppError> {
    Status::parse(value).ok_or_else(|| {
        AppError::invalid(
            "status",
            format!("'{value}' gibt es nicht; erlaubt sind saved, applied, interview, accepted, rejected"),
        )
    })
}

/// Reads the `status` query parameter of `/merkliste` (absent or empty: all).
pub fn parse_status_param(value: Option<&str>) -> Result<Option<Status>, AppError> {
    value.filter(|v| !v.is_empty()).map(parse_status).transpose()
}

/// Applies a status change, recording it with its time; setting the current status again is a no-op.
pub fn with_status(mut favourite: Favourite, status: Status, now: DateTime<Utc>) -> Favourite {
    if favourite.status != status {
        favourite.status = status;
        favourite.history.push(StatusChange { status, at: now });
    }
    favourite
}

/// Merges an anonymous visitor's list into an account's list when the visitor signs in.
/// Returns the entries the account must hold afterwards for every job either side had:
/// nothing is lost (notes are joined, histories united) and no job appears twice.
pub fn merge(account: &[Favourite], visitor: &[Favourite]) -> Vec<Favourite> {
    let mut merged: Vec<Favourite> = account.to_vec();
    for theirs in visitor {
        match merged.iter_mut().find(|f| f.job == theirs.job) {
            Some(ours) => *ours = merge_one(ours, theirs),
            None => merged.push(theirs.clone()),
        }
    }
    merged
}

fn merge_one(ours: &Favourite, theirs: &Favourite) -> Favourite {
    let mut history: Vec<StatusChange> = ours.history.iter().chain(&theirs.history).copied().collect();
    history.sort_by_key(|c| (c.at, c.status));
    history.dedup();
    // The status set last wins; on a tie the account's.
    let status = match (ours.history.last(), theirs.history.last()) {
        (Some(a), Some(b)) if b.at > a.at => theirs.status,
        (None, Some(_)) => theirs.status,
        _ => ours.status,
    };
    let note = match (ours.note.trim(), theirs.note.trim()) {
        (_, "") => ours.note.clone(),
        ("", _) => theirs.note.clone(),
        (a, b) if a == b || a.contains(b) => ours.note.clone(),
        _ => format!("{}\n\n{}", ours.note.trim_end(), theirs.note.trim_start()),
    };
    let snapshot =
        if theirs.snapshot.valid_through > ours.snapshot.valid_through { &theirs.snapshot } else { &ours.snapshot };
    Favourite {
        job: ours.job,
        active: ours.active || theirs.active,
        saved_at: ours.saved_at.min(theirs.saved_at),
        note,
        status,
        history,
        snapshot: snapshot.clone(),
    }
}

#[cfg(test)]
#[path = "model_tests.rs"]
mod tests;
