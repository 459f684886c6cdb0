//! Stand-ins for std routines whose generic bodies cost kilobytes of wasm per
//! element type: `slice::sort_by` (and `collect` into a `BTreeMap` or
//! `BTreeSet`, which sorts its input first) is about 3 KB for every type it
//! is used with. Pandu sorts lists of a few dozen items at most, so an
//! insertion sort does, and maps are built by inserting.

use std::collections::{BTreeMap, BTreeSet};

/// Stable in-place sort by `key`, in ascending order.
pub fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 && key(&v[j - 1]) > key(&v[j]) {
            v.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// Unstable in-place sort, `less(a, b)` when `a` goes first: a heap sort, for
/// the finder's lists of up to a thousand SOPs (insertion sort would be a
/// million comparisons; `sort_unstable_by` is kilobytes per element type).
pub fn heap_sort_by<T>(v: &mut [T], less: impl Fn(&T, &T) -> bool) {
    // A max-heap by `less`, so the last element is the greatest.
    let sift = |v: &mut [T], mut root: usize, end: usize| loop {
        let mut child = 2 * root + 1;
        if child >= end {
            break;
        }
        if child + 1 < end && less(&v[child], &v[child + 1]) {
            child += 1;
        }
        if !less(&v[root], &v[child]) {
            break;
        }
        v.swap(root, child);
        root = child;
    };
    let n = v.len();
    for i in (0..n / 2).rev() {
        sift(v, i, n);
    }
    for end in (1..n).rev() {
        v.swap(0, end);
        sift(v, 0, end);
    }
}

/// A map from pairs, later pairs winning, without sorting the input first.
pub fn map<K: Ord, V>(pairs: impl IntoIterator<Item = (K, V)>) -> BTreeMap<K, V> {
    let mut m = BTreeMap::new();
    m.extend(pairs);
    m
}

/// A set from items, without sorting the input first.
pub fn set<T: Ord>(items: impl IntoIterator<Item = T>) -> BTreeSet<T> {
    let mut s = BTreeSet::new();
    s.extend(items);
    s
}

#[cfg(test)]
mod tests {
    #[test]
    fn heap_sort_orders_every_length() {
        for n in 0..40u32 {
            // A fixed scramble of 0..n, with repeats.
            let mut v: Vec<u32> = (0..n).map(|i| (i * 7919 + 13) % (n / 2 + 1)).collect();
            let mut want = v.clone();
            want.sort_unstable();
            super::heap_sort_by(&mut v, |a, b| a < b);
            assert_eq!(v, want, "{n}");
        }
        let mut v = vec![3, 1, 2];
        super::heap_sort_by(&mut v, |a, b| a > b);
        assert_eq!(v, vec![3, 2, 1]);
    }

    #[test]
    fn sort_is_stable_and_maps_keep_the_last() {
        let mut v = vec![(2, 'a'), (1, 'b'), (2, 'c'), (0, 'd'), (1, 'e')];
        super::sort_by_key(&mut v, |x| x.0);
        assert_eq!(v, vec![(0, 'd'), (1, 'b'), (1, 'e'), (2, 'a'), (2, 'c')]);
        let m = super::map([("k", 1), ("j", 2), ("k", 3)]);
        assert_eq!(m.get("k"), Some(&3));
        assert_eq!(
            super::set([3, 1, 3]).into_iter().collect::<Vec<_>>(),
            vec![1, 3]
        );
    }
}
