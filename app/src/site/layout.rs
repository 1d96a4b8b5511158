//! The page frame: skip link, header with navigation (a bottom bar on phones), demo notice, main, footer.
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// An entry of the main navigation.
struct NavEntry {
    href: &'static str,
    label: &'static str,
    /// Left out of the phone's bottom bar (reachable from the pages instead).
    phone_hidden: bool,
}

/// The main navigation, in its order.
const NAVIGATION: &[NavEntry] = &[
    NavEntry { href: "/jobs", label: "Jobs", phone_hidden: false },
    NavEntry { href: "/gehalt", label: "Gehalt", phone_hidden: false },
    NavEntry { href: "/beruf/medienassistent/bochum", label: "Berufsinfo", phone_hidden: true },
    NavEntry { href: "/merkliste", label: "Merkliste", phone_hidden: false },
    NavEntry { href: "/konto", label: "Konto", phone_hidden: false },
];

/// `demo`: whether the listings shown are demo data (every page then says so). On phones the main
/// navigation is a bottom bar.
#[component]
pub fn Layout(demo: bool, children: Children) -> impl IntoView {
    let path = use_location().pathname.get_untracked();
    let current = |href: &str| (path == href || path.starts_with(&format!("{href}/"))).then_some("page");
    view! {
        <a class="skip-link" href="#main">"Zum Inhalt springen"</a>
        <header class="site-header">
            <div class="wrap header-row">
                <a class="brand" href="/">
                    <img class="brand-mark" src="/favicon.svg" alt="" width="32" height="32"/>
                    <span>"Revierjobs"</span>
                </a>
                <nav class="main-nav" aria-label="Hauptnavigation">
                    <ul class="nav-list">
                        {NAVIGATION.iter().map(|entry| view! {
                            <li class:phone-hidden=entry.phone_hidden>
                                <a href=entry.href aria-current=current(entry.href)>{entry.label}</a>
                            </li>
                        }).collect_view()}
                    </ul>
                </nav>
                <div class="header-tools">
                    <button id="install-app" type="button" class="install" hidden>"App installieren"</button>
                    <crate::ui::ThemeSwitch initial=crate::ui::theme::current()/>
                </div>
            </div>
        </header>
        {demo.then(|| view! {
            <div class="demo-notice" role="note" data-testid="demo-notice">
                <div class="wrap">
                    <strong>"Demo-Daten: "</strong>
                    "Alle Stellenanzeigen hier sind erfundene Beispiele zum Ausprobieren – "
                    "keine echten Angebote, die Arbeitgeber gibt es nicht."
                </div>
            </div>
        })}
        // Shown by /pwa.js: connection lost, a newer version ready. Static markup, hidden until needed.
        <div id="offline-banner" class="app-banner offline" role="status" data-testid="offline-banner" hidden>
            <div class="wrap">
                "Offline – gemerkte Stellen bleiben lesbar. Änderungen an der Merkliste werden übertragen, "
                "sobald wieder eine Verbindung besteht."
            </div>
        </div>
        <div id="update-banner" class="app-banner" role="status" data-testid="update-banner" hidden>
            <div class="wrap">
                "Eine neue Version von Revierjobs ist da. "
                <button id="update-reload" type="button" class="secondary">"Neu laden"</button>
            </div>
        </div>
        // Announces what a search changed without a page load (`ui::live`).
        <div id=crate::ui::live::STATUS_REGION class="visually-hidden" role="status" data-testid="live-status"></div>
        <main id="main" class="wrap">{children()}</main>
        <footer class="site-footer">
            <div class="wrap footer-row">
                <span>"Revierjobs – Medienjobs in Bochum und im Ruhrgebiet"</span>
                <nav aria-label="Weitere Seiten">
                    <ul class="nav-list">
                        <li><a href="/beruf/medienassistent/bochum">"Berufsinfo"</a></li>
                        <li><a href="/impressum">"Impressum"</a></li>
                        <li><a href="/datenschutz">"Datenschutz"</a></li>
                    </ul>
                </nav>
            </div>
        </footer>
    }
}
