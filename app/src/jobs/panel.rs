//! The filter form: a plain GET form (works without WebAssembly) whose options show facet counts.
//! With WebAssembly, changing a checkbox or select applies it at once (`ui::live`).
use leptos::prelude::*;

use super::chips::chips;
use super::fields::{PlaceField, choice_options, profession_options, radius_options};
use super::filter::JobFilter;
use super::model::{SearchResponse, Sort};
use super::param::{POSTED_WITHIN, Param, SALARY_STEPS};
use super::terms::UNSPECIFIED;
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

/// `options` of `param` with their facet counts; "Ohne Angabe" only where some ad leaves it open.
fn counted(param: Param, options: Vec<FieldOption>, response: &SearchResponse) -> Vec<FieldOption> {
    options
        .into_iter()
        .map(|o| match o.value.as_str() {
            "" => o,
            value => {
                let count = response.count(param, value);
                o.counted(count)
            }
        })
        .filter(|o| o.value != UNSPECIFIED || o.selected || o.count.unwrap_or(0) > 0)
        .collect()
}

/// The radii with their counts, once a place is given (the town itself has no count of its own).
fn counted_radii(filter: &JobFilter, response: &SearchResponse) -> Vec<FieldOption> {
    let options = radius_options(filter);
    if filter.place.is_empty() {
        return options;
    }
    options
        .into_iter()
        .map(|o| match o.value.as_str() {
            "0" => o,
            km => {
                let count = response.count(Param::RadiusKm, km);
                o.informing(count)
            }
        })
        .collect()
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
    let professions =
        counted(Param::Profession, profession_options(&response.choices.professions, &filter.profession), &response);
    view! {
        <form method="get" action=at_results("/jobs") class="filters" role="search" data-live="">
            <div class="search-row">
                <div class="field grow">
                    <label for="q">"Was?"</label>
                    <input id="q" name="q" type="search" value=filter.q.clone() prop:value=filter.q.clone() maxlength="200"
                        placeholder="z. B. Social Media, Bildbearbeitung"/>
                </div>
                <PlaceField id="place" label="Wo?" value=filter.place.clone() cities=response.choices.cities.clone()/>
                <SelectField id="radius_km" name=Param::RadiusKm.as_str() label=Param::RadiusKm.label() options=counted_radii(&filter, &response)/>
                <button type="submit" class="button primary">"Suchen"</button>
            </div>
            <details class="filter-drawer">
                <summary class="button">{format!("Filter{}", if active > 0 { format!(" ({active} aktiv)") } else { String::new() })}</summary>
                <div class="filter-groups">
                    <SelectField id="sort" name=Param::Sort.as_str() label=Param::Sort.label() options=sort_options(&filter)/>
                    <SelectField id="profession" name=Param::Profession.as_str() label=Param::Profession.label() options=professions/>
                    {groups.into_iter().map(|p| view! {
                        <CheckGroup legend=p.label() name=p.as_str() id_prefix="f" options=counted(p, choice_options(p, &filter), &response)/>
                    }).collect_view()}
                    <fieldset>
                        <legend>"Gehalt"</legend>
                        <SelectField id="salary_min" name=Param::SalaryMin.as_str() label="Mindestens (brutto/Monat)"
                            options=number_options("egal", Param::SalaryMin, &SALARY_STEPS, filter.salary_min, &response)/>
                        <CheckGroup legend=Param::SalaryOnly.label() name=Param::SalaryOnly.as_str() id_prefix="f"
                            options=vec![FieldOption::new("true", "nur Anzeigen mit Gehaltsangabe", filter.salary_only)
                                .counted(response.count(Param::SalaryOnly, "true"))]/>
                    </fieldset>
                    <SelectField id="posted_within_days" name=Param::PostedWithinDays.as_str() label=Param::PostedWithinDays.label()
                        options=number_options("jederzeit", Param::PostedWithinDays, &POSTED_WITHIN, filter.posted_within_days, &response)/>
                    <CheckGroup legend="Kenntnisse (alle erforderlich)" name=Param::Skill.as_str() id_prefix="f" options=skills/>
                    <noscript><button type="submit" class="button primary">"Filter anwenden"</button></noscript>
                </div>
            </details>
        </form>
    }
}
