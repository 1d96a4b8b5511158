//! The WebAssembly entry: sets up the islands' runtime, the live search and the saved jobs' state.
//! The page's start script (`app::app::Hydration`) then hydrates each island.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
    app::ui::live::install();
    app::favourites::SavedJobs::resume();
}
