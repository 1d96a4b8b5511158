//! The filter form: a plain GET form (works without WebAssembly) whose options show facet counts.
//! With WebAssembly, changing a checkbox or select applies it at once (`ui::live`).
use leptos::prelude::*;

use super::chips::chips;
use super::filter::JobFilter;
use super::model::{Choice, SearchResponse, Sort};
use super::param::{Allowed, POSTED_WITHIN, Param, RADII, SALARY_STEPS};
use crate::ui::form::{CheckGroup, FieldOption, SelectField};

/// The id of the results section. Every link and form that changes the search leads there, so the
/// URL (shared, reloaded, or gone back to) opens the view at the results, not at the top.
pub const RESULTS_ANCHOR: &str = "ergebnisse";

/// `href` opened at the results section.
pub fn at_results(href: &str) -> String {
    format!("{href}#{RESULTS_ANCHOR}")
}

/// How many skills the panel offers besides the chosen ones: those with the most results.
const SKILLS_SHOWN: usize = 12;

/// The options of a parameter with a closed set of values, with facet counts.
pub fn choice_options(param: Param, filter: &JobFilter, response: &SearchResponse) -> Vec<FieldOption> {
    let Allowed::Choice(values) = param.allowed() else { return Vec::new() };
    let mut chosen = Vec::new();
    filter.each_value(param, |v| chosen.push(v.to_owned()));
    values
        .iter()
        .map(|v| {
            FieldOption::new(*v, param.value_label(v), chosen.iter().any(|c| c == v)).counted(response.count(param, v))
        })
        .collect()
}

/// The offered radii around a place; with a place, each with its count.
pub fn radius_options(f: &JobFilter, counts: Option<&SearchResponse>) -> Vec<FieldOption> {
    let radius = f.effective_radius_km();
    RADII
        .iter()
        .map(|km| {
            let option = FieldOption::new(km.to_string(), Param::RadiusKm.value_label(&km.to_string()), *km == radius);
            match counts {
                Some(r) if *km > 0 && !f.place.is_empty() => {
                    option.informing(r.count(Param::RadiusKm, &km.to_string()))
                }
                _ => option,
            }
        })
        .collect()
}

/// "Any" first, then every listed value (professions): for a select.
fn listed_options(any: &str, list: &[Choice], chosen: &str, param: Param, r: &SearchResponse) -> Vec<FieldOption> {
    let first = FieldOption::new("", any, chosen.is_empty());
    let rest =
        list.iter().map(|c| FieldOption::new(&c.slug, &c.name, c.slug == chosen).counted(r.count(param, &c.slug)));
    std::iter::once(first).chain(rest).collect()
}

/// The sorts that apply; the default order is sent as "", so it never appears in the URL.
fn sort_options(f: &JobFilter) -> Vec<FieldOption> {
    let current = f.effective_sort();
    Sort::ALL
        .iter()
        .filter(|s| match s {
            Sort::Relevance => !f.q.is_empty(),
            Sort::Distance => !f.place.is_empty(),
            _ => true,
        })
        .map(|s| {
            let value = if f.sort.is_none() && *s == current { "" } else { s.as_str() };
            FieldOption::new(value, s.label(), *s == current)
        })
        .collect()
}

/// `""` = any, then each number with its label and count.
fn number_options(
    any: &str,
    param: Param,
    values: &[u32],
    chosen: Option<u32>,
    r: &SearchResponse,
) -> Vec<FieldOption> {
    let first = FieldOption::new("", any, chosen.is_none());
    let rest = values.iter().map(|v| {
        let value = v.to_string();
        FieldOption::new(value.clone(), param.value_label(&value), chosen == Some(*v)).informing(r.count(param, &value))
    });
    std::iter::once(first).chain(rest).collect()
}

#[component]
pub fn FilterPanel(filter: JobFilter, response: SearchResponse) -> impl IntoView {
    let active = chips(&filter, &response).len();
    let mut skills: Vec<FieldOption> = response
        .choices
        .skills
        .iter()
        .map(|skill| {
            let chosen = filter.skill.contains(&skill.slug);
            FieldOption::new(&skill.slug, &skill.name, chosen).counted(response.count(Param::Skill, &skill.slug))
        })
        .collect();
    skills.sort_by(|a, b| b.count.cmp(&a.count).then(a.label.cmp(&b.label)));
    let skills: Vec<FieldOption> = skills
        .into_iter()
        .enumerate()
        .filter(|(i, skill)| *i < SKILLS_SHOWN || skill.selected)
        .map(|(_, skill)| skill)
        .collect();
    let groups =
        [Param::WorkingTime, Param::Offer, Param::Remote, Param::Contract, Param::Experience, Param::EmployerType];
    let professions = listed_options(
        "Alle Medienberufe",
        &response.choices.professions,
        &filter.profession,
        Param::Profession,
        &response,
    );
    view! {
        <form method="get" action=at_results("/jobs") class="filters" role="search" data-live="">
            <div class="search-row">
                <div class="field grow">
                    <label for="q">"Was?"</label>
                    <input id="q" name="q" type="search" value=filter.q.clone() prop:value=filter.q.clone() maxlength="200"
                        placeholder="z. B. Social Media, Bildbearbeitung"/>
                </div>
                <div class="field">
                    <label for="place">"Wo?"</label>
                    <input id="place" name="place" type="text" list="cities" value=filter.place.clone() prop:value=filter.place.clone()
                        placeholder="Stadt oder „51.48,7.21“" autocomplete="off"/>
                    <datalist id="cities">
                        {response.choices.cities.iter().map(|c| view! { <option value=c.name.clone()></option> }).collect_view()}
                    </datalist>
                </div>
                <SelectField id="radius_km" name="radius_km" label="Umkreis" options=radius_options(&filter, Some(&response))/>
                <button type="submit" class="button primary">"Suchen"</button>
            </div>
            <details class="filter-drawer">
                <summary class="button">{format!("Filter{}", if active > 0 { format!(" ({active} aktiv)") } else { String::new() })}</summary>
                <div class="filter-groups">
                    <SelectField id="sort" name="sort" label="Sortierung" options=sort_options(&filter)/>
                    <SelectField id="profession" name="profession" label="Beruf" options=professions/>
                    {groups.into_iter().map(|p| view! {
                        <CheckGroup legend=p.label() name=p.as_str() id_prefix="f" options=choice_options(p, &filter, &response)/>
                    }).collect_view()}
                    <fieldset>
                        <legend>"Gehalt"</legend>
                        <SelectField id="salary_min" name="salary_min" label="Mindestens (brutto/Monat)"
                            options=number_options("egal", Param::SalaryMin, SALARY_STEPS, filter.salary_min, &response)/>
                        <CheckGroup legend="Gehaltsangabe" name="salary_only" id_prefix="f"
                            options=vec![FieldOption::new("true", "nur Anzeigen mit Gehaltsangabe", filter.salary_only)
                                .counted(response.count(Param::SalaryOnly, "true"))]/>
                    </fieldset>
                    <SelectField id="posted_within_days" name="posted_within_days" label="Veröffentlicht"
                        options=number_options("jederzeit", Param::PostedWithinDays, POSTED_WITHIN, filter.posted_within_days, &response)/>
                    <CheckGroup legend="Kenntnisse (alle erforderlich)" name="skill" id_prefix="f" options=skills/>
                    <noscript><button type="submit" class="button primary">"Filter anwenden"</button></noscript>
                </div>
            </details>
        </form>
    }
}
