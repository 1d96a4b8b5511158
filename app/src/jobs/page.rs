//! The listing page and the detail page.
use leptos::prelude::*;
use leptos_meta::{Link, Meta, Title};
use leptos_router::components::Form;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::api::{filter_choices, get_job, search_jobs};
use super::model::{Choice, JobDetail, JobFilter, JobSummary, Page, parse_job_id};
use crate::error::AppError;
use crate::ui::format::format_date;
use crate::ui::{ErrorView, set_http_status};

#[component]
pub fn JobsPage() -> impl IntoView {
    let query = use_query_map();
    let parsed = Memo::new(move |_| query.with(|q| JobFilter::parse(q.into_iter().map(|(k, v)| (k.as_ref(), v)))));
    let filter = Memo::new(move |_| parsed.with(|(f, _)| f.clone()));
    let results = Resource::new(move || filter.get(), search_jobs);
    let choices = Resource::new(|| (), |_| filter_choices());

    view! {
        <Title text="Stellenangebote"/>
        <h1>"Stellenangebote"</h1>
        <Suspense fallback=|| ()>
            {move || {
                // Read before awaiting, so the form follows the URL (Back/Forward, chips).
                let current = filter.get();
                Suspend::new(async move {
                    let (professions, cities) = choices.await.unwrap_or_default();
                    view! { <SearchForm filter=current professions cities/> }
                })
            }}
        </Suspense>
        <ul class="param-issues" role="status">
            {move || parsed.with(|(_, issues)| issues.iter().map(|i| view! {
                <li data-testid="param-issue">
                    <strong>{i.param.clone()}</strong>": "{i.message.clone()}
                </li>
            }).collect_view())}
        </ul>
        <Transition fallback=|| view! { <p class="loading">"Stellen werden geladen …"</p> }>
            {move || Suspend::new(async move {
                match results.await {
                    Ok(page) => view! { <Results page filter=filter.get_untracked()/> }.into_any(),
                    Err(error) => view! { <ErrorView error/> }.into_any(),
                }
            })}
        </Transition>
    }
}

/// A plain GET form: works before and without WebAssembly; with it, navigation stays client-side.
#[component]
fn SearchForm(filter: JobFilter, professions: Vec<Choice>, cities: Vec<Choice>) -> impl IntoView {
    view! {
        <Form method="GET" action="/jobs" attr:class="search-form" attr:role="search">
            <div class="field">
                <label for="q">"Was?"</label>
                <input id="q" name="q" type="search" value=filter.q.clone()
                    placeholder="z. B. Social Media, Bildbearbeitung" maxlength="200"/>
            </div>
            <div class="field">
                <label for="place">"Wo?"</label>
                <select id="place" name="place">
                    <option value="">"Ganzes Ruhrgebiet"</option>
                    {cities.into_iter().map(|c| {
                        let selected = c.slug == filter.place;
                        view! { <option value=c.slug selected=selected>{c.name}</option> }
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="profession">"Beruf"</label>
                <select id="profession" name="profession">
                    <option value="">"Alle Medienberufe"</option>
                    {professions.into_iter().map(|c| {
                        let selected = c.slug == filter.profession;
                        view! { <option value=c.slug selected=selected>{c.name}</option> }
                    }).collect_view()}
                </select>
            </div>
            <button type="submit" class="button primary">"Suchen"</button>
        </Form>
    }
}

#[component]
fn Results(page: Page<JobSummary>, filter: JobFilter) -> impl IntoView {
    let count_text = match page.total {
        0 => "Keine passenden Stellen".to_owned(),
        1 => "1 Stelle".to_owned(),
        n => format!("{n} Stellen"),
    };
    let pages = page.page_count();
    let current = page.page;
    let suggest_reset = page.items.is_empty() && !filter.is_empty();
    let prev = (current > 1).then(|| filter.with_page(current - 1).href());
    let next = (current < pages).then(|| filter.with_page(current + 1).href());
    view! {
        <p class="result-count" data-testid="result-count" aria-live="polite">{count_text}</p>
        {suggest_reset.then(|| view! {
            <p class="hint">"Versuchen Sie einen anderen Suchbegriff oder "<a href="/jobs">"alle Filter zurücksetzen"</a>"."</p>
        })}
        <ol class="job-list">
            {page.items.into_iter().map(|job| view! { <li><JobCard job/></li> }).collect_view()}
        </ol>
        {(pages > 1).then(|| view! {
            <nav class="pagination" aria-label="Seiten">
                {prev.map(|href| view! { <a rel="prev" href=href>"← Zurück"</a> })}
                <span>{format!("Seite {current} von {pages}")}</span>
                {next.map(|href| view! { <a rel="next" href=href>"Weiter →"</a> })}
            </nav>
        })}
    }
}

#[component]
fn JobCard(job: JobSummary) -> impl IntoView {
    let working_time = job.working_time.iter().map(|w| w.label()).collect::<Vec<_>>().join(", ");
    let href = job.href();
    let demo = job.is_demo();
    view! {
        <article class="job-card" data-testid="job-card">
            <h2><a href=href>{job.title}</a></h2>
            <p class="employer">
                {job.employer}
                {demo.then(|| view! { <span class="badge demo" title="Erfundenes Beispiel">"Demo"</span> })}
            </p>
            <ul class="facts">
                <li>{job.city}</li>
                <li>{working_time}</li>
                <li>{job.offer.label()}</li>
                <li>{job.remote.label()}</li>
            </ul>
            <p class="salary">
                {match job.salary {
                    Some(s) => view! {
                        <span>{s.display()}</span>" "<small>"("{s.source.label()}")"</small>
                    }.into_any(),
                    None => view! { <span class="muted">"Keine Gehaltsangabe"</span> }.into_any(),
                }}
            </p>
            <p class="posted"><small>"Veröffentlicht am "{format_date(&job.posted_at)}</small></p>
        </article>
    }
}

#[component]
pub fn JobDetailPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").and_then(|s| parse_job_id(&s)));
    let job = Resource::new(id, |id| async move {
        match id {
            Some(id) => get_job(id).await,
            None => Err(AppError::NotFound("Diese Adresse enthält keine gültige Stellennummer.".into())),
        }
    });
    view! {
        <Suspense fallback=|| view! { <p class="loading">"Stelle wird geladen …"</p> }>
            {move || Suspend::new(async move {
                match job.await {
                    Ok(detail) => view! { <JobDetailView detail/> }.into_any(),
                    Err(error) => view! { <ErrorView error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn JobDetailView(detail: JobDetail) -> impl IntoView {
    if detail.expired {
        set_http_status(410);
    }
    let JobDetail { summary: job, .. } = &detail;
    let canonical = job.href();
    let similar = JobFilter {
        profession: detail.profession_slug.clone(),
        place: detail.city_slug.clone(),
        page: 1,
        ..Default::default()
    };
    let working_time = job.working_time.iter().map(|w| w.label()).collect::<Vec<_>>().join(", ");
    let description = format!("{} bei {} in {}", job.title, job.employer, job.city);
    view! {
        <Title text=job.title.clone()/>
        <Meta name="description" content=description/>
        <Link rel="canonical" href=canonical/>
        <article class="job-detail" data-testid="job-detail">
            {detail.expired.then(|| view! {
                <p class="expired-notice" role="status" data-testid="expired">
                    "Diese Stelle ist abgelaufen (gültig bis "{format_date(&detail.valid_through)}"). "
                    <a href=similar.href()>"Ähnliche aktuelle Stellen ansehen"</a>
                </p>
            })}
            <p class="breadcrumb"><a href="/jobs">"← Alle Stellen"</a></p>
            <h1>{job.title.clone()}</h1>
            <p class="employer">
                {job.employer.clone()}" · "{job.employer_type.label()}
                {job.is_demo().then(|| view! { <span class="badge demo">"Demo-Anzeige, erfunden"</span> })}
            </p>
            <dl class="facts-grid">
                <dt>"Ort"</dt><dd>{job.city.clone()}</dd>
                <dt>"Arbeitszeit"</dt><dd>{working_time}</dd>
                <dt>"Anstellungsart"</dt><dd>{job.offer.label()}</dd>
                <dt>"Vertrag"</dt><dd>{detail.contract.label()}</dd>
                <dt>"Arbeitsort"</dt><dd>{job.remote.label()}</dd>
                <dt>"Erfahrung"</dt><dd>{detail.experience.label()}</dd>
                <dt>"Gehalt"</dt>
                <dd>{match &job.salary {
                    Some(s) => format!("{} ({})", s.display(), s.source.label()),
                    None => "Keine Angabe in der Anzeige".to_owned(),
                }}</dd>
                <dt>"Veröffentlicht"</dt><dd>{format_date(&job.posted_at)}</dd>
                <dt>"Bewerben bis"</dt><dd>{format_date(&detail.valid_through)}</dd>
            </dl>
            <Show when={let empty = detail.skills.is_empty(); move || !empty}>
                <h2>"Gefragte Kenntnisse"</h2>
            </Show>
            <ul class="skills">
                {detail.skills.iter().map(|s| view! { <li>{s.clone()}</li> }).collect_view()}
            </ul>
            <h2>"Beschreibung"</h2>
            <div class="description" inner_html=detail.description_html.clone()></div>
            <h2>"Bewerbung"</h2>
            <p class="apply">
                {detail.apply_url.clone().map(|url| view! {
                    <a class="button primary" href=url rel="nofollow noopener" target="_blank">"Jetzt bewerben"</a>
                })}
                {detail.apply_email.clone().map(|mail| view! {
                    " Per E-Mail: "<a href=format!("mailto:{mail}")>{mail.clone()}</a>
                })}
            </p>
            <p><a href=similar.href()>{format!("Weitere Stellen als {} in {}", detail.profession, job.city)}</a></p>
        </article>
    }
}
