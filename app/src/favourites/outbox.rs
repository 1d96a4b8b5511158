//! Favourites and notes changed without a connection are kept in the browser (localStorage) until
//! the server has them, so a reload, a closed tab or a crash loses none. Each entry says what the
//! job or note should be (saved or not, this text), never "flip it": sending one twice does no harm.
use std::collections::{BTreeMap, HashMap};

/// The localStorage keys.
#[cfg(feature = "hydrate")]
const KEY: &str = "rj_pending_favourites";
#[cfg(feature = "hydrate")]
const NOTES: &str = "rj_pending_notes";

/// What the user wants that the server has not acknowledged yet.
pub fn pending(wanted: &HashMap<i64, bool>, stored: &HashMap<i64, bool>) -> BTreeMap<i64, bool> {
    wanted.iter().filter(|(job, want)| stored.get(job) != Some(want)).map(|(job, want)| (*job, *want)).collect()
}

/// The changes a previous page left unsent (none if storage is unavailable or unreadable).
#[cfg(feature = "hydrate")]
pub fn load() -> BTreeMap<i64, bool> {
    use gloo_storage::{LocalStorage, Storage};
    LocalStorage::get(KEY).unwrap_or_default()
}

/// Keeps `pending` for the next page; an empty set removes the entry.
#[cfg(feature = "hydrate")]
pub fn keep(pending: &BTreeMap<i64, bool>) {
    use gloo_storage::{LocalStorage, Storage};
    if pending.is_empty() {
        LocalStorage::delete(KEY);
    } else if let Err(error) = LocalStorage::set(KEY, pending) {
        leptos::logging::warn!("cannot keep unsent favourites: {error}");
    }
}

/// The unsent note of `job`, if any.
#[cfg(feature = "hydrate")]
pub fn note(job: i64) -> Option<String> {
    use gloo_storage::{LocalStorage, Storage};
    LocalStorage::get::<BTreeMap<i64, String>>(NOTES).ok()?.remove(&job)
}

/// Keeps the unsent note of `job` (`None`: the server has it).
#[cfg(feature = "hydrate")]
pub fn keep_note(job: i64, note: Option<String>) {
    use gloo_storage::{LocalStorage, Storage};
    let mut notes: BTreeMap<i64, String> = LocalStorage::get(NOTES).unwrap_or_default();
    match note {
        Some(note) => notes.insert(job, note),
        None => notes.remove(&job),
    };
    if notes.is_empty() {
        LocalStorage::delete(NOTES);
    } else if let Err(error) = LocalStorage::set(NOTES, &notes) {
        leptos::logging::warn!("cannot keep an unsent note: {error}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_unacknowledged_wishes_are_pending() {
        let wanted = HashMap::from([(1, true), (2, false), (3, true)]);
        let stored = HashMap::from([(1, true), (2, true)]);
        assert_eq!(pending(&wanted, &stored), BTreeMap::from([(2, false), (3, true)]));
        assert!(pending(&stored, &stored).is_empty());
    }
}
