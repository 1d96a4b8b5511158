//! Answers the index computes once and keeps: each with the time until which it is exact (the
//! next expiry of a listing, since the index changes only by expiring until it is rebuilt), at
//! most `capacity` of them (the oldest go first). A memo belongs to one index, so a rebuilt index
//! starts with empty ones.
use std::collections::{HashMap, VecDeque};
use std::hash::Hash;
use std::sync::{Arc, Mutex};

pub(super) struct Memo<K, V> {
    capacity: usize,
    kept: Mutex<Kept<K, V>>,
}

struct Kept<K, V> {
    values: HashMap<K, (Arc<V>, i64)>,
    /// Keys in the order they were kept, for dropping the oldest.
    order: VecDeque<K>,
}

impl<K: Eq + Hash + Clone, V> Memo<K, V> {
    pub(super) fn new(capacity: usize) -> Self {
        Memo { capacity, kept: Mutex::new(Kept { values: HashMap::new(), order: VecDeque::new() }) }
    }

    /// The value kept for `key` if it is still exact at `now`.
    pub(super) fn get(&self, key: &K, now: i64) -> Option<Arc<V>> {
        let kept = self.kept.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        kept.values.get(key).filter(|(_, until)| now < *until).map(|(value, _)| value.clone())
    }

    /// Keeps `value` for `key`, exact until `until`; returns it.
    pub(super) fn keep(&self, key: K, value: V, until: i64) -> Arc<V> {
        let value = Arc::new(value);
        let mut kept = self.kept.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if kept.values.insert(key.clone(), (value.clone(), until)).is_none() {
            kept.order.push_back(key);
        }
        while kept.values.len() > self.capacity {
            let Some(oldest) = kept.order.pop_front() else { break };
            kept.values.remove(&oldest);
        }
        value
    }

    /// The value for `key` at `now`: kept, or computed (outside the lock; two requests may both
    /// compute it, with the same result) and kept until `until`.
    pub(super) fn get_or(&self, key: K, now: i64, until: i64, compute: impl FnOnce() -> V) -> Arc<V> {
        match self.get(&key, now) {
            Some(value) => value,
            None => self.keep(key, compute(), until),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_kept_until_they_stop_being_exact_and_the_oldest_go_first() {
        let memo: Memo<u32, String> = Memo::new(2);
        let computed = std::cell::Cell::new(0);
        let value = |key: u32, now: i64| {
            memo.get_or(key, now, 100, || {
                computed.set(computed.get() + 1);
                format!("v{key}")
            })
        };
        assert_eq!(*value(1, 0), "v1");
        assert_eq!(*value(1, 99), "v1");
        assert_eq!(computed.get(), 1, "kept while exact");
        value(1, 100);
        assert_eq!(computed.get(), 2, "computed again once stale");
        value(2, 0);
        value(3, 0);
        assert_eq!(computed.get(), 4);
        value(1, 0);
        assert_eq!(computed.get(), 5, "the oldest went when a third was kept");
        value(3, 0);
        assert_eq!(computed.get(), 5);
    }
}
