//! `/gehalt`: the salary explorer. The URL is the state (the job search's parameter names); the
//! form works as a plain GET form and, with WebAssembly, applies each change client-side.
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::{use_navigate, use_query_map};

use super::api::explore_salaries;
use super::charts::{BoxPlots, Histogram};
use super::model::{Group, PATH, SalaryReport, explorer_filter, salary_href};
use super::stats::{Figures, MIN_SALARIES};
use crate::jobs::model::{EmployerType, Experience, JobFilter, Offer, ParamIssue, RADII, Slug, WorkingTime};
use crate::ui::ErrorView;
use crate::ui::filter_form::{apply_on_change, submit};
use crate::ui::format::{format_eur, format_eur_range};

#[component]
pub fn SalaryPage() -> impl IntoView {
    let query = use_query_map();
    let parsed = Memo::new(move |_| {
        let (filter, mut issues) = query.with(|q| JobFilter::parse(q.into_iter().map(|(k, v)| (k.as_ref(), v))));
        let (filter, unused) = explorer_filter(&filter);
        issues.extend(unused);
        (filter, issues)
    });
    let filter = Memo::new(move |_| parsed.with(|(f, _)| f.clone()));
    let report = Resource::new(move || filter.get(), explore_salaries);
    view! {
        <Title text="Gehälter in Medienberufen im Ruhrgebiet"/>
        <Meta name="description" content="Was verdienen Medienassistent/innen in Bochum und im Ruhrgebiet? Median, Quartile und Verteilung aus aktuellen Stellenanzeigen, mit Quellen."/>
        <Transition fallback=|| view! { <p class="loading">"Gehälter werden berechnet …"</p> }>
            {move || {
                let (filter, url_issues) = parsed.get();
                Suspend::new(async move {
                    match report.await {
                        Ok(report) => view! { <Explorer filter url_issues report/> }.into_any(),
                        Err(error) => view! { <ErrorView error/> }.into_any(),
                    }
                })
            }}
        </Transition>
    }
}

fn heading(filter: &JobFilter, report: &SalaryReport) -> String {
    let profession = report
        .professions
        .iter()
        .find(|p| p.slug == filter.profession)
        .map_or("Medienberufen".to_owned(), |p| format!("als {}", p.name));
    match &report.place {
        Some(place) => format!("Gehälter {profession} in {place}"),
        None => format!("Gehälter {profession} im Ruhrgebiet"),
    }
}

#[component]
fn Explorer(filter: JobFilter, url_issues: Vec<ParamIssue>, report: SalaryReport) -> impl IntoView {
    let mut issues = url_issues;
    for issue in &report.issues {
        if !issues.contains(issue) {
            issues.push(issue.clone());
        }
    }
    let stats = report.stats.clone();
    let title = heading(&filter, &report);
    let f = filter.clone();
    let pick = move |set: fn(&mut JobFilter, &str)| {
        let f = f.clone();
        move |key: &str| {
            let mut next = f.clone();
            set(&mut next, key);
            salary_href(&next)
        }
    };
    view! {
        <h1>{title}</h1>
        <div class="salary-layout">
            <SalaryForm filter=filter.clone() report=report.clone()/>
            <div class="salary-results" id="ergebnis">
                {(!issues.is_empty()).then(|| view! {
                    <ul class="param-issues" role="status">
                        {issues.into_iter().map(|i| view! {
                            <li data-testid="param-issue"><strong>{i.param.clone()}</strong>": "{i.message}</li>
                        }).collect_view()}
                    </ul>
                })}
                <Headline figures=stats.figures demo=stats.demo broader=stats.broader.clone()/>
                {stats.figures.shown().then(|| view! {
                    <section aria-labelledby="dist-heading">
                        <h2 id="dist-heading">"Verteilung"</h2>
                        <Histogram bins=stats.histogram.clone()/>
                        <p class="source"><small>{provenance(stats.figures.n, stats.demo)}</small></p>
                    </section>
                })}
                <Helper filter=filter.clone() figures=stats.figures demo=stats.demo skills=stats.skills.clone()/>
                <section aria-labelledby="compare-heading">
                    <h2 id="compare-heading">"Im Vergleich"</h2>
                    <p class="hint">
                        "Jede Übersicht lässt ihre eigene Auswahl weg und zeigt alle Werte nebeneinander; "
                        "die gewählten sind hervorgehoben. Box: mittlere Hälfte der Gehälter, Strich: Median, "
                        "Linien: übrige Gehälter bis zum 1,5-fachen Quartilsabstand."
                    </p>
                    <p class="source"><small>
                        "Alle Werte aus Stellenanzeigen mit Gehaltsangabe des Arbeitgebers; die Anzahl je Gruppe steht in den Tabellen."
                        {stats.demo.then_some(" Derzeit Demo-Daten: erfundene Anzeigen, keine echten Gehälter.")}
                    </small></p>
                    <BoxPlots id="experience" title="nach Erfahrung" groups=stats.by_experience.clone()
                        href=pick(|f, k| f.experience = Experience::parse(k).into_iter().collect())/>
                    <BoxPlots id="city" title="nach Stadt" groups=stats.by_city.clone()
                        href=pick(|f, k| { f.place = k.to_owned(); f.radius_km = Some(0); })/>
                    <BoxPlots id="employer_type" title="nach Art des Arbeitgebers" groups=stats.by_employer_type.clone()
                        href=pick(|f, k| f.employer_type = EmployerType::parse(k).into_iter().collect())/>
                    <BoxPlots id="working_time" title="nach Arbeitszeit" groups=stats.by_working_time.clone()
                        href=pick(|f, k| f.working_time = WorkingTime::parse(k).into_iter().collect())/>
                </section>
                <References references=stats.references.clone()/>
                <section class="method" aria-labelledby="method-heading">
                    <h2 id="method-heading">"So rechnen wir"</h2>
                    <p data-testid="salary-rule">{stats.rule.clone()}</p>
                    <p>{format!(
                        "Gezählt werden aktuelle Anzeigen mit Gehaltsangabe des Arbeitgebers; Schätzungen zählen nicht. \
                         Unter {MIN_SALARIES} Angaben zeigen wir keine Zahl."
                    )}</p>
                </section>
            </div>
        </div>
    }
}

fn provenance(n: u32, demo: bool) -> String {
    let ads = if n == 1 { "1 Stellenanzeige".to_owned() } else { format!("{n} Stellenanzeigen") };
    let demo = if demo { " – Demo-Daten: erfundene Anzeigen, keine echten Gehälter" } else { "" };
    format!("aus {ads} mit Gehaltsangabe des Arbeitgebers{demo}")
}

#[component]
fn Headline(figures: Figures, demo: bool, broader: Vec<crate::jobs::model::Relaxation>) -> impl IntoView {
    let f = figures;
    if !f.shown() {
        return view! {
            <section class="headline too-few" data-testid="too-few" aria-live="polite">
                <h2>"Zu wenige Angaben"</h2>
                <p>{format!(
                    "Für diese Auswahl gibt es {} – erst ab {MIN_SALARIES} zeigen wir Median und Quartile.",
                    provenance(f.n, demo)
                )}</p>
                {(!broader.is_empty()).then(|| view! {
                    <p>"Breiter suchen:"</p>
                    <ul data-testid="broader">
                        {broader.into_iter().map(|r| view! {
                            <li><a href=r.href>{format!("{}: {} Angaben", broader_label(&r.param), r.count)}</a></li>
                        }).collect_view()}
                    </ul>
                })}
            </section>
        }
        .into_any();
    }
    let (p25, median, p75) = (f.p25.unwrap_or(0), f.median.unwrap_or(0), f.p75.unwrap_or(0));
    view! {
        <section class="headline" aria-labelledby="headline-heading" aria-live="polite">
            <h2 id="headline-heading" class="visually-hidden">"Überblick"</h2>
            <dl class="figures">
                <div class="main">
                    <dt>"Median brutto / Monat"</dt>
                    <dd data-testid="median">{format_eur(median)}</dd>
                </div>
                <div>
                    <dt>"Mittlere Hälfte (25.–75. Perzentil)"</dt>
                    <dd data-testid="quartiles">{format_eur_range(p25, p75)}</dd>
                </div>
                <div>
                    <dt>"Niedrigstes bis höchstes"</dt>
                    <dd>{format_eur_range(f.min.unwrap_or(0), f.max.unwrap_or(0))}</dd>
                </div>
                <div>
                    <dt>"Anzeigen"</dt>
                    <dd data-testid="salary-n">{f.n}</dd>
                </div>
            </dl>
            <p class="source" data-testid="provenance"><small>{provenance(f.n, demo)}</small></p>
        </section>
    }
    .into_any()
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
            return format!("Auswahl lockern (ohne {})", several.split(',').map(input).collect::<Vec<_>>().join(", "));
        }
    };
    label.to_owned()
}

/// "What could I earn": three choices and the range where most listings fall, plus skills.
#[component]
fn Helper(filter: JobFilter, figures: Figures, demo: bool, skills: Vec<super::model::SkillPay>) -> impl IntoView {
    let navigate = use_navigate();
    let hidden = JobFilter { experience: vec![], employer_type: vec![], working_time: vec![], ..filter.clone() };
    let hidden_pairs: Vec<(String, String)> = crate::jobs::model::query_pairs(&hidden.to_string());
    fn one<T: Slug>(name: &'static str, label: &'static str, chosen: &[T]) -> impl IntoView + use<T> {
        let current = if chosen.len() == 1 { chosen[0].as_str() } else { "" };
        let id = format!("r-{name}");
        view! {
            <div class="field">
                <label for=id.clone()>{label}</label>
                <select id=id name=name>
                    <option value="" selected=current.is_empty() prop:selected=current.is_empty()>"egal"</option>
                    {T::ALL.iter().map(|v| {
                        let selected = v.as_str() == current;
                        view! { <option value=v.as_str() selected=selected prop:selected=selected>{v.label()}</option> }
                    }).collect_view()}
                </select>
            </div>
        }
    }
    let result = match (figures.p25, figures.p75, figures.p10, figures.p90) {
        (Some(p25), Some(p75), Some(p10), Some(p90)) => view! {
            <p class="helper-result" data-testid="helper-range">
                "Die mittlere Hälfte der passenden Anzeigen bietet "<strong>{format_eur_range(p25, p75)}</strong>
                " brutto im Monat; 8 von 10 liegen zwischen "{format_eur_range(p10, p90)}"."
            </p>
            <p class="source"><small>{provenance(figures.n, demo)}</small></p>
        }
        .into_any(),
        _ => view! { <p class="helper-result">"Zu wenige Angaben für diese Auswahl – siehe oben."</p> }.into_any(),
    };
    view! {
        <section class="helper" id="rechner" aria-labelledby="helper-heading">
            <h2 id="helper-heading">"Was könnte ich verdienen?"</h2>
            <form method="get" action=PATH class="helper-form" on:change=apply_on_change
                on:submit=move |ev| submit(ev, &navigate, |f| salary_href(&explorer_filter(&f).0), false)>
                {hidden_pairs.into_iter().map(|(k, v)| view! { <input type="hidden" name=k value=v/> }).collect_view()}
                {one::<Experience>("experience", "Erfahrung", &filter.experience)}
                {one::<EmployerType>("employer_type", "Arbeitgeber", &filter.employer_type)}
                {one::<WorkingTime>("working_time", "Arbeitszeit", &filter.working_time)}
                <noscript><button type="submit" class="button primary">"Berechnen"</button></noscript>
            </form>
            {result}
            {(!skills.is_empty()).then(|| view! {
                <h3>"Kenntnisse und Gehalt"</h3>
                <table class="data-table" data-testid="skill-pay">
                    <caption>"Median der Anzeigen mit und ohne die Kenntnis (nur wo beide Seiten genug Angaben haben)"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Kenntnis"</th>
                            <th scope="col">"mit (Anzeigen)"</th>
                            <th scope="col">"ohne (Anzeigen)"</th>
                            <th scope="col">"Unterschied"</th>
                        </tr>
                    </thead>
                    <tbody>
                        {skills.into_iter().map(|s| {
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
                        }).collect_view()}
                    </tbody>
                </table>
            })}
        </section>
    }
}

#[component]
fn SalaryForm(filter: JobFilter, report: SalaryReport) -> impl IntoView {
    let f = filter;
    let navigate = use_navigate();
    let radius = f.effective_radius_km();
    /// Checkboxes for a closed set; `groups` (when given) add how many salaries each value has.
    fn checks<T: Slug>(
        legend: &'static str,
        name: &'static str,
        chosen: &[T],
        groups: &[Group],
    ) -> impl IntoView + use<T> {
        let count = |key: &str| groups.iter().find(|g| g.key == key).map(|g| g.figures.n);
        view! {
            <fieldset>
                <legend>{legend}</legend>
                <ul class="options">
                    {T::ALL.iter().map(|v| {
                        let id = format!("s-{name}-{}", v.as_str());
                        let checked = chosen.contains(v);
                        let n: String = count(v.as_str()).map(|n| format!(" ({n})")).unwrap_or_default();
                        view! {
                            <li>
                                <input type="checkbox" id=id.clone() name=name value=v.as_str() checked=checked prop:checked=checked/>
                                <label for=id>{v.label()}<span class="count">{n}</span></label>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </fieldset>
        }
    }
    let s = &report.stats;
    view! {
        <form method="get" action=PATH class="salary-form" on:change=apply_on_change
            on:submit=move |ev| submit(ev, &navigate, |f| salary_href(&explorer_filter(&f).0), false)>
            <div class="field">
                <label for="s-profession">"Beruf"</label>
                <select id="s-profession" name="profession">
                    <option value="" selected=f.profession.is_empty() prop:selected=f.profession.is_empty()>"Alle Medienberufe"</option>
                    {report.professions.iter().map(|p| {
                        let selected = p.slug == f.profession;
                        view! { <option value=p.slug.clone() selected=selected prop:selected=selected>{p.name.clone()}</option> }
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="s-place">"Ort"</label>
                <input id="s-place" name="place" type="text" list="s-cities" value=f.place.clone() prop:value=f.place.clone()
                    placeholder="Stadt oder „51.48,7.21“" autocomplete="off"/>
                <datalist id="s-cities">
                    {report.cities.iter().map(|c| view! { <option value=c.name.clone()></option> }).collect_view()}
                </datalist>
            </div>
            <div class="field">
                <label for="s-radius">"Umkreis"</label>
                <select id="s-radius" name="radius_km">
                    {RADII.iter().map(|km| {
                        let label = if *km == 0 { "nur im Ort".to_owned() } else { format!("{km} km") };
                        view! { <option value=km.to_string() selected=*km == radius prop:selected=*km == radius>{label}</option> }
                    }).collect_view()}
                </select>
            </div>
            <details class="filter-drawer">
                <summary class="button">"Weitere Auswahl"</summary>
                <div class="filter-groups">
            {checks::<Experience>("Erfahrung", "experience", &f.experience, &s.by_experience)}
            {checks::<EmployerType>("Arbeitgeber", "employer_type", &f.employer_type, &s.by_employer_type)}
            {checks::<WorkingTime>("Arbeitszeit", "working_time", &f.working_time, &s.by_working_time)}
            {checks::<Offer>("Anstellungsart", "offer", &f.offer, &[])}
            <fieldset>
                <legend>"Kenntnisse (alle)"</legend>
                <ul class="options">
                    {report.skills.iter().filter(|sk| f.skill.contains(&sk.slug) || report.stats.skills.iter().any(|p| p.skill == sk.slug)).map(|sk| {
                        let id = format!("s-skill-{}", sk.slug);
                        let checked = f.skill.contains(&sk.slug);
                        view! {
                            <li>
                                <input type="checkbox" id=id.clone() name="skill" value=sk.slug.clone() checked=checked prop:checked=checked/>
                                <label for=id>{sk.name.clone()}</label>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </fieldset>
                </div>
            </details>
            <button type="submit" class="button primary">"Anzeigen"</button>
        </form>
    }
}

#[component]
fn References(references: Vec<super::model::Reference>) -> impl IntoView {
    view! {
        <section class="references" aria-labelledby="ref-heading" data-testid="references">
            <h2 id="ref-heading">"Zum Vergleich: veröffentlichte Zahlen anderer Quellen"</h2>
            <p class="hint">
                "Diese Werte stammen nicht aus unseren Anzeigen. Sie messen anderes (andere Berufe, Regionen, Jahre, "
                "Befragte statt Anzeigen) und werden deshalb nie mit unseren Zahlen verrechnet."
            </p>
            <table class="data-table">
                <thead>
                    <tr>
                        <th scope="col">"Beruf"</th>
                        <th scope="col">"Kennzahl"</th>
                        <th scope="col">"Wert brutto / Monat"</th>
                        <th scope="col">"Wer zählt"</th>
                        <th scope="col">"Region"</th>
                        <th scope="col">"Quelle, Jahr"</th>
                    </tr>
                </thead>
                <tbody>
                    {references.into_iter().map(|r| {
                        let value = match (r.statistic.as_str(), r.to) {
                            ("ab", _) => format!("ab {}", format_eur(r.from)),
                            (_, Some(to)) => format_eur_range(r.from, to),
                            _ => format_eur(r.from),
                        };
                        view! {
                            <tr>
                                <td>{r.profession}</td>
                                <td>{r.statistic}</td>
                                <td>{value}</td>
                                <td>{r.who}<br/><small>{r.definition}</small></td>
                                <td>{r.region}</td>
                                <td>{format!("{}, {}", r.source, r.year)}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </section>
    }
}
