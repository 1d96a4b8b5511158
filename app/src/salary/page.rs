//! `/gehalt`: the salary explorer. The URL is the state (the job search's parameter names); its two
//! forms work as plain GET forms and, with WebAssembly, apply each change without a page load,
//! with history (`ui::live`).
use leptos::prelude::*;
use leptos_router::hooks::use_location;
use std::sync::Arc;

use super::charts::{BoxPlots, Histogram, eur};
use super::model::{Group, PATH, Reference, SalaryReport, SkillPay, salary_href};
use super::service::{Explored, ExplorerQuery, explore};
use super::stats::{Figures, MIN_SALARIES};
use crate::jobs::fields::{ANY_PROFESSION, PlaceField, choice_options, profession_options, radius_options};
use crate::jobs::filter::{JobFilter, ParamIssue};
use crate::jobs::model::{Choices, EmployerType, Experience, Param, Relaxation, WorkingTime};
use crate::jobs::terms::UNSPECIFIED;
use crate::ui::form::{CheckGroup, FieldOption, Notices, SelectField};
use crate::ui::format::{format_eur, format_eur_range};
use crate::ui::query_string::query_pairs;
use crate::ui::slug::Slug;
use crate::ui::{Canonical, ColumnHeads, ErrorView, PageMeta};

#[component]
pub fn SalaryPage() -> impl IntoView {
    let query = use_location().search.get_untracked();
    let explorer = match crate::state::search_index() {
        Ok(index) => {
            view! { <Explorer explored=explore(&index, ExplorerQuery::parse(&query), chrono::Utc::now())/> }.into_any()
        }
        Err(error) => view! { <ErrorView error/> }.into_any(),
    };
    view! {
        <PageMeta title="Gehälter in Medienberufen im Ruhrgebiet" description="Was verdienen Medienassistent/innen in Bochum und im Ruhrgebiet? Median, Quartile und Verteilung aus aktuellen Stellenanzeigen, mit Quellen."/>
        <Canonical path=PATH/>
        {explorer}
    }
}

fn heading(filter: &JobFilter, report: &SalaryReport) -> String {
    let professions = &report.choices.professions;
    let profession = Choices::position(professions, &filter.profession)
        .map_or("in Medienberufen".to_owned(), |i| format!("als {}", professions[i].name));
    match &report.place {
        Some(place) => format!("Gehälter {profession} in {place}"),
        None => format!("Gehälter {profession} im Ruhrgebiet"),
    }
}

#[component]
fn Explorer(explored: Explored) -> impl IntoView {
    let Explored { query: ExplorerQuery { filter, invalid, ignored }, report } = explored;
    let notices = invalid.iter().chain(&ignored).map(ParamIssue::notice).collect();
    let s = &report.stats;
    let (title, href) = (heading(&filter, &report), salary_href(&filter));
    view! {
        <h1>{title}</h1>
        <div class="salary-layout" data-live-url=href>
            <form method="get" action=PATH class="salary-form" data-live="">
                <Inputs filter=filter.clone() report=report.clone()/>
            </form>
            <div class="salary-results" id="ergebnis">
                <div class="salary-block">
                    <Notices notices/>
                    <Headline figures=s.figures demo=s.demo broader=s.broader.clone()/>
                    {s.figures.shown().then(|| view! {
                        <section class="distribution" aria-labelledby="dist-heading">
                            <h2 id="dist-heading">"Verteilung"</h2>
                            <Histogram bins=s.histogram.clone()/>
                            <p class="source"><small>{provenance(s.figures.n, s.demo)}</small></p>
                        </section>
                    })}
                </div>
                <section class="helper" id="rechner" aria-labelledby="helper-heading">
                    <h2 id="helper-heading">"Was könnte ich verdienen?"</h2>
                    <form method="get" action=PATH class="helper-form" data-live="">
                        <HelperInputs filter=filter.clone()/>
                    </form>
                    <HelperResult figures=s.figures demo=s.demo skills=s.skills.clone()/>
                </section>
                <div class="salary-block">
                    <Comparisons filter report=report.clone()/>
                    <References rows=s.references.clone()/>
                    <section class="method" aria-labelledby="method-heading">
                        <h2 id="method-heading">"So rechnen wir"</h2>
                        <p data-testid="salary-rule">{s.rule.clone()}</p>
                        <p>{format!("Gezählt werden aktuelle Anzeigen mit Gehaltsangabe des Arbeitgebers; Schätzungen zählen nicht. Unter {MIN_SALARIES} Angaben zeigen wir keine Zahl.")}</p>
                    </section>
                </div>
            </div>
        </div>
    }
}

/// The checkbox options of a closed parameter; `groups` (when given) add how many salaries each has.
/// "Ohne Angabe" is offered where it is a group (some ad leaves the value open, or it is chosen).
fn checks(param: Param, filter: &JobFilter, groups: &[Group]) -> Vec<FieldOption> {
    choice_options(param, filter)
        .into_iter()
        .filter_map(|option| match groups.iter().find(|g| g.key == option.value) {
            Some(g) => Some(option.informing(u64::from(g.figures.n))),
            None if option.value == UNSPECIFIED => None,
            None => Some(option),
        })
        .collect()
}

/// The explorer's inputs: profession, place, radius, and (in the phone drawer) the checkbox groups.
#[component]
fn Inputs(filter: JobFilter, report: Arc<SalaryReport>) -> impl IntoView {
    let f = &filter;
    let s = &report.stats;
    let skills = report
        .choices
        .skills
        .iter()
        .filter(|sk| f.skill.contains(&sk.slug) || s.skills.iter().any(|p| p.skill == sk.slug))
        .map(|sk| FieldOption::new(&sk.slug, &sk.name, f.skill.contains(&sk.slug)))
        .collect();
    view! {
        <SelectField id="s-profession" name=Param::Profession.as_str() label=Param::Profession.label()
            options=profession_options(&report.choices.professions, &f.profession)/>
        <PlaceField id="s-place" label=Param::Place.label() value=f.place.clone() cities=report.choices.cities.clone()/>
        <SelectField id="s-radius" name=Param::RadiusKm.as_str() label=Param::RadiusKm.label() options=radius_options(f)/>
        <details class="filter-drawer">
            <summary class="button">"Weitere Auswahl"</summary>
            <div class="filter-groups">
                {[
                    (Param::Experience, &s.by_experience[..]),
                    (Param::EmployerType, &s.by_employer_type[..]),
                    (Param::WorkingTime, &s.by_working_time[..]),
                    (Param::Offer, &[][..]),
                ].into_iter().map(|(p, groups)| view! {
                    <CheckGroup legend=p.label() name=p.as_str() id_prefix="s" options=checks(p, f, groups)/>
                }).collect_view()}
                <CheckGroup legend="Kenntnisse (alle)" name=Param::Skill.as_str() id_prefix="s" options=skills/>
            </div>
        </details>
        <button type="submit" class="button primary">"Anzeigen"</button>
    }
}

fn provenance(n: u32, demo: bool) -> String {
    let ads = if n == 1 { "1 Stellenanzeige".to_owned() } else { format!("{n} Stellenanzeigen") };
    let demo = if demo { " – Demo-Daten: erfundene Anzeigen, keine echten Gehälter" } else { "" };
    format!("aus {ads} mit Gehaltsangabe des Arbeitgebers{demo}")
}

/// "Größerer Umkreis", "Alle Erfahrungsstufen", or for several inputs "Auswahl lockern (ohne …)".
fn broader_label(params: &[Param]) -> String {
    let label = match params {
        [Param::RadiusKm] => "Größerer Umkreis",
        [Param::Place] => "Ganzes Ruhrgebiet",
        [Param::Profession] => ANY_PROFESSION,
        [Param::WorkingTime] => "Jede Arbeitszeit",
        [Param::Offer] => "Jede Anstellungsart",
        [Param::Experience] => "Alle Erfahrungsstufen",
        [Param::EmployerType] => "Alle Arbeitgeber",
        [Param::Skill] => "Ohne Kenntnis-Auswahl",
        several => {
            let names: Vec<&str> = several.iter().map(|p| p.label()).collect();
            return format!("Auswahl lockern (ohne {})", names.join(", "));
        }
    };
    label.to_owned()
}

#[component]
fn Headline(figures: Figures, demo: bool, broader: Vec<Relaxation>) -> impl IntoView {
    let f = figures;
    if !f.shown() {
        return view! {
            <section class="headline too-few" data-testid="too-few" aria-live="polite">
                <h2>"Zu wenige Angaben"</h2>
                <p>{format!("Für diese Auswahl gibt es {} – erst ab {MIN_SALARIES} zeigen wir Median und Quartile.", provenance(f.n, demo))}</p>
                {(!broader.is_empty()).then(|| view! {
                    <p>"Breiter suchen:"</p>
                    <ul data-testid="broader">
                        {broader.into_iter().map(|r| view! {
                            <li><a href=r.href>{format!("{}: {} Angaben", broader_label(&r.params), r.count)}</a></li>
                        }).collect_view()}
                    </ul>
                })}
            </section>
        }
        .into_any();
    }
    view! {
        <section class="headline" aria-labelledby="headline-heading" aria-live="polite">
            <h2 id="headline-heading" class="visually-hidden">"Überblick"</h2>
            <dl class="figures">
                <div class="main"><dt>"Median brutto / Monat"</dt><dd data-testid="median">{eur(f.median)}</dd></div>
                <div><dt>"Mittlere Hälfte (25.–75. Perzentil)"</dt><dd data-testid="quartiles">{format_eur_range(f.p25.unwrap_or(0), f.p75.unwrap_or(0))}</dd></div>
                <div><dt>"Niedrigstes bis höchstes"</dt><dd>{format_eur_range(f.min.unwrap_or(0), f.max.unwrap_or(0))}</dd></div>
                <div><dt>"Anzeigen"</dt><dd data-testid="salary-n">{f.n}</dd></div>
            </dl>
            <p class="source" data-testid="provenance"><small>{provenance(f.n, demo)}</small></p>
        </section>
    }
    .into_any()
}

/// A select of one value of a closed set, "egal" first (the helper asks for one of each).
fn one_of<T: Slug>(chosen: &[T]) -> Vec<FieldOption> {
    let current = if chosen.len() == 1 { chosen[0].as_str() } else { "" };
    std::iter::once(FieldOption::new("", "egal", current.is_empty()))
        .chain(T::ALL.iter().map(|v| FieldOption::new(v.as_str(), v.label(), v.as_str() == current)))
        .collect()
}

/// The helper's three choices; the other inputs ride along as hidden fields.
#[component]
fn HelperInputs(filter: JobFilter) -> impl IntoView {
    let hidden = JobFilter { experience: vec![], employer_type: vec![], working_time: vec![], ..filter.clone() };
    view! {
        {query_pairs(&hidden.to_string()).into_iter().map(|(name, value)| view! { <input type="hidden" name=name value=value/> }).collect_view()}
        <SelectField id="r-experience" name="experience" label="Erfahrung" options={one_of::<Experience>(&filter.experience)}/>
        <SelectField id="r-employer_type" name="employer_type" label="Arbeitgeber" options={one_of::<EmployerType>(&filter.employer_type)}/>
        <SelectField id="r-working_time" name="working_time" label="Arbeitszeit" options={one_of::<WorkingTime>(&filter.working_time)}/>
        // Also with JavaScript (where a change applies at once): a form is sent by its button.
        <button type="submit" class="button">"Berechnen"</button>
    }
}

#[component]
fn HelperResult(figures: Figures, demo: bool, skills: Vec<SkillPay>) -> impl IntoView {
    let range = match (figures.p25, figures.p75, figures.p10, figures.p90) {
        (Some(p25), Some(p75), Some(p10), Some(p90)) => view! {
            <p class="helper-result" data-testid="helper-range">
                "Die mittlere Hälfte der passenden Anzeigen bietet "<strong>{format_eur_range(p25, p75)}</strong>
                {format!(" brutto im Monat; 8 von 10 liegen zwischen {}.", format_eur_range(p10, p90))}
            </p>
            <p class="source"><small>{provenance(figures.n, demo)}</small></p>
        }
        .into_any(),
        _ => view! { <p class="helper-result">"Zu wenige Angaben für diese Auswahl – siehe oben."</p> }.into_any(),
    };
    let rows = skills.into_iter().map(|s| {
        let diff = i64::from(s.median_with) - i64::from(s.median_without);
        let sign = if diff >= 0 { "+" } else { "−" };
        view! {
            <tr>
                <th scope="row">{s.name}</th>
                <td>{format!("{} ({})", format_eur(s.median_with), s.n_with)}</td>
                <td>{format!("{} ({})", format_eur(s.median_without), s.n_without)}</td>
                <td>{format!("{sign}{}", format_eur(diff.unsigned_abs() as u32))}</td>
            </tr>
        }
    });
    let rows: Vec<_> = rows.collect();
    view! {
        <div>
            {range}
            {(!rows.is_empty()).then(|| view! {
                <h3>"Kenntnisse und Gehalt"</h3>
                <table class="data-table" data-testid="skill-pay">
                    <caption>"Median der Anzeigen mit und ohne die Kenntnis (nur wo beide Seiten genug Angaben haben)"</caption>
                    <ColumnHeads names=&["Kenntnis", "mit (Anzeigen)", "ohne (Anzeigen)", "Unterschied"]/>
                    <tbody>{rows}</tbody>
                </table>
            })}
        </div>
    }
}

/// Links that choose each group's value in the explorer: `set` puts a group's key into the filter.
fn links(groups: &[Group], filter: &JobFilter, set: impl Fn(&mut JobFilter, &str)) -> Vec<String> {
    groups
        .iter()
        .map(|g| {
            let mut next = filter.clone();
            set(&mut next, &g.key);
            salary_href(&next)
        })
        .collect()
}

#[component]
fn Comparisons(filter: JobFilter, report: Arc<SalaryReport>) -> impl IntoView {
    let s = report.stats.clone();
    let f = &filter;
    let demo = if s.demo { " Derzeit Demo-Daten: erfundene Anzeigen, keine echten Gehälter." } else { "" };
    let experience = links(&s.by_experience, f, |f, k| f.experience = Experience::parse(k).into_iter().collect());
    let city = links(&s.by_city, f, |f, k| {
        f.place = k.to_owned();
        f.radius_km = Some(0);
    });
    let employer = links(&s.by_employer_type, f, |f, k| f.employer_type = EmployerType::parse(k).into_iter().collect());
    let working_time =
        links(&s.by_working_time, f, |f, k| f.working_time = WorkingTime::parse(k).into_iter().collect());
    view! {
        <section class="compare" aria-labelledby="compare-heading">
            <h2 id="compare-heading">"Im Vergleich"</h2>
            <p class="hint">"Jede Übersicht lässt ihre eigene Auswahl weg und zeigt alle Werte nebeneinander; die gewählten sind hervorgehoben. Box: mittlere Hälfte der Gehälter, Strich: Median, Linien: übrige Gehälter bis zum 1,5-fachen Quartilsabstand."</p>
            <p class="source"><small>{format!("Alle Werte aus Stellenanzeigen mit Gehaltsangabe des Arbeitgebers; die Anzahl je Gruppe steht in den Tabellen.{demo}")}</small></p>
            <BoxPlots id="experience" title="nach Erfahrung" groups=s.by_experience links=experience/>
            <BoxPlots id="city" title="nach Stadt" groups=s.by_city links=city/>
            <BoxPlots id="employer_type" title="nach Art des Arbeitgebers" groups=s.by_employer_type links=employer/>
            <BoxPlots id="working_time" title="nach Arbeitszeit" groups=s.by_working_time links=working_time/>
        </section>
    }
}

#[component]
fn References(rows: Vec<Reference>) -> impl IntoView {
    let rows = rows.into_iter().map(|r| {
        let value = match (r.statistic.as_str(), r.to) {
            ("ab", _) => format!("ab {}", format_eur(r.from)),
            (_, Some(to)) => format_eur_range(r.from, to),
            _ => format_eur(r.from),
        };
        view! {
            <tr>
                <td>{r.profession}</td><td>{r.statistic}</td><td>{value}</td>
                <td>{r.who}<br/><small>{r.definition}</small></td><td>{r.region}</td>
                <td>{format!("{}, {}", r.source, r.year)}</td>
            </tr>
        }
    });
    view! {
        <section class="references" aria-labelledby="ref-heading" data-testid="references">
            <h2 id="ref-heading">"Zum Vergleich: veröffentlichte Zahlen anderer Quellen"</h2>
            <p class="hint">"Diese Werte stammen nicht aus unseren Anzeigen. Sie messen anderes (andere Berufe, Regionen, Jahre, Befragte statt Anzeigen) und werden deshalb nie mit unseren Zahlen verrechnet."</p>
            <table class="data-table">
                <ColumnHeads names=&["Beruf", "Kennzahl", "Wert brutto / Monat", "Wer zählt", "Region", "Quelle, Jahr"]/>
                <tbody>{rows.collect_view()}</tbody>
            </table>
        </section>
    }
}
