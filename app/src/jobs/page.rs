//! `/jobs`: filters, chips, results. The URL is the state; the page renders fully on the server.
use crate::ui::{Canonical, PageMeta};
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::api::search_now;
use super::chips::{chips, param_label};
use super::model::{JobFilter, JobSummary, ParamIssue, PayComparison, Salary, SearchResponse};
use super::panel::FilterPanel;
use crate::favourites::{FavouriteToggle, SavedJobs};
use crate::ui::ErrorView;
use crate::ui::format::{count_jobs, format_date};

#[component]
pub fn JobsPage() -> impl IntoView {
    let (filter, url_issues) =
        use_query_map().with_untracked(|q| JobFilter::parse(q.into_iter().map(|(k, v)| (k.as_ref(), v))));
    let filter = use_params_map().with_untracked(|p| filter.with_path(p.get("profession"), p.get("city")));
    let listing = match search_now(&filter) {
        Ok(response) => view! { <Listing filter url_issues response saved=SavedJobs::saved_at_load()/> }.into_any(),
        Err(error) => view! { <ErrorView error/> }.into_any(),
    };
    view! {
        <PageMeta title="Stellenangebote" description="Aktuelle Stellen als Medienassistent/in und in Medienberufen in Bochum und im Ruhrgebiet – mit Umkreissuche, Gehaltsfilter und allen Filtern."/>
        <h1>"Stellenangebote"</h1>
        {listing}
    }
}

/// The id of the results section. Every link and form that changes the search leads there, so the
/// URL (shared, reloaded, or gone back to) opens the view at the results, not at the top.
pub const RESULTS_ANCHOR: &str = "ergebnisse";

/// `href` opened at the results section.
pub fn at_results(href: &str) -> String {
    format!("{href}#{RESULTS_ANCHOR}")
}

#[component]
fn Listing(filter: JobFilter, url_issues: Vec<ParamIssue>, response: SearchResponse, saved: Vec<i64>) -> impl IntoView {
    let issues: Vec<ParamIssue> = url_issues.into_iter().chain(response.issues.iter().cloned()).collect();
    let chips = chips(&filter, &response);
    let count_text = match response.total {
        0 => "Keine passenden Stellen".to_owned(),
        n => count_jobs(n),
    };
    let pages = response.page_count();
    let current = response.page;
    let prev = (current > 1).then(|| at_results(&filter.with_page(current - 1).href()));
    let next = (current < pages).then(|| at_results(&filter.with_page(current + 1).href()));
    let relaxations = response.relaxations.clone();
    let items = response.items.clone();
    let canonical = filter.canonical_href();
    view! {
        <Canonical path=canonical/>
        <div class="jobs-layout">
            <FilterPanel filter=filter.clone() response/>
            <section class="results" id=RESULTS_ANCHOR aria-labelledby="result-count" data-live-url=at_results(&filter.href())>
                <p class="result-count" id="result-count" data-testid="result-count" aria-live="polite">{count_text}</p>
                {(!issues.is_empty()).then(|| view! {
                    <ul class="param-issues" role="status">
                        {issues.into_iter().map(|i| view! {
                            <li data-testid="param-issue">
                                <strong>{param_label(&i.param)}" ("{i.param.clone()}")"</strong>": "{i.message}
                            </li>
                        }).collect_view()}
                    </ul>
                })}
                {(!chips.is_empty()).then(|| view! {
                    <ul class="chips" aria-label="Aktive Filter">
                        {chips.into_iter().map(|c| view! {
                            <li><a class="chip active" href=at_results(&c.href) data-testid="filter-chip"
                                aria-label=format!("Filter entfernen: {}", c.label)>{c.label.clone()}" ✕"</a></li>
                        }).collect_view()}
                        <li><a class="reset" href=at_results("/jobs") data-testid="reset-filters">"Alle zurücksetzen"</a></li>
                    </ul>
                })}
                {(!relaxations.is_empty()).then(|| view! {
                    <div class="relax" data-testid="relaxations">
                        <p>"Mit weniger Filtern gibt es Treffer:"</p>
                        <ul>
                            {relaxations.into_iter().map(|r| view! {
                                <li><a href=at_results(&r.href)>{format!("ohne „{}“: {}", param_label(&r.param), count_jobs(r.count))}</a></li>
                            }).collect_view()}
                        </ul>
                    </div>
                })}
                <JobList jobs=items saved/>
                {(pages > 1).then(|| view! {
                    <nav class="pagination" aria-label="Seiten">
                        {prev.map(|href| view! { <a rel="prev" href=href>"← Zurück"</a> })}
                        <span>{format!("Seite {current} von {pages}")}</span>
                        {next.map(|href| view! { <a rel="next" href=href>"Weiter →"</a> })}
                    </nav>
                })}
            </section>
        </div>
    }
}

/// Result cards in their order. `saved`: the ids on the visitor's list as the page was loaded
/// ([`SavedJobs::saved_at_load`]).
#[component]
pub fn JobList(jobs: Vec<JobSummary>, saved: Vec<i64>) -> impl IntoView {
    view! {
        <ol class="job-list">
            {jobs.into_iter().map(|job| {
                let saved = saved.contains(&job.id);
                view! { <li><JobCard job saved/></li> }
            }).collect_view()}
        </ol>
    }
}

/// `saved`: whether the job was on the visitor's list as the page was loaded.
#[component]
pub fn JobCard(job: JobSummary, saved: bool) -> impl IntoView {
    let working_time = job.working_time.iter().map(|w| w.label()).collect::<Vec<_>>().join(", ");
    let href = job.href();
    let demo = job.is_demo();
    let place = match job.distance_km {
        Some(d) => format!("{} · {} km", job.city, format!("{d:.1}").replace('.', ",")),
        None => job.city.clone(),
    };
    view! {
        <article class="job-card" data-testid="job-card">
            <div class="card-head">
                <h2><a href=href>{job.title.clone()}</a></h2>
                <FavouriteToggle job=job.id title=job.title saved/>
            </div>
            <p class="employer">
                {job.employer}
                {demo.then(|| view! { <span class="badge demo" title="Erfundenes Beispiel">"Demo"</span> })}
            </p>
            <ul class="facts">
                <li data-testid="job-place">{place}</li>
                <li>{working_time}</li>
                <li>{job.offer.label()}</li>
                <li>{job.remote.label()}</li>
            </ul>
            <p class="salary"><SalaryInfo salary=job.salary comparison=job.comparison/></p>
            <p class="posted"><small>"Veröffentlicht am "{format_date(&job.posted_at)}</small></p>
        </article>
    }
}

/// The ad's salary with its source label; without one, the comparison with similar listings,
/// marked as such (never as the employer's offer).
#[component]
pub fn SalaryInfo(salary: Option<Salary>, comparison: Option<PayComparison>) -> impl IntoView {
    match (salary, comparison) {
        (Some(s), _) => view! {
            <span data-testid="salary">{s.display()}</span>" "<small>"("{s.source.label()}")"</small>
        }
        .into_any(),
        (None, Some(c)) => view! {
            <span class="muted">"Keine Gehaltsangabe in der Anzeige."</span>" "
            <small class="comparison" data-testid="salary-comparison"
                title=format!("Mittlere Hälfte der Gehaltsangaben von {} Anzeigen mit gleichem Beruf, gleicher Anstellungsart und Erfahrungsstufe – kein Angebot dieses Arbeitgebers.", c.n)>
                {format!("Zum Vergleich, {}", c.display())}
            </small>
        }
        .into_any(),
        (None, None) => view! { <span class="muted">"Keine Gehaltsangabe"</span> }.into_any(),
    }
}
