//! Page frame: skip link, header with navigation, demo notice, main, footer.
use leptos::prelude::*;

use crate::jobs::api::shows_demo_now;

#[component]
pub fn Layout(children: Children) -> impl IntoView {
    view! {
        <a class="skip-link" href="#main">"Zum Inhalt springen"</a>
        <header class="site-header">
            <div class="wrap header-row">
                <a class="brand" href="/" aria-label="Revierjobs Startseite">
                    <span class="brand-mark" aria-hidden="true">"R"</span>
                    <span>"Revierjobs"</span>
                </a>
                <nav aria-label="Hauptnavigation">
                    <ul class="nav-list">
                        <li><a href="/jobs">"Jobs"</a></li>
                        <li><a href="/gehalt">"Gehalt"</a></li>
                        <li><a href="/beruf/medienassistent/bochum">"Berufsinfo"</a></li>
                        <li><a href="/merkliste">"Merkliste"</a></li>
                        <li><a href="/konto">"Konto"</a></li>
                        <li><button id="install-app" type="button" class="install" hidden>"App installieren"</button></li>
                        <li><super::ThemeSwitch initial=super::theme::current()/></li>
                    </ul>
                </nav>
            </div>
        </header>
        {shows_demo_now().then(|| view! {
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
                <nav aria-label="Rechtliches">
                    <ul class="nav-list">
                        <li><a href="/impressum">"Impressum"</a></li>
                        <li><a href="/datenschutz">"Datenschutz"</a></li>
                    </ul>
                </nav>
            </div>
        </footer>
    }
}
