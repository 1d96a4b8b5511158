//! The filter form: a plain GET form (works without WebAssembly) whose options show facet counts.
//! With WebAssembly, changing a checkbox or select applies it at once (`ui::live`).
use leptos::prelude::*;

use super::model::SALARY_STEPS;
use super::model::{
    Contract, EmployerType, Experience, JobFilter, Offer, POSTED_WITHIN, RADII, Remote, SearchResponse, Sort,
    WorkingTime,
};
use super::page::at_results;
use crate::ui::format::format_eur;

#[component]
fn Check(param: &'static str, value: String, label: String, checked: bool, count: u64) -> impl IntoView {
    let id = format!("f-{param}-{value}");
    let disabled = count == 0 && !checked;
    view! {
        <li class:disabled=disabled>
            <input type="checkbox" id=id.clone() name=param value=value checked=checked prop:checked=checked disabled=disabled/>
            <label for=id>{label}" "<span class="count">{count}</span></label>
        </li>
    }
}

macro_rules! group {
    ($legend:literal, $param:literal, $ty:ty, $selected:expr, $r:expr) => {{
        let selected = $selected;
        view! {
            <fieldset>
                <legend>{$legend}</legend>
                <ul class="options">
                    {<$ty>::ALL.iter().map(|v| view! {
                        <Check param=$param value=v.as_str().to_owned() label=v.label().to_owned()
                            checked=selected.contains(v) count=$r.count($param, v.as_str())/>
                    }).collect_view()}
                </ul>
            </fieldset>
        }
    }};
}

#[component]
pub fn FilterPanel(filter: JobFilter, response: SearchResponse) -> impl IntoView {
    let f = filter;
    let r = response;
    let active = super::chips::chips(&f, &r).len();
    let mut skills: Vec<(String, String, u64)> =
        r.skills.iter().map(|s| (s.slug.clone(), s.name.clone(), r.count("skill", &s.slug))).collect();
    skills.sort_by(|a, b| b.2.cmp(&a.2).then(a.1.cmp(&b.1)));
    let skills: Vec<_> =
        skills.into_iter().enumerate().filter(|(i, s)| *i < 12 || f.skill.contains(&s.0)).map(|(_, s)| s).collect();
    let has_place = !f.place.is_empty();
    let radius = f.effective_radius_km();
    view! {
        <form method="get" action=at_results("/jobs") class="filters" role="search" data-live="">
            <div class="search-row">
                <div class="field grow">
                    <label for="q">"Was?"</label>
                    <input id="q" name="q" type="search" value=f.q.clone() prop:value=f.q.clone() maxlength="200"
                        placeholder="z. B. Social Media, Bildbearbeitung"/>
                </div>
                <div class="field">
                    <label for="place">"Wo?"</label>
                    <input id="place" name="place" type="text" list="cities" value=f.place.clone() prop:value=f.place.clone()
                        placeholder="Stadt oder „51.48,7.21“" autocomplete="off"/>
                    <datalist id="cities">
                        {r.cities.iter().map(|c| view! { <option value=c.name.clone()></option> }).collect_view()}
                    </datalist>
                </div>
                <div class="field">
                    <label for="radius_km">"Umkreis"</label>
                    <select id="radius_km" name="radius_km">
                        {RADII.iter().map(|km| {
                            let label = match (*km, has_place) {
                                (0, _) => "nur im Ort".to_owned(),
                                (k, true) => format!("{k} km ({})", r.count("radius_km", &k.to_string())),
                                (k, false) => format!("{k} km"),
                            };
                            view! { <option value=km.to_string() selected=*km == radius prop:selected=*km == radius>{label}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <button type="submit" class="button primary">"Suchen"</button>
            </div>
            <details class="filter-drawer">
                <summary class="button">{format!("Filter{}", if active > 0 { format!(" ({active} aktiv)") } else { String::new() })}</summary>
                <div class="filter-groups">
                    <div class="field">
                        <label for="sort">"Sortierung"</label>
                        <select id="sort" name="sort">
                            // The default order is sent as "", so it never appears in the URL.
                            {Sort::ALL.iter().filter(|s| match s {
                                Sort::Relevance => !f.q.is_empty(),
                                Sort::Distance => has_place,
                                _ => true,
                            }).map(|s| {
                                let value = if f.sort.is_none() && *s == f.effective_sort() { "" } else { s.as_str() };
                                view! { <option value=value selected=*s == f.effective_sort() prop:selected=*s == f.effective_sort()>{s.label()}</option> }
                            }).collect_view()}
                        </select>
                    </div>
                    <div class="field">
                        <label for="profession">"Beruf"</label>
                        <select id="profession" name="profession">
                            <option value="">"Alle Medienberufe"</option>
                            {r.professions.iter().map(|p| {
                                let n = r.count("profession", &p.slug);
                                let selected = p.slug == f.profession;
                                view! {
                                    <option value=p.slug.clone() selected=selected prop:selected=selected disabled=n == 0 && !selected>
                                        {format!("{} ({n})", p.name)}
                                    </option>
                                }
                            }).collect_view()}
                        </select>
                    </div>
                    {group!("Arbeitszeit", "working_time", WorkingTime, f.working_time.clone(), r)}
                    {group!("Anstellungsart", "offer", Offer, f.offer.clone(), r)}
                    {group!("Arbeitsort", "remote", Remote, f.remote.clone(), r)}
                    {group!("Vertrag", "contract", Contract, f.contract.clone(), r)}
                    {group!("Erfahrung", "experience", Experience, f.experience.clone(), r)}
                    {group!("Arbeitgeber", "employer_type", EmployerType, f.employer_type.clone(), r)}
                    <fieldset>
                        <legend>"Gehalt"</legend>
                        <div class="field">
                            <label for="salary_min">"Mindestens (brutto/Monat)"</label>
                            <select id="salary_min" name="salary_min">
                                <option value="">"egal"</option>
                                {SALARY_STEPS.iter().map(|s| {
                                    let n = r.count("salary_min", &s.to_string());
                                    view! {
                                        <option value=s.to_string() selected=f.salary_min == Some(*s) prop:selected=f.salary_min == Some(*s)>
                                            {format!("ab {} ({n})", format_eur(*s))}
                                        </option>
                                    }
                                }).collect_view()}
                            </select>
                        </div>
                        <ul class="options">
                            <Check param="salary_only" value="true".into() label="nur Anzeigen mit Gehaltsangabe".into()
                                checked=f.salary_only count=r.count("salary_only", "true")/>
                        </ul>
                    </fieldset>
                    <fieldset>
                        <legend>"Veröffentlicht"</legend>
                        <select name="posted_within_days" aria-label="Veröffentlicht innerhalb von">
                            <option value="">"jederzeit"</option>
                            {POSTED_WITHIN.iter().map(|d| {
                                let n = r.count("posted_within_days", &d.to_string());
                                let label = if *d == 1 { format!("seit gestern ({n})") } else { format!("letzte {d} Tage ({n})") };
                                view! { <option value=d.to_string() selected=f.posted_within_days == Some(*d) prop:selected=f.posted_within_days == Some(*d)>{label}</option> }
                            }).collect_view()}
                        </select>
                    </fieldset>
                    <fieldset>
                        <legend>"Kenntnisse (alle erforderlich)"</legend>
                        <ul class="options">
                            {skills.into_iter().map(|(slug, name, n)| {
                                let checked = f.skill.contains(&slug);
                                view! { <Check param="skill" value=slug label=name checked count=n/> }
                            }).collect_view()}
                        </ul>
                    </fieldset>
                    <noscript><button type="submit" class="button primary">"Filter anwenden"</button></noscript>
                </div>
            </details>
        </form>
    }
}
