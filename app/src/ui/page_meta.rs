//! Title, description and Open Graph tags of a page: one component, so no page lacks them
//! and none has two descriptions.
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

/// The canonical URL of a page, absolute as search engines want it, and the same as `og:url`.
/// Rendered by the server only (the public URL is server configuration); the browser keeps the
/// tag the server sent.
#[component]
pub fn Canonical(#[prop(into)] path: String) -> impl IntoView {
    #[cfg(feature = "ssr")]
    {
        use leptos_meta::Link;
        let url = format!("{}{path}", crate::server::site().public_url);
        view! {
            <Link rel="canonical" href=url.clone()/>
            <Meta property="og:url" content=url/>
        }
        .into_any()
    }
    #[cfg(not(feature = "ssr"))]
    {
        let _ = path;
        ().into_any()
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
