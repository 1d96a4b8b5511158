//! The form fields of the filter vocabulary that the search panel and the salary explorer share:
//! the options of a closed parameter, of the radius and of the profession, and the place input.
//! Each page adds its own counts to the options.
use leptos::prelude::*;
use std::sync::Arc;

use super::filter::JobFilter;
use super::model::{Choice, Param};
use super::param::{Allowed, RADII};
use crate::ui::form::FieldOption;

/// The profession option that chooses none.
pub const ANY_PROFESSION: &str = "Alle Medienberufe";

/// The options of a parameter with a closed set of values, the chosen ones selected.
pub fn choice_options(param: Param, filter: &JobFilter) -> Vec<FieldOption> {
    let Allowed::Choice(values) = param.allowed() else { return Vec::new() };
    let mut chosen = Vec::new();
    filter.each_value(param, |v| chosen.push(v.to_owned()));
    values.iter().map(|v| FieldOption::new(*v, param.value_label(v), chosen.iter().any(|c| c == v))).collect()
}

/// The offered radii, the one in force selected.
pub fn radius_options(filter: &JobFilter) -> Vec<FieldOption> {
    let radius = filter.effective_radius_km();
    RADII
        .iter()
        .map(|km| {
            let value = km.to_string();
            let label = Param::RadiusKm.value_label(&value);
            FieldOption::new(value, label, *km == radius)
        })
        .collect()
}

/// "Alle Medienberufe" first, then every profession.
pub fn profession_options(professions: &[Choice], chosen: &str) -> Vec<FieldOption> {
    let any = FieldOption::new("", ANY_PROFESSION, chosen.is_empty());
    let each = professions.iter().map(|p| FieldOption::new(&p.slug, &p.name, p.slug == chosen));
    std::iter::once(any).chain(each).collect()
}

/// The place input with the known towns as suggestions; a town's name or coordinates.
#[component]
pub fn PlaceField(id: &'static str, label: &'static str, value: String, cities: Arc<[Choice]>) -> impl IntoView {
    let list = format!("{id}-cities");
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <input id=id name=Param::Place.as_str() type="text" list=list.clone() value=value.clone() prop:value=value
                placeholder="Stadt oder „51.48,7.21“" autocomplete="off"/>
            <datalist id=list>
                {cities.iter().map(|c| view! { <option value=c.name.clone()></option> }).collect_view()}
            </datalist>
        </div>
    }
}
