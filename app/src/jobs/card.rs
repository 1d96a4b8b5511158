//! A listing as a result card. The card has a slot for an action (the page puts the favourite
//! toggle there), so listing views know nothing of favourites.
use leptos::prelude::*;

use super::model::{Hit, PayComparison, Salary};
use crate::ui::format::format_date;

/// Result cards in their order, each with its action (`(hit, action)`).
#[component]
pub fn JobList(cards: Vec<(Hit, AnyView)>) -> impl IntoView {
    view! {
        <ol class="job-list">
            {cards.into_iter().map(|(hit, action)| view! { <li><JobCard hit action/></li> }).collect_view()}
        </ol>
    }
}

#[component]
pub fn JobCard(hit: Hit, action: AnyView) -> impl IntoView {
    let Hit { summary: job, distance_km, comparison } = hit;
    let working_time = job.working_time.iter().map(|w| w.label()).collect::<Vec<_>>().join(", ");
    let href = job.href();
    let demo = job.is_demo();
    let place = match distance_km {
        Some(d) => format!("{} · {} km", job.location.city, format!("{d:.1}").replace('.', ",")),
        None => job.location.city,
    };
    view! {
        <article class="job-card" data-testid="job-card">
            <div class="card-head">
                <h2><a href=href>{job.title}</a></h2>
                {action}
            </div>
            <p class="employer">
                {job.employer.name}
                {demo.then(|| view! { <span class="badge demo" title="Erfundenes Beispiel">"Demo"</span> })}
            </p>
            <ul class="facts">
                <li data-testid="job-place">{place}</li>
                <li>{working_time}</li>
                <li>{job.offer.label()}</li>
                <li>{job.remote.label()}</li>
            </ul>
            <p class="salary"><SalaryInfo salary=job.salary comparison/></p>
            <p class="posted"><small>"Veröffentlicht am "{format_date(&job.posted_at)}</small></p>
        </article>
    }
}

/// The ad's salary with its source label; without one, the comparison with similar listings,
/// marked as such (never as the employer's offer).
#[component]
pub fn SalaryInfo(salary: Option<Salary>, comparison: Option<PayComparison>) -> impl IntoView {
    match (salary, comparison) {
        (Some(s), _) => view! {
            <span data-testid="salary">{s.display()}</span>" "<small>"("{s.source.label()}")"</small>
        }
        .into_any(),
        (None, Some(c)) => view! {
            <span class="muted">"Keine Gehaltsangabe in der Anzeige."</span>" "
            <small class="comparison" data-testid="salary-comparison"
                title=format!("Mittlere Hälfte der Gehaltsangaben von {} Anzeigen mit gleichem Beruf, gleicher Anstellungsart und Erfahrungsstufe – kein Angebot dieses Arbeitgebers.", c.n)>
                {format!("Zum Vergleich, {}", c.display())}
            </small>
        }
        .into_any(),
        (None, None) => view! { <span class="muted">"Keine Gehaltsangabe"</span> }.into_any(),
    }
}
