//! A set of listing positions, one bit per listing. Filters become intersections and facet counts
//! become population counts of intersections: a few thousand word operations instead of a pass over
//! every listing.

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bits {
    words: Vec<u64>,
    len: usize,
}

impl Bits {
    /// No position of `0..len`.
    pub fn empty(len: usize) -> Self {
        Bits { words: vec![0; len.div_ceil(64)], len }
    }

    /// The positions `0..k` of `0..len`.
    pub fn prefix(len: usize, k: usize) -> Self {
        let k = k.min(len);
        let mut bits = Self::empty(len);
        bits.words[..k / 64].fill(u64::MAX);
        if !k.is_multiple_of(64) {
            bits.words[k / 64] = (1u64 << (k % 64)) - 1;
        }
        bits
    }

    /// Every position of `0..len`.
    pub fn full(len: usize) -> Self {
        Self::prefix(len, len)
    }

    /// The positions of `values` whose value `keep`s. Per 64 values, the tests fill 64 bytes (a loop
    /// the compiler vectorises) and a multiplication per eight bytes gathers their low bits.
    pub fn matching<T>(values: &[T], keep: impl Fn(&T) -> bool) -> Self {
        let mut bits = Self::empty(values.len());
        for (word, chunk) in bits.words.iter_mut().zip(values.chunks(64)) {
            let mut flags = [0u8; 64];
            flags.iter_mut().zip(chunk).for_each(|(flag, v)| *flag = u8::from(keep(v)));
            *word = flags.chunks_exact(8).enumerate().fold(0, |word, (j, eight)| {
                let eight = u64::from_le_bytes(eight.try_into().expect("eight bytes"));
                word | (eight.wrapping_mul(0x0102_0408_1020_4080) >> 56) << (8 * j)
            });
        }
        bits
    }

    /// Removes position `i`.
    pub fn remove(&mut self, i: usize) {
        self.words[i / 64] &= !(1 << (i % 64));
    }

    pub fn insert(&mut self, i: usize) {
        self.words[i / 64] |= 1 << (i % 64);
    }

    pub fn and_with(&mut self, other: &Bits) {
        self.words.iter_mut().zip(&other.words).for_each(|(a, b)| *a &= b);
    }

    pub fn or_with(&mut self, other: &Bits) {
        self.words.iter_mut().zip(&other.words).for_each(|(a, b)| *a |= b);
    }

    pub fn count(&self) -> u64 {
        self.words.iter().map(|w| u64::from(w.count_ones())).sum()
    }

    /// `|self ∩ other|` without building the intersection.
    pub fn count_and(&self, other: &Bits) -> u64 {
        self.words.iter().zip(&other.words).map(|(a, b)| u64::from((a & b).count_ones())).sum()
    }

    /// `|self \ other|` without building the difference.
    pub fn count_and_not(&self, other: &Bits) -> u64 {
        self.words.iter().zip(&other.words).map(|(a, b)| u64::from((a & !b).count_ones())).sum()
    }

    /// How many positions below `k` the set holds.
    pub fn count_below(&self, k: usize) -> u64 {
        let k = k.min(self.len);
        let full: u64 = self.words[..k / 64].iter().map(|w| u64::from(w.count_ones())).sum();
        let rest = if k.is_multiple_of(64) { 0 } else { (self.words[k / 64] & ((1u64 << (k % 64)) - 1)).count_ones() };
        full + u64::from(rest)
    }

    /// The positions in ascending order.
    pub fn ones(&self) -> impl Iterator<Item = usize> + '_ {
        self.words.iter().enumerate().flat_map(|(w, &word)| {
            let mut rest = word;
            std::iter::from_fn(move || {
                (rest != 0).then(|| {
                    let b = rest.trailing_zeros() as usize;
                    rest &= rest - 1;
                    w * 64 + b
                })
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(len: usize, items: &[usize]) -> Bits {
        let mut bits = Bits::empty(len);
        items.iter().for_each(|i| bits.insert(*i));
        bits
    }

    #[test]
    fn prefix_full_and_matching_agree_with_their_definition() {
        for len in [0, 1, 63, 64, 65, 130] {
            let positions: Vec<usize> = (0..len).collect();
            assert_eq!(Bits::full(len).count(), len as u64);
            assert_eq!(Bits::full(len), Bits::matching(&positions, |_| true));
            for k in [0, 1, 5, 63, 64, 65, 129, 200] {
                let prefix = Bits::prefix(len, k);
                assert_eq!(prefix, Bits::matching(&positions, |i| *i < k), "len {len} k {k}");
                assert_eq!(prefix.ones().collect::<Vec<_>>(), (0..k.min(len)).collect::<Vec<_>>());
            }
        }
    }

    #[test]
    fn set_operations_and_counts() {
        let (a, b) = (set(130, &[0, 3, 64, 65, 129]), set(130, &[3, 64, 100, 129]));
        assert_eq!(a.count_and(&b), 3);
        assert_eq!(a.count_and_not(&b), 2);
        let mut both = a.clone();
        both.and_with(&b);
        assert_eq!(both.ones().collect::<Vec<_>>(), [3, 64, 129]);
        let mut either = a.clone();
        either.or_with(&b);
        assert_eq!(either.ones().collect::<Vec<_>>(), [0, 3, 64, 65, 100, 129]);
        let mut fewer = a.clone();
        [64, 0, 7].iter().for_each(|i| fewer.remove(*i));
        assert_eq!(fewer.ones().collect::<Vec<_>>(), [3, 65, 129]);
        assert_eq!([0, 1, 4, 64, 65, 66, 129, 130, 500].map(|k| a.count_below(k)), [0, 1, 2, 2, 3, 4, 4, 5, 5]);
    }
}
