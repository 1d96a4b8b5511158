//! `/merkliste`: saved jobs with status filter, notes, application status and exports.
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::forms::{NoteForm, StatusForm};
use super::model::{SavedItem, SavedList};
use super::toggle::FavouriteToggle;
use crate::jobs::model::job_href;
use crate::ui::format::format_date;
use crate::ui::{Canonical, ErrorView, PageMeta};

pub const PATH: &str = "/merkliste";

#[component]
pub fn SavedPage() -> impl IntoView {
    let status = use_query_map().with_untracked(|q| q.get("status"));
    let list = async move { super::service::list(status.as_deref()).await };
    view! {
        <PageMeta title="Merkliste" description="Ihre gemerkten Stellen mit Notizen und Bewerbungsstatus – ohne Konto, auch offline."/>
        <Canonical path=PATH/>
        <h1>"Merkliste"</h1>
        <Suspense fallback=|| view! { <p>"Lädt …"</p> }>
            {Suspend::new(async move {
                match list.await {
                    Ok(list) => view! { <SavedListView list/> }.into_any(),
                    Err(error) => view! { <ErrorView error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn SavedListView(list: SavedList) -> impl IntoView {
    let where_kept = match &list.account {
        Some(email) => view! {
            <p class="hint" data-testid="saved-owner">"Gespeichert in Ihrem Konto " <strong>{email.clone()}</strong> " – auf allen Ihren Geräten."</p>
        }
        .into_any(),
        None => view! {
            <p class="hint" data-testid="saved-owner">
                "Ihre Merkliste ist in diesem Browser gespeichert – ganz ohne Konto. "
                <a href="/anmelden">"Anmelden"</a> " oder " <a href="/registrieren">"Konto anlegen"</a>
                ", um sie auf allen Geräten zu sehen."
            </p>
        }
        .into_any(),
    };
    let filter = list.filter;
    let tabs = std::iter::once((None, "Alle".to_owned(), list.total))
        .chain(list.counts.iter().map(|(s, n)| (Some(*s), s.label().to_owned(), *n)))
        .map(|(s, label, n)| {
            let href = s.map_or_else(|| PATH.to_owned(), |s| format!("{PATH}?status={}", s.as_str()));
            let current = (s == filter).then_some("page");
            view! { <li><a href=href aria-current=current>{label} " (" {n} ")"</a></li> }
        })
        .collect_view();
    let empty = list.items.is_empty();
    let items = list.items.into_iter().map(|item| view! { <SavedEntry item/> }).collect_view();
    view! {
        {where_kept}
        <nav aria-label="Nach Status filtern"><ul class="status-tabs">{tabs}</ul></nav>
        <p class="exports">
            "Exportieren: " <a href="/merkliste.csv" download="merkliste.csv">"Tabelle (CSV)"</a> " · "
            <a href="/merkliste.ics" download="bewerbungsfristen.ics">"Bewerbungsfristen (Kalender, iCal)"</a>
        </p>
        {empty.then(|| view! {
            <p class="empty" data-testid="saved-empty">
                "Hier ist noch nichts. Tippen Sie bei einer Stelle auf „☆ Merken“ – "
                <a href="/jobs">"zu den Stellenangeboten"</a>"."
            </p>
        })}
        <ul class="saved-list">{items}</ul>
    }
}

#[component]
fn SavedEntry(item: SavedItem) -> impl IntoView {
    let f = item.favourite;
    let job = f.job;
    let history =
        f.history.iter().map(|c| view! { <li>{c.status.label()} " am " {format_date(&c.at)}</li> }).collect_view();
    view! {
        <li class="saved-item" data-testid="saved-item" data-job=job data-status=f.status.as_str()>
            <div class="saved-head">
                <h2><a href=job_href(job, &f.snapshot.title, &f.snapshot.city)>{f.snapshot.title.clone()}</a></h2>
                // Every entry here is on the list: its toggle starts pressed.
                <FavouriteToggle job title=f.snapshot.title.clone() saved=true/>
            </div>
            <p class="meta">
                {f.snapshot.employer.clone()} " · " {f.snapshot.city.clone()}
                " · gemerkt am " {format_date(&f.saved_at)}
                " · Bewerbungsfrist " {format_date(&f.snapshot.valid_through)}
                {item.expired.then(|| view! { " " <span class="badge expired" data-testid="expired">"Abgelaufen"</span> })}
                {f.is_demo().then(|| view! { " " <span class="badge demo">"Demo"</span> })}
            </p>
            <StatusForm job status=f.status/>
            <ol class="history" aria-label="Verlauf">{history}</ol>
            <NoteForm job note=f.note.clone()/>
        </li>
    }
}
