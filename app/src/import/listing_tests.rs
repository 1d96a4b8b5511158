use super::*;
use crate::import::draft::{DraftEmployer, DraftPlace};
use chrono::TimeZone;

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 25, 12, 0, 0).unwrap()
}

/// A complete ad at `place`.
fn ad(place: DraftPlace) -> Draft {
    Draft {
        external_id: Some("A-1".into()),
        title: Some("Medienassistent (m/w/d)".into()),
        description: Some("<p>Schnitt und Ton.</p>".into()),
        date_posted: Some(now() - Duration::days(3)),
        employer: Some(DraftEmployer { name: "Zeche Medien GmbH".into(), website: None }),
        places: vec![place],
        ..Default::default()
    }
}

fn mapped(draft: Draft) -> (Option<Mapped>, Findings) {
    let rules = Rules { professions: &[], gazetteer: Gazetteer::shipped(), now: now(), descriptions: true };
    let mut findings = Findings::default();
    (map(draft, &mut findings, &rules), findings)
}

fn paths(problems: &[crate::import::input::Problem]) -> Vec<&str> {
    problems.iter().map(|p| p.path.as_str()).collect()
}

#[test]
fn coordinates_without_a_town_name_take_the_nearest_municipality_and_keep_their_position() {
    let (m, findings) = mapped(ad(DraftPlace { lat: Some(51.4818), lon: Some(7.2162), ..Default::default() }));
    let location = m.expect("placed").listing.summary.location;
    assert_eq!((location.city.as_str(), location.city_slug.as_str()), ("Bochum", "bochum"));
    assert_eq!((location.lat, location.lon), (51.4818, 7.2162));
    assert_eq!(location.region.as_deref(), Some("Nordrhein-Westfalen"));
    assert!(findings.errors.is_empty() && findings.warnings.is_empty(), "{findings:?}");
}

#[test]
fn coordinates_abroad_without_a_town_skip_the_ad_with_a_warning() {
    let (m, findings) = mapped(ad(DraftPlace { lat: Some(48.8566), lon: Some(2.3522), ..Default::default() }));
    assert!(m.is_none());
    assert!(findings.errors.is_empty(), "a skipped ad rejects nothing: {findings:?}");
    assert_eq!(paths(&findings.warnings), ["jobLocation.geo"]);
}

#[test]
fn a_town_that_cannot_be_told_without_guessing_skips_the_ad_and_rejects_nothing() {
    for locality in ["Nirgendwohausen", "Frankfurt"] {
        let (m, findings) = mapped(ad(DraftPlace { locality: Some(locality.into()), ..Default::default() }));
        assert!(m.is_none(), "{locality}");
        assert!(findings.errors.is_empty(), "{locality}: {findings:?}");
        assert_eq!(paths(&findings.warnings), ["jobLocation.address"], "{locality}");
        assert!(findings.warnings[0].message.contains(locality), "the warning names the place as written");
    }
}

#[test]
fn an_ad_without_any_place_is_an_error() {
    let (m, findings) = mapped(ad(DraftPlace::default()));
    assert!(m.is_none());
    assert_eq!(paths(&findings.errors), ["jobLocation"]);
}
