//! The inverted text index: per term, the listings holding it and its weight in each.
use std::collections::BTreeMap;
use std::ops::Bound;

use super::bits::Bits;
use super::postings::Postings;
use super::text::{TermCache, terms};

/// A listing in a term's postings while building: its number above `WEIGHT_BITS` bits holding the
/// term's weight there in half points (title 6, profession 4, skills 4, employer 2, description 1; at
/// most 12, as `Postings` keeps them).
type Posting = u32;
const WEIGHT_BITS: u32 = 4;
const MAX_WEIGHT: u8 = 12;

/// Collects postings as listings are added, numbered in the order added.
#[derive(Default)]
pub(super) struct TextIndexBuilder {
    stems: TermCache,
    /// Term number → postings.
    postings: Vec<Vec<Posting>>,
    /// Per term, its weight in the listing being added; the terms seen in it.
    weight: Vec<u8>,
    seen: Vec<u32>,
    added: u32,
}

impl TextIndexBuilder {
    /// Indexes one listing's texts with their weights; returns its number.
    pub(super) fn add(&mut self, fields: [(&str, u8); 5]) -> u32 {
        let k = self.added;
        assert!(k < 1 << (32 - WEIGHT_BITS), "too many listings for a posting's position");
        let (weight, seen) = (&mut self.weight, &mut self.seen);
        for (text, field_weight) in fields {
            self.stems.each(text, |term| {
                let t = term as usize;
                if t >= weight.len() {
                    weight.resize(t + 1, 0);
                }
                if weight[t] == 0 {
                    seen.push(term);
                }
                weight[t] = (weight[t] + field_weight).min(MAX_WEIGHT);
            });
        }
        self.postings.resize_with(self.stems.len(), Vec::new);
        for term in seen.drain(..) {
            let w = std::mem::take(&mut weight[term as usize]);
            self.postings[term as usize].push(k << WEIGHT_BITS | u32::from(w));
        }
        self.added += 1;
        k
    }

    /// The index with listings renumbered: `position[k]` is the final position of listing `k`.
    pub(super) fn build(self, position: &[u32]) -> TextIndex {
        let low = (1 << WEIGHT_BITS) - 1;
        let postings = self.postings.into_iter().map(|mut posts| {
            for p in posts.iter_mut() {
                *p = position[(*p >> WEIGHT_BITS) as usize] << WEIGHT_BITS | (*p & low);
            }
            posts.sort_unstable();
            Postings::new(posts.into_iter().map(|p| (p >> WEIGHT_BITS, (p & low) as u8)))
        });
        TextIndex { postings: self.stems.into_names().into_iter().zip(postings).collect() }
    }
}

pub(super) struct TextIndex {
    postings: BTreeMap<String, Postings>,
}

impl TextIndex {
    /// Of `n` listings, those matching every query term (prefix match for terms of 4+ characters)
    /// and a relevance score per listing (the sum over query terms of their best weight × idf);
    /// `None` without query terms. Each posting costs one compare in a tight loop: dense passes, no
    /// hashing, no branches on which listings are still in the running.
    pub(super) fn matches(&self, q: &str, n: usize) -> Option<(Bits, Vec<f32>)> {
        let mut query_terms = terms(q);
        query_terms.sort();
        query_terms.dedup();
        // The longest query keeps far below this; the count of matched terms is a `u8`.
        query_terms.truncate(usize::from(u8::MAX));
        if query_terms.is_empty() {
            return None;
        }
        let (mut score, mut best, mut matched) = (vec![0f32; n], vec![0f32; n], vec![0u8; n]);
        for (k, term) in query_terms.iter().enumerate() {
            for (t, posts) in self.postings.range::<str, _>((Bound::Included(term.as_str()), Bound::Unbounded)) {
                if t != term && !(term.len() >= 4 && t.starts_with(term.as_str())) {
                    break;
                }
                let idf = (1.0 + n.max(1) as f32 / posts.len() as f32).ln();
                // Weight 0 (the end of a long gap, no listing) scores 0 and changes nothing.
                let by_weight: [f32; 16] = std::array::from_fn(|w| w as f32 * 0.5 * idf);
                posts.each(|d, w| {
                    let w = by_weight[w];
                    if w > best[d] {
                        best[d] = w;
                    }
                });
            }
            // A listing stays in the running if it matched every earlier term and this one.
            let k = k as u8;
            for ((s, b), m) in score.iter_mut().zip(&mut best).zip(&mut matched) {
                let b = std::mem::take(b);
                let hit = *m == k && b > 0.0;
                *s += if hit { b } else { 0.0 };
                *m += u8::from(hit);
            }
        }
        let all = query_terms.len() as u8;
        Some((Bits::matching(&matched, |m| *m == all), score))
    }
}
