use super::*;
use chrono::TimeZone;

fn at(day: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, day, 12, 0, 0).unwrap()
}

fn fav(job: i64, saved: u32, note: &str) -> Favourite {
    Favourite {
        job,
        active: true,
        saved_at: at(saved),
        note: note.into(),
        status: Status::Saved,
        history: vec![StatusChange { status: Status::Saved, at: at(saved) }],
        snapshot: Snapshot {
            title: format!("Job {job}"),
            employer: "Firma".into(),
            city: "Bochum".into(),
            valid_through: at(28),
            source: "demo".into(),
        },
    }
}

#[test]
fn statuses_round_trip_through_their_slugs() {
    for &s in Status::ALL {
        assert_eq!(Status::parse(s.as_str()), Some(s));
    }
    assert_eq!(Status::parse("hired"), None);
    assert_eq!(Status::Interview.label(), "Gespräch");
}

#[test]
fn notes_are_limited_by_characters_not_bytes() {
    assert_eq!(validate_note(&"ä".repeat(NOTE_MAX)).unwrap().chars().count(), NOTE_MAX);
    let err = validate_note(&"a".repeat(NOTE_MAX + 1)).unwrap_err();
    assert_eq!(err.status(), 400);
    assert!(err.to_string().starts_with("note: Die Notiz ist 2001 Zeichen lang"), "{err}");
    assert_eq!(validate_note("a\r\nb").unwrap(), "a\nb");
}

#[test]
fn status_param_names_the_bad_value() {
    assert_eq!(parse_status_param(None).unwrap(), None);
    assert_eq!(parse_status_param(Some("")).unwrap(), None);
    assert_eq!(parse_status_param(Some("applied")).unwrap(), Some(Status::Applied));
    assert!(parse_status_param(Some("x")).unwrap_err().to_string().starts_with("status: 'x'"));
}

#[test]
fn status_changes_are_recorded_once_with_their_time() {
    let f = with_status(fav(1, 1, ""), Status::Applied, at(3));
    let f = with_status(f, Status::Applied, at(4));
    let f = with_status(f, Status::Interview, at(5));
    let seen: Vec<_> = f.history.iter().map(|c| (c.status, c.at)).collect();
    assert_eq!(seen, vec![(Status::Saved, at(1)), (Status::Applied, at(3)), (Status::Interview, at(5))]);
    assert_eq!(f.status_since(), at(5));
}

#[test]
fn the_list_shows_active_entries_newest_first_and_filters_by_status() {
    let mut removed = fav(3, 9, "");
    removed.active = false;
    let applied = with_status(fav(2, 2, ""), Status::Applied, at(4));
    let list = vec![fav(1, 1, ""), applied, removed];
    let jobs: Vec<i64> = shown(list.clone(), None).iter().map(|f| f.job).collect();
    assert_eq!(jobs, vec![2, 1]);
    let jobs: Vec<i64> = shown(list, Some(Status::Applied)).iter().map(|f| f.job).collect();
    assert_eq!(jobs, vec![2]);
}

#[test]
fn merging_keeps_every_job_once_and_loses_no_note() {
    let account = vec![fav(1, 1, "Anschreiben fertig"), fav(2, 2, "")];
    let visitor = vec![fav(2, 1, "Gehalt erfragen"), fav(3, 3, "neu")];
    let merged = merge(&account, &visitor);
    let jobs: Vec<i64> = merged.iter().map(|f| f.job).collect();
    assert_eq!(jobs, vec![1, 2, 3]);
    assert_eq!(merged[0].note, "Anschreiben fertig");
    assert_eq!(merged[1].note, "Gehalt erfragen");
    assert_eq!(merged[1].saved_at, at(1), "the earlier save time");
    assert_eq!(merged[2].note, "neu");
}

#[test]
fn merging_two_notes_joins_them_and_the_latest_status_wins() {
    let ours = with_status(fav(1, 1, "A"), Status::Applied, at(5));
    let theirs = with_status(fav(1, 2, "B"), Status::Interview, at(6));
    let merged = merge(std::slice::from_ref(&ours), std::slice::from_ref(&theirs));
    assert_eq!(merged.len(), 1);
    assert_eq!(merged[0].note, "A\n\nB");
    assert_eq!(merged[0].status, Status::Interview);
    let statuses: Vec<Status> = merged[0].history.iter().map(|c| c.status).collect();
    assert_eq!(statuses, vec![Status::Saved, Status::Saved, Status::Applied, Status::Interview]);
    // Merging the same list again changes nothing (a retried sign-in).
    let again = merge(&merged, std::slice::from_ref(&theirs));
    assert_eq!(again, merged);
}

#[test]
fn a_removed_entry_comes_back_when_the_other_side_has_it_saved() {
    let mut ours = fav(1, 1, "");
    ours.active = false;
    let merged = merge(&[ours], &[fav(1, 2, "")]);
    assert!(merged[0].active);
}
