//! `/offline`: what the service worker shows for a page it cannot fetch and has not stored.
use crate::ui::PageMeta;
use leptos::prelude::*;
use leptos_meta::Meta;

#[component]
pub fn OfflinePage() -> impl IntoView {
    view! {
        <PageMeta title="Offline" description="Keine Verbindung: Diese Seiten von Revierjobs sind auch offline lesbar."/>
        <Meta name="robots" content="noindex"/>
        <section class="notice-page" data-testid="offline-page">
            <h1>"Sie sind offline"</h1>
            <p>
                "Diese Seite ist ohne Internetverbindung nicht verfügbar. Ihre Merkliste und die Stellen darauf "
                "können Sie trotzdem lesen; Suchen brauchen eine Verbindung."
            </p>
            <h2>"Offline verfügbar"</h2>
            // Filled by /pwa.js from the service worker's cache.
            <ul id="offline-pages" data-testid="offline-pages">
                <li><a href="/merkliste">"Merkliste"</a></li>
            </ul>
        </section>
    }
}
