//! Place names as ads write them and as the gazetteer compares them: folding, base names and
//! qualifiers ("Frankfurt am Main", "Essen (Oldenburg)"), and the federal states' names.
/// Longer localities are no place name (the longest is about 50 characters); they are not looked up.
pub(super) const MAX_NAME_CHARS: usize = 120;

/// The federal states: ISO 3166-2:DE code, German name and further ways ads write them (folded).
pub(super) const STATES: [(&str, &str, &[&str]); 16] = [
    ("BB", "Brandenburg", &[]),
    ("BE", "Berlin", &[]),
    ("BW", "Baden-Württemberg", &["bawue", "baden wurttemberg"]),
    ("BY", "Bayern", &["bavaria"]),
    ("HB", "Bremen", &["freie hansestadt bremen"]),
    ("HE", "Hessen", &["hesse"]),
    ("HH", "Hamburg", &["freie und hansestadt hamburg"]),
    ("MV", "Mecklenburg-Vorpommern", &["m v", "mecklenburg western pomerania", "mecklenburg west pomerania"]),
    ("NI", "Niedersachsen", &["nds", "lower saxony"]),
    ("NW", "Nordrhein-Westfalen", &["nrw", "north rhine westphalia"]),
    ("RP", "Rheinland-Pfalz", &["rlp", "rhineland palatinate"]),
    ("SH", "Schleswig-Holstein", &["s h"]),
    ("SL", "Saarland", &[]),
    ("SN", "Sachsen", &["saxony"]),
    ("ST", "Sachsen-Anhalt", &["saxony anhalt"]),
    ("TH", "Thüringen", &["thuringen", "thuringia"]),
];
/// Where a base name ends and its qualifier begins (in simplified text).
const CUTS: [&str; 15] =
    ["(", "/", ",", " am ", " an ", " auf ", " bei ", " im ", " in ", " ob ", " vor ", " a.", " b.", " i.", " v."];
/// Words of a qualifier that say nothing about which place is meant.
const PARTICLES: [&str; 18] =
    ["a", "am", "an", "auf", "b", "bei", "d", "dem", "den", "der", "des", "die", "i", "im", "in", "ob", "v", "vor"];
/// The state a region names: its code (also "DE-NW"), German or English name, or a common abbreviation.
pub(super) fn state_of(region: &str) -> Option<u8> {
    if region.len() > MAX_NAME_CHARS {
        return None;
    }
    let folded = words(region);
    let mut text = folded.as_str();
    for prefix in ["de ", "freistaat ", "bundesland ", "land "] {
        text = text.strip_prefix(prefix).unwrap_or(text);
    }
    let known = |s: &(&str, &str, &[&str])| s.0.eq_ignore_ascii_case(text) || words(s.1) == text || s.2.contains(&text);
    STATES.iter().position(known).map(|i| i as u8)
}

/// Lower case with umlauts and ß spelled out (also when written with a combining diaeresis), every run of
/// whitespace, hyphens and underscores one space; other punctuation kept.
fn simplify(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        match c {
            'ä' => out.push_str("ae"),
            'ö' => out.push_str("oe"),
            'ü' => out.push_str("ue"),
            'ß' => out.push_str("ss"),
            '\u{308}' if out.ends_with(['a', 'o', 'u']) => out.push('e'),
            '\u{300}'..='\u{36f}' => {}
            c if c.is_whitespace() || c == '-' || c == '_' => {
                if !out.is_empty() && !out.ends_with(' ') {
                    out.push(' ');
                }
            }
            c => out.push(c),
        }
    }
    out.truncate(out.trim_end().len());
    out
}

/// Lower-case words of letters and digits, simplified, separated by one space.
pub(super) fn words(text: &str) -> String {
    let simple = simplify(text);
    simple.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ")
}

/// A name folded for comparison: its words, "St" read as "Sankt".
pub(super) fn name_key(text: &str) -> String {
    words(text).split(' ').map(|w| if w == "st" { "sankt" } else { w }).collect::<Vec<_>>().join(" ")
}

/// A name's folded base name and its qualifier's words without particles.
pub(super) fn split_base(text: &str) -> (String, Vec<String>) {
    let simple = simplify(text);
    let cut = CUTS.iter().filter_map(|c| simple.find(c)).min().unwrap_or(simple.len());
    let qualifier = name_key(&simple[cut..]);
    let words = qualifier.split(' ').filter(|w| !w.is_empty() && !PARTICLES.contains(w));
    (name_key(&simple[..cut]), words.map(str::to_string).collect())
}

/// Whether every word a locality qualifies its name with abbreviates a word of a place's qualifier: same
/// first letter, the rest in order ("Frankfurt/M." fits "Frankfurt am Main", "Essen/Oldb." "Essen (Oldenburg)").
pub(super) fn qualifier_matches(place: &str, words: &[String]) -> bool {
    !place.is_empty() && words.iter().all(|w| place.split(' ').any(|p| abbreviates(w, p)))
}

fn abbreviates(short: &str, word: &str) -> bool {
    let mut rest = word.chars();
    short.chars().next() == word.chars().next() && short.chars().all(|c| rest.any(|r| r == c))
}

/// Whether `prefix` is `text`'s first words.
pub(super) fn is_word_prefix(prefix: &str, text: &str) -> bool {
    text.strip_prefix(prefix).is_some_and(|rest| rest.starts_with(' '))
}
