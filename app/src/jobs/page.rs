//! `/jobs`: filters, chips, results. The URL is the state; the page renders fully on the server.
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::card::JobList;
use super::chips::chips;
use super::filter::{JobFilter, ParamIssue};
use super::model::Hit;
use super::model::SearchResponse;
use super::panel::{FilterPanel, at_results};
use super::service::search;
use crate::favourites::toggles;
use crate::ui::format::count_jobs;
use crate::ui::{Canonical, ErrorView, Notices, PageMeta};

/// Each listing with its favourite toggle: the action the page puts in its card's slot.
pub(super) fn with_toggles(hits: Vec<Hit>) -> Vec<(Hit, AnyView)> {
    let toggles = toggles(hits.iter().map(|hit| (hit.summary.id, hit.summary.title.as_str())));
    hits.into_iter().zip(toggles).collect()
}

#[component]
pub fn JobsPage() -> impl IntoView {
    let (filter, invalid) =
        use_query_map().with_untracked(|q| JobFilter::parse(q.into_iter().map(|(k, v)| (k.as_ref(), v))));
    let filter = use_params_map().with_untracked(|p| filter.with_path(p.get("profession"), p.get("city")));
    let results = match search(&filter) {
        Ok(response) => view! { <Results filter invalid response/> }.into_any(),
        Err(error) => view! { <ErrorView error/> }.into_any(),
    };
    view! {
        <PageMeta title="Stellenangebote" description="Aktuelle Stellen als Medienassistent/in und in Medienberufen in Bochum und im Ruhrgebiet – mit Umkreissuche, Gehaltsfilter und allen Filtern."/>
        <h1>"Stellenangebote"</h1>
        {results}
    }
}

#[component]
fn Results(filter: JobFilter, invalid: Vec<ParamIssue>, mut response: SearchResponse) -> impl IntoView {
    let notices = invalid.iter().chain(&response.ignored).map(ParamIssue::notice).collect();
    let chips = chips(&filter, &response);
    let count_text = match response.total {
        0 => "Keine passenden Stellen".to_owned(),
        n => count_jobs(n),
    };
    let (pages, current) = (response.page_count(), response.page);
    let prev = (current > 1).then(|| at_results(&filter.with_page(current - 1).href()));
    let next = (current < pages).then(|| at_results(&filter.with_page(current + 1).href()));
    let relaxations = std::mem::take(&mut response.relaxations);
    // The panel needs the counts, not the results.
    let cards = with_toggles(std::mem::take(&mut response.items));
    view! {
        <Canonical path=filter.canonical_href()/>
        <div class="jobs-layout">
            <FilterPanel filter=filter.clone() response/>
            <section class="results" id=super::panel::RESULTS_ANCHOR aria-labelledby="result-count" data-live-url=at_results(&filter.href())>
                <p class="result-count" id="result-count" data-testid="result-count" aria-live="polite">{count_text}</p>
                <Notices notices/>
                {(!chips.is_empty()).then(|| view! {
                    <ul class="chips" aria-label="Aktive Filter">
                        {chips.into_iter().map(|c| view! {
                            <li><a class="chip active" href=at_results(&c.href) data-testid="filter-chip"
                                aria-label=format!("{} – Filter entfernen", c.label)>{c.label.clone()}<span aria-hidden="true">" ✕"</span></a></li>
                        }).collect_view()}
                        <li><a class="reset" href=at_results("/jobs") data-testid="reset-filters">"Alle zurücksetzen"</a></li>
                    </ul>
                })}
                {(!relaxations.is_empty()).then(|| view! {
                    <div class="relax" data-testid="relaxations">
                        <p>"Mit weniger Filtern gibt es Treffer:"</p>
                        <ul>
                            {relaxations.into_iter().map(|r| {
                                let names: Vec<&str> = r.params.iter().map(|p| p.label()).collect();
                                view! { <li><a href=at_results(&r.href)>{format!("ohne „{}“: {}", names.join(", "), count_jobs(r.count))}</a></li> }
                            }).collect_view()}
                        </ul>
                    </div>
                })}
                <JobList cards/>
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
