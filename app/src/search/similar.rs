//! "Similar jobs" beside a listing: active listings of the same profession within `SIMILAR_KM`,
//! most shared skills first, then nearest, then newest. Each listing's are ranked once and kept.
use chrono::{DateTime, Utc};

use super::geo::{chord2, chord2_for_km};
use super::index::Index;
use super::sets::Dim;
use crate::jobs::model::Hit;

/// Similar listings lie within this distance.
const SIMILAR_KM: f64 = 50.0;

impl Index {
    /// Up to `n` active listings like listing `id`, each with its distance from it. The best `2n`
    /// are kept: they stay exact while no more than `n` of them have expired, since expiring only
    /// takes candidates away.
    pub fn similar(&self, id: i64, n: usize, now: DateTime<Utc>) -> Vec<Hit> {
        let Some(me) = self.cards.position(id) else { return Vec::new() };
        let now = now.timestamp();
        let active = |i: u32| self.cards.valid_through(i as usize).timestamp() > now;
        let still = |kept: &[(u32, f64)]| kept.iter().copied().filter(|(i, _)| active(*i)).take(n).collect::<Vec<_>>();
        let kept = self.similar.get(&(me as u32), now).filter(|kept| {
            let (keep, ranked) = &**kept;
            *keep >= 2 * n && (ranked.len() < *keep || still(ranked).len() == n)
        });
        let kept = kept.unwrap_or_else(|| {
            let ranked = self.rank_similar(me, 2 * n, now);
            self.similar.keep(me as u32, (2 * n, ranked), i64::MAX)
        });
        still(&kept.1).into_iter().map(|(i, c2)| self.hit(i as usize, Some(c2))).collect()
    }

    /// The best `keep` similar listings of listing `me` at `now`, as (position, squared chord).
    fn rank_similar(&self, me: usize, keep: usize, now: i64) -> Vec<(u32, f64)> {
        let profession = self.categories[me].profession;
        if profession == u32::MAX {
            return Vec::new();
        }
        let (limit, mine) = (chord2_for_km(SIMILAR_KM), self.skills_at(me));
        // (shared skills, squared chord, position): best first is most shared, then nearest, then
        // newest (positions are newest first).
        let better = |a: &(usize, f64, usize), b: &(usize, f64, usize)| {
            b.0.cmp(&a.0).then(a.1.total_cmp(&b.1)).then(a.2.cmp(&b.2)).is_lt()
        };
        let mut best: Vec<(usize, f64, usize)> = Vec::with_capacity(keep + 1);
        for i in self.sets.with(Dim::Profession, profession as usize).ones() {
            let c2 = chord2(self.at[me], self.at[i]);
            if i == me || c2 > limit || self.cards.valid_through(i).timestamp() <= now {
                continue;
            }
            let candidate = (self.skills_at(i).iter().filter(|s| mine.contains(s)).count(), c2, i);
            if best.len() == keep && best.last().is_some_and(|worst| !better(&candidate, worst)) {
                continue;
            }
            let at = best.partition_point(|kept| better(kept, &candidate));
            best.insert(at, candidate);
            best.truncate(keep);
        }
        best.into_iter().map(|(_, c2, i)| (i as u32, c2)).collect()
    }
}
