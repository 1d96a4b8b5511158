//! `/merkliste`: saved jobs with status filter, notes, application status and exports.
use crate::ui::{Canonical, PageMeta};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::use_query_map;

use super::api::{SaveNote, SetApplicationStatus, list_favourites};
use super::model::{NOTE_MAX, SavedItem, SavedList, Status};
use super::toggle::FavouriteToggle;
use crate::error::AppError;
use crate::ui::ErrorView;
use crate::ui::format::format_date;
use crate::ui::island_form::send;

pub const PATH: &str = "/merkliste";

#[component]
pub fn SavedPage() -> impl IntoView {
    let query = use_query_map();
    let list = Resource::new(move || query.with(|q| q.get("status")), list_favourites);
    view! {
        <PageMeta title="Merkliste" description="Ihre gemerkten Stellen mit Notizen und Bewerbungsstatus – ohne Konto, auch offline."/>
        <Canonical path=PATH/>
        <h1>"Merkliste"</h1>
        <Transition fallback=|| view! { <p>"Lädt …"</p> }>
            {move || Suspend::new(async move {
                match list.await {
                    Ok(list) => view! { <SavedListView list/> }.into_any(),
                    Err(error) => view! { <ErrorView error/> }.into_any(),
                }
            })}
        </Transition>
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
            let href = s.map_or_else(|| PATH.to_owned(), |s| format!("{PATH}?status={}", s.slug()));
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
            <StatusForm job status=f.status/>
            <ol class="history" aria-label="Verlauf">{history}</ol>
            <NoteForm job note=f.note.clone()/>
        </li>
    }
}

/// The application status: a choice applies at once and the list is shown again (its tabs,
/// counts and the entry's history change); without JavaScript a form post with a button.
#[island]
fn StatusForm(job: i64, status: Status) -> impl IntoView {
    let action = ServerAction::<SetApplicationStatus>::new();
    let status_id = format!("status-{job}");
    let options = Status::ALL
        .into_iter()
        .map(|s| view! { <option value=s.slug() selected=s == status>{s.label()}</option> })
        .collect_view();
    Effect::new(move |_| {
        if let Some(Ok(())) = action.value().get() {
            #[cfg(feature = "hydrate")]
            crate::ui::live::reload();
        }
    });
    // A choice submits the form, which sends it.
    let on_change = move |ev: leptos::ev::Event| {
        use leptos::wasm_bindgen::JsCast;
        let form = ev.current_target().and_then(|t| t.dyn_into::<leptos::web_sys::HtmlFormElement>().ok());
        let _ = form.map(|form| form.request_submit());
    };
    view! {
        <form class="status-form" method="post" action=SetApplicationStatus::url() on:change=on_change
            on:submit=send(action, move |f| SetApplicationStatus { job, status: f.get("status") })>
            <input type="hidden" name="job" value=job/>
            <label for=status_id.clone()>"Status"</label>
            <select id=status_id name="status">{options}</select>
            <button type="submit" class="secondary">"Status speichern"</button>
        </form>
    }
}

/// The note of a saved job; one written offline is kept until it reaches the server.
#[island]
fn NoteForm(job: i64, note: String) -> impl IntoView {
    let action = ServerAction::<SaveNote>::new();
    let note_id = format!("note-{job}");
    let message = move || match action.value().get() {
        Some(Ok(())) => "Notiz gespeichert.".to_owned(),
        Some(Err(AppError::Transport)) => "Offline – die Notiz wird übertragen, sobald Sie online sind.".to_owned(),
        Some(Err(e)) => e.to_string(),
        None => String::new(),
    };
    let field = NodeRef::<leptos::html::Textarea>::new();
    #[cfg(feature = "hydrate")]
    keep_unsent_note(job, action, field);
    view! {
        <form class="note-form" method="post" action=SaveNote::url()
            on:submit=send(action, move |f| SaveNote { job, note: f.get("note") })>
            <input type="hidden" name="job" value=job/>
            <label for=note_id.clone()>"Notiz"</label>
            <textarea id=note_id name="note" rows="3" maxlength=NOTE_MAX node_ref=field>{note}</textarea>
            <button type="submit" class="secondary">"Notiz speichern"</button>
            <span class="form-message" role="status">{message}</span>
        </form>
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
