use super::*;
use crate::import::dates;
use proptest::prelude::*;
use serde_json::json;

const V4: &str = include_str!("../../../server/tests/fixtures/jobsuche-v4.json");
const V6: &str = include_str!("../../../server/tests/fixtures/jobsuche-v6.json");
const V6_EMPTY: &str = include_str!("../../../server/tests/fixtures/jobsuche-v6-empty.json");

fn read(doc: Value) -> (Version, Vec<(Draft, Findings)>) {
    let Value::Object(doc) = doc else { panic!("an answer is an object") };
    records(&doc)
}

fn read_text(text: &str) -> (Version, Vec<(Draft, Findings)>) {
    read(serde_json::from_str(text).expect("a fixture is JSON"))
}

/// The drafts of records without any finding.
fn clean(records: Vec<(Draft, Findings)>) -> Vec<Draft> {
    for (_, findings) in &records {
        assert!(findings.errors.is_empty() && findings.warnings.is_empty(), "{findings:?}");
    }
    records.into_iter().map(|(draft, _)| draft).collect()
}

fn one(doc: Value) -> (Draft, Findings) {
    let (_, mut records) = read(doc);
    assert_eq!(records.len(), 1);
    records.remove(0)
}

fn messages(problems: &[crate::import::input::Problem]) -> Vec<String> {
    let mut all: Vec<String> = problems.iter().map(ToString::to_string).collect();
    all.sort();
    all
}

fn day(text: &str) -> Option<DateTime<Utc>> {
    Some(dates::parse(text).unwrap())
}

fn salary(min: u32, max: u32, unit: SalaryUnit) -> Option<Salary> {
    Some(Salary { min, max, unit, currency: "EUR".to_owned(), source: SalarySource::Employer })
}

#[test]
fn a_v4_answer_gives_one_draft_per_ad() {
    let (version, records) = read_text(V4);
    assert_eq!(version, Version::V4);
    let at: Vec<_> = records.iter().map(|(_, f)| f.at).collect();
    assert_eq!(at, [Some(At::Record(0)), Some(At::Record(1)), Some(At::Record(2))]);
    let drafts = clean(records);
    let first = &drafts[0];
    assert_eq!(first.external_id.as_deref(), Some("10000-1201458873-S"));
    assert_eq!(first.url.as_deref(), Some("https://www.arbeitsagentur.de/jobsuche/jobdetail/10000-1201458873-S"));
    assert_eq!(first.apply_url, first.url);
    assert_eq!(first.title.as_deref(), Some("Elektroniker (m/w/d) Energie- und Gebäudetechnik"));
    assert_eq!(first.occupations, ["Elektroniker/in - Energie- und Gebäudetechnik"]);
    assert_eq!(first.employer, Some(DraftEmployer { name: "Elektro Kämper GmbH & Co. KG".to_owned(), website: None }));
    let bochum = DraftPlace {
        street: Some("Kortumstraße 12".to_owned()),
        postal_code: Some("44787".to_owned()),
        locality: Some("Bochum".to_owned()),
        region: Some("Nordrhein-Westfalen".to_owned()),
        country: Some("DE".to_owned()),
        lat: Some(51.4818445),
        lon: Some(7.2162363),
    };
    assert_eq!(first.places, [bochum]);
    assert_eq!(first.date_posted, day("2026-11-20"));
    assert_eq!((first.valid_through, &first.description, &first.salary), (None, &None, &None));
    assert!(first.employment_types.is_empty() && first.stated == Stated::default());
    assert_eq!(drafts[1].url.as_deref(), Some("https://karriere.ruhrtal-logistik.example/jobs/4987612"));
}

#[test]
fn a_v6_answer_gives_one_draft_per_ad_with_what_it_states() {
    let (version, records) = read_text(V6);
    assert_eq!(version, Version::V6);
    let drafts = clean(records);
    assert_eq!(drafts.len(), 4);
    let [electrician, clerk, apprentice, mini_job] = &drafts[..] else { unreachable!() };
    assert_eq!(electrician.occupations, ["Elektroniker/in - Energie- und Gebäudetechnik", "Elektroinstallateur/in"]);
    assert_eq!(electrician.places[0].street.as_deref(), Some("Kortumstraße 12"));
    assert_eq!(electrician.employment_types, ["VOLLZEIT"]);
    assert_eq!(electrician.stated, Stated { fixed_term: Some(false), mini_job: false, apprenticeship: false });
    assert_eq!(electrician.salary, salary(20, 23, SalaryUnit::Hour));

    assert_eq!(clerk.url.as_deref(), Some("https://karriere.ruhrtal-logistik.example/jobs/4987612"));
    assert_eq!(clerk.employment_types, ["TEILZEIT"]);
    assert_eq!((clerk.stated.fixed_term, &clerk.salary), (Some(true), &None));

    // `externeURL: "null"` is no address: the agency's page stands in.
    assert_eq!(apprentice.url.as_deref(), Some("https://www.arbeitsagentur.de/jobsuche/jobdetail/10000-1201602218-S"));
    assert!(apprentice.stated.apprenticeship);
    let towns: Vec<_> = apprentice.places.iter().map(|p| p.locality.as_deref().unwrap()).collect();
    assert_eq!(towns, ["Dortmund", "Unna"]);
    assert_eq!(apprentice.places[1].lat, Some(51.5349215));
    // Valid through the whole last day.
    let last_day = day("2027-04-01").map(|d| d - chrono::Duration::seconds(1));
    assert_eq!((apprentice.date_posted, apprentice.valid_through), (day("2026-11-12"), last_day));
    assert_eq!(apprentice.salary, salary(1150, 1380, SalaryUnit::Month));

    assert_eq!(mini_job.employment_types, ["TEILZEIT", "MINIJOB"]);
    assert_eq!(mini_job.stated, Stated { fixed_term: None, mini_job: true, apprenticeship: false });
    assert_eq!(mini_job.salary, salary(14, 14, SalaryUnit::Hour));
    assert_eq!((&mini_job.places[0].postal_code, mini_job.places[0].is_locatable()), (&None, true));
}

#[test]
fn one_job_reads_alike_from_v4_and_v6() {
    let v4 = clean(read_text(V4).1);
    let v6 = clean(read_text(V6).1);
    for (old, new) in [(&v4[0], &v6[0]), (&v4[1], &v6[1])] {
        assert_eq!(old.external_id, new.external_id);
        assert_eq!(old.url, new.url);
        assert_eq!((&old.title, &old.employer), (&new.title, &new.employer));
        // v6 dates the current publication like v4 does, not the first one.
        assert_eq!(old.date_posted, new.date_posted);
        assert_eq!(old.places, new.places);
        assert_eq!(old.occupations[0], new.occupations[0]);
    }
}

#[test]
fn an_answer_without_matches_has_no_records() {
    assert_eq!(read_text(V6_EMPTY), (Version::V6, Vec::new()));
    assert_eq!(read(json!({"ergebnisliste": null, "maxErgebnisse": 0})), (Version::V6, Vec::new()));
    assert_eq!(read(json!({"stellenangebote": [], "maxErgebnisse": "0"})), (Version::V4, Vec::new()));
}

#[test]
fn a_list_of_the_wrong_type_is_a_problem_of_the_whole_answer() {
    let (version, records) = read(json!({"ergebnisliste": {"referenznummer": "1-S"}}));
    assert_eq!((version, records.len()), (Version::V6, 1));
    let (draft, findings) = &records[0];
    assert_eq!((draft, findings.at), (&Draft::default(), None));
    assert_eq!(messages(&findings.errors), ["ergebnisliste: erwartet eine Liste, gefunden ein Objekt"]);
}

#[test]
fn wrong_types_are_errors_that_name_the_path() {
    let doc = json!({"stellenangebote": [
        {"refnr": "10000-1-S", "unbekannt": {"x": [1]}},
        {
            "refnr": ["10000-2-S"],
            "titel": 7,
            "arbeitsort": {"plz": {"a": 1}, "koordinaten": {"lat": true, "lon": "7,2"}},
            "aktuelleVeroeffentlichungsdatum": "2026-02-31"
        },
        "kein Objekt"
    ]});
    let (_, records) = read(doc);
    assert!(records[0].1.errors.is_empty());
    assert_eq!(
        messages(&records[1].1.errors),
        [
            "Datensatz 1, stellenangebote[1].aktuelleVeroeffentlichungsdatum: „2026-02-31“ ist kein Datum, das es gibt",
            "Datensatz 1, stellenangebote[1].arbeitsort.koordinaten.lat: erwartet eine Zahl, gefunden ein Wahrheitswert",
            "Datensatz 1, stellenangebote[1].arbeitsort.koordinaten.lon: „7,2“ ist keine Zahl",
            "Datensatz 1, stellenangebote[1].arbeitsort.plz: erwartet Text, gefunden ein Objekt",
            "Datensatz 1, stellenangebote[1].refnr: erwartet Text, gefunden eine Liste",
            "Datensatz 1, stellenangebote[1].titel: erwartet Text, gefunden eine Zahl",
        ]
    );
    assert_eq!(messages(&records[2].1.errors), ["Datensatz 2, stellenangebote[2]: erwartet ein Objekt, gefunden Text"]);
    let (_, findings) = one(json!({"ergebnisliste": [{"stellenlokationen": [{"adresse": "Bochum"}]}]}));
    assert_eq!(
        messages(&findings.errors),
        ["Datensatz 0, ergebnisliste[0].stellenlokationen[0].adresse: erwartet ein Objekt, gefunden Text"]
    );
    let off =
        json!({"stellenangebote": [{"arbeitsort": {"ort": "Bochum", "koordinaten": {"lat": 151.5, "lon": 7.2}}}]});
    let (draft, findings) = one(off);
    assert_eq!(
        messages(&findings.errors),
        ["Datensatz 0, stellenangebote[0].arbeitsort: Koordinaten außerhalb des Erdballs (151.5, 7.2)"]
    );
    assert_eq!((draft.places[0].lat, draft.places[0].lon), (None, None));
}

#[test]
fn the_page_is_the_external_address_if_it_is_one_else_the_agencys() {
    let (draft, findings) =
        one(json!({"ergebnisliste": [{"referenznummer": " 10000 12/3-S ", "externeURL": "javascript:alert(1)"}]}));
    assert_eq!(draft.url.as_deref(), Some("https://www.arbeitsagentur.de/jobsuche/jobdetail/10000%2012%2F3-S"));
    assert_eq!(draft.external_id.as_deref(), Some("10000 12/3-S"));
    assert_eq!(findings.warnings[0].path, "ergebnisliste[0].externeURL");
    let (draft, findings) = one(json!({"stellenangebote": [{"titel": "Ohne Nummer", "externeUrl": "null"}]}));
    assert_eq!((draft.url, findings.warnings.len()), (None, 0));
}

#[test]
fn a_detail_answer_is_one_ad_with_its_description() {
    let (version, records) = read(json!({
        "referenznummer": "10000-1201458873-S",
        "stellenangebotsTitel": "Elektroniker (m/w/d)",
        "stellenangebotsBeschreibung": "<p>Wir suchen Verstärkung.</p>",
        "stellenlokationen": [{"adresse": {"plz": ["44787"], "ort": "Bochum"}}]
    }));
    assert_eq!((version, records.len()), (Version::V6, 1));
    let (draft, findings) = &records[0];
    assert_eq!(draft.description.as_deref(), Some("<p>Wir suchen Verstärkung.</p>"));
    assert_eq!(
        messages(&findings.errors),
        ["Datensatz 0, stellenlokationen[0].adresse.plz: erwartet Text, gefunden eine Liste"]
    );

    let (version, records) = read(json!({
        "refnr": "10001-1002934516-S",
        "titel": "Pflegehilfe (m/w/d)",
        "stellenbeschreibung": "Ambulante Pflege in Gelsenkirchen.",
        "arbeitsorte": [{"plz": 45879, "ort": "Gelsenkirchen", "land": "Deutschland", "koordinaten": {"lat": "51.51", "lon": 7.09}}],
        "arbeitszeitmodelle": ["TEILZEIT", "MINIJOB"],
        "befristung": "befristet",
        "angebotsart": "AUSBILDUNG",
        "ersteVeroeffentlichungsdatum": "2026-11-02",
        "aktuelleVeroeffentlichungsdatum": "2026-11-21"
    }));
    assert_eq!(version, Version::V4);
    let draft = &clean(records)[0];
    assert_eq!(draft.description.as_deref(), Some("Ambulante Pflege in Gelsenkirchen."));
    assert_eq!(draft.places[0].postal_code.as_deref(), Some("45879"));
    assert_eq!((draft.places[0].lat, draft.places[0].country.as_deref()), (Some(51.51), Some("DE")));
    assert_eq!(draft.employment_types, ["TEILZEIT", "MINIJOB"]);
    assert_eq!(draft.stated, Stated { fixed_term: Some(true), mini_job: true, apprenticeship: true });
    assert_eq!(draft.date_posted, day("2026-11-21"));
}

#[test]
fn states_and_countries_are_written_one_way() {
    assert_eq!(state_name("NORDRHEIN_WESTFALEN"), "Nordrhein-Westfalen");
    assert_eq!(state_name("BADEN_WUERTTEMBERG"), "Baden-Württemberg");
    assert_eq!(state_name("Thüringen"), "Thüringen");
    assert_eq!(state_name("Tirol"), "Tirol");
    for (written, code) in [("DEUTSCHLAND", "DE"), ("Deutschland", "DE"), ("OESTERREICH", "AT"), ("Österreich", "AT")]
    {
        assert_eq!(country_code(written), code);
    }
    assert_eq!(country_code("Atlantis"), "Atlantis");
}

#[test]
fn salary_and_contract_need_values_the_agency_uses() {
    let draft_of = |ad: Value| one(json!({"ergebnisliste": [ad]}));
    let (draft, findings) = draft_of(json!({"gehaltsspanneVon": 3000, "verguetungsangabe": "KEINE_ANGABEN"}));
    assert_eq!((draft.salary, findings.warnings[0].path.as_str()), (None, "ergebnisliste[0].verguetungsangabe"));
    let (draft, findings) =
        draft_of(json!({"gehaltsspanneVon": 4000, "gehaltsspanneBis": 3000, "verguetungsangabe": "MONATSGEHALT"}));
    assert_eq!((draft.salary, findings.warnings.len()), (None, 1));
    let (draft, _) = draft_of(json!({"gehaltsspanneBis": "52000", "verguetungsangabe": "JAHRESGEHALT"}));
    assert_eq!(draft.salary, salary(52000, 52000, SalaryUnit::Year));
    let (draft, findings) =
        draft_of(json!({"vertragsdauer": "ZEITVERTRAG", "stellenangebotsart": "PRAKTIKUM_TRAINEE"}));
    assert_eq!((draft.stated, findings.errors.len()), (Stated::default(), 0));
    assert!(findings.warnings[0].message.contains("„ZEITVERTRAG“ ist keine bekannte Vertragsdauer"));
}

// Generated answers follow the real shapes, with a value of any type now and then, so that the
// readers of every field, place and flag are reached and fed the wrong things too.

/// The fields of an ad in both versions, separated by spaces.
const AD_KEYS: &str = "referenznummer refnr externeURL externeUrl stellenangebotsTitel titel stellenangebotsBeschreibung \
    stellenbeschreibung hauptberuf beruf alleBerufe firma arbeitgeber stellenlokationen arbeitsorte arbeitsort \
    veroeffentlichungszeitraum aktuelleVeroeffentlichungsdatum datumErsteVeroeffentlichung \
    ersteVeroeffentlichungsdatum arbeitszeitmodelle arbeitszeitVollzeit arbeitszeitTeilzeitAbend homeofficemoeglich \
    istGeringfuegigeBeschaeftigung befristung vertragsdauer stellenangebotsart angebotsart verguetungsangabe \
    gehaltsspanneVon gehaltsspanneBis festgehalt";
const LOCATION_KEYS: &str = "adresse koordinaten breite laenge plz ort strasse region land entfernung";
const ADDRESS_KEYS: &str = "plz ort strasse hausnummer region land koordinaten";
const TOP_KEYS: &str = "maxErgebnisse page size facetten woOutput referenznummer titel";

/// Texts the readers treat specially, and some they must refuse.
const TEXTS: &[&str] = &[
    "",
    " ",
    "null",
    "2026-11-20",
    "2026-02-31",
    "20.11.2026",
    "2026-11-20T09:14:52.118",
    "https://example.org/x",
    "javascript:alert(1)",
    "BEFRISTET",
    "unbefristet",
    "KEINE_ANGABE",
    "AUSBILDUNG",
    "STUNDENLOHN",
    "JAHRESGEHALT",
    "MONATSGEHALT",
    "NORDRHEIN_WESTFALEN",
    "DEUTSCHLAND",
    "Österreich",
    "True",
    "51.48",
    "-3",
    "1e400",
    "10000 12/3-S",
];

const DATES: &[&str] = &["2026-11-20", "2026-11-20T09:14:52.118", "20.11.2026", "2026-02-31", "bald"];
const UNITS: &[&str] = &["STUNDENLOHN", "MONATSGEHALT", "JAHRESGEHALT", "KEINE_ANGABEN", "Entgeltgruppe 9"];

fn any_json() -> BoxedStrategy<Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        prop::sample::select(TEXTS).prop_map(Value::from),
        "\\PC{0,8}".prop_map(Value::from),
    ];
    leaf.prop_recursive(2, 16, 4, |inner| {
        let keys = prop::sample::select(AD_KEYS.split_whitespace().collect::<Vec<_>>());
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map(keys, inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())),
        ]
    })
    .boxed()
}

/// An object with some of `keys`, each with a value of its kind.
fn object_of(keys: &'static str, most: usize) -> BoxedStrategy<Value> {
    let keys: Vec<&'static str> = keys.split_whitespace().collect();
    let field = prop::sample::select(keys).prop_flat_map(|key| (Just(key), value_for(key)));
    prop::collection::vec(field, 0..most)
        .prop_map(|fields| Value::Object(fields.into_iter().map(|(k, v)| (k.to_owned(), v)).collect()))
        .boxed()
}

/// A value as the field `key` has it, or now and then one of any type.
fn value_for(key: &'static str) -> BoxedStrategy<Value> {
    let number = prop_oneof![(-1e6..1e6f64).prop_map(Value::from), (-90..90i64).prop_map(Value::from)];
    let text =
        prop_oneof![prop::sample::select(TEXTS).prop_map(Value::from), "[A-Za-zäöü0-9 -]{0,12}".prop_map(Value::from)];
    let typed = match key {
        "stellenlokationen" | "arbeitsorte" => {
            prop::collection::vec(object_of(LOCATION_KEYS, 6), 0..3).prop_map(Value::Array).boxed()
        }
        "arbeitsort" => object_of(LOCATION_KEYS, 6),
        "adresse" => object_of(ADDRESS_KEYS, 6),
        "koordinaten" => (number.clone(), number).prop_map(|(lat, lon)| json!({"lat": lat, "lon": lon})).boxed(),
        "veroeffentlichungszeitraum" => object_of("von bis", 3),
        "alleBerufe" | "arbeitszeitmodelle" => prop::collection::vec(text, 0..3).prop_map(Value::Array).boxed(),
        "breite" | "laenge" | "gehaltsspanneVon" | "gehaltsspanneBis" | "festgehalt" | "entfernung" => number.boxed(),
        k if k.starts_with("arbeitszeit") && k != "arbeitszeitmodelle" => any::<bool>().prop_map(Value::from).boxed(),
        "homeofficemoeglich" | "istGeringfuegigeBeschaeftigung" => any::<bool>().prop_map(Value::from).boxed(),
        k if k.contains("datum") || k == "von" || k == "bis" => {
            prop::sample::select(DATES).prop_map(Value::from).boxed()
        }
        "verguetungsangabe" => prop::sample::select(UNITS).prop_map(Value::from).boxed(),
        _ => text.boxed(),
    };
    prop_oneof![6 => typed, 1 => any_json()].boxed()
}

/// An answer: a few top fields or an ad's fields, and mostly a list of ads under either name.
fn answer() -> impl Strategy<Value = Object> {
    let ads = prop::collection::vec(prop_oneof![8 => object_of(AD_KEYS, 14), 1 => any_json()], 0..4);
    let top = prop_oneof![object_of(TOP_KEYS, 3), object_of(AD_KEYS, 8)];
    let list_key = prop::sample::select(vec!["ergebnisliste", "stellenangebote", "-"]);
    (top, ads, list_key).prop_map(|(top, ads, key)| {
        let Value::Object(mut doc) = top else { unreachable!("object_of makes objects") };
        if key != "-" {
            doc.insert(key.to_owned(), Value::Array(ads));
        }
        doc
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]

    #[test]
    fn any_answer_is_read_without_panicking(doc in answer()) {
        let (_, records) = records(&doc);
        for (i, (draft, findings)) in records.iter().enumerate() {
            match findings.at {
                Some(at) => prop_assert_eq!(at, At::Record(i)),
                None => prop_assert_eq!(records.len(), 1),
            }
            let problems = findings.errors.iter().chain(&findings.warnings);
            prop_assert!(problems.into_iter().all(|p| !p.path.is_empty()));
            prop_assert!(draft.external_id.is_none() || draft.url.is_some());
            prop_assert!(draft.salary.as_ref().is_none_or(|s| 0 < s.min && s.min <= s.max));
        }
    }
}
