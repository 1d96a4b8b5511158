//! `/jobs/{id}`: everything about one listing, with schema.org JobPosting data for real ones.
use leptos::prelude::*;
use leptos_meta::Meta;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::card::{JobList, SalaryInfo};
use super::filter::JobFilter;
use super::model::{JobDetail, SourceLink, last_check, parse_job_id};
use super::page::with_toggles;
use crate::error::AppError;
use crate::favourites::{FavouriteToggle, SavedJobs};
use crate::reports::form::ReportForm;
use crate::ui::format::format_date;
use crate::ui::{Canonical, ErrorView, JsonLd, PageMeta, set_http_status};

#[component]
pub fn JobDetailPage() -> impl IntoView {
    let id = use_params_map().with_untracked(|p| p.get("id").and_then(|s| parse_job_id(&s)));
    let answer = use_query_map().with_untracked(|q| q.get("meldung"));
    let detail = async move {
        let id = id.ok_or_else(|| AppError::NotFound("Diese Adresse enthält keine gültige Stellennummer.".into()))?;
        let state = crate::state::state().ok_or(AppError::Internal)?;
        super::service::detail(&state, id, chrono::Utc::now()).await
    };
    view! {
        <Suspense fallback=|| view! { <p class="loading">"Stelle wird geladen …"</p> }>
            {Suspend::new(async move {
                match detail.await {
                    Ok(detail) => view! { <JobDetailView detail answer=answer.clone()/> }.into_any(),
                    Err(error) => view! { <ErrorView error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn JobDetailView(detail: JobDetail, answer: Option<String>) -> impl IntoView {
    if detail.expired {
        set_http_status(410);
    }
    let JobDetail { listing, sources, profession_name, expired, comparison, similar, json_ld } = detail;
    let checked = last_check(&sources).map(|(at, by)| {
        let by = if sources.len() > 1 { format!(" bei {}", by.name()) } else { String::new() };
        format!("Zuletzt geprüft am {}{by}", format_date(&at))
    });
    let own = sources.first().cloned();
    let also: Vec<SourceLink> = sources.into_iter().skip(1).collect();
    let job = &listing.summary;
    let more =
        JobFilter { profession: job.profession.clone(), place: job.location.city_slug.clone(), ..Default::default() };
    let working_time = job.working_time.iter().map(|w| w.label()).collect::<Vec<_>>().join(", ");
    let description = format!("{} bei {} in {}", job.title, job.employer.name, job.location.city);
    let saved = SavedJobs::saved_at_load().contains(&job.id);
    view! {
        <PageMeta title=job.title.clone() description/>
        <Canonical path=job.href()/>
        {job.is_demo().then(|| view! { <Meta name="robots" content="noindex"/> })}
        {json_ld.map(|data| view! { <JsonLd data/> })}
        <article class="job-detail" data-testid="job-detail">
            {expired.then(|| view! {
                <p class="expired-notice" role="status" data-testid="expired">
                    "Diese Stelle ist abgelaufen (gültig bis "{format_date(&job.valid_through)}"). "
                    <a href=more.href()>"Ähnliche aktuelle Stellen ansehen"</a>
                </p>
            })}
            <p class="breadcrumb"><a href="/jobs">"← Alle Stellen"</a></p>
            <div class="card-head">
                <h1>{job.title.clone()}</h1>
                <FavouriteToggle job=job.id title=job.title.clone() saved/>
            </div>
            <p class="employer">
                {job.employer.name.clone()}" · "{job.employer.kind.label()}
                {job.is_demo().then(|| view! { <span class="badge demo">"Demo-Anzeige, erfunden"</span> })}
            </p>
            <dl class="facts-grid">
                <dt>"Ort"</dt><dd>{job.location.city.clone()}</dd>
                <dt>"Arbeitszeit"</dt><dd>{working_time}</dd>
                <dt>"Anstellungsart"</dt><dd>{job.offer.label()}</dd>
                <dt>"Vertrag"</dt><dd>{job.contract.label()}</dd>
                <dt>"Arbeitsort"</dt><dd>{job.remote.label()}</dd>
                <dt>"Erfahrung"</dt><dd>{job.experience.label()}</dd>
                <dt>"Gehalt"</dt>
                <dd><SalaryInfo salary=job.salary.clone() comparison/></dd>
                <dt>"Veröffentlicht"</dt><dd>{format_date(&job.posted_at)}</dd>
                <dt>"Bewerben bis"</dt><dd>{format_date(&job.valid_through)}</dd>
            </dl>
            {(!job.skills.is_empty()).then(|| view! {
                <h2>"Gefragte Kenntnisse"</h2>
                <ul class="skills">{job.skills.iter().map(|s| view! { <li>{s.clone()}</li> }).collect_view()}</ul>
            })}
            <h2>"Beschreibung"</h2>
            {if listing.description.is_empty() {
                view! {
                    <p class="description">"Die Beschreibung steht in der Anzeige"
                        {own.clone().map(|s| view! { " bei "<SourceAnchor link=s/> })}"."</p>
                }.into_any()
            } else {
                view! { <div class="description" inner_html=listing.description.clone()></div> }.into_any()
            }}
            <h2>"Bewerbung"</h2>
            <p class="apply">
                {listing.apply_url.clone().map(|url| view! {
                    <a class="button primary" href=url rel="nofollow noopener" target="_blank">"Jetzt bewerben"</a>
                })}
                {listing.apply_email.clone().map(|mail| view! {
                    " Per E-Mail: "<a href=format!("mailto:{mail}")>{mail.clone()}</a>
                })}
            </p>
            {own.map(|link| view! {
                <p class="source" data-testid="source">"Quelle: "<SourceAnchor link/>
                    {(!also.is_empty()).then(|| view! {
                        <br/>"Auch veröffentlicht bei "
                        {also.into_iter().enumerate().map(|(i, link)| view! {
                            {(i > 0).then_some(", ")}<SourceAnchor link/>
                        }).collect_view()}
                    })}
                    {checked.map(|text| view! { <br/><span data-testid="checked">{text}</span> })}
                </p>
            })}
            {(!similar.is_empty()).then(|| view! {
                <section class="similar" aria-labelledby="similar-heading" data-testid="similar-jobs">
                    <h2 id="similar-heading">"Ähnliche Stellen"</h2>
                    <p class="hint">"Gleicher Beruf im Umkreis von 50 km, die meisten gemeinsamen Kenntnisse zuerst; Entfernung von dieser Stelle."</p>
                    <JobList cards=with_toggles(similar)/>
                </section>
            })}
            <p><a href=more.href()>{format!("Weitere Stellen als {} in {}", profession_name, job.location.city)}</a></p>
            {(!expired).then(|| view! { <ReportForm job=job.id answer/> })}
        </article>
    }
}

/// A source by name, linking to the ad there when its address is known.
#[component]
fn SourceAnchor(link: SourceLink) -> impl IntoView {
    let name = link.name().to_owned();
    match link.url {
        Some(url) => view! { <a href=url rel="nofollow noopener">{name}</a> }.into_any(),
        None => name.into_any(),
    }
}
