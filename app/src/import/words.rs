//! The words of an ad as `classify` compares them, and its patterns. A text's words are folded
//! (lower case, `ä` = `ae`, `ß` = `ss`, `€` = `euro`) and split at everything but letters and digits;
//! they carry a sorted index, so finding a pattern costs a binary search rather than a pass over the
//! text (an ad is read against some hundred patterns). Pattern lists are written `a, b*, *c, d e`
//! (`x*` a prefix, `*x` a suffix, words of a phrase separated by a space) and split once per thread.
use std::cell::RefCell;
use std::collections::{HashMap, VecDeque};
use std::ops::Deref;
use std::rc::Rc;

use crate::search::text::fold;

/// A text's words in order, with an index sorted by word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Words {
    list: Vec<String>,
    /// Positions in `list`, sorted by word, then position.
    sorted: Vec<u32>,
}

impl Words {
    pub fn new(list: Vec<String>) -> Self {
        let mut keyed: Vec<(&str, u32)> = list.iter().zip(0..).map(|(w, i)| (w.as_str(), i)).collect();
        keyed.sort_unstable();
        let sorted = keyed.into_iter().map(|(_, i)| i).collect();
        Words { list, sorted }
    }

    /// `self`'s words followed by `then`'s, as if their texts were split together: the two sorted
    /// indexes merged, not sorted again.
    fn join(&self, then: &Words) -> Words {
        let offset = self.list.len() as u32;
        let mut list = self.list.clone();
        list.extend(then.list.iter().cloned());
        let mut sorted = Vec::with_capacity(list.len());
        let (mut a, mut b) = (self.sorted.iter().peekable(), then.sorted.iter().map(|i| i + offset).peekable());
        while let (Some(&&x), Some(&y)) = (a.peek(), b.peek()) {
            // Equal words keep position order: `self`'s come first.
            if list[y as usize] < list[x as usize] {
                sorted.push(y);
                b.next();
            } else {
                sorted.push(x);
                a.next();
            }
        }
        sorted.extend(a.copied().chain(b));
        Words { list, sorted }
    }

    /// Positions of the words that begin with `prefix`, in no particular order.
    pub fn starting_with<'a>(&'a self, prefix: &str) -> impl Iterator<Item = usize> + 'a {
        let from = self.sorted.partition_point(|&i| self.list[i as usize].as_str() < prefix);
        let to = from + (from..self.sorted.len()).take_while(|&k| self.at(k).starts_with(prefix)).count();
        (from..to).map(move |k| self.sorted[k] as usize)
    }

    fn at(&self, k: usize) -> &str {
        &self.list[self.sorted[k] as usize]
    }

    /// Positions of the words that `pattern` fits, in no particular order.
    fn starts<'a>(&'a self, pattern: &'a Pattern) -> Box<dyn Iterator<Item = usize> + 'a> {
        let positions = move |range: std::ops::Range<usize>| range.map(move |k| self.sorted[k] as usize);
        match pattern {
            Pattern::Word(word) => {
                let from = self.sorted.partition_point(|&i| self.list[i as usize].as_str() < word.as_ref());
                let to = from + self.sorted[from..].partition_point(|&i| self.list[i as usize] == word.as_ref());
                Box::new(positions(from..to))
            }
            Pattern::Prefix(prefix) => Box::new(self.starting_with(prefix)),
            Pattern::Suffix(_) => Box::new((0..self.list.len()).filter(|&i| pattern.fits(&self.list[i]))),
        }
    }
}

impl Deref for Words {
    type Target = [String];
    fn deref(&self) -> &[String] {
        &self.list
    }
}

/// How many long texts' words each thread keeps: the classifiers of one ad ask for the words of its
/// text, and of its title and text together, several times each.
const RECENT: usize = 2;
/// Texts shorter than this (titles, names, rule words) are cheap to split again and are not kept.
const LONG: usize = 200;

/// The words of a text as the rules compare them.
pub fn words(text: &str) -> Rc<Words> {
    let split = || {
        let folded = fold(text).replace('€', " euro ");
        let list = folded.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_owned);
        Rc::new(Words::new(list.collect()))
    };
    if text.len() < LONG {
        return split();
    }
    kept(text, split)
}

/// The words of `text` this thread keeps, or `split`'s, then kept.
fn kept(text: &str, split: impl FnOnce() -> Rc<Words>) -> Rc<Words> {
    thread_local!(static KEPT: RefCell<VecDeque<(Box<str>, Rc<Words>)>> = const { RefCell::new(VecDeque::new()) });
    if let Some(found) = KEPT.with_borrow(|kept| kept.iter().find(|(t, _)| t.as_ref() == text).map(|(_, w)| w.clone()))
    {
        return found;
    }
    let found = split();
    KEPT.with_borrow_mut(|kept| {
        if kept.len() == RECENT {
            kept.pop_back();
        }
        kept.push_front((text.into(), found.clone()));
    });
    found
}

/// The words of a title and a text together, as [`words`] splits `"{title}\n{text}"` (and kept the
/// same way), from the text's kept words rather than splitting the text again.
pub fn title_and_text(title: &str, text: &str) -> Rc<Words> {
    let both = format!("{title}\n{text}");
    if both.len() < LONG {
        return words(&both);
    }
    kept(&both, || Rc::new(words(title).join(&words(text))))
}

/// `redakteurin(nen)` → `redakteur`: after job-noun endings only, so `berlin` stays.
fn strip_gender(word: &str) -> &str {
    let stem = word.strip_suffix("innen").or_else(|| word.strip_suffix("in")).unwrap_or(word);
    let job = stem.len() >= 6 && ["er", "ent", "eur", "or", "ant", "ist", "af", "ot"].iter().any(|e| stem.ends_with(e));
    if job { stem } else { word }
}

/// The words of a title without gender marks.
pub fn title_words(title: &str) -> Words {
    let keep = |w: &String| w.len() > 1 && !["in", "innen", "gn"].contains(&w.as_str());
    Words::new(words(title).iter().filter(|w| keep(w)).map(|w| strip_gender(w).to_owned()).collect())
}

/// One word of a pattern.
#[derive(Debug)]
enum Pattern {
    Word(Box<str>),
    Prefix(Box<str>),
    Suffix(Box<str>),
}

impl Pattern {
    fn new(p: &str) -> Self {
        match (p.strip_prefix('*'), p.strip_suffix('*')) {
            (Some(suffix), _) => Pattern::Suffix(suffix.into()),
            (None, Some(prefix)) => Pattern::Prefix(prefix.into()),
            (None, None) => Pattern::Word(p.into()),
        }
    }

    fn fits(&self, word: &str) -> bool {
        match self {
            Pattern::Word(w) => word == w.as_ref(),
            Pattern::Prefix(p) => word.starts_with(p.as_ref()),
            Pattern::Suffix(s) => word.ends_with(s.as_ref()),
        }
    }
}

/// A pattern list: its phrases, each a sequence of pattern words.
type Phrases = Rc<[Box<[Pattern]>]>;

/// `patterns` split, once per thread and list.
fn phrases(patterns: &str) -> Phrases {
    thread_local!(static SPLIT: RefCell<HashMap<Box<str>, Phrases>> = RefCell::new(HashMap::new()));
    SPLIT.with_borrow_mut(|split| {
        if let Some(found) = split.get(patterns) {
            return found.clone();
        }
        let phrases: Phrases = patterns
            .split(',')
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(|p| p.split(' ').filter(|w| !w.is_empty()).map(Pattern::new).collect())
            .collect();
        split.insert(patterns.into(), phrases.clone());
        phrases
    })
}

/// Whether a word fits one of the comma-separated pattern words.
pub fn fits(word: &str, patterns: &str) -> bool {
    phrases(patterns).iter().any(|phrase| matches!(&phrase[..], [one] if one.fits(word)))
}

/// Where one of the patterns starts, in order.
pub fn hits(w: &Words, patterns: &str) -> impl Iterator<Item = usize> + use<> {
    let mut found = Vec::new();
    for phrase in phrases(patterns).iter() {
        let Some((first, rest)) = phrase.split_first() else { continue };
        let continues = |i: usize| rest.iter().enumerate().all(|(k, p)| w.get(i + 1 + k).is_some_and(|x| p.fits(x)));
        found.extend(w.starts(first).filter(|&i| continues(i)));
    }
    found.sort_unstable();
    found.dedup();
    found.into_iter()
}

pub fn has(w: &Words, patterns: &str) -> bool {
    hits(w, patterns).next().is_some()
}

/// Whether the phrase at `i` is denied: "kein", "nicht", "ohne" before, "nicht möglich" after.
pub fn negated(words: &[String], i: usize) -> bool {
    let after = &words[(i + 1).min(words.len())..(i + 5).min(words.len())];
    // "nicht möglich" ends a phrase before; it does not deny the next one.
    let denies = |j: usize| fits(&words[j], "kein*, ohne") || words[j] == "nicht" && words[j + 1] != "moeglich";
    (i.saturating_sub(2)..i).any(denies)
        || after.iter().any(|w| w == "ausgeschlossen")
        || after.windows(2).any(|p| p[0] == "nicht" && p[1] == "moeglich")
}

/// Whether one of the patterns occurs without a negation.
pub fn stated(w: &Words, patterns: &str) -> bool {
    hits(w, patterns).any(|i| !negated(w, i))
}

/// Whether the words from `i` on, written together, spell `joined` exactly.
pub fn spells(words: &[String], i: usize, joined: &str) -> bool {
    let mut rest = joined;
    let step = |w: &String| rest.strip_prefix(w.as_str()).inspect(|r| rest = r);
    words.get(i..).unwrap_or_default().iter().map_while(step).any(str::is_empty)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The plain definition: every position where a phrase's words fit one by one.
    fn plain_hits(w: &[String], patterns: &str) -> Vec<usize> {
        let fits_one = |word: &str, p: &str| Pattern::new(p).fits(word);
        let at =
            |i: usize, p: &str| p.split(' ').enumerate().all(|(k, p)| w.get(i + k).is_some_and(|w| fits_one(w, p)));
        (0..w.len())
            .filter(|&i| patterns.split(',').map(str::trim).filter(|p| !p.is_empty()).any(|p| at(i, p)))
            .collect()
    }

    #[test]
    fn phrases_prefixes_and_suffixes_are_found_where_they_start() {
        let w = words("Wir sind eine Werbeagentur; Erfahrung im Agenturumfeld, erste Berufserfahrung.");
        assert_eq!(hits(&w, "*agentur").collect::<Vec<_>>(), [3]);
        assert_eq!(hits(&w, "agentur*").collect::<Vec<_>>(), [6]);
        assert_eq!(hits(&w, "erste* *erfahrung, wir sind").collect::<Vec<_>>(), [0, 7]);
        assert!(!has(&w, "agentur"), "whole words only");
    }

    #[test]
    fn a_title_and_text_are_split_as_one_text() {
        let (title, text) = (
            "Mediengestalter:in (m/w/d) – Bild & Ton",
            "Wir suchen ab sofort ".repeat(20) + "Ton, Bild, Äpfel 3.000 €.",
        );
        assert_eq!(*title_and_text(title, &text), *words(&format!("{title}\n{text}")));
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 2_000, failure_persistence: None, ..ProptestConfig::default() })]
        /// The index finds exactly what reading every position finds.
        #[test]
        fn the_index_finds_what_a_plain_scan_finds(
            text in proptest::collection::vec("(a|ab|abc|b|ba|c|ca)", 0..30),
            patterns in proptest::collection::vec("(a|ab|b|c|ca)\\*?( \\*?(a|b|c)\\*?)?|\\*(a|b|c)", 1..6),
        ) {
            let w = Words::new(text.clone());
            let patterns = patterns.join(", ");
            prop_assert_eq!(hits(&w, &patterns).collect::<Vec<_>>(), plain_hits(&text, &patterns));
        }

        /// Joined words are the words of both texts split as one, index and all.
        #[test]
        fn joined_words_are_the_words_of_both(
            first in proptest::collection::vec("(a|ab|abc|b|ba|c)", 0..20),
            then in proptest::collection::vec("(a|ab|abc|b|ba|c)", 0..20),
        ) {
            let both: Vec<String> = first.iter().chain(&then).cloned().collect();
            prop_assert_eq!(Words::new(first).join(&Words::new(then)), Words::new(both));
        }
    }
}
