//! `/merkliste`: saved jobs with status filter, notes, application status and exports.
use crate::ui::{Canonical, PageMeta};
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::api::{SaveNote, SetApplicationStatus, list_favourites};
use super::model::{NOTE_MAX, SavedItem, SavedList, Status};
use super::toggle::FavouriteToggle;
use crate::error::AppError;
use crate::ui::ErrorView;
use crate::ui::filter_form::apply_on_change;
use crate::ui::format::format_date;

pub const PATH: &str = "/merkliste";

#[component]
pub fn SavedPage() -> impl IntoView {
    let query = use_query_map();
    let status_action = ServerAction::<SetApplicationStatus>::new();
    let list = Resource::new(
        move || (query.with(|q| q.get("status")), status_action.version().get()),
        |(status, _)| list_favourites(status),
    );
    view! {
        <PageMeta title="Merkliste" description="Ihre gemerkten Stellen mit Notizen und Bewerbungsstatus – ohne Konto, auch offline."/>
        <Canonical path=PATH/>
        <h1>"Merkliste"</h1>
        <Transition fallback=|| view! { <p>"Lädt …"</p> }>
            {move || Suspend::new(async move {
                match list.await {
                    Ok(list) => view! { <SavedListView list status_action/> }.into_any(),
                    Err(error) => view! { <ErrorView error/> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn SavedListView(list: SavedList, status_action: ServerAction<SetApplicationStatus>) -> impl IntoView {
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
            let href = s.map_or_else(|| PATH.to_owned(), |s| format!("{PATH}?status={}", s.slug()));
            let current = (s == filter).then_some("page");
            view! { <li><a href=href aria-current=current>{label} " (" {n} ")"</a></li> }
        })
        .collect_view();
    let empty = list.items.is_empty();
    let items = list.items.into_iter().map(|item| view! { <SavedEntry item status_action/> }).collect_view();
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
fn SavedEntry(item: SavedItem, status_action: ServerAction<SetApplicationStatus>) -> impl IntoView {
    let f = item.favourite;
    let job = f.job;
    let note_action = ServerAction::<SaveNote>::new();
    let note_id = format!("note-{job}");
    let status_id = format!("status-{job}");
    let note_message = move || match note_action.value().get() {
        Some(Ok(())) => "Notiz gespeichert.".to_owned(),
        Some(Err(AppError::Transport)) => "Offline – die Notiz wird übertragen, sobald Sie online sind.".to_owned(),
        Some(Err(e)) => e.to_string(),
        None => String::new(),
    };
    let note_field = NodeRef::<leptos::html::Textarea>::new();
    #[cfg(feature = "hydrate")]
    keep_unsent_note(job, note_action, note_field);
    let options = Status::ALL
        .into_iter()
        .map(|s| view! { <option value=s.slug() selected=s == f.status>{s.label()}</option> })
        .collect_view();
    let history =
        f.history.iter().map(|c| view! { <li>{c.status.label()} " am " {format_date(&c.at)}</li> }).collect_view();
    view! {
        <li class="saved-item" data-testid="saved-item" data-job=job data-status=f.status.slug()>
            <div class="saved-head">
                <h2><a href=format!("/jobs/{job}")>{f.snapshot.title.clone()}</a></h2>
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
            <ActionForm action=status_action attr:class="status-form" on:change=apply_on_change>
                <input type="hidden" name="job" value=job/>
                <label for=status_id.clone()>"Status"</label>
                <select id=status_id name="status">{options}</select>
                <button type="submit" class="secondary">"Status speichern"</button>
            </ActionForm>
            <ol class="history" aria-label="Verlauf">{history}</ol>
            <ActionForm action=note_action attr:class="note-form">
                <input type="hidden" name="job" value=job/>
                <label for=note_id.clone()>"Notiz"</label>
                <textarea id=note_id name="note" rows="3" maxlength=NOTE_MAX node_ref=note_field>{f.note.clone()}</textarea>
                <button type="submit" class="secondary">"Notiz speichern"</button>
                <span class="form-message" role="status">{note_message}</span>
            </ActionForm>
        </li>
    }
}

/// A note that could not be sent (no connection) is kept in the browser, shown in its field when the
/// list is opened again, and sent when this page runs online: at once, and on the `online` event.
#[cfg(feature = "hydrate")]
fn keep_unsent_note(job: i64, action: ServerAction<SaveNote>, field: NodeRef<leptos::html::Textarea>) {
    use super::outbox;
    // The browser came online while the note was under way: if that request fails for want of a
    // connection, the note is sent again at once, not after the next `online` event.
    let online_during_request = StoredValue::new(false);
    let send = move || {
        if let Some(note) = outbox::note(job)
            && !action.pending().get_untracked()
        {
            online_during_request.set_value(false);
            action.dispatch(SaveNote { job, note });
        }
    };
    request_animation_frame(move || {
        if let (Some(note), Some(field)) = (outbox::note(job), field.get_untracked()) {
            field.set_value(&note);
        }
        send();
    });
    let listener = window_event_listener(leptos::ev::online, move |_| {
        online_during_request.set_value(action.pending().get_untracked());
        send();
    });
    on_cleanup(move || listener.remove());
    Effect::new(move |_| match action.value().get() {
        Some(Ok(())) => outbox::keep_note(job, None),
        Some(Err(AppError::Transport)) => {
            if let Some(field) = field.get_untracked() {
                outbox::keep_note(job, Some(field.value()));
            }
            if online_during_request.get_value() {
                send();
            }
        }
        _ => {}
    });
}
