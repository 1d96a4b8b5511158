//! Title, description and Open Graph tags of a page: one component, so no page lacks them
//! and none has two descriptions.
use leptos::prelude::*;
use leptos_meta::{Link, Meta, Title};

/// The canonical URL of a page, absolute as search engines want it, and the same as `og:url`.
/// The public URL is server configuration: the browser renders the same tags with the path, and
/// hydration keeps the server's absolute values (attributes are not re-set while hydrating).
#[component]
pub fn Canonical(#[prop(into)] path: String) -> impl IntoView {
    #[cfg(feature = "ssr")]
    let url = format!("{}{path}", crate::server::site().public_url);
    #[cfg(not(feature = "ssr"))]
    let url = path;
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
