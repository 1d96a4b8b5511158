//! Text normalisation shared by indexing and querying: case and umlaut folding (`ä` = `ae`),
//! German Snowball stemming, and the gender suffix (`Medienassistentin` = `Medienassistent`).
use rust_stemmers::{Algorithm, Stemmer};
use std::collections::HashMap;
use std::sync::LazyLock;

static STEMMER: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::German));

const STOPWORDS: &[&str] = &[
    "und", "oder", "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "in", "im", "fuer", "mit", "von",
    "zu", "zum", "zur", "bei", "auf", "an", "am", "als", "m", "w", "d", "wir", "sie", "ihr", "ihre", "es",
];

/// The text of well-formed HTML (a sanitised description): tags dropped, each leaving a space so
/// the words of two elements stay apart; entities are left as they are.
pub fn strip_tags(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                text.push(' ');
            }
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    text
}

/// Lower case; `ä ö ü ß` as `ae oe ue ss`; other letters with accents lose them where common.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        // Most text is ASCII: no Unicode case tables for it.
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        c.to_lowercase().for_each(|c| fold_char(c, &mut out));
    }
    out
}

/// One lower-case letter as [`fold`] writes it.
fn fold_char(c: char, out: &mut String) {
    match c {
        'ä' => out.push_str("ae"),
        'ö' => out.push_str("oe"),
        'ü' => out.push_str("ue"),
        'ß' => out.push_str("ss"),
        'é' | 'è' | 'ê' => out.push('e'),
        'á' | 'à' | 'â' => out.push('a'),
        c => out.push(c),
    }
}

/// `medienassistentin(nen)` → `medienassistent`; short words are left alone (`berlin`, `termin`).
fn strip_gender(word: &str) -> &str {
    for suffix in ["innen", "in"] {
        if let Some(stem) = word.strip_suffix(suffix)
            && stem.len() >= 6
            && (stem.ends_with("ent")
                || stem.ends_with("er")
                || stem.ends_with("eur")
                || stem.ends_with("or")
                || stem.ends_with("ant")
                || stem.ends_with("ist")
                || stem.ends_with("af")
                || stem.ends_with("ot"))
        {
            return stem;
        }
    }
    word
}

/// The search term of one folded word; `None` for stopwords and single letters.
fn term(word: &str) -> Option<String> {
    if word.len() < 2 || STOPWORDS.contains(&word) {
        return None;
    }
    let stem = STEMMER.stem(strip_gender(word)).into_owned();
    (!stem.is_empty()).then_some(stem)
}

/// The search terms of a text, in order, stopwords removed (duplicates kept).
pub fn terms(text: &str) -> Vec<String> {
    fold(text).split(|c: char| !c.is_alphanumeric()).filter_map(term).collect()
}

/// foldhash's seeded hasher instead of SipHash: indexing hashes every word of every listing, and the
/// words come from the listings, not from requests.
type Fast = foldhash::fast::RandomState;

/// [`terms`] for indexing many texts: each distinct word is stemmed only once, and each term is
/// numbered, so indexing works with numbers instead of strings.
#[derive(Default)]
pub struct TermCache {
    /// Folded word → its term's number (`None`: a stopword).
    words: HashMap<String, Option<u32>, Fast>,
    terms: HashMap<String, u32, Fast>,
    /// The terms by number.
    names: Vec<String>,
}

impl TermCache {
    /// Calls `each` with the numbers of the terms of `text`, in order, as [`terms`] returns them.
    pub fn each(&mut self, text: &str, mut each: impl FnMut(u32)) {
        for word in fold(text).split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
            let id = match self.words.get(word) {
                Some(id) => *id,
                None => {
                    let id = term(word).map(|term| match self.terms.get(&term) {
                        Some(id) => *id,
                        None => {
                            self.names.push(term.clone());
                            self.terms.insert(term, self.names.len() as u32 - 1);
                            self.names.len() as u32 - 1
                        }
                    });
                    self.words.insert(word.to_owned(), id);
                    id
                }
            };
            if let Some(id) = id {
                each(id);
            }
        }
    }

    /// How many terms have numbers.
    pub fn len(&self) -> usize {
        self.names.len()
    }

    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    /// The terms by number.
    pub fn into_names(self) -> Vec<String> {
        self.names
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(word: &str) -> String {
        let t = terms(word);
        assert_eq!(t.len(), 1, "{word} → {t:?}");
        t.into_iter().next().unwrap()
    }

    #[test]
    fn fold_lowercases_and_spells_out_umlauts() {
        assert_eq!(
            fold("ÄRGER über Straße, Café À LA CARTE: 24/7 ΣΟΦΙΑ"),
            "aerger ueber strasse, cafe a la carte: 24/7 σοφια"
        );
    }

    #[test]
    fn case_umlauts_and_gender_fold_together() {
        assert_eq!(one("Medienassistentin"), one("medienassistent"));
        assert_eq!(one("Medienassistentinnen"), one("Medienassistent"));
        assert_eq!(one("Bildbearbeitung"), one("bildbearbeitung"));
        assert_eq!(one("Gelsenkirchen"), one("gelsenkirchen"));
        assert_eq!(one("Mülheim"), one("Muelheim"));
        assert_eq!(one("Fotografin"), one("Fotograf"));
        assert_eq!(one("Redakteurin"), one("Redakteur"));
    }

    #[test]
    fn stemming_joins_inflections() {
        assert_eq!(one("Veranstaltungen"), one("Veranstaltung"));
        assert_eq!(one("Agenturen"), one("Agentur"));
    }

    #[test]
    fn the_cache_gives_the_same_terms() {
        let text = "Medienassistentin (m/w/d) für Bildbearbeitung, Social Media und Veranstaltungen in Gelsenkirchen; \
                    Medienassistent für Veranstaltungstechnik und Agenturen";
        let mut cache = TermCache::default();
        let mut numbers = Vec::new();
        for _ in 0..2 {
            cache.each(text, |t| numbers.push(t));
        }
        let names = cache.into_names();
        let cached: Vec<String> = numbers.iter().map(|t| names[*t as usize].clone()).collect();
        assert_eq!(cached, [terms(text), terms(text)].concat());
        assert!(names.iter().all(|name| cached.contains(name)), "every numbered term occurs");
    }

    #[test]
    fn short_words_keep_their_ending() {
        assert_ne!(one("Termin"), one("Term"));
    }

    #[test]
    fn stopwords_and_separators_vanish() {
        assert_eq!(
            terms("Medienassistent/in (m/w/d) für Social Media"),
            vec![one("medienassistent"), one("social"), one("media")]
        );
        assert!(terms("und / oder").is_empty());
    }
}
