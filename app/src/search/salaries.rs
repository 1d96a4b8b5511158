//! The salary explorer over the in-memory index. Its rows are the listings with an employer-stated
//! salary, kept sorted by monthly value: one pass puts every figure's values into its group already
//! sorted, so percentiles need no sorting per query.
use super::*;
use crate::jobs::model::{SalarySource, Slug};
use crate::salary::model::{Group, INPUTS, SalaryReport, SalaryStats, SkillPay, drop_input, salary_href};
use crate::salary::stats::{Figures, MIN_SALARIES, RULE, histogram, median_of_rest, monthly_midpoint, percentile};

/// How many skills the pay comparison lists at most.
const MAX_SKILLS: usize = 12;
/// How many cities the city box plot shows at most (the chosen one always).
const MAX_CITIES: usize = 12;

/// One listing with an employer-stated salary, compact for the scan.
pub(super) struct PayRow {
    monthly: u32,
    doc: u32,
    valid: i64,
    at: [f64; 3],
    profession: usize,
    city: usize,
    /// The row's skill ids: `Pay::skills[start..end]`.
    skills: (u32, u32),
    working_time: u8,
    offer: Offer,
    experience: Experience,
    employer_type: EmployerType,
}

/// The explorer's rows, sorted by monthly value, and their skill ids stored in the same order.
pub(super) struct Pay {
    rows: Vec<PayRow>,
    skills: Vec<u32>,
}

impl Pay {
    pub(super) fn new(docs: &[Doc], meta: &[Meta], skill_of: &[u32], valid: &[i64], at: &[[f64; 3]]) -> Self {
        let mut rows: Vec<PayRow> = docs
            .iter()
            .zip(meta)
            .enumerate()
            .filter_map(|(i, (doc, m))| {
                let salary = doc.summary.salary.as_ref().filter(|s| s.source == SalarySource::Employer)?;
                Some(PayRow {
                    monthly: monthly_midpoint(salary).round() as u32,
                    doc: i as u32,
                    valid: valid[i],
                    at: at[i],
                    profession: m.profession,
                    city: m.city,
                    skills: (0, 0),
                    working_time: m.working_time,
                    offer: m.offer,
                    experience: m.experience,
                    employer_type: m.employer_type,
                })
            })
            .collect();
        rows.sort_by_key(|r| (r.monthly, r.doc));
        let mut skills = Vec::new();
        for row in &mut rows {
            let start = skills.len() as u32;
            let (from, to) = meta[row.doc as usize].skills;
            skills.extend_from_slice(&skill_of[from as usize..to as usize]);
            row.skills = (start, skills.len() as u32);
        }
        Pay { rows, skills }
    }

    fn skills_of(&self, row: &PayRow) -> &[u32] {
        &self.skills[row.skills.0 as usize..row.skills.1 as usize]
    }
}

/// The middle half of employer-stated pay per (profession, offer, experience), where enough exist,
/// over the listings active at `now` (the index is rebuilt whenever listings change).
pub(super) fn comparisons(pay: &Pay, now: i64) -> HashMap<(usize, Offer, Experience), PayComparison> {
    let mut groups: HashMap<(usize, Offer, Experience), Vec<u32>> = HashMap::new();
    for r in pay.rows.iter().filter(|r| r.valid > now) {
        groups.entry((r.profession, r.offer, r.experience)).or_default().push(r.monthly);
    }
    groups
        .into_iter()
        .filter_map(|(key, values)| {
            let f = Figures::of(&values);
            Some((key, PayComparison { p25: f.p25?, p75: f.p75?, n: f.n }))
        })
        .collect()
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
        .collect()
}

/// The explorer's inputs resolved against the index.
struct PayQuery<'a> {
    f: &'a JobFilter,
    place: Option<Place>,
    profession: Option<usize>,
    wanted: Vec<usize>,
}

impl Index {
    /// Which inputs a row fails (one bit per dimension) and its squared chord to the place.
    fn pay_mask(&self, q: &PayQuery, row: &PayRow) -> (u16, f64) {
        let f = q.f;
        let c2 = q.place.as_ref().map_or(0.0, |p| chord2(p.at, row.at));
        let working_time = f.working_time.iter().any(|w| row.working_time & (1 << w.index()) != 0);
        let skills = self.pay.skills_of(row);
        let mut mask = 0u16;
        let mut fail = |dim: usize, failed: bool| mask |= u16::from(failed) << dim;
        fail(D_PLACE, q.place.as_ref().is_some_and(|p| !p.contains(row.city, c2, p.radius)));
        fail(D_PROFESSION, q.profession.is_some_and(|p| p != row.profession));
        fail(D_WORKING_TIME, !f.working_time.is_empty() && !working_time);
        fail(D_OFFER, !f.offer.is_empty() && !f.offer.contains(&row.offer));
        fail(D_EXPERIENCE, !f.experience.is_empty() && !f.experience.contains(&row.experience));
        fail(D_EMPLOYER_TYPE, !f.employer_type.is_empty() && !f.employer_type.contains(&row.employer_type));
        fail(D_SKILL, !q.wanted.iter().all(|s| skills.contains(&(*s as u32))));
        (mask, c2)
    }

    /// How many employer-stated salaries match `f` at `now`.
    fn count_salaries(&self, f: &JobFilter, now: i64) -> u64 {
        let Resolved { place, profession, skills: wanted, .. } = self.resolve(f);
        let q = PayQuery { f, place, profession, wanted };
        self.pay.rows.iter().filter(|r| r.valid > now && self.pay_mask(&q, r).0 == 0).count() as u64
    }

    /// The comparison shown beside an ad without salary.
    pub fn comparison(&self, profession: &str, offer: Offer, experience: Experience) -> Option<PayComparison> {
        let p = self.professions.iter().position(|c| c.slug == profession)?;
        self.comparisons.get(&(p, offer, experience)).copied()
    }

    /// Salary figures for the explorer's inputs of `f` (see `salary::model::explorer_filter`).
    /// Each breakdown leaves out its own input, so the chosen value is compared with the others.
    pub fn salaries(&self, f: &JobFilter, now: DateTime<Utc>) -> SalaryReport {
        let Resolved { place, profession, skills: wanted, issues } = self.resolve(f);
        let q = PayQuery { f, place, profession, wanted };
        let now_ts = now.timestamp();
        let mut all: Vec<u32> = Vec::new();
        let mut by_experience: [Vec<u32>; 3] = Default::default();
        let mut by_employer: [Vec<u32>; 6] = Default::default();
        let mut by_working_time: [Vec<u32>; 3] = Default::default();
        let mut by_city: Vec<Vec<u32>> = vec![Vec::new(); self.cities.len()];
        let mut with_skill: Vec<Vec<u32>> = vec![Vec::new(); self.skills.len()];
        let mut dropped = [0u64; 11];
        for row in self.pay.rows.iter().filter(|r| r.valid > now_ts) {
            let v = row.monthly;
            let mask = self.pay_mask(&q, row).0;
            let only = |dim: usize| mask & !(1u16 << dim) == 0;
            if only(D_EXPERIENCE) {
                by_experience[row.experience.index()].push(v);
            }
            if only(D_EMPLOYER_TYPE) {
                by_employer[row.employer_type.index()].push(v);
            }
            if only(D_WORKING_TIME) {
                for (i, list) in by_working_time.iter_mut().enumerate() {
                    if row.working_time & (1 << i) != 0 {
                        list.push(v);
                    }
                }
            }
            if only(D_PLACE)
                && let Some(list) = by_city.get_mut(row.city)
            {
                list.push(v);
            }
            if mask == 0 {
                all.push(v);
                for s in self.pay.skills_of(row) {
                    with_skill[*s as usize].push(v);
                }
            } else if mask.count_ones() == 1 {
                dropped[mask.trailing_zeros() as usize] += 1;
            }
        }

        let figures = Figures::of(&all);
        let chosen_city = q.place.as_ref().and_then(|p| p.city);
        let mut cities: Vec<Group> = self
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

        let broader = if figures.shown() { Vec::new() } else { self.broader(&q, all.len() as u64, &dropped, now) };
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
        SalaryReport {
            stats,
            issues,
            place: q.place.map(|p| p.label),
            professions: self.professions.clone(),
            cities: self.cities.iter().map(|c| Choice { slug: c.slug.clone(), name: c.name.clone() }).collect(),
            skills: self.skills.clone(),
        }
    }

    /// Median pay with and without each skill, where both sides have enough salaries.
    fn skill_pay(&self, all: &[u32], with_skill: &[Vec<u32>]) -> Vec<SkillPay> {
        let mut out: Vec<SkillPay> = self
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
    fn broader(&self, q: &PayQuery, n: u64, dropped: &[u64; 11], now: DateTime<Utc>) -> Vec<Relaxation> {
        let (f, enough) = (q.f, MIN_SALARIES as u64);
        let mut out = Vec::new();
        if let Some(p) = &q.place {
            // Salaries within each radius, the other inputs kept.
            let mut radius = [0u64; 7];
            for row in self.pay.rows.iter().filter(|r| r.valid > now.timestamp()) {
                let (mask, c2) = self.pay_mask(q, row);
                if mask & !(1 << D_PLACE) == 0 {
                    for (k, count) in radius.iter_mut().enumerate() {
                        *count += u64::from(p.contains(row.city, c2, k));
                    }
                }
            }
            let mut wider = RADII.iter().zip(&radius).skip(p.radius + 1);
            if let Some((r, count)) = wider.clone().find(|(_, c)| **c >= enough).or(wider.next_back())
                && *count > n
            {
                let href = salary_href(&JobFilter { radius_km: Some(*r), ..f.clone() });
                out.push(Relaxation { param: "radius_km".into(), count: *count, href });
            }
        }
        for param in INPUTS {
            let mut relaxed = f.clone();
            let dim = DIM_PARAMS.iter().position(|p| *p == param).unwrap_or(D_SKILL);
            if drop_input(&mut relaxed, param) && dropped[dim] > 0 {
                let count = n + dropped[dim];
                out.push(Relaxation { param: param.into(), count, href: salary_href(&relaxed) });
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
    fn cumulative_broadening(&self, f: &JobFilter, now: DateTime<Utc>) -> Option<Relaxation> {
        let mut relaxed = f.clone();
        let mut params: Vec<&str> = Vec::new();
        for param in INPUTS {
            if !drop_input(&mut relaxed, param) {
                continue;
            }
            params.push(param);
            let count = self.count_salaries(&relaxed, now.timestamp());
            if count >= MIN_SALARIES as u64 && params.len() > 1 {
                return Some(Relaxation { param: params.join(","), count, href: salary_href(&relaxed) });
            }
        }
        None
    }
}

#[cfg(test)]
#[path = "salaries_tests.rs"]
mod tests;
