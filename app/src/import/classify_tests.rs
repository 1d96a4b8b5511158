use super::*;
use proptest::prelude::*;

/// The professions of the reference data, in its order.
fn known() -> Vec<ProfessionRef> {
    let surql = include_str!("../../../schema/0002_reference_data.surql");
    let row =
        regex::Regex::new(r"slug: '([^']+)', name: '([^']+)',\s+synonyms: \[([^\]]*)\], kldb: '([^']+)'").unwrap();
    let list = |s: &str| s.split(',').map(|s| s.trim().trim_matches('\'').to_string()).collect();
    let found: Vec<_> = row
        .captures_iter(surql)
        .map(|c| ProfessionRef { slug: c[1].into(), name: c[2].into(), synonyms: list(&c[3]), kldb: Some(c[4].into()) })
        .collect();
    assert_eq!(found.len(), 7);
    found
}

fn strings(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

#[test]
fn words_are_folded_and_split_alike() {
    assert_eq!(
        words("Social-Media_Manager/in für Bühne").to_vec(),
        strings(&["social", "media", "manager", "in", "fuer", "buehne"])
    );
    assert_eq!(words("auf 556 €-Basis").to_vec(), strings(&["auf", "556", "euro", "basis"]));
    let titles = ["Mediengestalterin (w/m/d)", "Mediengestalter/-in", "Mediengestalter:in (gn)", "Mediengestalter*in"];
    for title in titles.into_iter().chain(["MediengestalterIn", "Mediengestalter/in (m/w/d)"]) {
        assert_eq!(title_words(title).to_vec(), strings(&["mediengestalter"]), "{title}");
    }
    // Only job nouns lose an "in".
    assert_eq!(title_words("Berlin Termin").to_vec(), strings(&["berlin", "termin"]));
}

#[test]
fn professions_are_found_by_title() {
    let cases = [
        ("Mediengestalter (m/w/d) Digital und Print", Some("mediengestalter")),
        ("Mediengestalterin Digital & Print", Some("mediengestalter")),
        ("Grafiker/in / Mediengestalter/in (m/w/d)", Some("mediengestalter")),
        ("Fachkraft für Veranstaltungstechnik (m/w/d)", Some("veranstaltungstechniker")),
        ("Fachkraft Veranstaltungstechnik", Some("veranstaltungstechniker")),
        ("Social Media Manager:in", Some("social-media-manager")),
        ("Senior Social-Media-Managerin (w/m/d)", Some("social-media-manager")),
        ("Socialmedia-Manager (gn)", Some("social-media-manager")),
        ("Community Manager*in Gaming", Some("social-media-manager")),
        ("Cutter/in", Some("videoeditor")),
        ("Videograf:in (m/w/d)", Some("videoeditor")),
        ("Eventtechniker (m/w/d)", Some("veranstaltungstechniker")),
        ("Redakteur (m/w/d) Online", Some("online-redakteur")),
        ("Online-Redakteur*innen gesucht", Some("online-redakteur")),
        ("Fotografin für Produkt- und Eventfotografie", Some("fotograf")),
        ("Medienassistenz Veranstaltungen und Technik (m/w/d)", Some("medienassistent")),
        ("Fotograf/in und Videoeditor/in", Some("fotograf")),
        ("Bürokaufmann (m/w/d)", None),
        ("Kaufmann/-frau für Marketingkommunikation", None),
        ("Assistenz der Geschäftsführung", None),
        ("Fotografie-Assistenz (m/w/d)", None),
        ("Content Creator (m/w/d)", None),
        ("", None),
    ];
    for (title, expected) in cases {
        assert_eq!(profession(title, &[], None, &known()).as_deref(), expected, "{title}");
    }
}

#[test]
fn a_kldb_code_decides_and_the_title_chooses_within_a_shared_group() {
    let by = |title: &str, kldb: &str| profession(title, &[], Some(kldb), &known());
    assert_eq!(by("Redakteur Sport (m/w/d)", "92413").as_deref(), Some("online-redakteur"));
    assert_eq!(by("Mediengestalter (m/w/d)", "B 23212-101").as_deref(), Some("mediengestalter"));
    assert_eq!(by("Medienassistentin", "23212").as_deref(), Some("medienassistent"));
    assert_eq!(by("Grafikdesign (m/w/d)", "23212").as_deref(), Some("medienassistent"));
    assert_eq!(by("Cutter (m/w/d)", "94542").as_deref(), Some("videoeditor"));
    assert_eq!(by("Bühnentechniker (m/w/d)", "94512").as_deref(), Some("veranstaltungstechniker"));
    // A code of no known profession leaves the title to decide.
    assert_eq!(by("Bürokaufmann (m/w/d)", "71402"), None);
    assert_eq!(by("Mediengestalter (m/w/d)", "71402").as_deref(), Some("mediengestalter"));
    assert_eq!(by("Mediengestalter (m/w/d)", "kein Code").as_deref(), Some("mediengestalter"));
    // The source's occupation names come before the title.
    let occupations = strings(&["Fotograf/in"]);
    assert_eq!(profession("Mitarbeiter Bild (m/w/d)", &occupations, None, &known()).as_deref(), Some("fotograf"));
    assert_eq!(profession("Mediengestalter", &[], None, &[]), None);
}

#[test]
fn skills_come_from_the_vocabulary_once_each_in_its_order() {
    let cases = [
        ("InDesign, Illustrator, Photoshop, Adobe Photoshop", "Adobe Photoshop, Adobe InDesign, Adobe Illustrator"),
        ("Schnitt in Premiere Pro, Social-Media-Reels", "Social Media, Kurze Videoformate, Adobe Premiere Pro"),
        ("DaVinci Resolve, Live-Streams und Livestreaming", "Streaming, DaVinci Resolve"),
        ("SEO-Texte, KI-gestützte Tools, TYPO3, BITV", "KI-gestützte Produktion, Webtools/CMS, SEO, Barrierefreiheit"),
        ("Veranstaltungstechnik: Licht- und Tontechnik, Rigging", "Eventtechnik, Tontechnik, Lichttechnik, Rigging"),
        // Words inside other words, and common words, are no skills.
        ("Im Schnitt drei Premieren je Spielzeit, Canvas-Druck, Seniorenheim, Seoul, Lightroomer", ""),
    ];
    for (text, expected) in cases {
        assert_eq!(skills("Hausmeister (m/w/d)", text).join(", "), expected, "{text}");
    }
    assert_eq!(skills("Social Media Manager", "Social Media, Social-Media-Kanäle"), strings(&["Social Media"]));
}

#[test]
fn every_skill_finds_itself_and_names_are_unique() {
    for (name, also) in SKILLS {
        assert_eq!(skills(name, ""), vec![name.to_string()], "{name}");
        for spelling in *also {
            assert!(skills("", spelling).contains(&name.to_string()), "{spelling}");
        }
    }
    let mut names: Vec<_> = SKILLS.iter().map(|(n, _)| words(n).concat()).collect();
    names.sort();
    names.dedup();
    assert_eq!(names.len(), SKILLS.len());
}

#[test]
fn experience_comes_from_the_title_first() {
    use Experience::*;
    let cases = [
        ("Junior Mediengestalter (m/w/d)", Entry),
        ("Trainee Online-Marketing", Entry),
        ("Berufseinsteigerin Online-Redaktion", Entry),
        ("Ausbildung zum Mediengestalter Digital und Print 2026", Entry),
        ("Werkstudent:in Social Media", Entry),
        ("Praktikum Videoproduktion", Entry),
        ("Senior Online-Redakteur:in", Senior),
        ("Teamleiterin Social Media (w/m/d)", Senior),
        ("Head of Content", Senior),
        ("Leitung Veranstaltungstechnik", Senior),
        ("Erfahrene/r Mediengestalter/in", Experienced),
        ("Assistenz der Leitung (m/w/d)", Unspecified),
        ("Assistent der Teamleitung", Unspecified),
        ("Mediengestalter im Seniorenheim Sonnenhof", Unspecified),
        ("Mediengestalter mit abgeschlossener Ausbildung", Unspecified),
        ("Junior oder Senior Designer", Unspecified),
    ];
    for (title, expected) in cases {
        assert_eq!(experience(title, ""), expected, "{title}");
    }
    assert_eq!(experience("Junior Mediengestalter", "mind. 5 Jahre Berufserfahrung"), Entry);
    assert_eq!(experience("Junior oder Senior Designer", "mind. 3 Jahre Berufserfahrung"), Experienced);
}

#[test]
fn experience_from_the_text_counts_years_and_phrases() {
    use Experience::*;
    let cases = [
        ("Sie haben mind. 3 Jahre Berufserfahrung.", Experienced),
        ("Sie bringen mindestens fünf Jahre Berufserfahrung mit.", Senior),
        ("Berufserfahrung von mindestens 7 Jahren im Agenturumfeld", Senior),
        ("Sie verfügen über eine 5-jährige Berufserfahrung.", Senior),
        ("2-3 Jahre Erfahrung im Videoschnitt", Experienced),
        ("zwei bis drei Jahre Praxiserfahrung", Experienced),
        ("ein Jahr Berufserfahrung", Entry),
        ("Sie haben idealerweise 1-2 Jahre Berufserfahrung.", Entry),
        ("Berufserfahrung: 3 Jahre", Experienced),
        ("Erste Berufserfahrung ist wünschenswert.", Entry),
        ("Auch Berufsanfänger und Absolventen sind willkommen.", Entry),
        ("Sie haben mehrjährige Berufserfahrung in der Redaktion.", Experienced),
        ("Wir wünschen uns mehrjährige Berufserfahrung.", Experienced),
        ("Sie bringen langjährige Erfahrung und Führungserfahrung mit.", Senior),
        // What the employer says of itself, and what is no requirement:
        ("Unser Team bringt 10 Jahre Erfahrung mit.", Unspecified),
        ("Seit 10 Jahren Erfahrung in der Eventbranche.", Unspecified),
        ("Wir haben langjährige Erfahrung im Eventbereich.", Unspecified),
        ("Wir sind seit 30 Jahren am Markt und haben 30 Tage Urlaub.", Unspecified),
        ("Sie haben eine abgeschlossene Ausbildung als Mediengestalter.", Unspecified),
        ("Senioren-Residenz am Park, 3 Jahre Garantie", Unspecified),
        // Conflicting evidence:
        ("Erste Berufserfahrung oder 5 Jahre Berufserfahrung", Unspecified),
        ("", Unspecified),
    ];
    for (text, expected) in cases {
        assert_eq!(experience("Mediengestalter (m/w/d)", text), expected, "{text}");
    }
}

#[test]
fn employer_types_come_from_the_name() {
    use EmployerType::*;
    let cases = [
        ("Pixelzeche Werbeagentur GmbH", Agency),
        ("Kohlenpott Kreativ Agentur UG", Agency),
        ("Agentur für Arbeit Bochum", Public),
        ("Stadt Bochum", Public),
        ("Ennepe-Ruhr-Kreis", Public),
        ("Ruhr-Universität Bochum", Public),
        ("Landesamt für Natur, Umwelt und Verbraucherschutz NRW", Public),
        ("Volkshochschule Nordviertel", Public),
        ("Städtische Bühnen Münster", Public),
        ("Revierbote Medien GmbH", MediaHouse),
        ("Westdeutscher Rundfunk Köln", MediaHouse),
        ("FUNKE Mediengruppe GmbH & Co. KGaA", MediaHouse),
        ("Kanal Pott TV GmbH", MediaHouse),
        ("Hallenwerk Events GmbH", Event),
        ("Bühne & Ton Showservice GbR", Event),
        ("Schauspielhaus Bochum", Event),
        ("Evonik Industries AG", Corporate),
        ("Montanwerk SE", Corporate),
        ("thyssenkrupp Steel Europe", Corporate),
        ("Druckhaus Emschertal e. K.", Sme),
        ("Fotostudio Hellweg GmbH", Unspecified),
        ("Schilder & Print Ruhrbogen KG", Unspecified),
        ("TV Bochum 1848 e.V.", Unspecified),
        ("Hotel Stadt Hamburg GmbH", Unspecified),
        ("Messer Industriegase GmbH", Unspecified),
        ("", Unspecified),
    ];
    for (name, expected) in cases {
        assert_eq!(employer_type(name, ""), expected, "{name}");
    }
    // A staffing firm's name decides before what its text says of its client.
    assert_eq!(employer_type("Zeitarbeit Ruhr GmbH", "Wir sind eine Agentur"), Unspecified);
    assert_eq!(employer_type("Revierbote Medien GmbH", "Bezahlung nach TVöD"), MediaHouse);
}

#[test]
fn employer_types_come_from_the_text_when_the_name_says_nothing() {
    use EmployerType::*;
    let cases = [
        ("Die Vergütung erfolgt nach TVöD.", Public),
        ("Eingruppierung nach TV-L E 9", Public),
        ("Wir sind eine inhabergeführte Kreativagentur in Bochum.", Agency),
        ("Unser Medienhaus in Essen berichtet aus dem Revier.", MediaHouse),
        ("Wir sind ein öffentlich-rechtliches Medienhaus.", MediaHouse),
        ("Wir sind ein Veranstaltungsdienstleister aus Herne.", Event),
        ("Als Teil eines internationalen Konzerns bieten wir", Corporate),
        ("Wir sind ein mittelständischer Dienstleister mit kleinem Team.", Sme),
        ("Sie arbeiten als Redakteur bei einem Verlag.", Unspecified),
        ("Erfahrung in einer Agentur ist von Vorteil.", Unspecified),
        ("Für unsere Kunden, namhafte Konzerne, entwickeln wir Kampagnen.", Unspecified),
        ("Wir sind eine Agentur für Kunden aus dem öffentlichen Dienst.", Unspecified),
        ("", Unspecified),
    ];
    for (text, expected) in cases {
        assert_eq!(employer_type("Meyer GmbH", text), expected, "{text}");
    }
}

#[test]
fn working_times_come_from_types_flag_title_and_text() {
    use WorkingTime::*;
    let run = |types: &[&str], mini: bool, title: &str, text: &str| working_time(&strings(types), mini, title, text);
    assert_eq!(run(&["FULL_TIME"], false, "", ""), (vec![FullTime], vec![]));
    assert_eq!(run(&["part-time", "Full Time", "vollzeit"], false, "", ""), (vec![FullTime, PartTime], vec![]));
    let types =
        ["FULL_TIME", "INTERN", "TEMPORARY", "OTHER", "VOLUNTEER", "PER_DIEM", "VOLUNTEER", " ", "HEIM_TELEARBEIT"];
    assert_eq!(run(&types, false, "", ""), (vec![FullTime], strings(&["PER_DIEM", "VOLUNTEER"])));
    let cases: [(bool, &str, &str, &[WorkingTime]); 10] = [
        (true, "", "", &[MiniJob]),
        (false, "Aushilfe auf 556-Euro-Basis", "", &[MiniJob]),
        (false, "Minijob Social Media", "", &[MiniJob]),
        (false, "", "Sie sind geringfügig beschäftigt.", &[MiniJob]),
        (false, "", "Geringfügige Reisetätigkeit", &[]),
        (false, "", "Die Stelle ist in Voll- oder Teilzeit zu besetzen.", &[FullTime, PartTime]),
        (false, "", "Teilzeit ist leider nicht möglich. Vollzeit (40 Std.)", &[FullTime]),
        (false, "", "kein Minijob, keine Teilzeit", &[]),
        (false, "Redakteur (Teilzeit, 20 Std.)", "", &[PartTime]),
        (false, "", "", &[]),
    ];
    for (mini, title, text, expected) in cases {
        assert_eq!(run(&[], mini, title, text).0, expected, "{title} {text}");
    }
}

#[test]
fn offers_come_from_types_flag_and_title() {
    use Offer::*;
    let run = |types: &[&str], flag: bool, title: &str, text: &str| offer(&strings(types), flag, title, text);
    assert_eq!(run(&["INTERN"], false, "Mediengestalter", ""), Internship);
    assert_eq!(run(&["CONTRACTOR"], false, "Mediengestalter", ""), Freelance);
    assert_eq!(run(&["FULL_TIME"], false, "Junior Mediengestalter", ""), Employment);
    assert_eq!(run(&["INTERN"], true, "Mediengestalter", ""), Apprenticeship);
    let cases = [
        ("Ausbildung zum Mediengestalter Digital und Print (m/w/d)", "", Apprenticeship),
        ("Auszubildende/r Fotograf/in", "", Apprenticeship),
        ("Mediengestalter (m/w/d) – Ausbildung 2026", "", Apprenticeship),
        ("Duale Ausbildung Fachkraft für Veranstaltungstechnik", "", Apprenticeship),
        ("Mediengestalter mit abgeschlossener Ausbildung (m/w/d)", "", Employment),
        ("Mediengestalter nach erfolgreicher Ausbildung", "", Employment),
        ("Mediengestalter (m/w/d)", "Sie haben eine abgeschlossene Ausbildung als Mediengestalter.", Employment),
        ("Mediengestalter (m/w/d)", "Ausbildung zum Mediengestalter oder vergleichbar", Employment),
        ("Werkstudent (m/w/d) Social Media", "", WorkingStudent),
        ("Social Media Support", "Wir suchen dich als Werkstudentin.", WorkingStudent),
        ("Online-Redakteur", "Sie betreuen unsere Praktikanten und Werkstudenten.", Employment),
        ("Praktikum Videoproduktion", "", Internship),
        ("Freelancer Motion Design", "", Freelance),
        ("Fotograf (m/w/d)", "Mitarbeit auf Honorarbasis", Freelance),
        ("Fotograf (m/w/d)", "Enge Zusammenarbeit mit Freelancern", Employment),
    ];
    for (title, text, expected) in cases {
        assert_eq!(run(&[], false, title, text), expected, "{title} {text}");
    }
}

#[test]
fn contracts_come_from_types_flag_and_text() {
    use Contract::*;
    assert_eq!(contract(&strings(&["TEMPORARY"]), None, "unbefristet"), FixedTerm);
    assert_eq!(contract(&[], Some(true), ""), FixedTerm);
    assert_eq!(contract(&[], Some(false), "befristet"), Permanent);
    let cases = [
        ("Wir bieten eine unbefristete Festanstellung.", Permanent),
        ("Die Stelle ist befristet für 2 Jahre.", FixedTerm),
        ("Elternzeitvertretung für 12 Monate", FixedTerm),
        ("zunächst befristet auf ein Jahr, Übernahme in ein unbefristetes Arbeitsverhältnis geplant", FixedTerm),
        ("Anstellung ohne Befristung", Permanent),
        ("Die Stelle ist nicht befristet.", Permanent),
        ("Befristete und unbefristete Stellen", Unspecified),
        ("Festanstellung in Vollzeit", Unspecified),
        ("", Unspecified),
    ];
    for (text, expected) in cases {
        assert_eq!(contract(&[], None, text), expected, "{text}");
    }
}

#[test]
fn remote_work_comes_from_flags_title_and_text() {
    use Remote::{Hybrid, OnSite};
    assert_eq!(remote(true, false, "", ""), Remote::Remote);
    assert_eq!(remote(true, true, "", ""), Hybrid);
    assert_eq!(remote(true, true, "", "100 % remote aus ganz Deutschland"), Remote::Remote);
    let cases = [
        ("", "Sie arbeiten 100% remote.", Remote::Remote),
        ("", "vollständig remote, Homeoffice-Ausstattung inklusive", Remote::Remote),
        ("", "2 Tage Homeoffice pro Woche", Hybrid),
        ("", "Hybrides Arbeiten in Bochum", Hybrid),
        ("", "mobiles Arbeiten nach Absprache", Hybrid),
        ("Online-Redakteur (m/w/d) – hybrid", "", Hybrid),
        ("Social Media Manager (remote)", "", Remote::Remote),
        ("", "Sie richten Livestreams und hybride Konferenzen ein.", OnSite),
        ("Hybrid Event Manager (m/w/d)", "", OnSite),
        ("Techniker Remote-Produktion (m/w/d)", "", OnSite),
        ("", "Homeoffice ist leider nicht möglich.", OnSite),
        ("", "Kein Homeoffice, dafür ein tolles Team.", OnSite),
        ("", "", OnSite),
    ];
    for (title, text, expected) in cases {
        assert_eq!(remote(false, true, title, text), expected, "{title} {text}");
    }
}

#[test]
fn rule_tables_name_real_values() {
    let slugs = |table: &'static str| rules(table).map(|(slug, _)| slug).collect::<Vec<_>>();
    for table in [NAME_KINDS, SELF_KINDS, TEXT_KINDS] {
        assert!(slugs(table).iter().all(|s| EmployerType::parse(s).is_some()), "{table}");
    }
    assert!(slugs(LEVEL_TEXT).iter().chain(&slugs(TITLE_LEVEL)).all(|s| Experience::parse(s).is_some()));
    assert!(slugs(TIME_TEXT).iter().all(|s| WorkingTime::parse(s).is_some()));
    assert!(slugs(OFFER_TITLE).iter().chain(&slugs(OFFER_TEXT)).all(|s| Offer::parse(s).is_some()));
    let other = |s: &&str| WorkingTime::parse(s).is_some() || Offer::parse(s).is_some();
    assert!(slugs(TYPES).iter().all(|s| other(s) || ["fixed_term", "none"].contains(s)));
    assert_eq!(slugs(TYPES).len(), 7);
}

/// Texts made of the words the rules look at, to reach their edges (first and last word, ranges).
const RULE_WORDS: &str = "(mind|[0-9]{1,3}|ein|bis|oder|jahren?|jaehrig|berufserfahrung|kein|nicht|moeglich|\
    befristet|unbefristet|remote|hybrid|homeoffice|ausbildung|der|leitung|wir|unser|sind|als|agentur|tv|l|e|v|\
    Ä|ß|€| |-|/|\\.){0,40}";

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn nothing_panics_on_any_text(title in any::<String>(), text in any::<String>(), flag in any::<bool>(),
                                  types in prop::collection::vec(any::<String>(), 0..4),
                                  kldb in proptest::option::of(any::<String>())) {
        let _ = (profession(&title, &types, kldb.as_deref(), &known()), skills(&title, &text));
        let _ = (experience(&title, &text), employer_type(&title, &text), offer(&types, flag, &title, &text));
        let (_, unknown) = working_time(&types, flag, &title, &text);
        prop_assert!(unknown.iter().all(|t| types.contains(t)));
        let _ = (contract(&types, Some(flag), &text), remote(flag, !flag, &title, &text));
    }

    #[test]
    fn nothing_panics_on_rule_words(title in RULE_WORDS, text in RULE_WORDS) {
        let types = vec![title.clone(), "FULL_TIME".to_string()];
        let _ = (profession(&title, std::slice::from_ref(&text), Some(&text), &known()), skills(&title, &text));
        let _ = (experience(&title, &text), employer_type(&title, &text), offer(&types, false, &title, &text));
        let _ = (working_time(&types, false, &title, &text), experience(&text, &title));
        let _ = (contract(&types, None, &text), remote(true, true, &title, &text));
    }
}
