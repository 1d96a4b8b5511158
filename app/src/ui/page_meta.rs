//! Title, description and Open Graph tags of a page: one component, so no page lacks them
//! and none has two descriptions; the canonical URL; structured data.
use leptos::prelude::*;
use leptos_meta::{Link, Meta, Script, Title};

/// Where users reach the site (`https://revierjobs.de`), provided by the app for absolute links.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PublicUrl(pub String);

/// The canonical URL of a page, absolute as search engines want it, and the same as `og:url`.
#[component]
pub fn Canonical(#[prop(into)] path: String) -> impl IntoView {
    let url = format!("{}{path}", use_context::<PublicUrl>().unwrap_or_default().0);
    view! {
        <Link rel="canonical" href=url.clone()/>
        <Meta property="og:url" content=url/>
    }
}

#[component]
pub fn PageMeta(#[prop(into)] title: String, #[prop(into)] description: String) -> impl IntoView {
    view! {
        <Title text=title.clone()/>
        <Meta name="description" content=description.clone()/>
        <Meta property="og:title" content=format!("{title} – Revierjobs")/>
        <Meta property="og:description" content=description/>
    }
}

/// Structured data (JSON-LD) in `<head>`, where every parser finds it. `data` must contain no `<`.
#[component]
pub fn JsonLd(data: String) -> impl IntoView {
    view! { <Script type_="application/ld+json">{data}</Script> }
}
