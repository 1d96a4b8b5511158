//! The salary explorer over the index. Its rows are the listings with an employer-stated salary,
//! kept sorted by monthly value: one pass puts every figure's values into its group already sorted,
//! so percentiles need no sorting per query. Which rows match is decided by the search's own sets
//! (`Index::query`).
use chrono::{DateTime, Utc};
use std::sync::Arc;

use super::index::Index;
use super::query::Query;
use super::salary_rows::SalaryRow;
use super::sets::{DIMS, Dim};
use crate::jobs::filter::JobFilter;
use crate::jobs::model::{EmployerType, Experience, Param, Relaxation, WorkingTime};
use crate::jobs::param::RADII;
use crate::jobs::terms::UNSPECIFIED;
use crate::salary::model::{Group, SalaryReport, SalaryStats, SkillPay, explorer_filter, salary_href};
use crate::salary::stats::{Figures, MIN_SALARIES, RULE, histogram, median_of_rest, percentile};
use crate::ui::slug::Slug;

/// How many skills the pay comparison lists at most.
const MAX_SKILLS: usize = 12;
/// How many cities the city box plot shows at most (the chosen one always).
const MAX_CITIES: usize = 12;

/// Which of the query's dimensions row `r` fails, one bit each.
fn failed(q: &Query, r: &SalaryRow) -> u16 {
    q.dims
        .iter()
        .enumerate()
        .filter(|(_, set)| set.as_ref().is_some_and(|set| !set.contains(r.listing as usize)))
        .fold(0, |mask, (d, _)| mask | 1 << d)
}

fn groups<T: Slug>(lists: &[Vec<u32>], chosen: &[T]) -> Vec<Group> {
    T::ALL
        .iter()
        .zip(lists)
        .map(|(v, values)| Group {
            key: v.as_str().to_owned(),
            label: v.label().to_owned(),
            selected: chosen.contains(v),
            figures: Figures::of(values),
        })
        // "Ohne Angabe" is a group only where ads leave the value open.
        .filter(|g| g.key != UNSPECIFIED || g.selected || g.figures.n > 0)
        .collect()
}

impl Index {
    /// How many employer-stated salaries match `f` at `now`.
    fn count_salaries(&self, f: &JobFilter, now: i64) -> u64 {
        let q = self.query(f, now);
        self.pay.active(now).filter(|r| failed(&q, r) == 0).count() as u64
    }

    /// Salary figures for the explorer's inputs of `f` (see `salary::model::explorer_filter`),
    /// computed once per index and kept while exact. Each breakdown leaves out its own input, so
    /// the chosen value is compared with the others.
    pub fn salaries(&self, f: &JobFilter, now: DateTime<Utc>) -> Arc<SalaryReport> {
        // Only the explorer's inputs: the others (e.g. a posting date, which moves with time)
        // would make a kept answer wrong.
        let (f, _) = explorer_filter(f);
        let now_ts = now.timestamp();
        self.explored.get_or(f.to_string(), now_ts, self.sets.next_expiry(now_ts), || self.explore(&f, now))
    }

    fn explore(&self, f: &JobFilter, now: DateTime<Utc>) -> SalaryReport {
        let now_ts = now.timestamp();
        let q = self.query(f, now_ts);
        let mut all: Vec<u32> = Vec::new();
        let mut by_experience = vec![Vec::new(); Experience::ALL.len()];
        let mut by_employer = vec![Vec::new(); EmployerType::ALL.len()];
        let mut by_working_time = vec![Vec::new(); WorkingTime::ALL.len()];
        let mut by_city: Vec<Vec<u32>> = vec![Vec::new(); self.places.cities.len()];
        let mut with_skill: Vec<Vec<u32>> = vec![Vec::new(); self.choices.skills.len()];
        let mut dropped = [0u64; DIMS];
        for row in self.pay.active(now_ts) {
            let (v, mask) = (row.monthly, failed(&q, row));
            let only = |d: Dim| mask & !(1u16 << d as usize) == 0;
            if only(Dim::Experience) {
                by_experience[row.experience.index()].push(v);
            }
            if only(Dim::EmployerType) {
                by_employer[row.employer_type.index()].push(v);
            }
            if only(Dim::WorkingTime) {
                for (i, list) in by_working_time.iter_mut().enumerate() {
                    if row.working_time & (1 << i) != 0 {
                        list.push(v);
                    }
                }
            }
            if only(Dim::Place)
                && let Some(list) = by_city.get_mut(row.city as usize)
            {
                list.push(v);
            }
            if mask == 0 {
                all.push(v);
                for s in self.skills_at(row.listing as usize) {
                    with_skill[*s as usize].push(v);
                }
            } else if mask.count_ones() == 1 {
                dropped[mask.trailing_zeros() as usize] += 1;
            }
        }

        let figures = Figures::of(&all);
        let chosen_city = q.place.as_ref().and_then(|p| p.city);
        let mut cities: Vec<Group> = self
            .places
            .cities
            .iter()
            .zip(&by_city)
            .enumerate()
            .filter(|(_, (_, values))| !values.is_empty())
            .map(|(i, (c, values))| Group {
                key: c.slug.clone(),
                label: c.name.clone(),
                selected: chosen_city == Some(i),
                figures: Figures::of(values),
            })
            .collect();
        cities.sort_by(|a, b| {
            b.selected.cmp(&a.selected).then(b.figures.n.cmp(&a.figures.n)).then(a.label.cmp(&b.label))
        });
        cities.truncate(MAX_CITIES);

        let broader = if figures.shown() { Vec::new() } else { self.broader(&q, all.len() as u64, &dropped, now_ts) };
        let stats = SalaryStats {
            figures,
            unit: "month".into(),
            rule: RULE.into(),
            histogram: if figures.shown() { histogram(&all) } else { Vec::new() },
            by_experience: groups(&by_experience, &f.experience),
            by_city: cities,
            by_employer_type: groups(&by_employer, &f.employer_type),
            by_working_time: groups(&by_working_time, &f.working_time),
            skills: self.skill_pay(&all, &with_skill),
            broader,
            references: crate::salary::references::all(),
            demo: self.shows_demo(now),
        };
        let Query { ignored, place, .. } = q;
        SalaryReport { stats, ignored, place: place.map(|p| p.label), choices: self.choices.clone() }
    }

    /// Median pay with and without each skill, where both sides have enough salaries.
    fn skill_pay(&self, all: &[u32], with_skill: &[Vec<u32>]) -> Vec<SkillPay> {
        let mut out: Vec<SkillPay> = self
            .choices
            .skills
            .iter()
            .zip(with_skill)
            .filter(|(_, with)| with.len() >= MIN_SALARIES && all.len() - with.len() >= MIN_SALARIES)
            .filter_map(|(skill, with)| {
                Some(SkillPay {
                    skill: skill.slug.clone(),
                    name: skill.name.clone(),
                    n_with: with.len() as u32,
                    median_with: percentile(with, 0.5)?.round() as u32,
                    n_without: (all.len() - with.len()) as u32,
                    median_without: median_of_rest(all, with)?.round() as u32,
                })
            })
            .collect();
        let gain = |s: &SkillPay| i64::from(s.median_with) - i64::from(s.median_without);
        out.sort_by(|a, b| gain(b).cmp(&gain(a)).then(a.name.cmp(&b.name)));
        out.truncate(MAX_SKILLS);
        out
    }

    /// With too few salaries: the next wider radius that has enough, and each input left out.
    fn broader(&self, q: &Query, n: u64, dropped: &[u64; DIMS], now: i64) -> Vec<Relaxation> {
        let (f, enough) = (q.filter, MIN_SALARIES as u64);
        let mut out = Vec::new();
        if let Some(p) = &q.place {
            // Salaries within each radius, the other inputs kept.
            let mut radius = [0u64; RADII.len()];
            for row in self.pay.active(now).filter(|r| failed(q, r) & !(1 << Dim::Place as usize) == 0) {
                for (count, near) in radius.iter_mut().zip(&q.near) {
                    *count += u64::from(near.contains(row.listing as usize));
                }
            }
            let mut wider = RADII.iter().zip(&radius).skip(p.radius + 1);
            if let Some((r, count)) = wider.clone().find(|(_, c)| **c >= enough).or(wider.next_back())
                && *count > n
            {
                let href = salary_href(&JobFilter { radius_km: Some(*r), ..f.clone() });
                out.push(Relaxation { params: vec![Param::RadiusKm], count: *count, href });
            }
        }
        for param in Param::BROADEN {
            let Some(dim) = Dim::of(param) else { continue };
            let mut relaxed = f.clone();
            if relaxed.clear(param) && dropped[dim as usize] > 0 {
                let count = n + dropped[dim as usize];
                out.push(Relaxation { params: vec![param], count, href: salary_href(&relaxed) });
            }
        }
        // Choices that give enough first, the least broadening among them first; then the others, most first.
        out.sort_by_key(|r| if r.count >= enough { (0, r.count) } else { (1, u64::MAX - r.count) });
        if out.first().is_none_or(|r| r.count < enough) {
            out.extend(self.cumulative_broadening(f, now));
        }
        out
    }

    /// When leaving out any one input is not enough: leave out inputs one after another (the most
    /// specific first) until enough salaries remain, and offer that choice.
    fn cumulative_broadening(&self, f: &JobFilter, now: i64) -> Option<Relaxation> {
        let mut relaxed = f.clone();
        let mut params: Vec<Param> = Vec::new();
        for param in Param::BROADEN {
            if !relaxed.clear(param) {
                continue;
            }
            params.push(param);
            let count = self.count_salaries(&relaxed, now);
            if count >= MIN_SALARIES as u64 && params.len() > 1 {
                return Some(Relaxation { params, count, href: salary_href(&relaxed) });
            }
        }
        None
    }
}
