//! Impressum and Datenschutz: the structure the law asks for, to be filled in before launch.
use crate::ui::PageMeta;
use leptos::prelude::*;

#[component]
pub fn Impressum() -> impl IntoView {
    view! {
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
        </article>
    }
}

#[component]
pub fn Datenschutz() -> impl IntoView {
    view! {
        <PageMeta title="Datenschutz" description="Welche Daten Revierjobs speichert (Merkliste, Konto) und welche Rechte Sie haben."/>
        <article class="prose">
            <h1>"Datenschutzerklärung"</h1>
            <p class="placeholder-note">"Platzhalter: Der vollständige Text wird vor dem Start eingetragen."</p>
            <h2>"1. Verantwortlicher"</h2>
            <p>"[Name und Anschrift des Verantwortlichen, siehe Impressum]"</p>
            <h2>"2. Welche Daten wir verarbeiten"</h2>
            <p>"Beim Aufruf der Seiten: technisch notwendige Server-Protokolle (IP-Adresse, Zeitpunkt, aufgerufene Adresse), "
               "gelöscht nach [Frist]. Keine Tracking- oder Werbe-Cookies."</p>
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
