//! The same job from different sources is one listing. Two ads are the same job when their
//! employers are the same after normalising legal forms, their titles the same after normalising
//! gender markers, their towns the same, and they were posted within [`WITHIN_DAYS`] days of each
//! other. Another town or another employer is another job.
use crate::search::text::fold;

/// Ads posted further apart than this are different jobs.
pub const WITHIN_DAYS: i64 = 14;

/// Legal forms and their spellings, dropped from employer names (compared folded, as words).
const LEGAL_FORMS: &[&str] = &[
    "gmbh & co. kg",
    "gmbh & co kg",
    "ggmbh",
    "gmbh",
    "mbh",
    "ag",
    "se",
    "kg",
    "ohg",
    "gbr",
    "e.v.",
    "ev",
    "e. v.",
    "eg",
    "ug (haftungsbeschrankt)",
    "ug (haftungsbeschraenkt)",
    "ug",
    "kgaa",
    "ltd.",
    "ltd",
    "inc.",
    "inc",
    "co.",
    "& co",
    "& co.",
    "mbb",
    "partg",
    "gemeinnutzige",
    "gemeinnuetzige",
];

/// Gender markers of German job titles, dropped (compared folded).
const GENDER_MARKERS: &[&str] = &[
    "(m/w/d)",
    "(w/m/d)",
    "(m/f/d)",
    "(f/m/d)",
    "(d/m/w)",
    "(m/d/w)",
    "(w/d/m)",
    "(d/w/m)",
    "(m/w/x)",
    "(w/m/x)",
    "(m/w)",
    "(w/m)",
    "(gn)",
    "(gn*)",
    "(all genders)",
    "(alle geschlechter)",
    "(mwd)",
    "(wmd)",
    "m/w/d",
    "w/m/d",
];

/// The key two ads of one job share: employer, title and town, each normalised.
pub fn key(employer: &str, title: &str, town_slug: &str) -> String {
    format!("{}|{}|{}", employer_name(employer), job_title(title), town_slug)
}

/// An employer's name without its legal form, folded: "Zeche Medien GmbH & Co. KG" → "zeche medien".
pub fn employer_name(name: &str) -> String {
    let mut folded = format!(" {} ", fold(name).replace(',', " "));
    for form in LEGAL_FORMS {
        folded = folded.replace(&format!(" {} ", fold(form)), " ");
    }
    words(&folded)
}

/// A title without gender markers and feminine endings, folded: "Mediengestalterin (w/m/d)" and
/// "Mediengestalter/in" → "mediengestalter".
pub fn job_title(title: &str) -> String {
    let mut folded = fold(title);
    for marker in GENDER_MARKERS {
        folded = folded.replace(&fold(marker), " ");
    }
    for ending in ["/-in", "/in", ":in", "*in", "_in", "(in)", "/-innen", "/innen", ":innen", "*innen"] {
        folded = folded.replace(ending, "");
    }
    let words: Vec<String> = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| feminine_stem(w).to_owned())
        .collect();
    words.join(" ")
}

/// `fotografin`, `fotografinnen` → `fotograf`; short words stay (`berlin`).
fn feminine_stem(word: &str) -> &str {
    ["innen", "in"].iter().find_map(|suffix| word.strip_suffix(suffix).filter(|stem| stem.len() >= 6)).unwrap_or(word)
}

fn words(text: &str) -> String {
    text.split(|c: char| !c.is_alphanumeric() && c != '&')
        .filter(|w| !w.is_empty() && *w != "&")
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn legal_forms_do_not_tell_employers_apart() {
        let same = [
            "Zeche Medien GmbH",
            "Zeche Medien GmbH & Co. KG",
            "zeche medien",
            "Zeche Medien AG",
            "ZECHE MEDIEN, GmbH",
        ];
        for name in same {
            assert_eq!(employer_name(name), "zeche medien", "{name}");
        }
        assert_eq!(employer_name("Förderverein Bühne e.V."), employer_name("Foerderverein Buehne e. V."));
        assert_ne!(employer_name("Zeche Medien GmbH"), employer_name("Zeche Events GmbH"));
        assert_eq!(employer_name("Agentur AGB GmbH"), "agentur agb", "a legal form only as a whole word");
    }

    #[test]
    fn gender_markers_do_not_tell_titles_apart() {
        let same = [
            "Mediengestalter (m/w/d) Digital und Print",
            "Mediengestalterin (w/m/d) Digital und Print",
            "Mediengestalter/in Digital und Print",
            "Mediengestalter:in Digital und Print (gn)",
            "Mediengestalter*in Digital & Print",
            "MEDIENGESTALTER/-IN DIGITAL UND PRINT",
        ];
        let first = job_title(same[0]);
        for title in same {
            assert_eq!(job_title(title).replace(" und ", " "), first.replace(" und ", " "), "{title}");
        }
        assert_ne!(job_title("Mediengestalter (m/w/d)"), job_title("Mediengestalter Senior (m/w/d)"));
    }

    #[test]
    fn keys_differ_in_any_of_employer_title_and_town() {
        let base = key("Zeche Medien GmbH", "Fotograf (m/w/d)", "bochum");
        assert_eq!(base, key("Zeche Medien", "Fotografin (w/m/d)", "bochum"));
        assert_ne!(base, key("Zeche Medien GmbH", "Fotograf (m/w/d)", "essen"));
        assert_ne!(base, key("Revier Foto GmbH", "Fotograf (m/w/d)", "bochum"));
    }
}
