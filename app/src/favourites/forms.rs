//! The forms of a Merkliste entry that act in the browser: its application status and its note.
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use super::api::{SaveNote, SetApplicationStatus};
use super::model::{NOTE_MAX, Status};
use crate::error::AppError;
use crate::ui::island_form::send;

/// The application status: a choice applies at once and the list is shown again (its tabs,
/// counts and the entry's history change); without JavaScript a form post with a button.
#[island]
pub fn StatusForm(job: i64, status: Status) -> impl IntoView {
    let action = ServerAction::<SetApplicationStatus>::new();
    let status_id = format!("status-{job}");
    let options = Status::ALL
        .iter()
        .copied()
        .map(|s| view! { <option value=s.as_str() selected=s == status>{s.label()}</option> })
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
pub fn NoteForm(job: i64, note: String) -> impl IntoView {
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
