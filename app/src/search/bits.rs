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

    pub fn contains(&self, i: usize) -> bool {
        self.words[i / 64] >> (i % 64) & 1 == 1
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
        popcount(&self.words, &self.words, |a, _| a)
    }

    /// `|self ∩ other|` without building the intersection.
    pub fn count_and(&self, other: &Bits) -> u64 {
        popcount(&self.words, &other.words, |a, b| a & b)
    }

    /// `|self \ other|` without building the difference.
    pub fn count_and_not(&self, other: &Bits) -> u64 {
        popcount(&self.words, &other.words, |a, b| a & !b)
    }

    /// How many positions below `k` the set holds.
    pub fn count_below(&self, k: usize) -> u64 {
        let k = k.min(self.len);
        let full = popcount(&self.words[..k / 64], &self.words[..k / 64], |a, _| a);
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

/// The sum over `i` of the ones in `f(a[i], b[i])`: facet counts, most of a search's work. The
/// build targets baseline x86-64, whose `count_ones` takes a dozen instructions per word; on a
/// CPU with a population-count instruction (any x86-64 CPU since about 2008) a copy of the loop
/// compiled for it runs instead, as AVX2 code where the CPU has that too.
#[inline]
fn popcount(a: &[u64], b: &[u64], f: impl Fn(u64, u64) -> u64) -> u64 {
    #[cfg(target_arch = "x86_64")]
    {
        if std::arch::is_x86_feature_detected!("avx2") && std::arch::is_x86_feature_detected!("popcnt") {
            // SAFETY: the CPU has the instructions the copy is compiled for (checked just above).
            return unsafe { popcount_avx2(a, b, f) };
        }
        if std::arch::is_x86_feature_detected!("popcnt") {
            // SAFETY: as above.
            return unsafe { popcount_popcnt(a, b, f) };
        }
    }
    popcount_portable(a, b, f)
}

#[inline(always)]
fn popcount_portable(a: &[u64], b: &[u64], f: impl Fn(u64, u64) -> u64) -> u64 {
    a.iter().zip(b).map(|(a, b)| u64::from(f(*a, *b).count_ones())).sum()
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,popcnt")]
fn popcount_avx2(a: &[u64], b: &[u64], f: impl Fn(u64, u64) -> u64) -> u64 {
    popcount_portable(a, b, f)
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "popcnt")]
fn popcount_popcnt(a: &[u64], b: &[u64], f: impl Fn(u64, u64) -> u64) -> u64 {
    popcount_portable(a, b, f)
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
    fn counts_with_the_cpu_instructions_equal_the_plain_loop() {
        let a: Vec<u64> = (0..1_001u64).map(|i| i.wrapping_mul(0x9E37_79B9_7F4A_7C15)).collect();
        let b: Vec<u64> = a.iter().map(|w| w.rotate_left(17) ^ (w >> 3)).collect();
        let plain =
            |f: fn(u64, u64) -> u64| a.iter().zip(&b).map(|(x, y)| u64::from(f(*x, *y).count_ones())).sum::<u64>();
        assert_eq!(popcount(&a, &b, |x, y| x & y), plain(|x, y| x & y));
        assert_eq!(popcount(&a, &b, |x, y| x & !y), plain(|x, y| x & !y));
        assert_eq!(popcount(&a, &a, |x, _| x), plain(|x, _| x));
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
