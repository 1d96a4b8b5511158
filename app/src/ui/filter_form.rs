//! Behaviour shared by the GET forms whose state is a `JobFilter` (job search, salary explorer):
//! they work as plain forms without WebAssembly; with it they apply changes client-side.
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use leptos_router::NavigateOptions;

use crate::jobs::model::JobFilter;

/// Navigates client-side to the canonical URL of the submitted filter (no empty parameters,
/// page 1; `to_href` picks the page and may add a `#fragment` to land on), and only when its path
/// and query differ from the current ones, so Back goes back one step. `scroll`: whether to jump
/// to the fragment's element (or the top) afterwards.
pub fn submit(
    ev: leptos::ev::SubmitEvent,
    navigate: &impl Fn(&str, NavigateOptions),
    to_href: impl Fn(JobFilter) -> String,
    scroll: bool,
) {
    use leptos::web_sys::{FormData, HtmlFormElement, UrlSearchParams};
    let Some(form) = ev.target().and_then(|t| t.dyn_into::<HtmlFormElement>().ok()) else { return };
    let Some(query) = FormData::new_with_form(&form)
        .and_then(|data| UrlSearchParams::new_with_str_sequence_sequence(&data))
        .ok()
        .map(|params| String::from(params.to_string()))
    else {
        return;
    };
    ev.prevent_default();
    let (filter, _) = JobFilter::parse_query(&query);
    let href = to_href(filter);
    let location = window().location();
    let here = format!("{}{}", location.pathname().unwrap_or_default(), location.search().unwrap_or_default());
    if href.split('#').next() != Some(here.as_str()) {
        navigate(&href, NavigateOptions { scroll, ..Default::default() });
    }
}

/// Submits the form when a checkbox or select changes (text fields wait for Enter or the button).
pub fn apply_on_change(ev: leptos::ev::Event) {
    let is_text = ev
        .target()
        .and_then(|t| t.dyn_into::<leptos::web_sys::HtmlInputElement>().ok())
        .is_some_and(|input| matches!(input.type_().as_str(), "search" | "text"));
    if !is_text
        && let Some(form) = ev.current_target().and_then(|t| t.dyn_into::<leptos::web_sys::HtmlFormElement>().ok())
    {
        let _ = form.request_submit();
    }
}
