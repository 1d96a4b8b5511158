//! Active filters as removable chips: a label and the link without that one value.
use super::model::{JobFilter, SearchResponse, Sort};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chip {
    pub label: String,
    pub href: String,
}

fn name_of(choices: &[super::model::Choice], slug: &str) -> String {
    choices.iter().find(|c| c.slug == slug).map_or_else(|| slug.to_owned(), |c| c.name.clone())
}

/// One chip per active value, in the order of the form.
pub fn chips(f: &JobFilter, r: &SearchResponse) -> Vec<Chip> {
    let base = f.with_page(1);
    let mut out = Vec::new();
    let mut chip = |label: String, without: JobFilter| out.push(Chip { label, href: without.href() });
    if !f.q.is_empty() {
        chip(format!("„{}“", f.q), JobFilter { q: String::new(), ..base.clone() });
    }
    if !f.place.is_empty() {
        let place = r.place.clone().unwrap_or_else(|| f.place.clone());
        let label = match f.effective_radius_km() {
            0 => format!("{place} (nur im Ort)"),
            km => format!("{place}, {km} km"),
        };
        chip(label, JobFilter { place: String::new(), radius_km: None, ..base.clone() });
    }
    if !f.profession.is_empty() {
        chip(name_of(&r.professions, &f.profession), JobFilter { profession: String::new(), ..base.clone() });
    }
    macro_rules! each {
        ($field:ident) => {
            for v in &f.$field {
                let mut g = base.clone();
                g.$field.retain(|x| x != v);
                chip(v.label().to_owned(), g);
            }
        };
    }
    each!(working_time);
    each!(offer);
    each!(remote);
    each!(contract);
    each!(experience);
    each!(employer_type);
    for s in &f.skill {
        let mut g = base.clone();
        g.skill.retain(|x| x != s);
        chip(name_of(&r.skills, s), g);
    }
    if let Some(min) = f.salary_min {
        chip(format!("ab {}", crate::ui::format::format_eur(min)), JobFilter { salary_min: None, ..base.clone() });
    }
    if f.salary_only {
        chip("nur mit Gehaltsangabe".into(), JobFilter { salary_only: false, ..base.clone() });
    }
    if let Some(days) = f.posted_within_days {
        let label = if days == 1 { "seit gestern".to_owned() } else { format!("letzte {days} Tage") };
        chip(label, JobFilter { posted_within_days: None, ..base.clone() });
    }
    if let Some(sort) = f.sort.filter(|s| *s != Sort::Relevance || f.q.is_empty()) {
        chip(format!("Sortierung: {}", sort.label()), JobFilter { sort: None, ..base });
    }
    out
}

/// German name of a query parameter, for messages and hints.
pub fn param_label(param: &str) -> &'static str {
    match param {
        "q" => "Suchbegriff",
        "place" => "Ort",
        "radius_km" => "Umkreis",
        "profession" => "Beruf",
        "working_time" => "Arbeitszeit",
        "offer" => "Anstellungsart",
        "remote" => "Arbeitsort",
        "contract" => "Vertrag",
        "experience" => "Erfahrung",
        "employer_type" => "Arbeitgeber",
        "skill" => "Kenntnisse",
        "salary_min" => "Mindestgehalt",
        "salary_only" => "Gehaltsangabe",
        "posted_within_days" => "Veröffentlicht",
        "sort" => "Sortierung",
        "page" => "Seite",
        "per_page" => "Treffer pro Seite",
        _ => "Parameter",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::jobs::model::{Choice, Offer};

    fn response() -> SearchResponse {
        SearchResponse {
            total: 0,
            page: 1,
            per_page: 20,
            items: vec![],
            facets: Default::default(),
            issues: vec![],
            relaxations: vec![],
            place: Some("Bochum".into()),
            professions: vec![],
            cities: vec![],
            skills: vec![Choice { slug: "social-media".into(), name: "Social Media".into() }],
        }
    }

    #[test]
    fn each_chip_removes_exactly_its_value() {
        let f = JobFilter {
            q: "Video".into(),
            place: "bochum".into(),
            radius_km: Some(10),
            offer: vec![Offer::Employment, Offer::Internship],
            skill: vec!["social-media".into()],
            salary_min: Some(2500),
            page: 4,
            ..Default::default()
        };
        let chips = chips(&f, &response());
        let labels: Vec<&str> = chips.iter().map(|c| c.label.as_str()).collect();
        assert_eq!(
            labels,
            vec!["„Video“", "Bochum, 10 km", "Festanstellung", "Praktikum", "Social Media", "ab 2.500 €"]
        );
        assert_eq!(
            chips[2].href,
            "/jobs?q=Video&place=bochum&radius_km=10&offer=internship&skill=social-media&salary_min=2500"
        );
        assert_eq!(chips[1].href, "/jobs?q=Video&offer=employment&offer=internship&skill=social-media&salary_min=2500");
        assert!(chips.iter().all(|c| !c.href.contains("page=")), "removing a filter starts at page 1");
    }

    #[test]
    fn no_filters_no_chips() {
        assert!(chips(&JobFilter::default(), &response()).is_empty());
    }
}
