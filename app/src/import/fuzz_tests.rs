//! Property tests over arbitrary input: no reader or mapping rule panics, whatever the bytes or the
//! JSON structure. `IMPORT_FUZZ_CASES` sets the number of cases per property (`make fuzz` runs
//! many more than the test suite).
use chrono::{TimeZone, Utc};
use proptest::prelude::*;
use serde_json::{Map, Value};

use super::classify::ProfessionRef;
use super::geo::Gazetteer;
use super::listing::{Rules, map};
use super::reader::read;

fn cases(default: u32) -> u32 {
    std::env::var("IMPORT_FUZZ_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(default)
}

fn professions() -> Vec<ProfessionRef> {
    vec![ProfessionRef {
        slug: "medienassistent".into(),
        name: "Medienassistent/in".into(),
        synonyms: vec!["Medienassistenz".into()],
        kldb: Some("232".into()),
    }]
}

/// Reads `bytes` as an input and maps every record, as the import does.
fn import(bytes: &[u8]) {
    let professions = professions();
    let now = Utc.with_ymd_and_hms(2026, 11, 25, 0, 0, 0).unwrap();
    let _ = read(&mut &bytes[..], &mut |format, draft, mut findings| {
        let rules = Rules {
            professions: &professions,
            gazetteer: Gazetteer::shipped(),
            now,
            descriptions: format != super::input::Format::Jobsuche,
        };
        let _ = map(draft, &mut findings, &rules);
    });
}

/// Field names and value shapes job ads use, so generated documents reach every rule.
const KEYS: &[&str] = &[
    "@type",
    "@id",
    "@graph",
    "@context",
    "title",
    "description",
    "identifier",
    "value",
    "name",
    "url",
    "datePosted",
    "validThrough",
    "employmentType",
    "hiringOrganization",
    "sameAs",
    "jobLocation",
    "address",
    "postalCode",
    "addressLocality",
    "addressRegion",
    "addressCountry",
    "streetAddress",
    "geo",
    "latitude",
    "longitude",
    "jobLocationType",
    "applicantLocationRequirements",
    "baseSalary",
    "currency",
    "minValue",
    "maxValue",
    "unitText",
    "occupationalCategory",
    "directApply",
    "applicationContact",
    "email",
    "stellenangebote",
    "ergebnisliste",
    "refnr",
    "referenznummer",
    "titel",
    "arbeitgeber",
    "arbeitsort",
    "plz",
    "ort",
    "land",
    "koordinaten",
    "lat",
    "lon",
    "aktuelleVeroeffentlichungsdatum",
    "stellenlokationen",
    "adresse",
    "befristung",
    "arbeitszeitmodelle",
];
const TEXTS: &[&str] = &[
    "JobPosting",
    "Organization",
    "Place",
    "PostalAddress",
    "TELECOMMUTE",
    "FULL_TIME",
    "part-time",
    "MONTH",
    "HOUR",
    "EUR",
    "USD",
    "2026-11-20",
    "2026-02-31",
    "31.12.2026",
    "2027-01-31T23:59:00+01:00",
    "44787",
    "Bochum",
    "Essen",
    "Deutschland",
    "DE",
    "AT",
    "3.000 €",
    "2.950,50",
    "ca. 3000",
    "javascript:alert(1)",
    "https://example.org/x",
    "<p>Text &amp; <script>x</script></p>",
    "Mediengestalter (m/w/d)",
    "Junior",
    "Senior",
    "Minijob",
    "",
    " ",
    "#org",
];

fn value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        (-1.0e6..1.0e6f64).prop_map(Value::from),
        proptest::sample::select(TEXTS).prop_map(Value::from),
        ".{0,12}".prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            proptest::collection::vec((proptest::sample::select(KEYS), inner), 0..6).prop_map(|pairs| Value::Object(
                pairs.into_iter().map(|(k, v)| (k.to_owned(), v)).collect::<Map<_, _>>()
            )),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(50_000), failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn any_bytes_are_read_and_mapped_without_panicking(bytes in proptest::collection::vec(any::<u8>(), 0..256)) {
        import(&bytes);
    }

    #[test]
    fn any_json_structure_is_read_and_mapped_without_panicking(doc in value(), lines in any::<bool>()) {
        let text = if lines {
            // The same value on two lines: read as JSON Lines.
            format!("{doc}\n{doc}\n")
        } else {
            format!("{{\"@type\": \"JobPosting\", \"x\": {doc}}}")
        };
        import(text.as_bytes());
        import(doc.to_string().as_bytes());
    }
}
