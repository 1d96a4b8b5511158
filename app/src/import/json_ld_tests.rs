use super::*;
use crate::jobs::model::SalaryUnit;
use serde_json::json;

fn one(doc: Value) -> (Draft, Findings) {
    let mut found = records(&doc, 0);
    assert_eq!(found.len(), 1, "one JobPosting in {doc}");
    found.remove(0)
}

fn messages(findings: &Findings) -> Vec<String> {
    findings.errors.iter().map(ToString::to_string).collect()
}

#[test]
fn a_full_posting_is_read_field_by_field() {
    let (draft, findings) = one(json!({
        "@context": "https://schema.org/",
        "@type": "JobPosting",
        "title": "Medienassistent (m/w/d)",
        "description": "<p>Wir suchen Verstärkung &amp; Ideen.</p>",
        "identifier": {"@type": "PropertyValue", "name": "Zeche Medien", "value": "ZM-2026-17"},
        "datePosted": "2026-11-20",
        "validThrough": "2027-01-31T23:59:00+01:00",
        "employmentType": ["full_time", "Part-Time"],
        "hiringOrganization": {"@type": "Organization", "name": "Zeche Medien GmbH",
            "sameAs": ["javascript:alert(1)", "https://zeche-medien.example"]},
        "jobLocation": {"@type": "Place", "address": {"@type": "PostalAddress", "streetAddress": "Kortumstraße 12",
            "postalCode": 44787, "addressLocality": "Bochum", "addressRegion": "NRW", "addressCountry": "DE"},
            "geo": {"@type": "GeoCoordinates", "latitude": "51.4810", "longitude": 7.2196}},
        "baseSalary": {"@type": "MonetaryAmount", "currency": "EUR",
            "value": {"@type": "QuantitativeValue", "minValue": 2600, "maxValue": 3000, "unitText": "MONTH"}},
        "url": "https://zeche-medien.example/jobs/17",
        "directApply": true,
        "occupationalCategory": "Medienassistent/in"
    }));
    assert!(findings.errors.is_empty(), "{:?}", messages(&findings));
    assert_eq!(findings.warnings.len(), 1, "the javascript: address is dropped and said");
    assert_eq!(findings.warnings[0].path, "hiringOrganization.sameAs[0]");
    assert_eq!(draft.external_id.as_deref(), Some("ZM-2026-17"));
    assert_eq!(draft.title.as_deref(), Some("Medienassistent (m/w/d)"));
    assert_eq!(draft.employer.as_ref().unwrap().website.as_deref(), Some("https://zeche-medien.example"));
    assert_eq!(draft.employment_types, ["full_time", "Part-Time"]);
    let place = &draft.places[0];
    assert_eq!((place.postal_code.as_deref(), place.locality.as_deref()), (Some("44787"), Some("Bochum")));
    assert_eq!((place.lat, place.lon), (Some(51.481), Some(7.2196)));
    assert_eq!(draft.valid_through.unwrap().to_rfc3339(), "2027-01-31T22:59:00+00:00");
    let salary = draft.salary.unwrap();
    assert_eq!((salary.min, salary.max, salary.unit), (2600, 3000, SalaryUnit::Month));
    assert_eq!(draft.direct_apply, Some(true));
    assert_eq!(draft.apply_url.as_deref(), Some("https://zeche-medien.example/jobs/17"));
    assert_eq!(draft.occupations, ["Medienassistent/in"]);
}

#[test]
fn a_graph_resolves_organisations_and_places_by_id_and_ignores_other_nodes() {
    let doc = json!({"@context": "https://schema.org", "@graph": [
        {"@type": "WebPage", "@id": "#page", "name": "Karriere"},
        {"@type": "Organization", "@id": "#org", "name": "Stadt Herne", "url": "https://herne.example"},
        {"@type": "Place", "@id": "#rathaus", "address": {"postalCode": "44623", "addressLocality": "Herne"}},
        {"@type": "JobPosting", "title": "Fotograf/in", "hiringOrganization": {"@id": "#org"},
         "jobLocation": [{"@id": "#rathaus"}, {"address": "Bahnhofstraße 3, 44575 Castrop-Rauxel"}],
         "identifier": 4711, "datePosted": "2026-11-02"},
        {"@type": ["JobPosting"], "title": "Zweite Stelle", "hiringOrganization": "Stadt Herne",
         "url": "https://herne.example/2", "datePosted": "2026-11-03"}
    ]});
    let found = records(&doc, 0);
    assert_eq!(found.len(), 2);
    let (first, findings) = &found[0];
    assert!(findings.errors.is_empty(), "{:?}", messages(findings));
    assert_eq!(first.employer.as_ref().unwrap().name, "Stadt Herne");
    assert_eq!(first.employer.as_ref().unwrap().website.as_deref(), Some("https://herne.example"));
    assert_eq!(first.places[0].locality.as_deref(), Some("Herne"));
    assert_eq!(first.places[1].street.as_deref(), Some("Bahnhofstraße 3"));
    assert_eq!(first.places[1].postal_code.as_deref(), Some("44575"));
    assert_eq!(first.places[1].locality.as_deref(), Some("Castrop-Rauxel"));
    assert_eq!(first.external_id.as_deref(), Some("4711"));
    let (second, findings) = &found[1];
    assert_eq!(findings.at, Some(At::Record(1)));
    assert_eq!(second.employer.as_ref().unwrap().name, "Stadt Herne");
    assert_eq!(second.external_id.as_deref(), Some("https://herne.example/2"), "the url identifies it");
}

#[test]
fn remote_work_and_an_array_of_documents_are_read() {
    let doc = json!([
        {"@context": "https://schema.org", "@type": "JobPosting", "title": "Online-Redakteur:in (remote)",
         "jobLocationType": "TELECOMMUTE",
         "applicantLocationRequirements": {"@type": "Country", "name": "Deutschland"},
         "hiringOrganization": {"name": "Revier Digital"}, "datePosted": "2026-11-28T09:30:00Z",
         "employmentType": "CONTRACTOR", "identifier": "rd-9"},
        {"@type": "Organization", "name": "nicht gezählt"}
    ]);
    let (draft, findings) = one(doc);
    assert!(findings.errors.is_empty());
    assert!(draft.telecommute && draft.places.is_empty());
    assert_eq!(draft.applicant_locations, ["Deutschland"]);
}

#[test]
fn wrong_types_are_errors_with_their_paths() {
    let (_, findings) = one(json!({
        "@type": "JobPosting", "title": 17, "datePosted": "2026-02-31",
        "hiringOrganization": 5, "jobLocation": [{"address": {"postalCode": "44787"}}, 3],
        "baseSalary": {"currency": "EUR", "value": {"value": "VB", "unitText": "MONTH"}},
        "validThrough": "morgen"
    }));
    let paths: Vec<&str> = findings.errors.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(
        paths,
        ["title", "datePosted", "validThrough", "hiringOrganization", "jobLocation[1]", "baseSalary.value.value"]
    );
    assert!(messages(&findings)[0].starts_with("Datensatz 0, title: erwartet Text, gefunden eine Zahl"));
    assert!(findings.errors[1].message.contains("kein Datum, das es gibt"));
}

#[test]
fn application_contacts_give_where_to_apply() {
    let (draft, findings) = one(json!({"@type": "JobPosting", "title": "x",
        "applicationContact": {"@type": "ContactPoint", "email": "mailto:jobs@zeche.example", "url": "https://zeche.example/apply"},
        "url": "https://zeche.example/ad"}));
    assert!(findings.errors.is_empty());
    assert_eq!(draft.apply_email.as_deref(), Some("jobs@zeche.example"));
    assert_eq!(draft.apply_url.as_deref(), Some("https://zeche.example/apply"));
    let (draft, findings) = one(json!({"@type": "JobPosting", "applicationContact": {"email": "keine adresse"}}));
    assert_eq!((draft.apply_email, findings.warnings.len()), (None, 1));
}

#[test]
fn address_lines_split_into_street_postcode_and_town() {
    let line = address_line("Kortumstraße 12, 44787 Bochum");
    assert_eq!(
        (line.street.as_deref(), line.postal_code.as_deref(), line.locality.as_deref()),
        (Some("Kortumstraße 12"), Some("44787"), Some("Bochum"))
    );
    assert_eq!(address_line("Bochum").locality.as_deref(), Some("Bochum"));
    assert_eq!(address_line("44801").postal_code.as_deref(), Some("44801"));
    assert_eq!(address_line("").locality, None);
}
