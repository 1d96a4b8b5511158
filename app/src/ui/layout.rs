//! Page frame: skip link, header with navigation (a bottom bar on phones), demo notice, main, footer.
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// The main navigation: (path, label). On phones it is the bottom bar, without the career page.
const NAVIGATION: [(&str, &str); 5] = [
    ("/jobs", "Jobs"),
    ("/gehalt", "Gehalt"),
    ("/beruf/medienassistent/bochum", "Berufsinfo"),
    ("/merkliste", "Merkliste"),
    ("/konto", "Konto"),
];

/// `demo`: whether the listings shown are demo data (every page then says so).
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
                        {NAVIGATION.iter().map(|(href, label)| view! {
                            <li class:phone-hidden=href.starts_with("/beruf")>
                                <a href=*href aria-current=current(href)>{*label}</a>
                            </li>
                        }).collect_view()}
                    </ul>
                </nav>
                <div class="header-tools">
                    <button id="install-app" type="button" class="install" hidden>"App installieren"</button>
                    <super::ThemeSwitch initial=super::theme::current()/>
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
        <div id=super::live::STATUS_REGION class="visually-hidden" role="status" data-testid="live-status"></div>
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
