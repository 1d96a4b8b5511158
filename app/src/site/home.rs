//! `/`: search box, suggestions, the career page, newest listings.
use crate::ui::{Canonical, PageMeta};
use leptos::prelude::*;

use crate::jobs::api::search_now;
use crate::jobs::model::JobFilter;
use crate::ui::format::format_date;

const SUGGESTIONS: &[&str] = &["Social Media", "Bildbearbeitung", "Eventtechnik", "Video", "Ausbildung"];

#[component]
pub fn HomePage() -> impl IntoView {
    let (newest, total) =
        search_now(&JobFilter { page: 1, ..Default::default() }).map(|r| (r.items, r.total)).unwrap_or_default();
    view! {
        <PageMeta title="Medienjobs in Bochum und im Ruhrgebiet" description="Jobs als Medienassistent/in und in Medienberufen in Bochum und im Ruhrgebiet: suchen, Gehälter vergleichen, Stellen merken – ohne Konto."/>
        <Canonical path="/"/>
        <section class="hero">
            <h1>"Medienjobs in Bochum und im Ruhrgebiet"</h1>
            <p class="lead">"Stellen für Medienassistent/innen und verwandte Berufe – mit Gehaltsangaben, ohne Anmeldung."</p>
            <form method="get" action="/jobs" class="hero-search" role="search">
                <label for="home-q" class="visually-hidden">"Suchbegriff"</label>
                <input id="home-q" name="q" type="search" maxlength="200"
                    placeholder="Was möchten Sie machen? z. B. Social Media" data-testid="home-q"/>
                <input type="hidden" name="place" value="bochum"/>
                <button type="submit" class="button primary">"Jobs in Bochum finden"</button>
            </form>
            <Suggestions/>
        </section>
        <section class="teaser">
            <h2>"Beruf im Blick"</h2>
            <p>
                <a href="/beruf/medienassistent/bochum">"Medienassistent/in in Bochum"</a>
                ": Aufgaben, Gehalt, Weiterbildung – mit aktuellen Zahlen aus den Anzeigen."
            </p>
        </section>
        <section>
            <h2>"Neueste Stellen"</h2>
            <ul class="newest">
                {newest.into_iter().take(6).map(|job| view! {
                    <li>
                        <a href=job.href()>{job.title.clone()}</a>
                        <span class="muted">{format!(" · {} · {}", job.employer, job.city)}</span>
                        <small class="muted">{format!(" · {}", format_date(&job.posted_at))}</small>
                    </li>
                }).collect_view()}
            </ul>
            <p><a href="/jobs">{format!("Alle {total} Stellen ansehen →")}</a></p>
        </section>
    }
}

/// Without JavaScript each chip is a link to its results; with it, the chip fills the search box
/// so the place can still be chosen.
#[island]
fn Suggestions() -> impl IntoView {
    view! {
        <p class="suggestions">
            "Beliebt: "
            {SUGGESTIONS.iter().map(|term| {
                let href = JobFilter { q: (*term).to_owned(), page: 1, ..Default::default() }.href();
                let fill = move |ev: leptos::ev::MouseEvent| {
                    use leptos::wasm_bindgen::JsCast;
                    let input = document().get_element_by_id("home-q");
                    if let Some(input) = input.and_then(|el| el.dyn_into::<leptos::web_sys::HtmlInputElement>().ok()) {
                        ev.prevent_default();
                        input.set_value(term);
                        let _ = input.focus();
                    }
                };
                view! { <a class="chip" href=href on:click=fill data-testid="suggestion">{*term}</a> }
            }).collect_view()}
        </p>
    }
}
