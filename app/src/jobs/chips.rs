//! Active filters as removable chips: a label and the link without that one value.
use super::filter::JobFilter;
use super::model::{Choices, SearchResponse, Sort};
use super::param::{Param, radius_label};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chip {
    pub label: String,
    pub href: String,
}

/// One chip per active value, in the order of the parameters.
pub fn chips(filter: &JobFilter, response: &SearchResponse) -> Vec<Chip> {
    let mut out = Vec::new();
    for param in Param::ALL.iter().copied() {
        let shown = match param {
            // Part of the place's chip.
            Param::RadiusKm | Param::Page | Param::PerPage => false,
            // Relevance is the default with a text query.
            Param::Sort => filter.sort.is_some_and(|s| s != Sort::Relevance || filter.q.is_empty()),
            _ => true,
        };
        if !shown {
            continue;
        }
        filter.each_value(param, |value| {
            let label = match param {
                Param::Place => {
                    let place = response.place.as_deref().unwrap_or(value);
                    match filter.effective_radius_km() {
                        0 => format!("{place} ({})", radius_label(0)),
                        km => format!("{place}, {}", radius_label(km)),
                    }
                }
                Param::Profession => Choices::name(&response.choices.professions, value).to_owned(),
                Param::Skill => Choices::name(&response.choices.skills, value).to_owned(),
                Param::Sort => format!("{}: {}", param.label(), param.value_label(value)),
                _ => param.value_label(value),
            };
            out.push(Chip { label, href: filter.without(param, value).href() });
        });
    }
    out
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
            ignored: vec![],
            relaxations: vec![],
            place: Some("Bochum".into()),
            choices: Choices {
                skills: vec![Choice { slug: "social-media".into(), name: "Social Media".into() }].into(),
                ..Default::default()
            },
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
    fn the_place_itself_and_an_explicit_sort_have_chips_too() {
        let f =
            JobFilter { place: "bochum".into(), radius_km: Some(0), sort: Some(Sort::Salary), ..Default::default() };
        let labels: Vec<String> = chips(&f, &response()).into_iter().map(|c| c.label).collect();
        assert_eq!(labels, ["Bochum (nur im Ort)", "Sortierung: Höchstes Gehalt"]);
    }

    #[test]
    fn no_filters_no_chips() {
        assert!(chips(&JobFilter::default(), &response()).is_empty());
    }
}
