//! `/gehalt`: the salary explorer. The URL is the state (the job search's parameter names). Its
//! markup comes from the server (`render.rs`); this component adds the two forms' behaviour: they
//! work as plain GET forms and, with WebAssembly, apply each change client-side with history.
use crate::ui::{Canonical, PageMeta};
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};

use super::api::salary_page;
use super::model::{PATH, SalaryPageHtml, explorer_filter, salary_href};
use crate::ui::ErrorView;
use crate::ui::filter_form::{apply_on_change, submit};

#[component]
pub fn SalaryPage() -> impl IntoView {
    let search = use_location().search;
    let page = Resource::new(move || search.get(), salary_page);
    view! {
        <PageMeta title="Gehälter in Medienberufen im Ruhrgebiet" description="Was verdienen Medienassistent/innen in Bochum und im Ruhrgebiet? Median, Quartile und Verteilung aus aktuellen Stellenanzeigen, mit Quellen."/>
        <Canonical path="/gehalt"/>
        <Transition fallback=|| view! { <p class="loading">"Gehälter werden berechnet …"</p> }>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(html) => view! { <Explorer html/> }.into_any(),
                    Err(error) => view! { <ErrorView error/> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn Explorer(html: SalaryPageHtml) -> impl IntoView {
    let navigate = use_navigate();
    let to_href = |f| salary_href(&explorer_filter(&f).0);
    let submit_main = {
        let navigate = navigate.clone();
        move |ev| submit(ev, &navigate, to_href, false)
    };
    view! {
        <h1>{html.title}</h1>
        <div class="salary-layout">
            <form method="get" action=PATH class="salary-form" on:change=apply_on_change on:submit=submit_main
                inner_html=html.form></form>
            <div class="salary-results" id="ergebnis">
                <div class="salary-block" inner_html=html.top></div>
                <section class="helper" id="rechner" aria-labelledby="helper-heading">
                    <h2 id="helper-heading">"Was könnte ich verdienen?"</h2>
                    <form method="get" action=PATH class="helper-form" on:change=apply_on_change
                        on:submit=move |ev| submit(ev, &navigate, to_href, false) inner_html=html.helper_form></form>
                    <div inner_html=html.helper_result></div>
                </section>
                <div class="salary-block" inner_html=html.rest></div>
            </div>
        </div>
    }
}
