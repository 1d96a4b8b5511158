//! `/`: search box, suggestions, the career page, newest listings.
use crate::ui::{Canonical, PageMeta};
use leptos::prelude::*;

use super::suggestions::Suggestions;
use crate::jobs::filter::JobFilter;
use crate::jobs::service::search;
use crate::ui::format::format_date;

#[component]
pub fn HomePage() -> impl IntoView {
    let (newest, total) =
        search(&JobFilter { page: 1, ..Default::default() }).map(|r| (r.items, r.total)).unwrap_or_default();
    view! {
        <PageMeta title="Medienjobs in Bochum und im Ruhrgebiet" description="Jobs als Medienassistent/in und in Medienberufen in Bochum und im Ruhrgebiet: suchen, Gehälter vergleichen, Stellen merken – ohne Konto."/>
        <Canonical path="/"/>
        <section class="hero">
            <h1>"Medienjobs in Bochum und im Ruhrgebiet"</h1>
            <p class="lead">"Stellen für Medienassistent/innen und verwandte Berufe – mit Gehaltsangaben, ohne Anmeldung."</p>
            <form method="get" action="/jobs" class="hero-search" role="search">
                <label for="home-q" class="visually-hidden">"Suchbegriff"</label>
                <input id="home-q" name="q" type="search" maxlength="200"
                    placeholder="Was möchten Sie machen? z. B. Social Media" data-testid="home-q"/>
                <input type="hidden" name="place" value="bochum"/>
                <button type="submit" class="button primary">"Jobs in Bochum finden"</button>
            </form>
            <Suggestions/>
        </section>
        <section class="teaser">
            <h2>"Beruf im Blick"</h2>
            <p>
                <a href="/beruf/medienassistent/bochum">"Medienassistent/in in Bochum"</a>
                ": Aufgaben, Gehalt, Weiterbildung – mit aktuellen Zahlen aus den Anzeigen."
            </p>
        </section>
        <section>
            <h2>"Neueste Stellen"</h2>
            <ul class="newest">
                {newest.into_iter().take(6).map(|job| view! {
                    <li>
                        <a href=job.summary.href()>{job.summary.title.clone()}</a>
                        <span class="muted">{format!(" · {} · {}", job.summary.employer.name, job.summary.location.city)}</span>
                        <small class="muted">{format!(" · {}", format_date(&job.summary.posted_at))}</small>
                    </li>
                }).collect_view()}
            </ul>
            <p><a href="/jobs">{format!("Alle {total} Stellen ansehen →")}</a></p>
        </section>
    }
}
