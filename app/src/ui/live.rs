//! Live search: the GET forms whose state is a `JobFilter` (job search, salary explorer) and the
//! links between views of one page (filter chips, paging, status tabs) change the view without a
//! page load. A form marked `data-live` applies a checkbox or select at once; submitting it fetches
//! the page the form's GET would load, swaps `<main>` for the new one, pushes the view's canonical
//! URL (which the server writes into the page, [`URL_ATTRIBUTE`]) into history and hydrates the
//! islands in it. Back and Forward do the same. Without WebAssembly, or when a fetch fails, all of
//! it is a plain page load of the same URL: the server is the only place that builds a view.

/// Marks a form whose changes apply at once.
pub const FORM_ATTRIBUTE: &str = "data-live";
/// On an element in `<main>`: the canonical URL of the view shown (with the fragment to land on).
pub const URL_ATTRIBUTE: &str = "data-live-url";
/// The id of the page's status region (outside `<main>`, `ui::Layout`) that announces a new view.
pub const STATUS_REGION: &str = "live-status";

#[cfg(feature = "hydrate")]
pub use browser::{install, reload};

#[cfg(feature = "hydrate")]
mod browser {
    use std::cell::{Cell, RefCell};

    use leptos::prelude::*;
    use leptos::wasm_bindgen::closure::Closure;
    use leptos::wasm_bindgen::{JsCast, JsValue};
    use leptos::web_sys::{self, Element, HtmlAnchorElement, HtmlElement, HtmlFormElement, HtmlInputElement};
    use wasm_bindgen_futures::JsFuture;

    use super::{FORM_ATTRIBUTE, STATUS_REGION, URL_ATTRIBUTE};

    thread_local! {
        /// Counts loads: the answer to an older one that arrives late is dropped.
        static LATEST: Cell<u32> = const { Cell::new(0) };
        /// Path and query of the view shown: a history step that only changes the fragment loads nothing.
        static SHOWN: RefCell<String> = const { RefCell::new(String::new()) };
    }

    /// Installs the document's listeners (once, at start).
    pub fn install() {
        SHOWN.with(|shown| shown.replace(without_fragment(&here())));
        listen(&document(), "change", on_change);
        listen(&document(), "submit", on_submit);
        listen(&document(), "click", on_click);
        listen(&window(), "popstate", |_: web_sys::Event| {
            if without_fragment(&here()) != SHOWN.with(|shown| shown.borrow().clone()) {
                load(here(), false);
            }
        });
    }

    /// Shows the current URL afresh (after a change the server made, such as an application status).
    pub fn reload() {
        load(here(), false);
    }

    fn listen<E: leptos::wasm_bindgen::convert::FromWasmAbi + 'static>(
        target: &web_sys::EventTarget,
        event: &str,
        handler: fn(E),
    ) {
        let handler = Closure::<dyn Fn(E)>::new(handler);
        let _ = target.add_event_listener_with_callback(event, handler.as_ref().unchecked_ref());
        handler.forget();
    }

    fn here() -> String {
        let l = window().location();
        format!(
            "{}{}{}",
            l.pathname().unwrap_or_default(),
            l.search().unwrap_or_default(),
            l.hash().unwrap_or_default()
        )
    }

    fn without_fragment(href: &str) -> String {
        href.split('#').next().unwrap_or_default().to_owned()
    }

    fn live_form(target: Option<web_sys::EventTarget>) -> Option<HtmlFormElement> {
        let el = target?.dyn_into::<Element>().ok()?;
        el.closest(&format!("form[{FORM_ATTRIBUTE}]")).ok()??.dyn_into().ok()
    }

    /// A checkbox or select applies at once; text fields wait for Enter or the button.
    fn on_change(ev: web_sys::Event) {
        let is_text = ev
            .target()
            .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
            .is_some_and(|input| matches!(input.type_().as_str(), "search" | "text"));
        if !is_text && let Some(form) = live_form(ev.target()) {
            let _ = form.request_submit();
        }
    }

    /// The GET the form would make, as a load into the page.
    fn on_submit(ev: web_sys::SubmitEvent) {
        let Some(form) = live_form(ev.target()) else { return };
        let Some(query) = web_sys::FormData::new_with_form(&form)
            .and_then(|data| web_sys::UrlSearchParams::new_with_str_sequence_sequence(&data))
            .ok()
            .map(|params| String::from(params.to_string()))
        else {
            return;
        };
        let action = form.get_attribute("action").unwrap_or_default();
        ev.prevent_default();
        load(format!("{}?{query}", without_fragment(&action)), true);
    }

    /// A link within `<main>` to another view of the same page (same path, other query).
    fn on_click(ev: web_sys::MouseEvent) {
        if ev.default_prevented()
            || ev.button() != 0
            || ev.ctrl_key()
            || ev.meta_key()
            || ev.shift_key()
            || ev.alt_key()
        {
            return;
        }
        let Some(link) = ev
            .target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .and_then(|el| el.closest("main a[href]").ok().flatten())
            .and_then(|el| el.dyn_into::<HtmlAnchorElement>().ok())
        else {
            return;
        };
        let location = window().location();
        let same_page = link.origin() == location.origin().unwrap_or_default()
            && link.pathname() == location.pathname().unwrap_or_default();
        // A link that only changes the fragment stays an in-page jump.
        let other_view = link.search() != location.search().unwrap_or_default();
        if same_page && other_view && !link.has_attribute("download") && link.target().is_empty() {
            ev.prevent_default();
            load(format!("{}{}{}", link.pathname(), link.search(), link.hash()), true);
        }
    }

    /// Shows the page at `href`: fetches it and swaps it in; `push`: as a new history entry (at the
    /// URL the server names canonical), else in place (Back, Forward, reload). Loads the page the
    /// plain way when the fetch or the swap fails.
    fn load(href: String, push: bool) {
        let this = LATEST.with(|n| {
            n.set(n.get().wrapping_add(1));
            n.get()
        });
        leptos::task::spawn_local(async move {
            match fetch(&href).await {
                Ok(doc) if LATEST.with(Cell::get) == this => {
                    if swap(&doc, &href, push).is_none() {
                        let _ = window().location().assign(&href);
                    }
                }
                Ok(_) => {}
                Err(_) => {
                    let _ = window().location().assign(&href);
                }
            }
        });
    }

    async fn fetch(href: &str) -> Result<web_sys::Document, JsValue> {
        let response: web_sys::Response = JsFuture::from(window().fetch_with_str(href)).await?.dyn_into()?;
        let html = response.headers().get("content-type")?.is_some_and(|t| t.starts_with("text/html"));
        if !html {
            return Err(JsValue::NULL);
        }
        let text = JsFuture::from(response.text()?).await?.as_string().unwrap_or_default();
        web_sys::DomParser::new()?.parse_from_string(&text, web_sys::SupportedType::TextHtml)
    }

    /// Swaps `<main>`, title and canonical link for the fetched page's; keeps the focused control
    /// focused; with `push`, adds the view's URL to history and lands on its fragment. `None` when the
    /// page must be loaded instead (another build answered, or it has no `<main>`).
    fn swap(doc: &web_sys::Document, href: &str, push: bool) -> Option<()> {
        let page = document();
        // A new deployment answered: its islands need its own wasm, so load the page instead.
        let build = |d: &web_sys::Document| d.document_element().and_then(|html| html.get_attribute("data-build"));
        if build(doc) != build(&page) {
            return None;
        }
        let fresh = doc.get_element_by_id("main")?;
        let url = fresh
            .query_selector(&format!("[{URL_ATTRIBUTE}]"))
            .ok()
            .flatten()
            .and_then(|el| el.get_attribute(URL_ATTRIBUTE))
            .unwrap_or_else(|| href.to_owned());
        if push && without_fragment(&url) == without_fragment(&here()) {
            return Some(()); // The same view as shown: nothing to do.
        }
        let focused = page.active_element().map(|el| el.id()).filter(|id| !id.is_empty());
        page.get_element_by_id("main")?.replace_with_with_node_1(&fresh).ok()?;
        page.set_title(&doc.title());
        let canonical = |d: &web_sys::Document| d.query_selector("link[rel=canonical]").ok().flatten();
        if let (Some(new), Some(old)) = (canonical(doc), canonical(&page)) {
            let _ = old.set_attribute("href", &new.get_attribute("href").unwrap_or_default());
        }
        if push {
            let _ = window().history().ok()?.push_state_with_url(&JsValue::NULL, "", Some(&url));
        }
        SHOWN.with(|shown| shown.replace(without_fragment(&here())));
        // The islands that came with the new `<main>`: the page's start script hydrates them.
        let hydrate = web_sys::js_sys::Reflect::get(&window(), &"__rjIslands".into()).ok()?;
        let _ = hydrate.dyn_into::<web_sys::js_sys::Function>().ok()?.call1(&JsValue::NULL, &fresh);
        // The new view's live region (result count, salary figures) is new to the page, and screen
        // readers only announce changes of regions they already know: the page's status region says it.
        if let (Some(region), Some(status)) =
            (fresh.query_selector("[aria-live]").ok().flatten(), page.get_element_by_id(STATUS_REGION))
        {
            let text = region.text_content().unwrap_or_default();
            status.set_text_content(Some(&text.split_whitespace().collect::<Vec<_>>().join(" ")));
        }
        if let Some(el) =
            focused.and_then(|id| page.get_element_by_id(&id)).and_then(|el| el.dyn_into::<HtmlElement>().ok())
        {
            let options = web_sys::FocusOptions::new();
            options.set_prevent_scroll(true);
            let _ = el.focus_with_options(&options);
        }
        let fragment = url.split_once('#').map(|(_, f)| f).filter(|f| !f.is_empty());
        if push && let Some(target) = fragment.and_then(|f| page.get_element_by_id(f)) {
            target.scroll_into_view();
        }
        Some(())
    }
}
