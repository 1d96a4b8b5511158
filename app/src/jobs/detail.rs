//! `/jobs/{id}`: everything about one listing, with schema.org JobPosting data.
use crate::ui::{Canonical, PageMeta};
use leptos::prelude::*;
use leptos_meta::Meta;
use leptos_router::hooks::use_params_map;

use super::api::get_job;
use super::model::{JobDetail, JobFilter, parse_job_id};
use super::page::{JobList, SalaryInfo};
use crate::error::AppError;
use crate::favourites::{FavouriteToggle, SavedJobs};
use crate::ui::format::format_date;
use crate::ui::{ErrorView, set_http_status};

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
                    Ok(detail) => view! { <JobDetailView detail saved=SavedJobs::saved_at_load()/> }.into_any(),
                    Err(error) => view! { <ErrorView error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn JobDetailView(detail: JobDetail, saved: Vec<i64>) -> impl IntoView {
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
        <PageMeta title=job.title.clone() description/>
        <Canonical path=canonical/>
        {job.is_demo().then(|| view! { <Meta name="robots" content="noindex"/> })}
        {detail.json_ld.clone().map(|data| view! { <script type="application/ld+json" inner_html=data></script> })}
        <article class="job-detail" data-testid="job-detail">
            {detail.expired.then(|| view! {
                <p class="expired-notice" role="status" data-testid="expired">
                    "Diese Stelle ist abgelaufen (gültig bis "{format_date(&detail.valid_through)}"). "
                    <a href=similar.href()>"Ähnliche aktuelle Stellen ansehen"</a>
                </p>
            })}
            <p class="breadcrumb"><a href="/jobs">"← Alle Stellen"</a></p>
            <div class="card-head">
                <h1>{job.title.clone()}</h1>
                <FavouriteToggle job=job.id title=job.title.clone() saved=saved.contains(&job.id)/>
            </div>
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
                <dd><SalaryInfo salary=job.salary.clone() comparison=job.comparison/></dd>
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
            {(!detail.similar.is_empty()).then(|| view! {
                <section class="similar" aria-labelledby="similar-heading" data-testid="similar-jobs">
                    <h2 id="similar-heading">"Ähnliche Stellen"</h2>
                    <p class="hint">"Gleicher Beruf im Umkreis von 50 km, die meisten gemeinsamen Kenntnisse zuerst; Entfernung von dieser Stelle."</p>
                    <JobList jobs=detail.similar.clone() saved=saved.clone()/>
                </section>
            })}
            <p><a href=similar.href()>{format!("Weitere Stellen als {} in {}", detail.profession, job.city)}</a></p>
        </article>
    }
}
