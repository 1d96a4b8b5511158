use super::*;
use proptest::prelude::*;

fn at(postcode: &str) -> Option<Located> {
    Gazetteer::shipped().locate(Some(postcode), None, None)
}

fn named(locality: &str) -> Option<Located> {
    Gazetteer::shipped().locate(None, Some(locality), None)
}

fn named_in(locality: &str, region: &str) -> Option<Located> {
    Gazetteer::shipped().locate(None, Some(locality), Some(region))
}

fn town(found: Option<Located>) -> Option<(String, Option<&'static str>)> {
    found.map(|l| (l.town, l.state))
}

fn is(name: &str, state: &'static str) -> Option<(String, Option<&'static str>)> {
    Some((name.to_string(), Some(state)))
}

/// Distance in km from a place found to a reference point.
fn km_to(found: &Located, lat: f64, lon: f64) -> f64 {
    let x = (lon - found.lon).to_radians() * ((lat + found.lat) / 2.0).to_radians().cos();
    6371.0 * x.hypot((lat - found.lat).to_radians())
}

#[test]
fn a_postcode_alone_gives_its_town_state_and_position() {
    let bochum = at("44787").unwrap();
    assert_eq!((bochum.town.as_str(), bochum.state), ("Bochum", Some("Nordrhein-Westfalen")));
    assert_eq!(bochum.postal_code.as_deref(), Some("44787"));
    assert!(km_to(&bochum, 51.48, 7.22) < 1.0, "{bochum:?}");
    assert_eq!(at(" 44787 "), Some(bochum));
}

#[test]
fn a_postcode_of_a_part_of_a_town_gives_the_town() {
    assert_eq!(town(at("44866")), is("Bochum", "Nordrhein-Westfalen"));
    assert_eq!(town(at("20095")), is("Hamburg", "Hamburg"));
}

#[test]
fn a_postcode_with_the_name_of_one_of_its_places_gives_that_place() {
    let found = Gazetteer::shipped().locate(Some("01067"), Some("Dresden-Friedrichstadt"), None).unwrap();
    assert_eq!((found.town.as_str(), found.lat, found.lon), ("Dresden", 51.0587, 13.7172));
    let part = Gazetteer::shipped().locate(Some("44866"), Some("Bochum-Wattenscheid"), None).unwrap();
    assert_eq!((part.town.as_str(), part.postal_code.as_deref()), ("Bochum", Some("44866")));
}

#[test]
fn the_postcode_wins_over_a_town_it_does_not_have() {
    let found = Gazetteer::shipped().locate(Some("44787"), Some("Dortmund"), Some("NRW")).unwrap();
    assert_eq!(found, at("44787").unwrap());
}

#[test]
fn an_unknown_or_malformed_postcode_leaves_the_town_to_decide() {
    for code in ["99999", "4478", "447877", "D-44787", "", "abcde"] {
        let found = Gazetteer::shipped().locate(Some(code), Some("Bochum"), None).unwrap();
        assert_eq!((found.town.as_str(), found.postal_code), ("Bochum", None), "{code}");
        assert_eq!(at(code), None, "{code}");
    }
}

#[test]
fn a_town_alone_gives_its_mean_position() {
    let bochum = named("Bochum").unwrap();
    assert_eq!(
        (bochum.town.as_str(), bochum.state, bochum.postal_code.as_deref()),
        ("Bochum", Some("Nordrhein-Westfalen"), None)
    );
    assert!(km_to(&bochum, 51.48, 7.22) < 2.0, "{bochum:?}");
    assert_eq!(named("  bochum "), Some(bochum));
}

#[test]
fn big_cities_resolve_to_their_centre() {
    for (name, lat, lon) in
        [("Berlin", 52.52, 13.40), ("Hamburg", 53.55, 10.0), ("München", 48.137, 11.575), ("Köln", 50.938, 6.96)]
    {
        let found = named(name).unwrap();
        assert_eq!(found.town, name);
        assert!(km_to(&found, lat, lon) < 10.0, "{found:?}");
    }
    assert_eq!(named("Hamburg").unwrap().state, Some("Hamburg"));
}

#[test]
fn a_part_of_a_town_written_with_the_town_gives_the_town() {
    assert_eq!(town(named("Bochum-Wattenscheid")), is("Bochum", "Nordrhein-Westfalen"));
    assert_eq!(town(named("Essen-Kettwig")), is("Essen", "Nordrhein-Westfalen"));
    assert_eq!(town(named("Hamburg-Altona")), is("Hamburg", "Hamburg"));
    assert_eq!(town(named("Hamburg Bergedorf")), is("Hamburg", "Hamburg"));
    assert_eq!(town(named("Berlin Kreuzberg")), is("Berlin", "Berlin"));
}

#[test]
fn essen_is_the_city_and_essen_oldenburg_another_place() {
    assert_eq!(town(named("Essen")), is("Essen", "Nordrhein-Westfalen"));
    assert_eq!(town(named("Essen (Ruhr)")), is("Essen", "Nordrhein-Westfalen"));
    assert_eq!(town(named("Essen (Oldenburg)")), is("Essen (Oldenburg)", "Niedersachsen"));
    assert_eq!(town(named("Essen/Oldb.")), is("Essen (Oldenburg)", "Niedersachsen"));
    assert_eq!(town(named_in("Essen", "Niedersachsen")), is("Essen (Oldenburg)", "Niedersachsen"));
}

#[test]
fn a_name_of_several_places_needs_a_state() {
    assert_eq!(named("Neustadt"), None);
    assert_eq!(town(named_in("Neustadt", "Hessen")), is("Neustadt (Hessen)", "Hessen"));
    assert_eq!(named_in("Neustadt", "Rheinland-Pfalz"), None);
    assert_eq!(town(named("Halle (Westf.)")), is("Halle", "Nordrhein-Westfalen"));
    assert_eq!(town(named("Halle/Westfalen")), is("Halle", "Nordrhein-Westfalen"));
    assert_eq!(named("Halle (Saale)"), None, "the river names none of the four places called Halle");
    assert_eq!(town(named_in("Halle (Saale)", "ST")), is("Halle", "Sachsen-Anhalt"));
    assert_eq!(named_in("Halle", "Niedersachsen"), None);
    assert_eq!(named("Burg"), None);
}

#[test]
fn a_city_wins_its_name_over_villages() {
    assert_eq!(town(named("Halle")), is("Halle", "Sachsen-Anhalt"));
    assert_eq!(town(named("Münster")), is("Münster", "Nordrhein-Westfalen"));
    assert_eq!(town(named("Oberhausen")), is("Oberhausen", "Nordrhein-Westfalen"));
    assert_eq!(town(named("Mülheim")), is("Mülheim an der Ruhr", "Nordrhein-Westfalen"));
    assert_eq!(town(named("Freiburg")), is("Freiburg im Breisgau", "Baden-Württemberg"));
}

#[test]
fn frankfurt_is_told_by_its_river() {
    let main = is("Frankfurt am Main", "Hessen");
    for name in [
        "Frankfurt am Main",
        "Frankfurt/Main",
        "Frankfurt a.M.",
        "Frankfurt (Main)",
        "Frankfurt/M.",
        "frankfurt-am-main",
    ] {
        assert_eq!(town(named(name)), main, "{name}");
    }
    for name in ["Frankfurt (Oder)", "Frankfurt/Oder", "Frankfurt an der Oder"] {
        assert_eq!(town(named(name)), is("Frankfurt (Oder)", "Brandenburg"), "{name}");
    }
    assert_eq!(named("Frankfurt"), None);
    assert_eq!(town(named_in("Frankfurt", "HE")), main);
}

#[test]
fn spellings_of_one_name_are_the_same_place() {
    let ruhr = named("Mülheim an der Ruhr").unwrap();
    assert_eq!(ruhr.town, "Mülheim an der Ruhr");
    for name in [
        "Muelheim an der Ruhr",
        "MÜLHEIM AN DER RUHR",
        "Mülheim a.d. Ruhr",
        "Mülheim/Ruhr",
        "Mu\u{308}lheim an der Ruhr",
    ] {
        assert_eq!(named(name).as_ref(), Some(&ruhr), "{name}");
    }
    assert_eq!(named("St. Augustin"), named("Sankt Augustin"));
    assert_eq!(town(named("Mühldorf a. Inn")), is("Mühldorf am Inn", "Bayern"));
    assert_eq!(town(named("Freiburg i. Br.")), is("Freiburg im Breisgau", "Baden-Württemberg"));
    assert_eq!(town(named("Bochum, Stadt")), is("Bochum", "Nordrhein-Westfalen"));
}

#[test]
fn a_town_with_one_postcode_gives_it() {
    let found = named("Altenberg").unwrap();
    assert_eq!((found.state, found.postal_code.as_deref()), (Some("Sachsen"), Some("01773")));
}

#[test]
fn municipalities_geonames_lacks_come_from_openstreetmap() {
    assert_eq!(town(named("Blankenfelde-Mahlow")), is("Blankenfelde-Mahlow", "Brandenburg"));
    assert_eq!(town(named("Südheide")), is("Südheide", "Niedersachsen"));
    assert_eq!(named("Grub"), None, "Grub (Thüringen) or Grub am Forst (Bayern)");
    assert_eq!(town(named_in("Grub", "Thüringen")), is("Grub", "Thüringen"));
    assert_eq!(town(named("Petershagen/Eggersdorf")), is("Petershagen-Eggersdorf", "Brandenburg"));
}

#[test]
fn jungholz_has_no_state() {
    let found = at("87491").unwrap();
    assert_eq!((found.town.as_str(), found.state), ("Jungholz", None));
    assert_eq!(named_in("Jungholz", "Bayern"), None);
}

#[test]
fn unknown_places_are_none() {
    assert_eq!(named("Atlantis"), None);
    assert_eq!(named(""), None);
    assert_eq!(named(" - "), None);
    assert_eq!(Gazetteer::shipped().locate(None, None, Some("NRW")), None);
    assert_eq!(named_in("Bochum", "Bayern"), None);
}

#[test]
fn regions_are_read_as_ads_write_them() {
    for (region, code) in [
        ("NRW", "NW"),
        ("nw", "NW"),
        ("DE-NW", "NW"),
        ("Nordrhein-Westfalen", "NW"),
        ("Bayern", "BY"),
        ("Freistaat Bayern", "BY"),
        ("ST", "ST"),
        ("Baden-Wuerttemberg", "BW"),
        ("Thüringen", "TH"),
    ] {
        assert_eq!(state_of(region).map(|s| STATES[s as usize].0), Some(code), "{region}");
    }
    assert_eq!(state_of("Ruhrgebiet"), None);
    assert_eq!(town(named_in("Bochum", "Ruhrgebiet")), is("Bochum", "Nordrhein-Westfalen"));
}

#[test]
fn small_inputs_parse_and_malformed_lines_are_skipped() {
    let header = "place\tparent\tstate\tdistrict_key\tdistrict\tlat\tlon\tpostcodes\n";
    let towns = format!(
        "{header}Aach\t\tRP\t07235\tTrier\t49.78\t6.6\t54298\nbroken line\nAach\t\tBW\t08335\tKonstanz\tx\t8.85\t78267\n"
    );
    let postcodes = "postcode\tplace\tstate\tdistrict_key\tdistrict\tlat\tlon\taccuracy\n54298\tAach\tRP\t07235\tTrier\t49.7\t6.5\t4\n";
    let osm = format!("{header}Neuort\t\tSH\t01058\tKreis\t54.4\t9.7\t24358 24359\n");
    let g = Gazetteer::parse(postcodes, &towns, &osm);
    let aach = g.locate(None, Some("aach"), None).unwrap();
    assert_eq!((aach.town.as_str(), aach.postal_code.as_deref(), aach.lat), ("Aach", Some("54298"), 49.78));
    assert_eq!(g.locate(Some("54298"), None, None).map(|l| l.lat), Some(49.7));
    assert_eq!(
        g.locate(None, Some("Neuort"), None).map(|l| (l.state, l.postal_code)),
        Some((Some("Schleswig-Holstein"), None))
    );
    assert!(Gazetteer::parse("", "", "").locate(Some("54298"), Some("Aach"), Some("RP")).is_none());
}

#[test]
fn the_shipped_data_is_all_read() {
    let g = Gazetteer::shipped();
    assert_eq!(g.towns.len(), 14_517 + 203);
    assert_eq!(g.by_postcode.len(), 8_308);
    assert_eq!(g.by_postcode.values().map(Vec::len).sum::<usize>(), 16_477);
}

proptest! {
    #[test]
    fn locate_never_panics(
        postcode in proptest::option::of(any::<String>()),
        locality in proptest::option::of(any::<String>()),
        region in proptest::option::of(any::<String>()),
    ) {
        let g = Gazetteer::shipped();
        let _ = g.locate(postcode.as_deref(), locality.as_deref(), region.as_deref());
    }

    #[test]
    fn locate_never_panics_on_name_like_input(
        postcode in "[0-9]{4,6}",
        locality in "[A-Za-zäöüÄÖÜß .()/,-]{0,40}",
        region in "[A-Za-z -]{0,12}",
    ) {
        let g = Gazetteer::shipped();
        let _ = g.locate(Some(&postcode), Some(&locality), Some(&region));
        let _ = g.locate(None, Some(&locality), None);
    }
}

#[test]
fn huge_inputs_are_no_place() {
    let huge = "Bochum ".repeat(100_000);
    assert_eq!(named(&huge), None);
    assert_eq!(Gazetteer::shipped().locate(Some(&huge), Some(&huge), Some(&huge)), None);
}

#[test]
fn the_nearest_place_to_coordinates_names_its_municipality_within_germany_only() {
    let g = Gazetteer::shipped();
    let bochum = g.nearest(51.4818, 7.2162).expect("Bochum centre");
    assert_eq!((bochum.town.as_str(), bochum.state), ("Bochum", Some("Nordrhein-Westfalen")));
    let code = bochum.postal_code.clone().expect("the nearest place's postcode");
    assert_eq!(town(at(&code)), is("Bochum", "Nordrhein-Westfalen"), "{code}");
    assert_eq!((bochum.lat, bochum.lon), (51.4818, 7.2162), "the ad's position is kept");
    assert_eq!(town(g.nearest(48.1372, 11.5756)), is("München", "Bayern"));
    assert_eq!(g.nearest(48.8566, 2.3522), None, "Paris");
    assert_eq!(g.nearest(54.8, 4.0), None, "the North Sea");
}
