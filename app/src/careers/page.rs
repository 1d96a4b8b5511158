//! `/beruf/{profession}/{city}`: the article with live figures from the listings.
use crate::ui::{Canonical, PageMeta};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::model::Career;
use crate::error::AppError;
use crate::salary::stats::MIN_SALARIES;
use crate::ui::ErrorView;
use crate::ui::format::{format_eur, format_eur_range};

/// The normalisation rule in short (the salary explorer prints it in full).
const RULE_SHORT: &str = "Spannen zählen mit ihrer Mitte, Jahresgehälter ÷ 12, Stundenlöhne × 40 h × 52 Wochen ÷ 12";

#[component]
pub fn CareerPage() -> impl IntoView {
    let (profession, city) = use_params_map()
        .with_untracked(|p| (p.get("profession").unwrap_or_default(), p.get("city").unwrap_or_default()));
    let career = async move {
        let state = crate::state::state().ok_or(AppError::Internal)?;
        super::service::career(&state, &profession, &city, chrono::Utc::now()).await
    };
    view! {
        <Suspense fallback=|| view! { <p class="loading">"Berufsinfo wird geladen …"</p> }>
            {Suspend::new(async move {
                match career.await {
                    Ok(career) => view! { <CareerView career/> }.into_any(),
                    Err(error) => view! { <ErrorView error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn CareerView(career: Career) -> impl IntoView {
    let figures = career.figures.clone();
    let jobs_href = career.jobs_href();
    let source = if figures.demo {
        "Stand jetzt, berechnet aus den Anzeigen auf Revierjobs – derzeit Demo-Daten, keine echten Angebote."
    } else {
        "Stand jetzt, berechnet aus den aktuellen Anzeigen auf Revierjobs."
    };
    let pay = figures.salary;
    let median = match pay.median {
        Some(m) => format!("{} brutto / Monat", format_eur(m)),
        None => "zu wenige Angaben".to_owned(),
    };
    let quartiles = match (pay.p25, pay.p75) {
        (Some(a), Some(b)) => format_eur_range(a, b),
        _ => "zu wenige Angaben".to_owned(),
    };
    let median_note = if pay.shown() {
        format!(
            "Median und Quartile aus {} Anzeigen für Festanstellungen mit Gehaltsangabe des Arbeitgebers \
             ({RULE_SHORT}).",
            pay.n
        )
    } else {
        format!(
            "Erst ab {MIN_SALARIES} Anzeigen für Festanstellungen mit Gehaltsangabe des Arbeitgebers \
             zeigen wir Median und Quartile; derzeit {}.",
            pay.n
        )
    };
    let salary_href = career.salary_href();
    view! {
        <PageMeta title=career.title.clone() description=career.description.clone()/>
        <Canonical path=format!("/beruf/{}/{}", career.profession_slug, career.city_slug)/>
        <article class="career">
            <h1>{career.title.clone()}</h1>
            <section class="live-figures" aria-labelledby="figures-heading" data-testid="live-figures">
                <h2 id="figures-heading">{format!("{} in {}: aktuelle Zahlen", career.profession, career.city)}</h2>
                <dl>
                    <div>
                        <dt>"Offene Stellen"</dt>
                        <dd data-testid="open-listings">{figures.open_listings}</dd>
                    </div>
                    <div>
                        <dt>"Median-Gehalt laut Anzeigen"</dt>
                        <dd data-testid="median-salary">{median}</dd>
                    </div>
                    <div>
                        <dt>"Mittlere Hälfte (25.–75. Perzentil)"</dt>
                        <dd data-testid="quartiles">{quartiles}</dd>
                    </div>
                </dl>
                <p class="source"><small>{median_note}" "{source}</small></p>
                <p class="actions">
                    <a class="button primary" href=jobs_href>
                        {format!("{} offene Stellen in {} ansehen", figures.open_listings, career.city)}
                    </a>
                    <a class="button" href=salary_href data-testid="salary-link">"Gehälter genauer ansehen"</a>
                </p>
            </section>
            <div class="prose" inner_html=career.html></div>
        </article>
    }
}
