//! Title, description and Open Graph tags of a page: one component, so no page lacks them
//! and none has two descriptions.
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

#[component]
pub fn PageMeta(#[prop(into)] title: String, #[prop(into)] description: String) -> impl IntoView {
    view! {
        <Title text=title.clone()/>
        <Meta name="description" content=description.clone()/>
        <Meta property="og:title" content=format!("{title} – Revierjobs")/>
        <Meta property="og:description" content=description/>
    }
}
