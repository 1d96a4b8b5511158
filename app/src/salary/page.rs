//! `/gehalt`: the salary explorer. The URL is the state (the job search's parameter names). Its
//! markup comes from the server (`render.rs`); its two forms work as plain GET forms and, with
//! WebAssembly, apply each change without a page load, with history (`ui::live`).
use crate::ui::{Canonical, PageMeta};
use leptos::prelude::*;
use leptos_router::hooks::use_location;

use super::api::salary_page_now;
use super::model::{PATH, SalaryPageHtml};
use crate::ui::ErrorView;

#[component]
pub fn SalaryPage() -> impl IntoView {
    let explorer = match salary_page_now(&use_location().search.get_untracked()) {
        Ok(html) => view! { <Explorer html/> }.into_any(),
        Err(error) => view! { <ErrorView error/> }.into_any(),
    };
    view! {
        <PageMeta title="Gehälter in Medienberufen im Ruhrgebiet" description="Was verdienen Medienassistent/innen in Bochum und im Ruhrgebiet? Median, Quartile und Verteilung aus aktuellen Stellenanzeigen, mit Quellen."/>
        <Canonical path="/gehalt"/>
        {explorer}
    }
}

#[component]
fn Explorer(html: SalaryPageHtml) -> impl IntoView {
    view! {
        <h1>{html.title}</h1>
        <div class="salary-layout" data-live-url=html.href>
            <form method="get" action=PATH class="salary-form" data-live="" inner_html=html.form></form>
            <div class="salary-results" id="ergebnis">
                <div class="salary-block" inner_html=html.top></div>
                <section class="helper" id="rechner" aria-labelledby="helper-heading">
                    <h2 id="helper-heading">"Was könnte ich verdienen?"</h2>
                    <form method="get" action=PATH class="helper-form" data-live="" inner_html=html.helper_form></form>
                    <div inner_html=html.helper_result></div>
                </section>
                <div class="salary-block" inner_html=html.rest></div>
            </div>
        </div>
    }
}
