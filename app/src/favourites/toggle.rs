//! The favourite toggle on cards and detail pages, and the page-wide saved state behind it.
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use std::collections::HashMap;

use super::api::{SetFavourite, saved_job_ids};
use crate::error::AppError;

/// Which jobs are saved: what the server said when the page loaded, plus changes since.
/// Provided once by `App`; the server renders every toggle in its saved state (no flash).
#[derive(Clone, Copy)]
pub struct SavedJobs {
    loaded: Resource<Result<Vec<i64>, AppError>>,
    changed: RwSignal<HashMap<i64, bool>>,
}

impl SavedJobs {
    pub fn provide() {
        provide_context(Self {
            loaded: Resource::new(|| (), |_| saved_job_ids()),
            changed: RwSignal::new(HashMap::new()),
        });
    }

    fn set(&self, job: i64, saved: bool) {
        self.changed.update(|m| {
            m.insert(job, saved);
        });
    }
}

/// A `<button aria-pressed>` that saves or unsaves a job at once and tells the server in the
/// background. Clicks made while a request is under way are sent after it, so the last click
/// wins. Without JavaScript it is a plain form post to the same server function.
#[component]
pub fn FavouriteToggle(job: i64, title: String) -> impl IntoView {
    let Some(state) = use_context::<SavedJobs>() else { return ().into_any() };
    let action = ServerAction::<SetFavourite>::new();
    let error = RwSignal::new(None::<String>);
    let sent = StoredValue::new(None::<bool>);
    let label = format!("„{title}“ merken");
    view! {
        <Suspense fallback=|| ()>
            {move || {
                let label = label.clone();
                Suspend::new(async move {
                let initially = state.loaded.await.map(|ids| ids.contains(&job)).unwrap_or(false);
                let pressed = move || state.changed.with(|m| m.get(&job).copied()).unwrap_or(initially);
                let send = move |want: bool| {
                    sent.set_value(Some(want));
                    action.dispatch(SetFavourite { job, saved: want });
                };
                // When the server answers: send the newest wish if it changed meanwhile, or undo on failure.
                Effect::new(move |_| {
                    let Some(result) = action.value().get() else { return };
                    let want = pressed();
                    match result {
                        Ok(stored) if stored != want => send(want),
                        Ok(_) => error.set(None),
                        Err(e) => {
                            state.set(job, !sent.get_value().unwrap_or(want));
                            error.set(Some(e.to_string()));
                        }
                    }
                });
                let on_submit = move |ev: leptos::ev::SubmitEvent| {
                    ev.prevent_default();
                    let want = !pressed();
                    state.set(job, want);
                    if !action.pending().get_untracked() {
                        send(want);
                    }
                };
                view! {
                    <form class="fav-form" method="post" action=SetFavourite::url() on:submit=on_submit>
                        <input type="hidden" name="job" value=job/>
                        <input type="hidden" name="saved" value=move || (!pressed()).to_string()/>
                        <button
                            type="submit"
                            class="fav-toggle"
                            data-testid="favourite-toggle"
                            aria-pressed=move || pressed().to_string()
                            aria-label=label
                            title=move || if pressed() { "Von der Merkliste nehmen" } else { "Auf die Merkliste" }
                        >
                            <span class="fav-icon" aria-hidden="true">{move || if pressed() { "★" } else { "☆" }}</span>
                            <span class="fav-text" aria-hidden="true">{move || if pressed() { "Gemerkt" } else { "Merken" }}</span>
                        </button>
                        <span class="fav-error" role="status">{move || error.get()}</span>
                    </form>
                }
            })}}
        </Suspense>
    }
    .into_any()
}
