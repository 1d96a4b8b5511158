//! The explorer page as escaped HTML pieces, built on the server from a `SalaryReport`. The page
//! component places them inside its two forms and result blocks, so the browser bundle only
//! carries the forms' behaviour (see `page.rs`).
use std::fmt::Write;

use super::charts::{box_plots, esc, eur, histogram};
use super::model::{Group, Reference, SalaryPageHtml, SalaryReport, SkillPay};
use super::stats::{Figures, MIN_SALARIES};
use crate::jobs::chips::param_label;
use crate::jobs::model::{
    EmployerType, Experience, JobFilter, Offer, ParamIssue, RADII, Relaxation, Slug, WorkingTime, query_pairs,
};
use crate::ui::format::{format_eur, format_eur_range};

pub fn page(filter: &JobFilter, issues: &[ParamIssue], report: &SalaryReport) -> SalaryPageHtml {
    let s = &report.stats;
    let mut top = issue_list(issues);
    top.push_str(&headline(&s.figures, s.demo, &s.broader));
    if s.figures.shown() {
        let _ = write!(
            top,
            r#"<section class="distribution" aria-labelledby="dist-heading"><h2 id="dist-heading">Verteilung</h2>{}<p class="source"><small>{}</small></p></section>"#,
            histogram(&s.histogram),
            provenance(s.figures.n, s.demo)
        );
    }
    SalaryPageHtml {
        href: super::model::salary_href(filter),
        title: heading(filter, report),
        form: form(filter, report),
        top,
        helper_form: helper_form(filter),
        helper_result: helper_result(&s.figures, s.demo, &s.skills),
        rest: format!("{}{}{}", comparisons(filter, report), references(&s.references), method(&s.rule)),
    }
}

fn heading(filter: &JobFilter, report: &SalaryReport) -> String {
    let profession = report
        .professions
        .iter()
        .find(|p| p.slug == filter.profession)
        .map_or("in Medienberufen".to_owned(), |p| format!("als {}", p.name));
    match &report.place {
        Some(place) => format!("Gehälter {profession} in {place}"),
        None => format!("Gehälter {profession} im Ruhrgebiet"),
    }
}

fn issue_list(issues: &[ParamIssue]) -> String {
    if issues.is_empty() {
        return String::new();
    }
    let mut h = String::from(r#"<ul class="param-issues" role="status">"#);
    for i in issues {
        let _ = write!(
            h,
            r#"<li data-testid="param-issue"><strong>{} ({})</strong>: {}</li>"#,
            esc(param_label(&i.param)),
            esc(&i.param),
            esc(&i.message)
        );
    }
    h.push_str("</ul>");
    h
}

fn provenance(n: u32, demo: bool) -> String {
    let ads = if n == 1 { "1 Stellenanzeige".to_owned() } else { format!("{n} Stellenanzeigen") };
    let demo = if demo { " – Demo-Daten: erfundene Anzeigen, keine echten Gehälter" } else { "" };
    format!("aus {ads} mit Gehaltsangabe des Arbeitgebers{demo}")
}

fn headline(f: &Figures, demo: bool, broader: &[Relaxation]) -> String {
    let mut h = String::new();
    if !f.shown() {
        let _ = write!(
            h,
            r#"<section class="headline too-few" data-testid="too-few" aria-live="polite"><h2>Zu wenige Angaben</h2><p>Für diese Auswahl gibt es {} – erst ab {MIN_SALARIES} zeigen wir Median und Quartile.</p>"#,
            provenance(f.n, demo)
        );
        if !broader.is_empty() {
            h.push_str(r#"<p>Breiter suchen:</p><ul data-testid="broader">"#);
            for r in broader {
                let _ = write!(
                    h,
                    r#"<li><a href="{}">{}: {} Angaben</a></li>"#,
                    esc(&r.href),
                    esc(&broader_label(&r.param)),
                    r.count
                );
            }
            h.push_str("</ul>");
        }
        h.push_str("</section>");
        return h;
    }
    let _ = write!(
        h,
        r#"<section class="headline" aria-labelledby="headline-heading" aria-live="polite"><h2 id="headline-heading" class="visually-hidden">Überblick</h2><dl class="figures"><div class="main"><dt>Median brutto / Monat</dt><dd data-testid="median">{}</dd></div><div><dt>Mittlere Hälfte (25.–75. Perzentil)</dt><dd data-testid="quartiles">{}</dd></div><div><dt>Niedrigstes bis höchstes</dt><dd>{}</dd></div><div><dt>Anzeigen</dt><dd data-testid="salary-n">{}</dd></div></dl><p class="source" data-testid="provenance"><small>{}</small></p></section>"#,
        eur(f.median),
        format_eur_range(f.p25.unwrap_or(0), f.p75.unwrap_or(0)),
        format_eur_range(f.min.unwrap_or(0), f.max.unwrap_or(0)),
        f.n,
        provenance(f.n, demo)
    );
    h
}

/// "Größerer Umkreis", "Alle Erfahrungsstufen", or for several inputs "Auswahl lockern (ohne …)".
fn broader_label(param: &str) -> String {
    fn input(param: &str) -> &'static str {
        match param {
            "place" => "Ort",
            "profession" => "Beruf",
            "working_time" => "Arbeitszeit",
            "offer" => "Anstellungsart",
            "experience" => "Erfahrung",
            "employer_type" => "Arbeitgeber",
            _ => "Kenntnisse",
        }
    }
    let label = match param {
        "radius_km" => "Größerer Umkreis",
        "place" => "Ganzes Ruhrgebiet",
        "profession" => "Alle Medienberufe",
        "working_time" => "Jede Arbeitszeit",
        "offer" => "Jede Anstellungsart",
        "experience" => "Alle Erfahrungsstufen",
        "employer_type" => "Alle Arbeitgeber",
        "skill" => "Ohne Kenntnis-Auswahl",
        several => {
            let names: Vec<&str> = several.split(',').map(input).collect();
            return format!("Auswahl lockern (ohne {})", names.join(", "));
        }
    };
    label.to_owned()
}

fn selected(yes: bool) -> &'static str {
    if yes { " selected" } else { "" }
}

/// The helper's three choices; the other inputs ride along as hidden fields.
fn helper_form(filter: &JobFilter) -> String {
    let hidden = JobFilter { experience: vec![], employer_type: vec![], working_time: vec![], ..filter.clone() };
    let mut h = String::new();
    for (k, v) in query_pairs(&hidden.to_string()) {
        let _ = write!(h, r#"<input type="hidden" name="{}" value="{}">"#, esc(&k), esc(&v));
    }
    fn one<T: Slug>(h: &mut String, name: &str, label: &str, chosen: &[T]) {
        let current = if chosen.len() == 1 { chosen[0].as_str() } else { "" };
        let _ = write!(
            h,
            r#"<div class="field"><label for="r-{name}">{label}</label><select id="r-{name}" name="{name}"><option value=""{}>egal</option>"#,
            selected(current.is_empty())
        );
        for v in T::ALL {
            let _ = write!(
                h,
                r#"<option value="{}"{}>{}</option>"#,
                v.as_str(),
                selected(v.as_str() == current),
                v.label()
            );
        }
        h.push_str("</select></div>");
    }
    one::<Experience>(&mut h, "experience", "Erfahrung", &filter.experience);
    one::<EmployerType>(&mut h, "employer_type", "Arbeitgeber", &filter.employer_type);
    one::<WorkingTime>(&mut h, "working_time", "Arbeitszeit", &filter.working_time);
    h.push_str(r#"<noscript><button type="submit" class="button primary">Berechnen</button></noscript>"#);
    h
}

fn helper_result(f: &Figures, demo: bool, skills: &[SkillPay]) -> String {
    let mut h = String::new();
    match (f.p25, f.p75, f.p10, f.p90) {
        (Some(p25), Some(p75), Some(p10), Some(p90)) => {
            let _ = write!(
                h,
                r#"<p class="helper-result" data-testid="helper-range">Die mittlere Hälfte der passenden Anzeigen bietet <strong>{}</strong> brutto im Monat; 8 von 10 liegen zwischen {}.</p><p class="source"><small>{}</small></p>"#,
                format_eur_range(p25, p75),
                format_eur_range(p10, p90),
                provenance(f.n, demo)
            );
        }
        _ => h.push_str(r#"<p class="helper-result">Zu wenige Angaben für diese Auswahl – siehe oben.</p>"#),
    }
    if skills.is_empty() {
        return h;
    }
    h.push_str(
        r#"<h3>Kenntnisse und Gehalt</h3><table class="data-table" data-testid="skill-pay"><caption>Median der Anzeigen mit und ohne die Kenntnis (nur wo beide Seiten genug Angaben haben)</caption><thead><tr><th scope="col">Kenntnis</th><th scope="col">mit (Anzeigen)</th><th scope="col">ohne (Anzeigen)</th><th scope="col">Unterschied</th></tr></thead><tbody>"#,
    );
    for s in skills {
        let diff = i64::from(s.median_with) - i64::from(s.median_without);
        let sign = if diff >= 0 { "+" } else { "−" };
        let _ = write!(
            h,
            r#"<tr><th scope="row">{}</th><td>{} ({})</td><td>{} ({})</td><td>{sign}{}</td></tr>"#,
            esc(&s.name),
            format_eur(s.median_with),
            s.n_with,
            format_eur(s.median_without),
            s.n_without,
            format_eur(diff.unsigned_abs() as u32)
        );
    }
    h.push_str("</tbody></table>");
    h
}

/// The explorer's inputs: profession, place, radius, and (in the phone drawer) the checkbox groups.
fn form(f: &JobFilter, report: &SalaryReport) -> String {
    let mut h = String::from(
        r#"<div class="field"><label for="s-profession">Beruf</label><select id="s-profession" name="profession">"#,
    );
    let _ = write!(h, r#"<option value=""{}>Alle Medienberufe</option>"#, selected(f.profession.is_empty()));
    for p in &report.professions {
        let _ = write!(
            h,
            r#"<option value="{}"{}>{}</option>"#,
            esc(&p.slug),
            selected(p.slug == f.profession),
            esc(&p.name)
        );
    }
    let _ = write!(
        h,
        r#"</select></div><div class="field"><label for="s-place">Ort</label><input id="s-place" name="place" type="text" list="s-cities" value="{}" placeholder="Stadt oder „51.48,7.21“" autocomplete="off"><datalist id="s-cities">"#,
        esc(&f.place)
    );
    for c in &report.cities {
        let _ = write!(h, r#"<option value="{}"></option>"#, esc(&c.name));
    }
    h.push_str(r#"</datalist></div><div class="field"><label for="s-radius">Umkreis</label><select id="s-radius" name="radius_km">"#);
    let radius = f.effective_radius_km();
    for km in RADII {
        let label = if *km == 0 { "nur im Ort".to_owned() } else { format!("{km} km") };
        let _ = write!(h, r#"<option value="{km}"{}>{label}</option>"#, selected(*km == radius));
    }
    h.push_str(
        r#"</select></div><details class="filter-drawer"><summary class="button">Weitere Auswahl</summary><div class="filter-groups">"#,
    );
    let s = &report.stats;
    checks::<Experience>(&mut h, "Erfahrung", "experience", &f.experience, &s.by_experience);
    checks::<EmployerType>(&mut h, "Arbeitgeber", "employer_type", &f.employer_type, &s.by_employer_type);
    checks::<WorkingTime>(&mut h, "Arbeitszeit", "working_time", &f.working_time, &s.by_working_time);
    checks::<Offer>(&mut h, "Anstellungsart", "offer", &f.offer, &[]);
    h.push_str(r#"<fieldset><legend>Kenntnisse (alle)</legend><ul class="options">"#);
    let offered =
        report.skills.iter().filter(|sk| f.skill.contains(&sk.slug) || s.skills.iter().any(|p| p.skill == sk.slug));
    for sk in offered {
        check(&mut h, "skill", &sk.slug, &sk.name, f.skill.contains(&sk.slug), None);
    }
    h.push_str(r#"</ul></fieldset></div></details><button type="submit" class="button primary">Anzeigen</button>"#);
    h
}

fn check(h: &mut String, name: &str, value: &str, label: &str, checked: bool, count: Option<u32>) {
    let id = esc(&format!("s-{name}-{value}"));
    let count = count.map(|n| format!(" ({n})")).unwrap_or_default();
    let _ = write!(
        h,
        r#"<li><input type="checkbox" id="{id}" name="{name}" value="{}"{}><label for="{id}">{}<span class="count">{count}</span></label></li>"#,
        esc(value),
        if checked { " checked" } else { "" },
        esc(label)
    );
}

/// Checkboxes for a closed set; `groups` (when given) add how many salaries each value has.
fn checks<T: Slug>(h: &mut String, legend: &str, name: &str, chosen: &[T], groups: &[Group]) {
    let _ = write!(h, r#"<fieldset><legend>{legend}</legend><ul class="options">"#);
    for v in T::ALL {
        let count = groups.iter().find(|g| g.key == v.as_str()).map(|g| g.figures.n);
        check(h, name, v.as_str(), v.label(), chosen.contains(v), count);
    }
    h.push_str("</ul></fieldset>");
}

fn comparisons(filter: &JobFilter, report: &SalaryReport) -> String {
    let s = &report.stats;
    let demo = if s.demo { " Derzeit Demo-Daten: erfundene Anzeigen, keine echten Gehälter." } else { "" };
    let mut h = format!(
        r#"<section class="compare" aria-labelledby="compare-heading"><h2 id="compare-heading">Im Vergleich</h2><p class="hint">Jede Übersicht lässt ihre eigene Auswahl weg und zeigt alle Werte nebeneinander; die gewählten sind hervorgehoben. Box: mittlere Hälfte der Gehälter, Strich: Median, Linien: übrige Gehälter bis zum 1,5-fachen Quartilsabstand.</p><p class="source"><small>Alle Werte aus Stellenanzeigen mit Gehaltsangabe des Arbeitgebers; die Anzahl je Gruppe steht in den Tabellen.{demo}</small></p>"#
    );
    h.push_str(&box_plots("experience", "nach Erfahrung", &s.by_experience, filter, |f, k| {
        f.experience = Experience::parse(k).into_iter().collect()
    }));
    h.push_str(&box_plots("city", "nach Stadt", &s.by_city, filter, |f, k| {
        f.place = k.to_owned();
        f.radius_km = Some(0);
    }));
    h.push_str(&box_plots("employer_type", "nach Art des Arbeitgebers", &s.by_employer_type, filter, |f, k| {
        f.employer_type = EmployerType::parse(k).into_iter().collect()
    }));
    h.push_str(&box_plots("working_time", "nach Arbeitszeit", &s.by_working_time, filter, |f, k| {
        f.working_time = WorkingTime::parse(k).into_iter().collect()
    }));
    h.push_str("</section>");
    h
}

fn references(rows: &[Reference]) -> String {
    let mut h = String::from(
        r#"<section class="references" aria-labelledby="ref-heading" data-testid="references"><h2 id="ref-heading">Zum Vergleich: veröffentlichte Zahlen anderer Quellen</h2><p class="hint">Diese Werte stammen nicht aus unseren Anzeigen. Sie messen anderes (andere Berufe, Regionen, Jahre, Befragte statt Anzeigen) und werden deshalb nie mit unseren Zahlen verrechnet.</p><table class="data-table"><thead><tr><th scope="col">Beruf</th><th scope="col">Kennzahl</th><th scope="col">Wert brutto / Monat</th><th scope="col">Wer zählt</th><th scope="col">Region</th><th scope="col">Quelle, Jahr</th></tr></thead><tbody>"#,
    );
    for r in rows {
        let value = match (r.statistic.as_str(), r.to) {
            ("ab", _) => format!("ab {}", format_eur(r.from)),
            (_, Some(to)) => format_eur_range(r.from, to),
            _ => format_eur(r.from),
        };
        let _ = write!(
            h,
            r#"<tr><td>{}</td><td>{}</td><td>{value}</td><td>{}<br><small>{}</small></td><td>{}</td><td>{}, {}</td></tr>"#,
            esc(&r.profession),
            esc(&r.statistic),
            esc(&r.who),
            esc(&r.definition),
            esc(&r.region),
            esc(&r.source),
            esc(&r.year)
        );
    }
    h.push_str("</tbody></table></section>");
    h
}

fn method(rule: &str) -> String {
    format!(
        r#"<section class="method" aria-labelledby="method-heading"><h2 id="method-heading">So rechnen wir</h2><p data-testid="salary-rule">{}</p><p>Gezählt werden aktuelle Anzeigen mit Gehaltsangabe des Arbeitgebers; Schätzungen zählen nicht. Unter {MIN_SALARIES} Angaben zeigen wir keine Zahl.</p></section>"#,
        esc(rule)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::salary::stats::Bin;

    #[test]
    fn text_from_data_is_escaped() {
        assert_eq!(esc(r#"<script>"a"&'b'"#), "&lt;script&gt;&quot;a&quot;&amp;&#39;b&#39;");
        let issue = ParamIssue { param: "place".into(), message: "„<img src=x>“ kennen wir nicht".into() };
        let html = issue_list(&[issue]);
        assert!(html.contains("&lt;img src=x&gt;") && !html.contains("<img"), "{html}");
    }

    #[test]
    fn histogram_bars_and_table_rows_agree() {
        let bins = [Bin { from: 2000, to: 2500, count: 3 }, Bin { from: 2500, to: 3000, count: 0 }];
        let html = histogram(&bins);
        assert_eq!(html.matches(r#"data-testid="histogram-bar""#).count(), 2);
        assert_eq!(html.matches(r#"data-testid="histogram-row""#).count(), 2);
        assert!(html.contains(r#"data-count="3""#) && html.contains(r#"<td data-testid="histogram-count">3</td>"#));
        assert!(html.contains("2.000 € bis unter 2.500 €"));
    }

    #[test]
    fn box_plot_links_choose_the_group() {
        let figures = Figures::of(&[2000, 2100, 2200, 2300, 2400]);
        let groups = [Group { key: "entry".into(), label: "Berufseinstieg".into(), selected: true, figures }];
        let html = box_plots("experience", "nach Erfahrung", &groups, &JobFilter::default(), |f, k| {
            f.experience = Experience::parse(k).into_iter().collect()
        });
        assert!(html.contains(r#"<a href="/gehalt?experience=entry">Berufseinstieg</a>"#), "{html}");
        assert!(html.contains(r#"data-value="2200""#));
        assert!(html.contains(r#"<td data-testid="boxplot-median">2.200 €</td>"#));
    }

    #[test]
    fn broader_labels_name_every_input_left_out() {
        assert_eq!(broader_label("radius_km"), "Größerer Umkreis");
        assert_eq!(broader_label("experience,employer_type"), "Auswahl lockern (ohne Erfahrung, Arbeitgeber)");
    }
}
