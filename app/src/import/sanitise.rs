//! Imported text is data: a description keeps only an allow-list of HTML (paragraphs, lists, line
//! breaks, headings, strong/em, links to http, https and mailto, marked `nofollow noopener ugc`),
//! everything else is removed and entities are decoded; every other text is plain. Nothing imported
//! can run script anywhere on the site.
use std::collections::HashSet;
use std::sync::OnceLock;

/// A description as safe HTML. Plain text (no tags) keeps its paragraphs and line breaks.
pub fn description(written: &str) -> String {
    let html = if looks_like_html(written) { written.to_owned() } else { paragraphs(written) };
    allow_list().clean(&html).to_string().trim().to_owned()
}

/// Text without any markup: tags removed, entities decoded, whitespace collapsed.
pub fn plain(written: &str) -> String {
    if !written.contains(['<', '&']) {
        // Nothing to remove or decode.
        return written.split_whitespace().collect::<Vec<_>>().join(" ");
    }
    static TEXT_ONLY: OnceLock<ammonia::Builder<'static>> = OnceLock::new();
    let builder = TEXT_ONLY.get_or_init(|| {
        let mut b = ammonia::Builder::empty();
        b.clean_content_tags(HashSet::from(["script", "style"]));
        b
    });
    unescaped(&builder.clean(written).to_string())
}

/// The words of a [`description`] (already sanitised, so well-formed) for the classification rules:
/// tags dropped as whole words apart, the entities the sanitiser writes decoded. Not for display.
pub fn text_of(sanitised: &str) -> String {
    unescaped(&crate::search::text::strip_tags(sanitised))
}

/// The entities the sanitiser writes.
const ENTITIES: [(&str, char); 6] =
    [("&lt;", '<'), ("&gt;", '>'), ("&quot;", '"'), ("&#39;", '\''), ("&nbsp;", ' '), ("&amp;", '&')];

/// The sanitiser's output as text: the entities it writes decoded, whitespace collapsed (one pass).
fn unescaped(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let (mut rest, mut gap) = (html, false);
    while let Some(c) = rest.chars().next() {
        let entity = if c == '&' { ENTITIES.iter().find(|(e, _)| rest.starts_with(e)) } else { None };
        let (c, len) = entity.map_or((c, c.len_utf8()), |(e, decoded)| (*decoded, e.len()));
        rest = &rest[len..];
        if c.is_whitespace() {
            gap = !out.is_empty();
            continue;
        }
        if gap {
            out.push(' ');
            gap = false;
        }
        out.push(c);
    }
    out
}

fn allow_list() -> &'static ammonia::Builder<'static> {
    static BUILDER: OnceLock<ammonia::Builder<'static>> = OnceLock::new();
    BUILDER.get_or_init(|| {
        let mut b = ammonia::Builder::empty();
        b.tags(HashSet::from(["p", "br", "ul", "ol", "li", "h2", "h3", "h4", "strong", "em", "b", "i", "a"]))
            .tag_attributes([("a", HashSet::from(["href"]))].into())
            .url_schemes(HashSet::from(["http", "https", "mailto"]))
            .url_relative(ammonia::UrlRelative::Deny)
            .link_rel(Some("nofollow noopener ugc"))
            .clean_content_tags(HashSet::from(["script", "style"]));
        b
    })
}

/// Whether `text` has markup (a tag or an entity) rather than being plain text.
fn looks_like_html(text: &str) -> bool {
    let tag = text.find('<').is_some_and(|i| text[i + 1..].starts_with(|c: char| c.is_ascii_alphabetic() || c == '/'));
    tag || (text.contains('&') && text.contains(';'))
}

/// Plain text as HTML paragraphs: blank lines part paragraphs, single line ends become `<br>`.
fn paragraphs(text: &str) -> String {
    let escape = |s: &str| s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
    text.replace("\r\n", "\n")
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| format!("<p>{}</p>", p.lines().map(|l| escape(l.trim())).collect::<Vec<_>>().join("<br>")))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 2_000, failure_persistence: None, ..ProptestConfig::default() })]
        /// One pass decodes and collapses as replacing each entity in turn, then splitting, would.
        #[test]
        fn unescaping_is_decoding_entity_by_entity(
            parts in proptest::collection::vec("(&lt;|&gt;|&quot;|&#39;|&nbsp;|&amp;|&|amp;|lt;|a|ä| |\n|\u{a0})", 0..40),
        ) {
            let html = parts.concat();
            let mut plain = html.clone();
            for (entity, decoded) in ENTITIES {
                plain = plain.replace(entity, &decoded.to_string());
            }
            prop_assert_eq!(unescaped(&html), plain.split_whitespace().collect::<Vec<_>>().join(" "));
        }
    }

    #[test]
    fn the_words_of_a_sanitised_description_are_its_text_with_paragraphs_apart() {
        let written = "<p>Sie &amp; wir: Schnitt &lt;Ton&gt;</p><ul><li>Vollzeit</li><li>Home&nbsp;Office</li></ul>\
            <a href=\"https://x.example/?a=1&amp;b=2\">Mehr</a><script>alert(1)</script>";
        let clean = description(written);
        assert_eq!(text_of(&clean), "Sie & wir: Schnitt <Ton> Vollzeit Home Office Mehr");
        assert_eq!(plain("  Medienassistent \n (m/w/d) "), "Medienassistent (m/w/d)", "text without markup stays");
        assert_eq!(plain("A &amp; B <b>C</b>"), "A & B C");
    }

    #[test]
    fn only_the_allow_list_survives_and_links_are_marked() {
        let dirty = "<h1>Titel</h1><p onclick=\"x()\">Wir <b>suchen</b> &amp; <em>finden</em>&nbsp;dich.</p>\
            <script>alert(1)</script><style>p{}</style><img src=x onerror=alert(1)>\
            <ul><li><a href=\"javascript:alert(1)\">böse</a></li><li><a href=\"https://zeche.example/\">gut</a></li></ul>\
            <iframe src=\"https://x.example\"></iframe><a href=\"data:text/html,x\">d</a><a href=\"/relativ\">r</a>";
        let clean = description(dirty);
        assert_eq!(
            clean,
            "Titel<p>Wir <b>suchen</b> &amp; <em>finden</em>&nbsp;dich.</p><ul><li><a rel=\"nofollow noopener ugc\">böse</a></li>\
             <li><a href=\"https://zeche.example/\" rel=\"nofollow noopener ugc\">gut</a></li></ul>\
             <a rel=\"nofollow noopener ugc\">d</a><a rel=\"nofollow noopener ugc\">r</a>"
        );
        for bad in ["<script", "onclick", "onerror", "javascript:", "data:", "<iframe", "<img", "<style"] {
            assert!(!clean.contains(bad), "{bad}");
        }
    }

    #[test]
    fn entities_are_decoded_and_plain_text_keeps_its_paragraphs() {
        assert_eq!(description("Gr&uuml;&szlig;e aus Bochum"), "Grüße aus Bochum");
        assert_eq!(
            description("Erste Zeile\nzweite Zeile\n\nNeuer Absatz <3"),
            "<p>Erste Zeile<br>zweite Zeile</p><p>Neuer Absatz &lt;3</p>"
        );
        assert_eq!(plain("  Mediengestalter &amp; Designer <b>(m/w/d)</b>\n "), "Mediengestalter & Designer (m/w/d)");
        assert_eq!(plain("<script>alert(1)</script>Text"), "Text");
    }
}
