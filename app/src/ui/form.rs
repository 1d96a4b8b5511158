//! Form fields shared by the search and the salary explorer: a select, a group of checkboxes and
//! the list of query values that could not be used. Plain GET form fields: they work without
//! JavaScript, and `ui::live` applies a change at once with it.
use leptos::prelude::*;

/// One option of a select or a checkbox group. `count` is shown beside the label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldOption {
    pub value: String,
    pub label: String,
    pub selected: bool,
    pub count: Option<u64>,
    pub disabled: bool,
}

impl FieldOption {
    pub fn new(value: impl Into<String>, label: impl Into<String>, selected: bool) -> Self {
        Self { value: value.into(), label: label.into(), selected, count: None, disabled: false }
    }

    /// With a count; an option that would give nothing (and is not chosen) cannot be chosen.
    pub fn counted(mut self, count: u64) -> Self {
        self.count = Some(count);
        self.disabled = count == 0 && !self.selected;
        self
    }

    /// With a count shown for information only.
    pub fn informing(mut self, count: u64) -> Self {
        self.count = Some(count);
        self
    }
}

/// A labelled select.
#[component]
pub fn SelectField(
    #[prop(into)] id: String,
    name: &'static str,
    #[prop(into)] label: String,
    options: Vec<FieldOption>,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <select id=id name=name>
                {options.into_iter().map(|o| {
                    let text = match o.count {
                        Some(n) => format!("{} ({n})", o.label),
                        None => o.label,
                    };
                    view! { <option value=o.value selected=o.selected prop:selected=o.selected disabled=o.disabled>{text}</option> }
                }).collect_view()}
            </select>
        </div>
    }
}

/// A fieldset of checkboxes named `name`; each box's id is `{id_prefix}-{name}-{value}`.
#[component]
pub fn CheckGroup(
    #[prop(into)] legend: String,
    name: &'static str,
    id_prefix: &'static str,
    options: Vec<FieldOption>,
) -> impl IntoView {
    view! {
        <fieldset>
            <legend>{legend}</legend>
            <ul class="options">
                {options.into_iter().map(|o| {
                    let id = format!("{id_prefix}-{name}-{}", o.value);
                    view! {
                        <li class:disabled=o.disabled>
                            <input type="checkbox" id=id.clone() name=name value=o.value checked=o.selected
                                prop:checked=o.selected disabled=o.disabled/>
                            <label for=id>{o.label}" "<span class="count">{o.count}</span></label>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </fieldset>
    }
}

/// A query value that could not be used: the field's label and name, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub label: &'static str,
    pub name: &'static str,
    pub message: String,
}

/// The values of the URL that were left out, each with its field and the reason.
#[component]
pub fn Notices(notices: Vec<Notice>) -> impl IntoView {
    (!notices.is_empty()).then(|| {
        view! {
            <ul class="param-issues" role="status">
                {notices.into_iter().map(|n| view! {
                    <li data-testid="param-issue">
                        <strong>{n.label}" ("{n.name}")"</strong>": "{n.message}" Nicht berücksichtigt."
                    </li>
                }).collect_view()}
            </ul>
        }
    })
}

/// The head of a data table: one column header per name.
#[component]
pub fn ColumnHeads(names: &'static [&'static str]) -> impl IntoView {
    view! {
        <thead>
            <tr>{names.iter().map(|name| view! { <th scope="col">{*name}</th> }).collect_view()}</tr>
        </thead>
    }
}
