//! The home page's search suggestions.
use leptos::prelude::*;

use crate::jobs::filter::JobFilter;

const SUGGESTIONS: &[&str] = &["Social Media", "Bildbearbeitung", "Eventtechnik", "Video", "Ausbildung"];

/// Without JavaScript each chip is a link to its results; with it, the chip fills the search box
/// so the place can still be chosen.
#[island]
pub fn Suggestions() -> impl IntoView {
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
