//! The HTML shell and the router.
use leptos::prelude::*;
use leptos_meta::{Link, Meta, MetaTags, Title, provide_meta_context};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{SsrMode, path};

use crate::accounts::{AccountPage, SignInPage, SignUpPage};
use crate::careers::CareerPage;
use crate::favourites::SavedPage;
use crate::jobs::service::demo_shown;
use crate::jobs::{JobDetailPage, JobsPage};
use crate::salary::SalaryPage;
use crate::site::Layout;
use crate::site::{Datenschutz, HomePage, Impressum, OfflinePage};
use crate::ui::{NotFound, PublicUrl};

/// Where a build's own files (wasm, js, css) are served: `/v/<build>`, then the site's package
/// directory. The path changes with every build, so browsers may keep what it holds for good.
pub fn asset_root(build: &str) -> String {
    format!("/v/{build}")
}

pub fn shell(options: LeptosOptions) -> impl IntoView {
    // leptos_axum gives each response a fresh nonce for the inline hydration scripts (feature
    // `nonce`); the server's security layer announces it in the CSP header.
    let build = crate::state::current_build().to_string();
    let pkg = format!("{}/{}/{}", asset_root(&build), options.site_pkg_dir, options.output_name);
    view! {
        <!DOCTYPE html>
        <html lang="de" data-build=build data-theme=crate::ui::theme::current().attribute()>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover"/>
                // Service worker, install button, offline and update notices (plain JS, not in the wasm).
                <script type="module" src="/pwa.js"></script>
                <link rel="stylesheet" href=format!("{pkg}.css")/>
                <AutoReload options/>
                <Hydration pkg/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

/// Loads the wasm (`{pkg}.js`, `{pkg}.wasm`) once the browser is idle (at the latest after 2 s) and
/// hydrates the page's islands, the only parts that run code in the browser (`#[island]`); the rest
/// of the page stays the server's HTML. `window.__rjIslands(root)` hydrates the islands in a part
/// that `ui::live` swapped in. Leptos's `HydrationScripts` adds preload hints, which start the wasm
/// download beside the page's own CSS and delay its first paint on a slow connection. Until
/// hydration, links and forms work as plain HTML.
#[component]
fn Hydration(pkg: String) -> impl IntoView {
    // As Leptos's `HydrationScripts` does in islands mode: the page outside the islands is not
    // hydrated, so its resources are not sent to the browser (islands send their own props).
    if let Some(context) = Owner::current_shared_context() {
        context.set_is_hydrating(false);
    }
    let script = format!(
        r#"const start = (m) => {{
  window.__rjIslands = (root) => {{ for (const el of root.querySelectorAll("leptos-island")) m[el.dataset.component]?.(el); }};
  m.hydrate();
  window.__rjIslands(document.body);
  document.documentElement.setAttribute("data-hydrated", "true");
}};
const load = () => import("{pkg}.js").then((m) => m.default({{ module_or_path: "{pkg}.wasm" }}).then(() => start(m)));
if ("requestIdleCallback" in window) requestIdleCallback(load, {{ timeout: 2000 }}); else setTimeout(load);"#
    );
    view! { <script type="module" nonce=use_nonce()>{script}</script> }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    provide_context(PublicUrl(crate::state::site().public_url));
    // Every route renders fully before the first byte (SsrMode::Async): pages work without
    // JavaScript and can answer with their real status code (404, 410).
    view! {
        <Title formatter=|title: String| format!("{title} – Revierjobs")/>
        <Meta property="og:site_name" content="Revierjobs"/>
        <Meta property="og:locale" content="de_DE"/>
        <Meta property="og:type" content="website"/>
        <Meta property="og:image" content="/icons/icon-512.png"/>
        <Link rel="manifest" href="/manifest.webmanifest"/>
        <Link rel="apple-touch-icon" href="/icons/apple-touch-icon.png"/>
        <Meta name="theme-color" content="#0b5d57"/>
        <Link rel="icon" href="/favicon.svg" type_="image/svg+xml"/>
        <Router>
            <Layout demo=demo_shown()>
                <Routes fallback=|| view! { <NotFound/> }>
                    <Route path=path!("/") view=HomePage ssr=SsrMode::Async/>
                    <Route path=path!("/jobs") view=JobsPage ssr=SsrMode::Async/>
                    // Before `/jobs/:id`: the matcher tries routes in order.
                    <Route path=path!("/jobs/:profession/:city") view=JobsPage ssr=SsrMode::Async/>
                    <Route path=path!("/jobs/:id") view=JobDetailPage ssr=SsrMode::Async/>
                    <Route path=path!("/gehalt") view=SalaryPage ssr=SsrMode::Async/>
                    <Route path=path!("/beruf/:profession/:city") view=CareerPage ssr=SsrMode::Async/>
                    <Route path=path!("/merkliste") view=SavedPage ssr=SsrMode::Async/>
                    <Route path=path!("/anmelden") view=SignInPage ssr=SsrMode::Async/>
                    <Route path=path!("/registrieren") view=SignUpPage ssr=SsrMode::Async/>
                    <Route path=path!("/konto") view=AccountPage ssr=SsrMode::Async/>
                    <Route path=path!("/offline") view=OfflinePage ssr=SsrMode::Async/>
                    <Route path=path!("/impressum") view=Impressum ssr=SsrMode::Async/>
                    <Route path=path!("/datenschutz") view=Datenschutz ssr=SsrMode::Async/>
                </Routes>
            </Layout>
        </Router>
    }
}
