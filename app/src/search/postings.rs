//! A term's postings: the listings holding the term and its weight in each, in two bytes per listing
//! (half of a position and weight in a `u32`).

/// Bits of an entry holding the weight; the rest hold the gap.
const WEIGHT_BITS: u32 = 4;
const MAX_GAP: u32 = (1 << (16 - WEIGHT_BITS)) - 1;

/// Listings in ascending position. Each entry is the gap from the previous listing (from position 0
/// for the first) and the term's weight in the listing (1 to 15); an entry of weight 0 only carries a
/// gap, for gaps above 4,095.
pub(super) struct Postings {
    len: u32,
    entries: Box<[u16]>,
}

impl Postings {
    /// From (position, weight) pairs in strictly ascending position, weights 1 to 15.
    pub(super) fn new(listings: impl IntoIterator<Item = (u32, u8)>) -> Self {
        let (mut entries, mut len, mut at) = (Vec::new(), 0, 0);
        for (position, weight) in listings {
            debug_assert!((1..1 << WEIGHT_BITS).contains(&weight) && (len == 0 || position > at));
            let mut gap = position - at;
            while gap > MAX_GAP {
                entries.push((MAX_GAP << WEIGHT_BITS) as u16);
                gap -= MAX_GAP;
            }
            entries.push((gap << WEIGHT_BITS | u32::from(weight)) as u16);
            (len, at) = (len + 1, position);
        }
        Postings { len, entries: entries.into_boxed_slice() }
    }

    /// How many listings hold the term.
    pub(super) fn len(&self) -> usize {
        self.len as usize
    }

    /// Calls `visit(position, weight)` for each listing in ascending position, and with weight 0 at
    /// the end of each long gap: a caller that ignores weight 0 needs no branch of its own.
    #[inline]
    pub(super) fn each(&self, mut visit: impl FnMut(usize, usize)) {
        let mut at = 0;
        for &entry in &self.entries {
            at += usize::from(entry >> WEIGHT_BITS);
            visit(at, usize::from(entry & ((1 << WEIGHT_BITS) - 1)));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn listings(p: &Postings) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        p.each(|at, weight| out.push((at, weight)));
        out.retain(|(_, weight)| *weight > 0);
        out
    }

    #[test]
    fn positions_and_weights_come_back_across_any_gap() {
        let cases: [&[(u32, u8)]; 5] = [
            &[],
            &[(0, 1)],
            &[(0, 12), (1, 1), (4095, 15), (4096, 2), (8191, 3), (20_000, 4), (20_001, 5)],
            &[(4095 * 3, 6), (4095 * 3 + 4095 * 2 + 1, 7)],
            &[(u32::MAX >> 4, 9)],
        ];
        for case in cases {
            let p = Postings::new(case.iter().copied());
            let expected: Vec<(usize, usize)> = case.iter().map(|(at, w)| (*at as usize, usize::from(*w))).collect();
            assert_eq!(listings(&p), expected);
            assert_eq!(p.len(), case.len());
        }
    }

    #[test]
    fn two_bytes_per_listing_when_gaps_are_short() {
        let p = Postings::new((0..1000).map(|i| (i * 50, 1)));
        assert_eq!(p.entries.len(), 1000);
        // One gap-only entry per 4,095 positions otherwise.
        let sparse = Postings::new([(0, 1), (100_000, 1)]);
        assert_eq!(sparse.entries.len(), 2 + 100_000 / 4095);
    }
}
