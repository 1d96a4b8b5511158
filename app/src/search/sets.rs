//! The filter dimensions and, per dimension and value, the set of listings that have it, so that a
//! filter is a union of sets and a search an intersection.
use super::bits::Bits;
use crate::jobs::model::{Contract, EmployerType, Experience, Offer, Param, Remote, Summary, WorkingTime};
use crate::jobs::param::SALARY_STEPS;

/// The dimensions a search filters by, each answering one parameter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Dim {
    Place,
    Profession,
    WorkingTime,
    Offer,
    Remote,
    Contract,
    Experience,
    EmployerType,
    Skill,
    Salary,
    Posted,
}

pub(super) const DIMS: usize = 11;

impl Dim {
    pub(super) const ALL: [Dim; DIMS] = [
        Dim::Place,
        Dim::Profession,
        Dim::WorkingTime,
        Dim::Offer,
        Dim::Remote,
        Dim::Contract,
        Dim::Experience,
        Dim::EmployerType,
        Dim::Skill,
        Dim::Salary,
        Dim::Posted,
    ];

    /// The parameter this dimension filters by (the salary dimension also takes `salary_only`).
    pub(super) fn param(self) -> Param {
        match self {
            Dim::Place => Param::Place,
            Dim::Profession => Param::Profession,
            Dim::WorkingTime => Param::WorkingTime,
            Dim::Offer => Param::Offer,
            Dim::Remote => Param::Remote,
            Dim::Contract => Param::Contract,
            Dim::Experience => Param::Experience,
            Dim::EmployerType => Param::EmployerType,
            Dim::Skill => Param::Skill,
            Dim::Salary => Param::SalaryMin,
            Dim::Posted => Param::PostedWithinDays,
        }
    }

    /// The dimension that filters by `param`, if one does.
    pub(super) fn of(param: Param) -> Option<Dim> {
        Dim::ALL.into_iter().find(|d| d.param() == param)
    }
}

/// Per dimension, the listings its filter lets through (`None`: the filter is not used).
pub(super) type DimSets = [Option<Bits>; DIMS];

/// What the filters test of one listing, compact: a search scans nothing else.
pub(super) struct Categories {
    /// Position in the index's professions (`u32::MAX`: unknown).
    pub profession: u32,
    /// Position in the index's cities (`u32::MAX`: not one of them).
    pub city: u32,
    /// The listing's skill ids: `Index::skill_of[start..end]`.
    pub skills: (u32, u32),
    pub posted: i64,
    /// One bit per `WorkingTime`.
    pub working_time: u8,
    pub offer: Offer,
    pub remote: Remote,
    pub contract: Contract,
    pub experience: Experience,
    pub employer_type: EmployerType,
}

impl Categories {
    pub(super) fn new(s: &Summary, profession: u32, city: u32, skills: (u32, u32)) -> Self {
        Categories {
            profession,
            city,
            skills,
            posted: s.posted_at.timestamp(),
            working_time: s.working_time.iter().fold(0, |bits, w| bits | 1 << w.index()),
            offer: s.offer,
            remote: s.remote,
            contract: s.contract,
            experience: s.experience,
            employer_type: s.employer.kind,
        }
    }

    pub(super) fn working_times(&self) -> impl Iterator<Item = WorkingTime> + '_ {
        WorkingTime::ALL.iter().copied().filter(|w| self.working_time >> w.index() & 1 == 1)
    }

    /// Calls `put(dimension, value)` for each categorical value of the listing.
    fn each_value(&self, skill_of: &[u32], mut put: impl FnMut(Dim, usize)) {
        if self.profession != u32::MAX {
            put(Dim::Profession, self.profession as usize);
        }
        self.working_times().for_each(|w| put(Dim::WorkingTime, w.index()));
        put(Dim::Offer, self.offer.index());
        put(Dim::Remote, self.remote.index());
        put(Dim::Contract, self.contract.index());
        put(Dim::Experience, self.experience.index());
        put(Dim::EmployerType, self.employer_type.index());
        for s in &skill_of[self.skills.0 as usize..self.skills.1 as usize] {
            put(Dim::Skill, *s as usize);
        }
    }
}

/// Listings are kept newest first (see `Index`); every set is over those positions.
pub(super) struct FilterSets {
    /// Per categorical dimension, per value: the listings with it (empty for the other dimensions).
    values: Vec<Vec<Bits>>,
    /// Listings with and without a salary, and those whose monthly maximum reaches each `SALARY_STEPS`.
    pub paid: Bits,
    pub unpaid: Bits,
    salary_steps: Vec<Bits>,
    /// (expiry, position) of every listing, soonest first: a search takes all listings but those
    /// expired by then, instead of testing every expiry.
    by_expiry: Vec<(i64, u32)>,
    /// When each listing was posted (newest first, so "posted since" is a prefix).
    posted: Vec<i64>,
}

impl FilterSets {
    pub(super) fn new(
        categories: &[Categories],
        skill_of: &[u32],
        valid: &[i64],
        monthly_max: &[Option<f64>],
        value_counts: [usize; DIMS],
    ) -> Self {
        let n = categories.len();
        let mut values: Vec<Vec<Bits>> = value_counts.iter().map(|k| vec![Bits::empty(n); *k]).collect();
        for (i, c) in categories.iter().enumerate() {
            c.each_value(skill_of, |d, v| values[d as usize][v].insert(i));
        }
        let mut by_expiry: Vec<(i64, u32)> = valid.iter().enumerate().map(|(i, v)| (*v, i as u32)).collect();
        by_expiry.sort_unstable();
        FilterSets {
            values,
            paid: Bits::matching(monthly_max, Option::is_some),
            unpaid: Bits::matching(monthly_max, Option::is_none),
            salary_steps: SALARY_STEPS
                .iter()
                .map(|step| Bits::matching(monthly_max, |m| m.is_some_and(|m| m >= f64::from(*step))))
                .collect(),
            by_expiry,
            posted: categories.iter().map(|c| c.posted).collect(),
        }
    }

    /// Every listing not expired at `now`.
    pub(super) fn active(&self, now: i64) -> Bits {
        let mut active = Bits::full(self.posted.len());
        let expired = self.by_expiry.partition_point(|(valid, _)| *valid <= now);
        self.by_expiry[..expired].iter().for_each(|(_, i)| active.remove(*i as usize));
        active
    }

    /// When the next listing expires after `now` (`i64::MAX`: none will).
    pub(super) fn next_expiry(&self, now: i64) -> i64 {
        let next = self.by_expiry.partition_point(|(valid, _)| *valid <= now);
        self.by_expiry.get(next).map_or(i64::MAX, |(valid, _)| *valid)
    }

    /// The listings with value `value` of dimension `d`.
    pub(super) fn with(&self, d: Dim, value: usize) -> &Bits {
        &self.values[d as usize][value]
    }

    /// The sets of every value of dimension `d`, in value order.
    pub(super) fn all_of(&self, d: Dim) -> &[Bits] {
        &self.values[d as usize]
    }

    /// The union of the sets of `values` of dimension `d`; `None` without values.
    pub(super) fn any_of(&self, d: Dim, values: impl IntoIterator<Item = usize>) -> Option<Bits> {
        values.into_iter().fold(None, |set: Option<Bits>, v| {
            let mut set = set.unwrap_or_else(|| Bits::empty(self.posted.len()));
            set.or_with(self.with(d, v));
            Some(set)
        })
    }

    /// The intersection of the sets of `values` of dimension `d`; `None` without values.
    pub(super) fn all_of_these(&self, d: Dim, values: &[usize]) -> Option<Bits> {
        (!values.is_empty()).then(|| {
            let mut all = Bits::full(self.posted.len());
            values.iter().for_each(|v| all.and_with(self.with(d, *v)));
            all
        })
    }

    /// The salary steps' sets, in the order of `SALARY_STEPS`.
    pub(super) fn salary_steps(&self) -> &[Bits] {
        &self.salary_steps
    }

    /// Listings whose stated monthly maximum reaches `min` (kept for the offered steps).
    pub(super) fn paid_at_least(&self, min: u32, monthly_max: &[Option<f64>]) -> Bits {
        match SALARY_STEPS.iter().position(|step| *step == min) {
            Some(k) => self.salary_steps[k].clone(),
            None => Bits::matching(monthly_max, |m| m.is_some_and(|m| m >= f64::from(min))),
        }
    }

    /// How many listings were posted at `since` or later: they come first.
    pub(super) fn posted_since(&self, since: i64) -> usize {
        self.posted.partition_point(|posted| *posted >= since)
    }
}
