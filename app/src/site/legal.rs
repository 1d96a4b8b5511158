//! Impressum and Datenschutz: the structure the law asks for, to be filled in before launch.
use crate::ui::{Canonical, PageMeta};
use leptos::prelude::*;

#[component]
pub fn Impressum() -> impl IntoView {
    view! {
        <Canonical path="/impressum"/>
        <PageMeta title="Impressum" description="Impressum von Revierjobs, dem Jobportal für Medienberufe im Ruhrgebiet."/>
        <article class="prose">
            <h1>"Impressum"</h1>
            <p class="placeholder-note">"Platzhalter: Die Angaben werden vor dem Start eingetragen."</p>
            <h2>"Angaben gemäß § 5 DDG"</h2>
            <p>"[Name des Betreibers]"<br/>"[Straße und Hausnummer]"<br/>"[PLZ] Bochum"</p>
            <h2>"Kontakt"</h2>
            <p>"E-Mail: [Adresse]"<br/>"Telefon: [Nummer]"</p>
            <h2>"Verantwortlich für den Inhalt nach § 18 Abs. 2 MStV"</h2>
            <p>"[Name, Anschrift]"</p>
            <h2>"Verbraucherstreitbeilegung"</h2>
            <p>"Wir sind nicht bereit oder verpflichtet, an Streitbeilegungsverfahren vor einer Verbraucherschlichtungsstelle teilzunehmen."</p>
            <h2 id="datenquellen">"Datenquellen"</h2>
            <p>"Stellenanzeigen stammen von den Arbeitgebern und den auf jeder Anzeige genannten Quellen. Wo eine Anzeige nur Postleitzahl oder Ort nennt, bestimmen wir die Lage mit diesen Daten:"</p>
            <ul>
                <li>"Orte und Postleitzahlen: "<a href="https://www.geonames.org/">"GeoNames"</a>", Lizenz "
                    <a href="https://creativecommons.org/licenses/by/4.0/">"CC BY 4.0"</a>"; Auszug für Deutschland, umgeformt; ohne Gewähr für Richtigkeit und Aktualität."</li>
                <li>"Gemeindenamen: © "<a href="https://www.openstreetmap.org/copyright">"OpenStreetMap-Mitwirkende"</a>", Lizenz "
                    <a href="https://opendatacommons.org/licenses/odbl/1-0/">"ODbL 1.0"</a>"."</li>
            </ul>
        </article>
    }
}

#[component]
pub fn Datenschutz() -> impl IntoView {
    view! {
        <Canonical path="/datenschutz"/>
        <PageMeta title="Datenschutz" description="Welche Daten Revierjobs speichert (Merkliste, Konto) und welche Rechte Sie haben."/>
        <article class="prose">
            <h1>"Datenschutzerklärung"</h1>
            <p class="placeholder-note">"Platzhalter: Der vollständige Text wird vor dem Start eingetragen."</p>
            <h2>"1. Verantwortlicher"</h2>
            <p>"[Name und Anschrift des Verantwortlichen, siehe Impressum]"</p>
            <h2>"2. Welche Daten wir verarbeiten"</h2>
            <p>"Beim Aufruf der Seiten: technisch notwendige Server-Protokolle (IP-Adresse, Zeitpunkt, aufgerufene Adresse), "
               "gelöscht nach [Frist]. Keine Tracking- oder Werbe-Cookies."</p>
            <h3>"Merkliste ohne Konto"</h3>
            <p>"Wenn Sie eine Stelle merken, setzen wir das technisch notwendige Cookie „rj_visitor“ (ein Zufallswert, "
               "400 Tage gültig). Auf dem Server speichern wir nur dessen Prüfsumme zusammen mit Ihrer Merkliste "
               "(Stelle, Notiz, Status mit Datum). Ohne gemerkte Stelle setzen wir kein Cookie."</p>
            <h3>"Konto (freiwillig)"</h3>
            <p>"E-Mail-Adresse, Passwort nur als Argon2id-Hash, Zeitpunkte Ihrer Anmeldungen. Das Cookie „rj_session“ "
               "hält Sie angemeldet; die Anmeldung endet nach 30 Tagen ohne Nutzung, spätestens nach 180 Tagen. "
               "Anmeldeversuche zählen wir 15 Minuten lang je IP-Adresse und E-Mail-Adresse, um Passwort-Raten zu verhindern. "
               "Unter „Konto“ laden Sie alle Daten als Datei herunter (Art. 15, 20) oder löschen das Konto mit allem (Art. 17)."</p>
            <h3>"Offline-Kopie auf Ihrem Gerät"</h3>
            <p>"Damit Merkliste und gemerkte Stellen offline lesbar sind, speichert Ihr Browser besuchte Seiten auf Ihrem Gerät. "
               "Beim An- und Abmelden wird diese Kopie gelöscht; Sie können sie in den Browser-Einstellungen jederzeit entfernen."</p>
            <h2>"3. Rechtsgrundlagen"</h2>
            <p>"[Art. 6 Abs. 1 DSGVO, je Verarbeitung]"</p>
            <h2>"4. Speicherdauer"</h2>
            <p>"[Fristen je Datenart]"</p>
            <h2>"5. Ihre Rechte"</h2>
            <p>"Auskunft (Art. 15), Berichtigung (Art. 16), Löschung (Art. 17), Einschränkung (Art. 18), "
               "Datenübertragbarkeit (Art. 20), Widerspruch (Art. 21) und Beschwerde bei einer Aufsichtsbehörde (Art. 77 DSGVO)."</p>
            <h2>"6. Kontakt für Datenschutzfragen"</h2>
            <p>"[E-Mail-Adresse]"</p>
        </article>
    }
}
