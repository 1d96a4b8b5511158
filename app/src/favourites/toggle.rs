//! The favourite toggle on cards and detail pages, and the page-wide saved state behind it (in the
//! browser; the server renders each toggle as the page was loaded).
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use std::collections::HashMap;

use super::api::SetFavourite;
#[cfg(feature = "hydrate")]
use crate::error::AppError;
use crate::ui::updating;

/// Which jobs are saved: what the server said when the page loaded, what it has acknowledged
/// since, and what the user wants. Changes go to the server one at a time, in order: the last
/// click wins, and a first-time visitor's first save (which creates the visitor cookie) is done
/// before the next one starts, so no save can land under a second, lost visitor id.
#[derive(Clone, Copy)]
pub struct SavedJobs {
    wanted: RwSignal<HashMap<i64, bool>>,
    stored: RwSignal<HashMap<i64, bool>>,
    errors: RwSignal<HashMap<i64, String>>,
    in_flight: RwSignal<Option<(i64, bool)>>,
    /// The last change failed for want of a connection: changes wait for the `online` event.
    offline: RwSignal<bool>,
    /// The browser came online while a change was under way: if that change fails for want of a
    /// connection, it is sent again at once, not after the next `online` event (which has passed).
    online_during_request: RwSignal<bool>,
    action: ServerAction<SetFavourite>,
}

/// The ids on the caller's list as the page was loaded: read on the server before the page renders
/// (by the page routes' layer, `load_saved` in `server/src/router.rs`), put into the request's extensions, and taken from
/// there by [`SavedJobs::saved_at_load`]. A request without cookies has none.
#[derive(Clone, Debug, Default)]
pub struct SavedAtLoad(pub Vec<i64>);

#[cfg(feature = "hydrate")]
thread_local! {
    static PAGE: std::cell::OnceCell<SavedJobs> = const { std::cell::OnceCell::new() };
}

impl SavedJobs {
    /// The page's state in the browser, made by the first toggle that hydrates (each toggle is an
    /// island of its own, and stays when `ui::live` swaps the page's content). None on the server,
    /// which renders every toggle as the page was loaded and never updates it.
    fn in_browser() -> Option<Self> {
        #[cfg(feature = "hydrate")]
        return Some(PAGE.with(|cell| {
            *cell.get_or_init(|| {
                let owner = Owner::new_root(None);
                let this = owner.with(Self::new);
                // Lives as long as the page.
                std::mem::forget(owner);
                this
            })
        }));
        #[cfg(not(feature = "hydrate"))]
        None
    }

    /// Starts the page's state at once (not only with the first toggle), so that favourites a
    /// page could not send (offline, then closed) are sent from any page, with or without toggles.
    #[cfg(feature = "hydrate")]
    pub fn resume() {
        let _ = Self::in_browser();
    }

    #[cfg(feature = "hydrate")]
    fn new() -> Self {
        let this = Self {
            wanted: RwSignal::new(HashMap::new()),
            stored: RwSignal::new(HashMap::new()),
            errors: RwSignal::new(HashMap::new()),
            in_flight: RwSignal::new(None),
            offline: RwSignal::new(false),
            online_during_request: RwSignal::new(false),
            action: ServerAction::new(),
        };
        let _ = window_event_listener(leptos::ev::online, move |_| {
            this.online_during_request.set(this.in_flight.get_untracked().is_some());
            this.offline.set(false);
            this.send_next();
        });
        // Runs in the browser only: record each answer, then send the next pending change.
        Effect::new(move |_| {
            let Some(result) = this.action.value().get() else { return };
            let Some((job, want)) = this.in_flight.get_untracked() else { return };
            this.in_flight.set(None);
            match result {
                Ok(saved) => {
                    this.stored.update(|m| {
                        m.insert(job, saved);
                    });
                    this.errors.update(|m| {
                        m.remove(&job);
                    });
                }
                // No connection: keep the wish and send it when the browser is online again.
                // (The event never comes if the browser is online but the server was not reachable:
                // try again every 15 s as well.)
                // The connection came back while this request was failing: send it again now.
                Err(AppError::Transport) if this.online_during_request.get_untracked() => {}
                Err(AppError::Transport) => {
                    this.offline.set(true);
                    set_timeout(
                        move || {
                            this.offline.set(false);
                            this.send_next();
                        },
                        std::time::Duration::from_secs(15),
                    );
                }
                Err(e) => {
                    let kept = this.stored.with_untracked(|m| m.get(&job).copied()).unwrap_or(!want);
                    this.wanted.update(|m| {
                        m.insert(job, kept);
                    });
                    this.errors.update(|m| {
                        m.insert(job, e.to_string());
                    });
                }
            }
            this.send_next();
        });
        // Changes a previous page could not send (offline, then reloaded or closed) come back and
        // are sent once this page runs; what is still unsent is kept for the next page.
        #[cfg(feature = "hydrate")]
        {
            // Restored after hydration: a change before it would not reach the server-rendered DOM.
            let unsent = super::outbox::load();
            let restoring = !unsent.is_empty();
            if restoring {
                request_animation_frame(move || {
                    this.wanted.update(|m| m.extend(unsent));
                    this.send_next();
                });
            }
            Effect::new(move |ran: Option<()>| {
                // Read first, so the effect tracks both maps; until the restored changes are back in
                // `wanted`, the stored ones are the truth and are not overwritten.
                let pending =
                    this.wanted.with(|wanted| this.stored.with(|stored| super::outbox::pending(wanted, stored)));
                if ran.is_some() || !restoring {
                    super::outbox::keep(&pending);
                }
            });
        }
        this
    }

    /// The user flipped `job`, which was shown as `shown`.
    fn flip(&self, job: i64, shown: bool) {
        self.stored.update(|m| {
            m.entry(job).or_insert(shown);
        });
        self.wanted.update(|m| {
            m.insert(job, !shown);
        });
        self.send_next();
    }

    fn send_next(&self) {
        if self.in_flight.get_untracked().is_some() || self.offline.get_untracked() {
            return;
        }
        let next = self.wanted.with_untracked(|wanted| {
            self.stored.with_untracked(|stored| {
                wanted.iter().find(|(job, want)| stored.get(job) != Some(want)).map(|(j, w)| (*j, *w))
            })
        });
        if let Some((job, want)) = next {
            self.in_flight.set(Some((job, want)));
            self.online_during_request.set(false);
            self.action.dispatch(SetFavourite { job, saved: want });
        }
    }

    /// Whether `job` is shown as saved (`initially`: as the page was loaded).
    fn shown(&self, job: i64, initially: bool) -> bool {
        self.wanted.with(|m| m.get(&job).copied()).unwrap_or(initially)
    }

    /// Whether the server does not have the shown state of `job` yet, or a request about it is under way.
    fn busy(&self, job: i64) -> bool {
        let wanted = self.wanted.with(|m| m.get(&job).copied());
        let differs = wanted.is_some() && wanted != self.stored.with(|m| m.get(&job).copied());
        differs || self.in_flight.with(|f| f.is_some_and(|(j, _)| j == job))
    }

    /// The ids on the caller's list as the page was loaded (none if they could not be read), for
    /// the toggles' first render.
    pub fn saved_at_load() -> Vec<i64> {
        #[cfg(feature = "ssr")]
        return use_context::<axum::http::request::Parts>()
            .and_then(|parts| parts.extensions.get::<SavedAtLoad>().map(|saved| saved.0.clone()))
            .unwrap_or_default();
        #[cfg(not(feature = "ssr"))]
        Vec::new()
    }
}

/// Whether the page at `path` shows listings with a favourite toggle whose first render needs the
/// caller's saved jobs (the search and a listing's page); the Merkliste knows its own.
pub fn toggles_on(path: &str) -> bool {
    path == "/jobs" || path.starts_with("/jobs/")
}

/// A favourite toggle per (job, title) as the page was loaded: the actions of result cards.
#[cfg(feature = "ssr")]
pub fn toggles<'a>(jobs: impl IntoIterator<Item = (i64, &'a str)>) -> Vec<AnyView> {
    let saved = SavedJobs::saved_at_load();
    jobs.into_iter()
        .map(|(job, title)| {
            view! { <FavouriteToggle job title=title.to_owned() saved=saved.contains(&job)/> }.into_any()
        })
        .collect()
}

/// A `<button aria-pressed>` that saves or unsaves a job at once and tells the server in the
/// background (`aria-busy` until it has). Without JavaScript it is a plain form post to the
/// same server function, which sends the browser back to the page. `saved`: whether the job was on
/// the list as the page was loaded ([`SavedJobs::saved_at_load`]).
#[island]
pub fn FavouriteToggle(job: i64, title: String, saved: bool) -> impl IntoView {
    let state = SavedJobs::in_browser();
    // The visible word first, for voice control ("Merken" / "Gemerkt"), then which job.
    let pressed = move || state.map_or(saved, |s| s.shown(job, saved));
    let busy = move || state.is_some_and(|s| s.busy(job));
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if let Some(state) = state {
            state.flip(job, pressed());
        }
    };
    view! {
        <form class="fav-form" method="post" action=SetFavourite::url() on:submit=on_submit>
            <input type="hidden" name="job" value=job/>
            <input type="hidden" name="saved" value=updating(move || (!pressed()).to_string())/>
            <button
                type="submit"
                class="fav-toggle"
                data-testid="favourite-toggle"
                aria-pressed=updating(move || pressed().to_string())
                aria-busy=updating(move || busy().to_string())
                aria-label=updating(move || format!("{}: „{title}“", if pressed() { "Gemerkt" } else { "Merken" }))
                title=updating(move || if pressed() { "Von der Merkliste nehmen" } else { "Auf die Merkliste" })
            >
                <span class="fav-icon" aria-hidden="true">{updating(move || if pressed() { "★" } else { "☆" })}</span>
                <span class="fav-text" aria-hidden="true">{updating(move || if pressed() { "Gemerkt" } else { "Merken" })}</span>
            </button>
            <span class="fav-error" role="status">{updating(move || state.and_then(|s| s.errors.with(|m| m.get(&job).cloned())))}</span>
            <span class="fav-sync" data-testid="favourite-sync">
                {updating(move || (state.is_some_and(|s| s.offline.get()) && busy()).then_some("Offline – wird übertragen, sobald Sie online sind"))}
            </span>
        </form>
    }
}
