//! What every stored listing and source link satisfies beyond its types. The schema declares the
//! types; these rules are checked here, before any row is written (`repo::row_of`, the import's
//! links), because SurrealDB evaluating them as field ASSERTs on every write cost more than
//! writing the rows (schema 0012). Each broken rule is named by its field.
use super::model::Listing;

/// The longest title, in characters.
pub const TITLE_MAX: usize = 500;

/// The first rule `listing` breaks, as "field: what is wrong", or `None`.
pub fn broken(listing: &Listing) -> Option<String> {
    let s = &listing.summary;
    let (employer, place) = (&s.employer, &s.location);
    let chars = s.title.chars().count();
    // Each message is written only for a broken rule: every listing written passes through here.
    let fixed = |message: &'static str| move || message.to_owned();
    let rules: [(bool, &dyn Fn() -> String); 11] = [
        ((1..=TITLE_MAX).contains(&chars), &|| format!("title: {chars} Zeichen, erlaubt sind 1 bis {TITLE_MAX}")),
        (!s.source.is_empty(), &fixed("source: leer")),
        (!listing.external_id.is_empty(), &fixed("external_id: leer")),
        (!employer.name.is_empty(), &fixed("employer.name: leer")),
        (employer.website.as_deref().is_none_or(is_web_url), &fixed("employer.website: keine http(s)-Adresse")),
        (!place.city.is_empty() && !place.city_slug.is_empty(), &fixed("location.city: leer")),
        ((-90.0..=90.0).contains(&place.lat), &|| format!("location.lat: {} liegt nicht in -90..90", place.lat)),
        ((-180.0..=180.0).contains(&place.lon), &|| format!("location.lon: {} liegt nicht in -180..180", place.lon)),
        (s.salary.as_ref().is_none_or(|p| p.min > 0 && p.min <= p.max), &fixed("salary: min muss > 0 und <= max sein")),
        (listing.apply_url.as_deref().is_none_or(is_web_url), &fixed("apply_url: keine http(s)-Adresse")),
        (listing.apply_email.as_deref().is_none_or(is_email), &fixed("apply_email: keine E-Mail-Adresse")),
    ];
    rules.into_iter().find(|(kept, _)| !kept).map(|(_, message)| message())
}

/// The first rule a source link breaks: its source and the ad's id there are named, its page is a
/// web address.
pub fn broken_link(source: &str, external_id: &str, url: Option<&str>) -> Option<String> {
    let rules = [
        (!source.is_empty(), "source: leer"),
        (!external_id.is_empty(), "external_id: leer"),
        (url.is_none_or(is_web_url), "url: keine http(s)-Adresse"),
    ];
    rules.into_iter().find(|(kept, _)| !kept).map(|(_, broken)| broken.to_owned())
}

/// An http or https address.
pub fn is_web_url(url: &str) -> bool {
    url.starts_with("https://") || url.starts_with("http://")
}

/// A plain check of an e-mail address's shape: one `@`, a dotted domain, no spaces or brackets.
pub fn is_email(address: &str) -> bool {
    let Some((local, domain)) = address.split_once('@') else { return false };
    let plain = |c: char| !c.is_whitespace() && !c.is_control() && !"<>\"(),;:[]\\@".contains(c);
    !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && local.chars().all(plain)
        && domain.chars().all(plain)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::jobs::model::{Salary, SalarySource, SalaryUnit};

    fn listing() -> Listing {
        serde_json::from_value(serde_json::json!({
            "id": 1, "title": "Medienassistent:in", "profession": "medienassistent",
            "employer": { "name": "Revier Medien GmbH", "type": "sme", "website": "https://example.org" },
            "location": { "city": "Bochum", "city_slug": "bochum", "lat": 51.48, "lon": 7.21 },
            "working_time": ["full_time"], "offer": "employment", "remote": "on_site", "contract": "permanent",
            "experience": "entry", "skills": [], "posted_at": "2026-12-01T08:00:00Z",
            "valid_through": "2027-01-31T23:00:00Z", "source": "bench", "description": "<p>Text</p>",
            "apply_url": "https://example.org/jobs/1", "apply_email": "jobs@example.org", "external_id": "a-1"
        }))
        .unwrap()
    }

    #[test]
    fn a_sound_listing_breaks_nothing() {
        assert_eq!(broken(&listing()), None);
        let mut bare = listing();
        (bare.apply_url, bare.apply_email, bare.summary.employer.website) = (None, None, None);
        assert_eq!(broken(&bare), None);
    }

    #[test]
    fn each_rule_names_its_field() {
        type Breaks = fn(&mut Listing);
        let cases: [(&str, Breaks); 12] = [
            ("title", |l| l.summary.title.clear()),
            ("title", |l| l.summary.title = "ä".repeat(TITLE_MAX + 1)),
            ("source", |l| l.summary.source.clear()),
            ("external_id", |l| l.external_id.clear()),
            ("employer.name", |l| l.summary.employer.name.clear()),
            ("employer.website", |l| l.summary.employer.website = Some("javascript:alert(1)".into())),
            ("location.city", |l| l.summary.location.city_slug.clear()),
            ("location.lat", |l| l.summary.location.lat = f64::NAN),
            ("location.lon", |l| l.summary.location.lon = 181.0),
            ("salary", |l| {
                let (unit, source) = (SalaryUnit::Month, SalarySource::Employer);
                l.summary.salary = Some(Salary { min: 3000, max: 2000, unit, currency: "EUR".into(), source });
            }),
            ("apply_url", |l| l.apply_url = Some("ftp://example.org".into())),
            ("apply_email", |l| l.apply_email = Some("keine-adresse".into())),
        ];
        for (field, break_it) in cases {
            let mut l = listing();
            break_it(&mut l);
            let found = broken(&l).unwrap_or_default();
            assert!(found.starts_with(&format!("{field}:")), "{field}: {found}");
        }
        let mut longest = listing();
        longest.summary.title = "ä".repeat(TITLE_MAX);
        assert_eq!(broken(&longest), None, "characters count, not bytes");
    }

    #[test]
    fn links_name_their_source_and_a_web_page() {
        assert_eq!(broken_link("ba", "10001-1", Some("https://example.org/1")), None);
        assert_eq!(broken_link("ba", "10001-1", None), None);
        assert_eq!(broken_link("", "x", None).as_deref(), Some("source: leer"));
        assert_eq!(broken_link("ba", "", None).as_deref(), Some("external_id: leer"));
        assert_eq!(broken_link("ba", "x", Some("data:text/html,x")).as_deref(), Some("url: keine http(s)-Adresse"));
    }

    #[test]
    fn e_mail_addresses_need_a_local_part_and_a_dotted_domain() {
        assert!(is_email("jobs@example.org"));
        for bad in ["keine-adresse", "@example.org", "a@example", "a@.org", "a@org.", "a b@example.org", "<a>@x.de"] {
            assert!(!is_email(bad), "{bad}");
        }
    }
}
