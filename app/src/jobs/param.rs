//! The filter vocabulary: every query parameter of the job search and the salary explorer, declared
//! once with its German label, the values it allows and how its values combine. The parser and the
//! printed URL (`filter.rs`), the chips, the facets, the salary explorer, the OpenAPI document and
//! every 400 message read it here.
use super::terms::{Contract, EmployerType, Experience, Offer, Remote, Sort, WorkingTime};
use crate::ui::format::format_eur;

crate::slug_enum!(
    /// A query parameter, in the order printed URLs list them.
    Param {
        Q = "q" / "Suchbegriff",
        Place = "place" / "Ort",
        RadiusKm = "radius_km" / "Umkreis",
        Profession = "profession" / "Beruf",
        WorkingTime = "working_time" / "Arbeitszeit",
        Offer = "offer" / "Anstellungsart",
        Remote = "remote" / "Arbeitsort",
        Contract = "contract" / "Vertrag",
        Experience = "experience" / "Erfahrung",
        EmployerType = "employer_type" / "Arbeitgeber",
        Skill = "skill" / "Kenntnisse",
        SalaryMin = "salary_min" / "Mindestgehalt",
        SalaryOnly = "salary_only" / "Gehaltsangabe",
        PostedWithinDays = "posted_within_days" / "Veröffentlicht",
        Sort = "sort" / "Sortierung",
        Page = "page" / "Seite",
        PerPage = "per_page" / "Treffer pro Seite",
    }
);

pub const PER_PAGE: u32 = 20;
pub const MAX_PER_PAGE: u32 = 100;
pub const MAX_Q_LEN: usize = 200;
/// Places, professions and skills are names or slugs; nothing longer names one.
pub const MAX_NAME_LEN: usize = 200;
/// Radii offered for a place, in km; 0 is the place itself (see [`radius_label`]).
pub const RADII: [u32; 7] = [0, 5, 10, 25, 50, 100, 200];
pub const DEFAULT_RADIUS_KM: u32 = 25;
/// "Posted within" choices, in days.
pub const POSTED_WITHIN: [u32; 5] = [1, 3, 7, 14, 30];
/// Salary thresholds offered as filter options (EUR gross per month).
pub const SALARY_STEPS: [u32; 5] = [2000, 2500, 3000, 3500, 4000];
pub const MAX_SALARY_FILTER: u32 = 20_000;

/// What values a parameter takes. An empty value always means "not set" (forms send them).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Allowed {
    /// Free text of at most this many characters (surrounding spaces do not count).
    Text(usize),
    /// A name or slug of a published list (`/api/v1/places`, `/api/v1/professions`), of at most
    /// `max` characters; one the listings do not know is ignored and reported, never an error.
    Listed { list: &'static str, max: usize },
    /// One of these slugs.
    Choice(&'static [&'static str]),
    /// One of these whole numbers.
    Numbers(&'static [u32]),
    /// A whole number in this range, written plainly (no sign, no leading zeros).
    Range(u32, u32),
    /// `true` or `false`; forms send a checked box as `on`, and `1`/`0` mean the same.
    Flag,
}

/// How the values of a repeated parameter combine.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Combine {
    /// Given once; a later value replaces an earlier one.
    One,
    /// Repeatable; a listing needs one of the values.
    AnyOf,
    /// Repeatable; a listing needs all of the values.
    AllOf,
}

/// The values a flag accepts, as (written, meaning).
pub const FLAG_VALUES: &[(&str, bool)] = &[("true", true), ("false", false), ("on", true), ("1", true), ("0", false)];

impl Param {
    /// The explorer's inputs, most specific first: the order a too small choice is broadened in.
    pub const BROADEN: [Param; 7] = [
        Param::Experience,
        Param::EmployerType,
        Param::WorkingTime,
        Param::Offer,
        Param::Skill,
        Param::Place,
        Param::Profession,
    ];

    /// Every parameter the salary explorer (`/gehalt`, `/api/v1/salaries`) uses.
    pub const EXPLORER: [Param; 8] = [
        Param::Profession,
        Param::Place,
        Param::RadiusKm,
        Param::Experience,
        Param::EmployerType,
        Param::WorkingTime,
        Param::Offer,
        Param::Skill,
    ];

    pub fn allowed(self) -> Allowed {
        match self {
            Param::Q => Allowed::Text(MAX_Q_LEN),
            Param::Place => Allowed::Listed { list: "/api/v1/places", max: MAX_NAME_LEN },
            Param::Profession => Allowed::Listed { list: "/api/v1/professions", max: MAX_NAME_LEN },
            Param::Skill => Allowed::Listed { list: "/api/v1/skills", max: MAX_NAME_LEN },
            Param::RadiusKm => Allowed::Numbers(&RADII),
            Param::WorkingTime => Allowed::Choice(WorkingTime::SLUGS),
            Param::Offer => Allowed::Choice(Offer::SLUGS),
            Param::Remote => Allowed::Choice(Remote::SLUGS),
            Param::Contract => Allowed::Choice(Contract::SLUGS),
            Param::Experience => Allowed::Choice(Experience::SLUGS),
            Param::EmployerType => Allowed::Choice(EmployerType::SLUGS),
            Param::SalaryMin => Allowed::Range(0, MAX_SALARY_FILTER),
            Param::SalaryOnly => Allowed::Flag,
            Param::PostedWithinDays => Allowed::Numbers(&POSTED_WITHIN),
            Param::Sort => Allowed::Choice(Sort::SLUGS),
            Param::Page => Allowed::Range(1, u32::MAX),
            Param::PerPage => Allowed::Range(1, MAX_PER_PAGE),
        }
    }

    pub fn combine(self) -> Combine {
        match self {
            Param::WorkingTime
            | Param::Offer
            | Param::Remote
            | Param::Contract
            | Param::Experience
            | Param::EmployerType => Combine::AnyOf,
            Param::Skill => Combine::AllOf,
            _ => Combine::One,
        }
    }

    /// Whether the parameter narrows the listings (sorting and paging only order and cut them).
    pub fn narrows(self) -> bool {
        !matches!(self, Param::Sort | Param::Page | Param::PerPage)
    }

    /// What the parameter means, for the API description.
    pub fn description(self) -> &'static str {
        match self {
            Param::Q => "Freitext über Titel, Arbeitgeber, Beschreibung und Kenntnisse (deutsche Stammformen, ä = ae).",
            Param::Place => {
                "Ort: Name oder Slug aus GET /api/v1/places, oder Koordinaten lat,lon (WGS 84). Ein unbekannter \
                 Ort wird ignoriert und unter ignored genannt."
            }
            Param::RadiusKm => {
                "Umkreis um place in km; 0 = nur der Ort selbst (um Koordinaten: 1 km). Ohne Angabe 25; ohne place \
                 bedeutungslos."
            }
            Param::Profession => {
                "Beruf: Slug aus GET /api/v1/professions. Ein unbekannter Beruf wird ignoriert und \
                 unter ignored genannt."
            }
            Param::Skill => {
                "Kenntnis: Slug oder Name aus GET /api/v1/skills; wiederholbar, eine Stelle braucht alle. \
                 Unbekannte werden ignoriert und unter ignored genannt."
            }
            Param::WorkingTime
            | Param::Offer
            | Param::Remote
            | Param::Contract
            | Param::Experience
            | Param::EmployerType => "Wiederholbar; eine Stelle braucht einen der Werte.",
            Param::SalaryMin => {
                "Euro brutto pro Monat; trifft Anzeigen, deren Höchstwert ihn erreicht. 0 = kein Mindestgehalt."
            }
            Param::SalaryOnly => {
                "true: Anzeigen ohne Gehaltsangabe ausblenden (sonst stehen sie hinten, wenn salary_min gilt)."
            }
            Param::PostedWithinDays => "Nur Anzeigen der letzten n Tage.",
            Param::Sort => "Ohne Angabe relevance mit q, sonst newest; distance gilt nur mit place.",
            Param::Page => "Seite, ab 1.",
            Param::PerPage => "Treffer pro Seite.",
        }
    }

    /// A value as an example for the API document.
    pub fn example(self) -> &'static str {
        match self {
            Param::Q => "Bildbearbeitung",
            Param::Place => "bochum",
            Param::RadiusKm => "10",
            Param::Profession => "medienassistent",
            Param::WorkingTime => "part_time",
            Param::Offer => "employment",
            Param::Remote => "hybrid",
            Param::Contract => "permanent",
            Param::Experience => "entry",
            Param::EmployerType => "agency",
            Param::Skill => "social-media",
            Param::SalaryMin => "2500",
            Param::SalaryOnly => "true",
            Param::PostedWithinDays => "7",
            Param::Sort => "salary",
            Param::Page => "2",
            Param::PerPage => "50",
        }
    }

    /// Checks one raw value (not empty) against [`Param::allowed`]; the message names the value
    /// and what is allowed.
    pub fn check(self, value: &str) -> Result<(), String> {
        let allowed_list = |values: &mut dyn Iterator<Item = String>| values.collect::<Vec<_>>().join(", ");
        match self.allowed() {
            Allowed::Text(max) | Allowed::Listed { max, .. } if value.chars().count() > max => {
                Err(format!("„{}…“ ist länger als {max} Zeichen.", value.chars().take(20).collect::<String>()))
            }
            Allowed::Text(_) | Allowed::Listed { .. } => Ok(()),
            Allowed::Choice(slugs) if slugs.contains(&value) => Ok(()),
            Allowed::Choice(slugs) => Err(format!(
                "„{value}“ ist kein gültiger Wert (erlaubt: {}).",
                allowed_list(&mut slugs.iter().map(|s| (*s).to_owned()))
            )),
            Allowed::Numbers(numbers) => match plain_number(value) {
                Some(n) if numbers.contains(&n) => Ok(()),
                _ => Err(format!(
                    "„{value}“ ist nicht erlaubt (erlaubt: {}).",
                    allowed_list(&mut numbers.iter().map(u32::to_string))
                )),
            },
            Allowed::Range(min, max) => match plain_number(value) {
                Some(n) if (min..=max).contains(&n) => Ok(()),
                _ => Err(format!("„{value}“ ist keine ganze Zahl von {min} bis {max}.")),
            },
            Allowed::Flag if flag(value).is_some() => Ok(()),
            Allowed::Flag => Err(format!(
                "„{value}“ ist kein Schalterwert (erlaubt: {}).",
                allowed_list(&mut FLAG_VALUES.iter().map(|(written, _)| (*written).to_owned()))
            )),
        }
    }

    /// A value as a chip, a facet option or a hint names it (the options of parameters with
    /// published lists are named by those lists).
    pub fn value_label(self, value: &str) -> String {
        let number = plain_number(value).unwrap_or_default();
        match self {
            Param::WorkingTime => WorkingTime::parse(value).map_or_else(|| value.to_owned(), |v| v.label().to_owned()),
            Param::Offer => Offer::parse(value).map_or_else(|| value.to_owned(), |v| v.label().to_owned()),
            Param::Remote => Remote::parse(value).map_or_else(|| value.to_owned(), |v| v.label().to_owned()),
            Param::Contract => Contract::parse(value).map_or_else(|| value.to_owned(), |v| v.label().to_owned()),
            Param::Experience => Experience::parse(value).map_or_else(|| value.to_owned(), |v| v.label().to_owned()),
            Param::EmployerType => {
                EmployerType::parse(value).map_or_else(|| value.to_owned(), |v| v.label().to_owned())
            }
            Param::Sort => Sort::parse(value).map_or_else(|| value.to_owned(), |v| v.label().to_owned()),
            Param::RadiusKm => radius_label(number),
            Param::SalaryMin => format!("ab {}", format_eur(number)),
            Param::SalaryOnly => "nur mit Gehaltsangabe".to_owned(),
            Param::PostedWithinDays if number == 1 => "seit gestern".to_owned(),
            Param::PostedWithinDays => format!("letzte {number} Tage"),
            Param::Q => format!("„{value}“"),
            _ => value.to_owned(),
        }
    }
}

/// `0` as "nur im Ort" (a radius of 0 is the place itself, not a point), else `"10 km"`.
pub fn radius_label(km: u32) -> String {
    if km == 0 { "nur im Ort".to_owned() } else { format!("{km} km") }
}

/// A whole number written plainly: digits only, no leading zeros, within `u32`.
pub fn plain_number(value: &str) -> Option<u32> {
    let plain =
        !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) && (value == "0" || !value.starts_with('0'));
    plain.then(|| value.parse().ok()).flatten()
}

/// The meaning of a flag's value (see [`FLAG_VALUES`]).
pub fn flag(value: &str) -> Option<bool> {
    FLAG_VALUES.iter().find(|(written, _)| *written == value).map(|(_, meaning)| *meaning)
}

/// A regular expression (without anchors) matching exactly the plain numbers `min..=max`, for the
/// API document's patterns: one alternative per run of equally long numbers and digit position.
pub fn range_pattern(min: u32, max: u32) -> String {
    fn same_length(lo: &[u8], hi: &[u8], out: &mut Vec<String>, prefix: &mut String) {
        match (lo.split_first(), hi.split_first()) {
            (Some((&a, lo_rest)), Some((&b, hi_rest))) if a == b => {
                prefix.push(a as char);
                same_length(lo_rest, hi_rest, out, prefix);
                prefix.pop();
            }
            (Some((&a, lo_rest)), Some((&b, hi_rest))) => {
                let rest = lo_rest.len();
                let (zeros, nines) = (vec![b'0'; rest], vec![b'9'; rest]);
                // a·lo_rest ..= a·9…9, then whole blocks of leading digits, then b·0…0 ..= b·hi_rest;
                // a partial first or last block gets its own alternatives.
                let (lo_whole, hi_whole) = (lo_rest == zeros.as_slice(), hi_rest == nines.as_slice());
                let (first, last) = (if lo_whole { a } else { a + 1 }, if hi_whole { b } else { b - 1 });
                if !lo_whole {
                    prefix.push(a as char);
                    same_length(lo_rest, &nines, out, prefix);
                    prefix.pop();
                }
                if first <= last {
                    let digit = if first == last {
                        (first as char).to_string()
                    } else {
                        format!("[{}-{}]", first as char, last as char)
                    };
                    let tail = if rest == 0 { String::new() } else { format!("[0-9]{{{rest}}}") };
                    out.push(format!("{prefix}{digit}{tail}"));
                }
                if !hi_whole {
                    prefix.push(b as char);
                    same_length(&zeros, hi_rest, out, prefix);
                    prefix.pop();
                }
            }
            _ => out.push(prefix.clone()),
        }
    }
    let mut out = Vec::new();
    let (mut lo, max) = (u64::from(min), u64::from(max));
    while lo <= max {
        let digits = lo.to_string().len() as u32;
        let hi = (10u64.pow(digits) - 1).min(max);
        same_length(lo.to_string().as_bytes(), hi.to_string().as_bytes(), &mut out, &mut String::new());
        lo = hi + 1;
    }
    out.join("|")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_the_url_words_and_every_label_is_german() {
        assert_eq!(Param::RadiusKm.as_str(), "radius_km");
        assert_eq!(Param::parse("posted_within_days"), Some(Param::PostedWithinDays));
        assert_eq!(serde_json::to_string(&Param::EmployerType).unwrap(), "\"employer_type\"");
        assert!(Param::ALL.iter().all(|p| !p.label().is_empty() && !p.description().is_empty()));
        assert!(Param::ALL.iter().all(|p| p.check(p.example()).is_ok()), "every example is allowed");
    }

    #[test]
    fn checks_name_the_value_and_what_is_allowed() {
        assert!(Param::RadiusKm.check("10").is_ok());
        let message = Param::RadiusKm.check("7").unwrap_err();
        assert!(message.contains("„7“") && message.contains("0, 5, 10, 25, 50, 100, 200"), "{message}");
        assert!(Param::Offer.check("x").unwrap_err().contains("employment, apprenticeship"));
        assert!(Param::SalaryMin.check("20000").is_ok());
        for bad in ["20001", "-1", "+5", "05", "1e3", " 5", "viel"] {
            assert!(Param::SalaryMin.check(bad).is_err(), "{bad}");
        }
        assert!(Param::Page.check("0").is_err() && Param::Page.check("4294967295").is_ok());
        assert!(Param::SalaryOnly.check("on").is_ok() && Param::SalaryOnly.check("ja").is_err());
        assert!(Param::Q.check(&"x".repeat(200)).is_ok() && Param::Q.check(&"x".repeat(201)).is_err());
    }

    #[test]
    fn value_labels() {
        assert_eq!(Param::Offer.value_label("internship"), "Praktikum");
        assert_eq!(Param::RadiusKm.value_label("0"), "nur im Ort");
        assert_eq!(Param::SalaryMin.value_label("2500"), "ab 2.500 €");
        assert_eq!(Param::PostedWithinDays.value_label("1"), "seit gestern");
        assert_eq!(Param::PostedWithinDays.value_label("7"), "letzte 7 Tage");
    }

    #[test]
    fn range_patterns_match_exactly_the_range() {
        for (min, max) in [(0, 20_000), (1, 100), (1, 9), (0, 0), (5, 5), (37, 1234), (1, 10_000)] {
            let re = regex::Regex::new(&format!("^(?:{})$", range_pattern(min, max))).unwrap();
            for n in 0..=25_000u32 {
                assert_eq!(re.is_match(&n.to_string()), (min..=max).contains(&n), "{n} in {min}..={max}: {re}");
            }
            for odd in ["", "00", "007", "+1", "-1", "1.0"] {
                assert!(!re.is_match(odd), "{odd:?} matched {re}");
            }
        }
        let all = regex::Regex::new(&format!("^(?:{})$", range_pattern(1, u32::MAX))).unwrap();
        assert!(all.is_match("4294967295") && all.is_match("1000000000") && !all.is_match("4294967296"));
        assert!(!all.is_match("9999999999") && !all.is_match("0"));
    }
}
