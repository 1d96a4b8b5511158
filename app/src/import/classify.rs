//! What an imported ad says about itself. Unknown beats a wrong guess: what an ad does not say stays
//! `Unspecified`, an empty list or `None`. Rules match folded words: lower case, `ä` = `ae`, `ß` = `ss`,
//! `€` = `euro`; all but letters and digits separate, so `-`, `_`, `/` and spaces are alike. Patterns are
//! whole words (`x*` a prefix, `*x` a suffix): "Senior" is not in "Seniorenheim". "kein"/"nicht"/"ohne"
//! before or "nicht möglich" after cancels a working-time, remote or contract phrase. Titles lose gender
//! marks (`/in`, `/-in`, `:in`, `*in`, `(m/w/d)`, `(gn)`; `Mediengestalterin` = `mediengestalter`). Each
//! function's documentation gives its rules; the word lists are the tables next to it.
use std::cell::RefCell;
use std::collections::{BTreeSet, HashMap};
use std::rc::Rc;
use std::sync::LazyLock;

use super::words::{Words, fits, has, hits, negated, spells, stated, title_and_text, title_words, words};
use crate::jobs::model::{Contract, EmployerType, Experience, Offer, Remote, WorkingTime};
use crate::ui::slug::Slug;

/// A profession as the `profession` table holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProfessionRef {
    pub slug: String,
    pub name: String,
    pub synonyms: Vec<String>,
    pub kldb: Option<String>,
}

/// Skills as the demo data names them, with further spellings that mean the same.
#[rustfmt::skip]
pub const SKILLS: &[(&str, &[&str])] = &[
    ("Bildbearbeitung", &["Bildretusche", "Retusche", "Fotobearbeitung"]), ("Social Media", &[]),
    ("Eventtechnik", &["Veranstaltungstechnik"]),
    ("Kurze Videoformate", &["Reels", "Kurzvideos", "Kurzvideo", "YouTube Shorts", "Short-Form-Video"]),
    ("KI-gestützte Produktion", &["KI-gestützte", "KI-gestützten", "KI-Tools", "KI-Werkzeuge", "generative KI"]),
    ("Webtools/CMS", &["CMS", "Content-Management-System", "WordPress", "TYPO3", "Redaktionssystem"]),
    ("Adobe Photoshop", &["Photoshop"]), ("Videoschnitt", &["Videobearbeitung", "Video Editing", "Videos schneiden"]),
    ("Fotografie", &["Photographie", "Fotografieren", "Produktfotografie", "Eventfotografie"]),
    ("Präsentationstechnik", &["Konferenztechnik", "Tagungstechnik"]), ("Canva", &[]),
    ("Adobe InDesign", &["InDesign"]), ("Adobe Illustrator", &["Illustrator"]),
    ("Druckvorstufe", &["Prepress", "Reinzeichnung", "Druckdaten"]), ("Figma", &[]), ("Typografie", &["Typographie"]),
    ("Community Management", &["Community Manager", "Community Managerin", "Community-Pflege"]),
    ("Copywriting", &["Copywriter", "Werbetexte", "Werbetexter"]), ("Analytics", &["Webanalyse", "Matomo"]),
    ("Tontechnik", &["Audiotechnik", "Licht- und Tontechnik", "Licht und Ton"]),
    ("Lichttechnik", &["Lichttechniker", "Lichtpult", "Licht- und Tontechnik", "Licht und Ton"]),
    ("Streaming", &["Livestream", "Livestreams", "Livestreaming"]), ("Rigging", &["Rigger"]),
    ("Adobe Lightroom", &["Lightroom"]), ("Lichtsetzung", &["Ausleuchtung"]),
    ("Adobe Premiere Pro", &["Premiere Pro", "Adobe Premiere"]), ("DaVinci Resolve", &["DaVinci", "Da Vinci Resolve"]),
    ("Motion Design", &["Motion Graphics", "Motion Designer", "After Effects"]),
    ("Texten", &["Texterstellung", "Texte schreiben", "Texter"]), ("SEO", &["Suchmaschinenoptimierung"]),
    ("Barrierefreiheit", &["BITV", "WCAG", "Leichte Sprache"]),
];

/// The rules of a table written `slug: patterns; slug: patterns`, in order.
fn rules(table: &'static str) -> impl Iterator<Item = (&'static str, &'static str)> {
    table.split(';').filter_map(|rule| rule.split_once(':')).map(|(slug, patterns)| (slug.trim(), patterns))
}

/// The values of the rules in `table` whose patterns `apply`.
fn values<T: Slug>(table: &'static str, apply: impl Fn(&str) -> bool) -> impl Iterator<Item = T> {
    rules(table).filter(move |(_, patterns)| apply(patterns)).filter_map(|(slug, _)| T::parse(slug))
}

/// Skills the ad names: [`SKILLS`] names and spellings, written together or apart; each once, in
/// vocabulary spelling and order.
pub fn skills(title: &str, text: &str) -> Vec<String> {
    // Each skill's spellings as its words written together.
    static JOINED: LazyLock<Vec<Vec<String>>> = LazyLock::new(|| {
        SKILLS.iter().map(|(n, also)| std::iter::once(n).chain(*also).map(|s| words(s).concat()).collect()).collect()
    });
    let w = title_and_text(title, text);
    let named = |joined: &String| {
        let first = joined.chars().next().map(String::from).unwrap_or_default();
        w.starting_with(&first).any(|i| spells(&w, i, joined))
    };
    SKILLS
        .iter()
        .zip(JOINED.iter())
        .filter(|(_, spellings)| spellings.iter().any(named))
        .map(|((n, _), _)| n.to_string())
        .collect()
}

/// The words a profession is compared by: title words without filler.
fn job_words(text: &str) -> Vec<String> {
    let filler = "und, fuer, der, die, das, den, mit, im, zum, zur, als, oder";
    title_words(text).iter().filter(|w| !fits(w, filler)).cloned().collect()
}

/// [`job_words`] of a profession's name or synonym, split once per thread.
fn key_words(key: &str) -> Rc<[String]> {
    thread_local!(static SPLIT: RefCell<HashMap<Box<str>, Rc<[String]>>> = RefCell::new(HashMap::new()));
    if let Some(found) = SPLIT.with_borrow(|split| split.get(key).cloned()) {
        return found;
    }
    let found: Rc<[String]> = job_words(key).into();
    SPLIT.with_borrow_mut(|split| split.insert(key.into(), found.clone()));
    found
}

/// How well `words` name a key: in order beats all its words anywhere, then earlier, then longer.
fn key_score(words: &[String], key: &[String]) -> Option<(u8, usize, usize)> {
    let joined = key.concat();
    if let Some(i) = (0..words.len()).find(|&i| spells(words, i, &joined)) {
        return Some((2, usize::MAX - i, joined.len()));
    }
    let at = |k: &String| words.iter().position(|w| w == k);
    let first = key.iter().map(at).collect::<Option<Vec<_>>>()?.into_iter().min()?;
    (key.len() >= 2).then_some((1, usize::MAX - first, joined.len()))
}

/// The profession (index) a text names best, among those `allowed`; ties go to the first.
fn named_in(text: &str, professions: &[ProfessionRef], allowed: &dyn Fn(usize) -> bool) -> Option<usize> {
    let words = job_words(text);
    let mut best: Option<((u8, usize, usize), usize)> = None;
    for (p, prof) in professions.iter().enumerate().filter(|(p, _)| allowed(*p)) {
        let head = prof.name.split(['/', '(', ':', '*']).next().unwrap_or_default();
        let keys = [prof.name.as_str(), head].into_iter().chain(prof.synonyms.iter().map(String::as_str));
        for score in keys.map(key_words).filter(|k| !k.is_empty()).filter_map(|k| key_score(&words, &k)) {
            if best.is_none_or(|(s, _)| score > s) {
                best = Some((score, p));
            }
        }
    }
    best.map(|(_, p)| p)
}

/// The slug of the profession a title and the source's occupation names or KldB code name, or `None`. The
/// professions whose code begins the ad's code; of several, the one the occupations or title name, else the
/// first. Without: the first occupation, then the title, that names one, by a name or synonym in order, as
/// one word or several (`Social Media Manager:in`), or by all its words anywhere (`Redakteur (m/w/d)
/// Online`); a name's part before its gender mark counts alone (`Mediengestalter`).
pub fn profession(title: &str, occupations: &[String], kldb: Option<&str>, known: &[ProfessionRef]) -> Option<String> {
    let digits = |s: &str| Some(s.chars().filter(char::is_ascii_digit).collect::<String>()).filter(|d| !d.is_empty());
    let code = kldb.and_then(digits).unwrap_or_default();
    let coded = |p: &ProfessionRef| p.kldb.as_deref().and_then(digits).is_some_and(|k| code.starts_with(&k));
    let by_code: Vec<usize> = (0..known.len()).filter(|&i| coded(&known[i])).collect();
    let named = |allowed: &dyn Fn(usize) -> bool| {
        occupations.iter().map(String::as_str).chain([title]).find_map(|t| named_in(t, known, allowed))
    };
    let pick = match by_code.as_slice() {
        [one] => Some(*one),
        [first, ..] => named(&|i| by_code.contains(&i)).or(Some(*first)),
        [] => named(&|_| true),
    };
    pick.map(|i| known[i].slug.clone())
}

/// An apprenticeship title: "Ausbildung zum …", "Auszubildende/r", not "mit abgeschlossener Ausbildung".
fn apprenticeship_title(t: &Words) -> bool {
    let qualifying = "mit, nach, ohne, abgeschl*, erfolgreich*, absolviert*, beendet*, vergleichbar*, entsprechend*, \
        einschlaegig*, fertig*, kaufmaennisch*, technisch*, handwerklich*";
    let qualified = |i: usize| t[i.saturating_sub(2)..i].iter().any(|w| fits(w, qualifying));
    has(t, "auszubildende*, azubi*, ausbildungsplatz*, ausbildungsstelle*")
        || hits(t, "ausbildung, berufsausbildung").any(|i| !qualified(i))
}

/// Offers a title names besides apprenticeships, and what the text may say.
const OFFER_TITLE: &str = "internship: praktikum, praktikant*, pflichtpraktikum, praxissemester, internship;
  working_student: werkstudent*, werkstudierende*, working student;
  freelance: freelance*, freiberuflich*, freie mitarbeit*, freier mitarbeiter";
const OFFER_TEXT: &str = "working_student: als werkstudent*, werkstudentenstelle, werkstudentenjob;
  freelance: auf honorarbasis, auf freiberuflich* basis, als freelancer*";
/// Levels in a title; a title naming two decides nothing.
const TITLE_LEVEL: &str = "entry: junior, trainee*, einsteiger, berufseinsteiger, berufsanfaenger, volontaer*;
  senior: senior, lead, head of, leitung, teamleitung, abteilungsleitung, bereichsleitung, projektleitung, leiter,
    teamleiter, abteilungsleiter, bereichsleiter, gruppenleiter, projektleiter, chef vom dienst;
  experienced: erfahrene, erfahrener, berufserfahrene*";
/// Evidence of a level in the text.
const LEVEL_TEXT: &str = "entry: erste* *erfahrung, erste* *erfahrungen, berufsanfaenger*, berufseinsteiger*,
    berufseinstieg*, absolvent*, quereinsteiger*, keine berufserfahrung, ohne berufserfahrung;
  experienced: mehrjaehrig* *erfahrung, mehrjaehrig* *erfahrungen, mehrere jahre* *erfahrung, fundiert* *erfahrung,
    einschlaegig* *erfahrung, solide* *erfahrung, berufserfahrene*;
  senior: langjaehrig* *erfahrung, langjaehrig* *erfahrungen, fuehrungserfahrung*, personalverantwortung";

/// The experience an ad asks for. The title first: learners are Entry, else `TITLE_LEVEL`. Then the text:
/// "N Jahre … Erfahrung" (1 Entry, 2–4 Experienced, 5–15 Senior; "2–3" counts 2) and `LEVEL_TEXT`, but
/// not where the employer speaks of itself ("unser Team", "seit", "wir haben"). Conflicts are Unspecified.
pub fn experience(title: &str, text: &str) -> Experience {
    let t = title_words(title);
    if apprenticeship_title(&t) || values(OFFER_TITLE, |p| has(&t, p)).any(|o: Offer| o != Offer::Freelance) {
        return Experience::Entry;
    }
    // "Assistenz der Leitung" assists a lead.
    let assisting = |i: usize| i > 0 && fits(&t[i - 1], "der, des, dem");
    match values(TITLE_LEVEL, |p| hits(&t, p).any(|i| !assisting(i))).collect::<Vec<_>>().as_slice() {
        [level] => *level,
        _ => text_level(&words(text)),
    }
}

/// Whether the employer speaks of itself before word `i` ("unser Team", "seit", "wir haben").
fn employer_speaks(w: &[String], i: usize) -> bool {
    let before = &w[i.saturating_sub(6)..i];
    before.iter().any(|w| fits(w, "unser*, seit"))
        || before.windows(2).any(|p| p[0] == "wir" && fits(&p[1], "haben, bringen, blicken, verfuegen, sind"))
}

/// A count of years as written before word `i`: "3", "drei", the lower end of "2-3" and "2 bis 3".
fn years_before(w: &[String], i: usize) -> Option<u32> {
    const NUMBERS: &[&str] = &["ein", "zwei", "drei", "vier", "fuenf", "sechs", "sieben", "acht", "neun", "zehn"];
    let word = |k: usize| i.checked_sub(k).map_or("", |k| w[k].as_str());
    let count = |k: usize| {
        let spelled = NUMBERS.iter().position(|n| word(k).strip_prefix(n).is_some_and(|e| e.len() <= 2));
        word(k).parse().ok().or(spelled.map(|n| n as u32 + 1))
    };
    let last = count(1)?;
    let first = if matches!(word(2), "bis" | "oder") { count(3) } else { word(2).parse().ok() };
    Some(first.filter(|&f| f < last).unwrap_or(last))
}

/// The level the text asks for, from years and phrases; none or conflicting evidence is Unspecified.
fn text_level(w: &Words) -> Experience {
    use Experience::{Entry, Experienced, Senior};
    let mut found = Vec::new();
    for i in hits(w, "jahr, jahre, jahren, jaehrig*").filter(|&i| !employer_speaks(w, i)) {
        let about_work = w[i.saturating_sub(6)..(i + 6).min(w.len())].iter().any(|w| w.contains("erfahrung"));
        let years = years_before(w, i).filter(|n| about_work && (1..=15).contains(n));
        found.extend(years.map(|n| [Entry, Experienced, Senior][usize::from(n > 1) + usize::from(n > 4)]));
    }
    found.extend(values::<Experience>(LEVEL_TEXT, |p| hits(w, p).any(|i| !employer_speaks(w, i))));
    match found.as_slice() {
        [one, rest @ ..] if rest.iter().all(|l| l == one) => *one,
        _ => Experience::Unspecified,
    }
}

/// Employer-name rules in order: the first that fits decides (staffing firms: unspecified).
const NAME_KINDS: &str = "unspecified: personaldienstleist*, personalvermittlung*, zeitarbeit*, personalagentur;
  public: agentur fuer arbeit, arbeitsagentur, bundesagentur*, jobcenter, landeshauptstadt, stadtverwaltung, kreis,
    kreisverwaltung, landkreis, amt, landesamt, bundesamt, bezirksregierung, regierungspraesidium, ministerium*,
    landschaftsverband, lwl, lvr, gemeinde, universitaet, university, hochschule, fachhochschule, schule, gesamtschule,
    grundschule, realschule, gymnasium, berufskolleg, volkshochschule, musikschule, stadtbuecherei, stadtbibliothek,
    kulturbuero, staedtisch*, landtag, bundestag, polizei*, bundeswehr, rentenversicherung;
  agency: agentur, *agentur, agency;
  media_house: verlag*, *verlag, zeitung, *zeitung, rundfunk, *rundfunk, radio, radiosender, tv, fernseh*, medien,
    medienhaus, mediengruppe, wdr, ard, zdf, rtl, funke, waz, ruhr nachrichten, lensing*, bertelsmann, axel springer,
    prosiebensat*;
  event: event*, veranstaltung*, messe, messebau, messegesellschaft, buehne*, theater, *theater, schauspielhaus, oper,
    opernhaus, konzerthaus, philharmonie, showservice, showtechnik, live, festival*, arena;
  corporate: ag, se, kgaa, konzern, holding, thyssenkrupp, evonik, rwe, e on, eon, vonovia, aldi, deutsche post, dhl,
    telekom, deutsche bahn, siemens, bosch, rewe, deichmann, bayer, basf, volkswagen, allianz, signal iduna, steag;
  sme: e k, ek, e kfm, gbr, ug, ohg, inh, inhaber*, meisterbetrieb, handwerksbetrieb";
/// What an employer calls itself after "wir sind", "als", "unser…", "Teil"; and facts of the public service.
const SELF_KINDS: &str = "agency: agentur, *agentur, agency;
  media_house: medienhaus, verlag, *verlag, verlagshaus, mediengruppe, zeitung, *zeitung, sender, *sender;
  event: veranstaltungsdienstleister, eventdienstleister, veranstalter, *veranstalter, theater, *theater;
  public: behoerde, *behoerde, kommune, stadtverwaltung, hochschule, universitaet;
  corporate: konzern, konzerns, *konzern, *konzerns, konzernverbund, boersennotiert*;
  sme: mittelstaendisch*, familienbetrieb, familienunternehmen, familiengefuehrt*, inhabergefuehrt*";
const TEXT_KINDS: &str = "public: tvoed*, tv oed, tv l, tv h, besoldung*, beamt*, verbeamtung, oeffentlich* dienst*,
    oeffentlich* arbeitgeber*;
  media_house: oeffentlich* rechtlich* rundfunk*, oeffentlich* rechtlich* sender*";

/// The kind of employer: the name's first rule in `NAME_KINDS` or "Stadt …" (a GmbH alone says nothing; TV
/// with e. V. is a Turnverein). Else `TEXT_KINDS` anywhere and `SELF_KINDS` after "wir sind", "als",
/// "unser…", "Teil": one branch wins, two are Unspecified, a size (Corporate, Sme) counts only alone.
pub fn employer_type(name: &str, text: &str) -> EmployerType {
    let n = words(name);
    let club = has(&n, "e v, ev, *verein");
    let n = Words::new(n.iter().filter(|w| !club || *w != "tv").cloned().collect());
    let city = n.first().filter(|w| *w == "stadt").map(|_| EmployerType::Public);
    values(NAME_KINDS, |p| has(&n, p)).next().or(city).unwrap_or_else(|| text_kind(&words(text)))
}

/// The type the text gives: one branch wins, two conflict; a size counts only without a branch.
fn text_kind(w: &Words) -> EmployerType {
    let mut kinds: BTreeSet<_> = values(TEXT_KINDS, |p| has(w, p)).collect();
    // "als Redakteur bei einem Verlag" is not the employer speaking of itself.
    let breaks = "in, im, bei, fuer, mit, von, aus, einer, einem, zu, zum, zur";
    for lead in hits(w, "sind, als, unser*, teil") {
        for word in w.iter().skip(lead + 1).take(4).take_while(|w| !fits(w, breaks)) {
            kinds.extend(values::<EmployerType>(SELF_KINDS, |p| fits(word, p)));
        }
    }
    let sized = |k: &EmployerType| matches!(k, EmployerType::Corporate | EmployerType::Sme);
    let (sizes, branches): (Vec<_>, Vec<_>) = kinds.into_iter().partition(sized);
    match (branches.as_slice(), sizes.as_slice()) {
        ([one], _) | ([], [one]) => *one,
        _ => EmployerType::Unspecified,
    }
}

/// What employment types say, written together (`FULL_TIME` = `Full-time`); `none`: known, but no rule uses it.
const TYPES: &str = "full_time: fulltime, vollzeit; part_time: parttime, teilzeit; mini_job: minijob;
  internship: intern, internship, praktikum; freelance: contractor, freelance; fixed_term: temporary, befristet;
  none: other, schichtnachtarbeitwochenende, heimtelearbeit";
/// Working times in the title and text.
const TIME_TEXT: &str = "full_time: vollzeit*, full time, voll oder teilzeit, voll und teilzeit, voll bzw teilzeit,
    voll teilzeit;
  part_time: teilzeit, teilzeitstelle, teilzeitjob, teilzeitbeschaeftigung, part time;
  mini_job: minijob*, mini job*, geringfuegig* beschaeftig*, geringfuegig* entlohnt*, 450 euro, 520 euro, 538 euro,
    556 euro, 603 euro";

/// What an employment type says (see `TYPES`); `None` for types no rule knows.
fn says(employment_type: &str) -> Option<&'static str> {
    let joined = words(employment_type).concat();
    rules(TYPES).find(|(_, patterns)| fits(&joined, patterns)).map(|(slug, _)| slug)
}

/// Working times: all that the employment types (`TYPES`), the Minijob flag and `TIME_TEXT` say; and the
/// types no rule knows, for a warning.
pub fn working_time(types: &[String], mini_job: bool, title: &str, text: &str) -> (Vec<WorkingTime>, Vec<String>) {
    let w = title_and_text(title, text);
    let by_type = types.iter().filter_map(|t| says(t).and_then(WorkingTime::parse));
    let flagged = (mini_job || has(&words(title), "geringfuegig*")).then_some(WorkingTime::MiniJob);
    let found: BTreeSet<_> = by_type.chain(values(TIME_TEXT, |p| stated(&w, p))).chain(flagged).collect();
    let unknown: BTreeSet<_> = types.iter().filter(|t| !t.trim().is_empty() && says(t).is_none()).cloned().collect();
    (found.into_iter().collect(), unknown.into_iter().collect())
}

/// What an ad offers: the apprenticeship flag; INTERN, CONTRACTOR; the title (Ausbildung, not "mit
/// abgeschlossener Ausbildung"; `OFFER_TITLE`); `OFFER_TEXT`; else Employment.
pub fn offer(types: &[String], apprenticeship: bool, title: &str, text: &str) -> Offer {
    let (t, w) = (title_words(title), words(text));
    let by_type = types.iter().find_map(|t| says(t).and_then(Offer::parse));
    let learner = || apprenticeship_title(&t).then_some(Offer::Apprenticeship);
    let by_title = || learner().or_else(|| values(OFFER_TITLE, |p| has(&t, p)).next());
    match by_type.or_else(by_title).or_else(|| values(OFFER_TEXT, |p| has(&w, p)).next()) {
        _ if apprenticeship => Offer::Apprenticeship,
        found => found.unwrap_or(Offer::Employment),
    }
}

/// The contract: TEMPORARY or the stated flag; "zunächst befristet"; else "befristet", Elternzeitvertretung
/// FixedTerm, "unbefristet", "ohne Befristung" Permanent, both Unspecified.
pub fn contract(types: &[String], fixed_term: Option<bool>, text: &str) -> Contract {
    let w = words(text);
    let permanent = stated(&w, "unbefrist*") || hits(&w, "befrist*").any(|i| negated(&w, i));
    let fixed = stated(&w, "befrist*, elternzeitvertretung*, elternzeit vertretung*, mutterschutzvertretung*");
    match (fixed_term, permanent, fixed) {
        _ if fixed_term == Some(true) || types.iter().any(|t| says(t) == Some("fixed_term")) => Contract::FixedTerm,
        (Some(false), ..) => Contract::Permanent,
        _ if has(&w, "zunaechst befrist*, vorerst befrist*") => Contract::FixedTerm,
        (_, true, false) => Contract::Permanent,
        (_, false, true) => Contract::FixedTerm,
        _ => Contract::Unspecified,
    }
}

const FULL_REMOTE: &str = "100 remote, 100 prozent remote, vollstaendig remote, komplett remote, voll remote, \
    full remote, fully remote, remote only, nur remote, ausschliesslich remote, 100 homeoffice, 100 home office, \
    vollstaendig im homeoffice, komplett im homeoffice, ortsunabhaengig*";
const HYBRID: &str = "hybrid* arbeit*, hybrid* work*, homeoffice*, home office*, mobil* arbeiten, mobil* arbeit, \
    remote arbeit*, remote work*, remote moeglich, teilweise remote, remote anteil*, remote tag*, remote option*";

/// Where the work is done: TELECOMMUTE without a place or `FULL_REMOTE` Remote; TELECOMMUTE with a place or
/// `HYBRID` Hybrid (not "hybride Konferenzen"); "remote" in the title Remote (not "Remote-Produktion").
pub fn remote(telecommute: bool, has_place: bool, title: &str, text: &str) -> Remote {
    let (t, w) = (words(title), words(text));
    let alone = |word: &str, not: &str| hits(&t, word).any(|i| !t.get(i + 1).is_some_and(|n| fits(n, not)));
    if (telecommute && !has_place) || stated(&t, FULL_REMOTE) || stated(&w, FULL_REMOTE) {
        Remote::Remote
    } else if telecommute || stated(&t, HYBRID) || stated(&w, HYBRID) || alone("hybrid", "event*, veranstalt*") {
        Remote::Hybrid
    } else if alone("remote", "produktion*, production*, support*, regie*") {
        Remote::Remote
    } else {
        Remote::OnSite
    }
}

#[cfg(test)]
#[path = "classify_tests.rs"]
mod tests;
