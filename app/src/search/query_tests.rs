//! The search checked against the same semantics written plainly.
use super::fixture::{all_ids, filters, index, listings, naive, now};
use super::geo::distance_km;
use super::text::terms;
use crate::jobs::filter::JobFilter;
use crate::jobs::model::{
    Contract, EmployerType, Experience, Listing, Offer, Param, Remote, Sort, Summary, WorkingTime,
};

/// The profession's name as the fixture's index knows it.
fn profession_name(d: &Listing) -> String {
    if d.summary.profession == "medienassistent" { "Medienassistent/in" } else { "Andere" }.to_owned()
}

#[test]
fn every_filter_matches_a_plain_computation() {
    let idx = index(1500);
    let source = listings(1500);
    for f in filters() {
        let mut expected = naive(&source, &f);
        let mut got = all_ids(&idx, &f);
        assert_eq!(idx.search(&f, now()).total as usize, expected.len(), "{f}");
        expected.sort_unstable();
        got.sort_unstable();
        assert_eq!(got, expected, "{f}");
        assert!(!got.is_empty(), "filter {f} should match something in the test data");
    }
}

#[test]
fn facet_counts_equal_the_results_they_predict() {
    let idx = index(800);
    for f in filters() {
        let r = idx.search(&f, now());
        for (param, values) in &r.facets {
            for (value, count) in values {
                let mut g = f.clone();
                match param.as_str() {
                    "working_time" => g.working_time = vec![WorkingTime::parse(value).unwrap()],
                    "offer" => g.offer = vec![Offer::parse(value).unwrap()],
                    "remote" => g.remote = vec![Remote::parse(value).unwrap()],
                    "contract" => g.contract = vec![Contract::parse(value).unwrap()],
                    "experience" => g.experience = vec![Experience::parse(value).unwrap()],
                    "employer_type" => g.employer_type = vec![EmployerType::parse(value).unwrap()],
                    "profession" => g.profession = value.clone(),
                    "skill" if !g.skill.contains(value) => g.skill.push(value.clone()),
                    "skill" => {}
                    "posted_within_days" => g.posted_within_days = value.parse().ok(),
                    "salary_min" => g.salary_min = value.parse().ok(),
                    "salary_only" => g.salary_only = true,
                    "radius_km" => g.radius_km = value.parse().ok(),
                    other => panic!("unexpected facet {other}"),
                }
                assert_eq!(idx.search(&g, now()).total, *count, "facet {param:?}={value} under {f}");
            }
        }
    }
}

#[test]
fn radius_results_are_within_the_distance_and_carry_it() {
    let idx = index(600);
    let bochum = (51.4818, 7.2162);
    for radius in [5, 10, 25] {
        let f =
            JobFilter { place: "51.4818,7.2162".into(), radius_km: Some(radius), per_page: 100, ..Default::default() };
        let r = idx.search(&f, now());
        assert!(r.total > 0);
        for job in &r.items {
            let d = job.distance_km.expect("distance");
            assert!(d <= f64::from(radius) + 0.05, "{d} > {radius}");
        }
        assert!(r.place.as_deref().unwrap().starts_with("51.4818"));
    }
    let far = idx.search(&JobFilter { place: "bochum".into(), radius_km: Some(200), ..Default::default() }, now());
    let near = idx.search(&JobFilter { place: "bochum".into(), radius_km: Some(10), ..Default::default() }, now());
    assert!(far.total > near.total);
    let _ = bochum;
}

#[test]
fn text_search_is_tolerant() {
    let idx = index(400);
    let count = |q: &str| idx.search(&JobFilter { q: q.into(), ..Default::default() }, now()).total;
    assert!(count("Medienassistent") > 0);
    assert_eq!(count("Medienassistentin"), count("medienassistent"));
    assert_eq!(count("BILDBEARBEITUNG"), count("bildbearbeitung"));
    assert!(count("Video") >= count("Videoschnitt"), "prefixes match longer words");
    assert_eq!(count("Verstaerkung"), count("Verstärkung"));
    assert_eq!(count("Kernphysik"), 0);
    // Relevance: a title match ranks before a description-only match.
    let r = idx.search(&JobFilter { q: "Medienassistent".into(), ..Default::default() }, now());
    assert!(r.items[0].summary.title.starts_with("Medienassistent"));
}

#[test]
fn text_matches_listings_with_every_term() {
    let (idx, docs) = (index(600), listings(600));
    for q in [
        "Social Media",
        "Video Bildbearbeitung",
        "medienassistentin team",
        "Eventtechnik Firma",
        "Webtools",
        "Kernphysik",
    ] {
        let wanted = terms(q);
        let mut expected: Vec<i64> = docs
            .iter()
            .filter(|d| d.summary.valid_through > now())
            .filter(|d| {
                let text = [
                    &d.summary.title,
                    &profession_name(d),
                    &d.summary.skills.join(" "),
                    &d.summary.employer.name,
                    &d.description,
                ];
                let have: Vec<String> = text.iter().flat_map(|t| terms(t)).collect();
                wanted.iter().all(|w| have.iter().any(|h| h == w || (w.len() >= 4 && h.starts_with(w.as_str()))))
            })
            .map(|d| d.summary.id)
            .collect();
        let mut found = all_ids(&idx, &JobFilter { q: q.into(), per_page: 50, ..Default::default() });
        expected.sort_unstable();
        found.sort_unstable();
        assert_eq!(found, expected, "{q}");
        assert!(!found.is_empty() || q == "Kernphysik", "{q}: the test data has matches");
    }
}

/// A listing as loaded in the order the index gives back: working times in `WorkingTime::ALL`
/// order, each skill once.
fn in_order(mut s: Summary) -> Summary {
    s.working_time.sort_by_key(|w| w.index());
    s.skills.dedup();
    s
}

#[test]
fn the_index_gives_back_every_listing_as_loaded() {
    let (idx, docs) = (index(800), listings(800));
    for d in &docs {
        let kept = idx.summary(d.summary.id).expect("every loaded listing, expired ones too");
        assert_eq!(in_order(kept), in_order(d.summary.clone()), "listing {}", d.summary.id);
    }
    assert!(idx.summary(0).is_none());
    // Results are the listings as loaded, with only the distance and the pay comparison added.
    let active = docs.iter().filter(|d| d.summary.valid_through > now()).count();
    let mut shown = 0;
    for hit in (1..=9).flat_map(|page| {
        idx.search(
            &JobFilter { place: "bochum".into(), radius_km: Some(200), page, per_page: 100, ..Default::default() },
            now(),
        )
        .items
    }) {
        shown += 1;
        let loaded = &docs[hit.summary.id as usize - 1].summary;
        assert_eq!(in_order(hit.summary), in_order(loaded.clone()));
        assert!(loaded.salary.is_none() || hit.comparison.is_none(), "a comparison only beside ads without salary");
    }
    assert_eq!(shown, active, "every active listing was checked");
}

#[test]
fn expired_listings_never_show() {
    let idx = index(500);
    let expired: Vec<i64> =
        listings(500).iter().filter(|d| d.summary.valid_through <= now()).map(|d| d.summary.id).collect();
    assert!(!expired.is_empty());
    let shown = all_ids(&idx, &JobFilter { per_page: 100, ..Default::default() });
    assert!(shown.iter().all(|id| !expired.contains(id)));
}

#[test]
fn unknown_values_are_reported_and_ignored() {
    let idx = index(200);
    let all = idx.search(&JobFilter::default(), now()).total;
    let f = JobFilter {
        place: "Atlantis".into(),
        skill: vec!["zaubern".into()],
        profession: "astronaut".into(),
        ..Default::default()
    };
    let r = idx.search(&f, now());
    assert_eq!(r.total, all);
    let params: Vec<&str> = r.ignored.iter().map(|i| i.param.as_str()).collect();
    assert_eq!(params, vec!["place", "profession", "skill"]);
    assert!(r.ignored[0].message.contains("Atlantis"));
    // City names work as well as slugs, umlauts folded.
    let r =
        idx.search(&JobFilter { place: "mülheim an der ruhr".into(), radius_km: Some(0), ..Default::default() }, now());
    assert!(r.ignored.is_empty() && r.total > 0);
    assert_eq!(r.place.as_deref(), Some("Mülheim an der Ruhr"));
    // A profession is named by its slug only (every page then shows the same choice); a name is
    // reported and left out.
    let (by_name, _) = JobFilter::parse([("profession", "Medienassistent/in")]);
    let r = idx.search(&by_name, now());
    assert_eq!((r.ignored[0].param, r.total), (Param::Profession, all));
    let by_slug = JobFilter { profession: "medienassistent".into(), ..Default::default() };
    let r = idx.search(&by_slug, now());
    assert!(r.ignored.is_empty() && r.total > 0 && r.total < all);
}

#[test]
fn sorting_by_distance_without_a_place_is_ignored_and_said() {
    let idx = index(200);
    let r = idx.search(&JobFilter { sort: Some(Sort::Distance), per_page: 100, ..Default::default() }, now());
    assert_eq!(r.ignored.len(), 1);
    assert_eq!(r.ignored[0].param, Param::Sort);
    assert!(r.items.windows(2).all(|w| w[0].summary.posted_at >= w[1].summary.posted_at), "newest first");
}

#[test]
fn empty_results_suggest_which_filter_to_drop() {
    let idx = index(400);
    let f = JobFilter {
        place: "hagen".into(),
        radius_km: Some(0),
        skill: vec!["bildbearbeitung".into(), "social-media".into(), "eventtechnik".into(), "videoschnitt".into()],
        posted_within_days: Some(1),
        ..Default::default()
    };
    let r = idx.search(&f, now());
    assert_eq!(r.total, 0, "test filter should be empty");
    assert!(!r.relaxations.is_empty());
    for relax in &r.relaxations {
        let query = relax.href.trim_start_matches("/jobs").trim_start_matches('?');
        let pairs: Vec<(String, String)> = query
            .split('&')
            .filter(|p| !p.is_empty())
            .map(|p| p.split_once('=').map(|(k, v)| (k.to_owned(), v.replace('+', " "))).unwrap())
            .collect();
        let (g, _) = JobFilter::parse(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
        assert_eq!(idx.search(&g, now()).total, relax.count, "{}", relax.href);
    }
}

#[test]
fn similar_jobs_share_profession_and_skills_nearby() {
    let all = listings(600);
    let idx = index(600);
    let me = &all[0];
    let similar = idx.similar(me.summary.id, 4, now());
    assert_eq!(similar.len(), 4);
    // The same ranking, computed plainly: active, same profession, within 50 km, not itself.
    let at = |d: &Listing| (d.summary.location.lat, d.summary.location.lon);
    let shared = |d: &Listing| d.summary.skills.iter().filter(|s| me.summary.skills.contains(s)).count();
    let mut expected: Vec<&Listing> = all
        .iter()
        .filter(|d| {
            d.summary.id != me.summary.id
                && d.summary.valid_through > now()
                && d.summary.profession == me.summary.profession
        })
        .filter(|d| distance_km(at(me), at(d)) <= 50.0)
        .collect();
    expected.sort_by(|a, b| {
        let (da, db) = (distance_km(at(me), at(a)), distance_km(at(me), at(b)));
        shared(b).cmp(&shared(a)).then(da.total_cmp(&db)).then(b.summary.posted_at.cmp(&a.summary.posted_at))
    });
    let ids: Vec<i64> = similar.iter().map(|j| j.summary.id).collect();
    let want: Vec<i64> = expected.iter().take(4).map(|d| d.summary.id).collect();
    assert_eq!(ids, want);
    assert!(similar.iter().all(|j| j.distance_km.is_some_and(|d| d <= 50.0)));
    assert!(idx.similar(999_999, 4, now()).is_empty());
}

#[test]
fn kept_similar_listings_stay_exact_as_listings_expire() {
    // Listing 1's four nearest colleagues expire one day after `now`, the rest twenty days after.
    let mut all = listings(600);
    let plain = |all: &[Listing], at: chrono::DateTime<chrono::Utc>| -> Vec<i64> {
        let me = &all[0].summary;
        let place = |s: &crate::jobs::model::Summary| (s.location.lat, s.location.lon);
        let shared = |s: &crate::jobs::model::Summary| s.skills.iter().filter(|k| me.skills.contains(k)).count();
        let mut found: Vec<&crate::jobs::model::Summary> = all
            .iter()
            .map(|l| &l.summary)
            .filter(|s| s.id != me.id && s.valid_through > at && s.profession == me.profession)
            .filter(|s| distance_km(place(me), place(s)) <= 50.0)
            .collect();
        found.sort_by(|a, b| {
            let (da, db) = (distance_km(place(me), place(a)), distance_km(place(me), place(b)));
            shared(b).cmp(&shared(a)).then(da.total_cmp(&db)).then(b.posted_at.cmp(&a.posted_at))
        });
        found.iter().take(4).map(|s| s.id).collect()
    };
    let first = plain(&all, now());
    for l in all.iter_mut().filter(|l| first[..2].contains(&l.summary.id)) {
        l.summary.valid_through = now() + chrono::Duration::days(1);
    }
    let idx = crate::search::Index::build(
        all.clone(),
        crate::search::fixture::cities(),
        crate::search::fixture::professions(),
        now(),
    );
    let ids = |at| idx.similar(all[0].summary.id, 4, at).iter().map(|h| h.summary.id).collect::<Vec<_>>();
    assert_eq!(ids(now()), plain(&all, now()));
    let later = now() + chrono::Duration::days(2);
    assert_eq!(ids(later), plain(&all, later), "two of the kept expired: the answer follows");
    assert!(!ids(later).contains(&first[0]));
}
