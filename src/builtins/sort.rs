//! The sort behind `sorted()` and `list.sort()`: a stable bottom-up merge
//! sort over a permutation, driven by a fallible `<` (user `__lt__` may
//! raise or be inconsistent; neither can make it panic or lose items).
//! Like CPython it only ever asks `a < b`, and `reverse=True` reverses,
//! sorts and reverses again so equal items keep their order.

use std::cmp::Ordering;

use crate::runtime::exc::RunResult;
use crate::runtime::value::{PyTuple, Value};
use crate::vm::ops::compare::native_eq;
use crate::vm::Vm;

/// Runs shorter than this are sorted by insertion first.
const RUN: usize = 24;

/// `a < b` with native fast paths for the common key types.
#[inline]
pub fn sort_lt(vm: &mut Vm, a: &Value, b: &Value) -> RunResult<bool> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Ok(x < y),
        (Value::Str(x), Value::Str(y)) => Ok(x.s < y.s),
        (Value::Float(x), Value::Float(y)) => Ok(x < y),
        (Value::Tuple(x), Value::Tuple(y)) => tuple_lt(vm, x, y),
        _ => vm.lt(a, b),
    }
}

fn tuple_lt(vm: &mut Vm, x: &PyTuple, y: &PyTuple) -> RunResult<bool> {
    for (p, q) in x.items.iter().zip(y.items.iter()) {
        match (p, q) {
            (Value::Int(a), Value::Int(b)) => {
                if a != b {
                    return Ok(a < b);
                }
                continue;
            }
            (Value::Str(a), Value::Str(b)) => {
                if a.s != b.s {
                    return Ok(a.s < b.s);
                }
                continue;
            }
            _ => {}
        }
        if p.is(q) {
            continue;
        }
        let eq = match native_eq(p, q) {
            Some(e) => e,
            None => vm.eq(p, q)?,
        };
        if !eq {
            return sort_lt(vm, p, q);
        }
    }
    Ok(x.items.len() < y.items.len())
}

/// Sorts `items` by `keys` (same length; `None` = the items themselves).
/// On error the items are left in their original order.
pub fn sort_by_keys(
    vm: &mut Vm,
    items: &mut Vec<Value>,
    keys: Option<Vec<Value>>,
    reverse: bool,
) -> RunResult<()> {
    if items.len() < 2 {
        return Ok(());
    }
    let mut keys = keys;
    if reverse {
        items.reverse();
        if let Some(k) = &mut keys {
            k.reverse();
        }
    }
    let result = match &keys {
        Some(k) => sort_permutation(vm, k),
        None => sort_permutation(vm, items),
    };
    match result {
        Ok(perm) => match apply(vm, items, &perm, reverse) {
            Ok(()) => Ok(()),
            Err(e) => {
                if reverse {
                    items.reverse();
                }
                Err(e)
            }
        },
        Err(e) => {
            if reverse {
                items.reverse();
            }
            Err(e)
        }
    }
}

/// Puts `items` in the order of `perm`, charging the tick every
/// `APPLY_SLICE` items: gathering a million items in a random order takes
/// milliseconds of cache misses, and a signal must not wait for it. If a
/// handler raises at a charge, `items` are put back in their order.
fn apply(vm: &mut Vm, items: &mut Vec<Value>, perm: &[u32], reverse: bool) -> RunResult<()> {
    const APPLY_SLICE: usize = 4096;
    let mut old: Vec<Value> = std::mem::take(items);
    let mut out: Vec<Value> = Vec::with_capacity(old.len());
    for (k, &i) in perm.iter().enumerate() {
        if k % APPLY_SLICE == APPLY_SLICE - 1 {
            if let Err(e) = vm.charge(APPLY_SLICE as u64 / 8) {
                for (v, &j) in out.into_iter().zip(perm) {
                    old[j as usize] = v;
                }
                *items = old;
                return Err(e);
            }
        }
        out.push(std::mem::take(&mut old[i as usize]));
    }
    if reverse {
        out.reverse();
    }
    *items = out;
    Ok(())
}

/// The stable sorting permutation of `keys` under `sort_lt`.
pub fn sort_permutation(vm: &mut Vm, keys: &[Value]) -> RunResult<Vec<u32>> {
    let n = keys.len();
    if let Some(perm) = native_permutation(vm, keys) {
        return perm;
    }
    let mut perm: Vec<u32> = (0..n as u32).collect();
    // Insertion sort each run.
    let mut lo = 0;
    while lo < n {
        let hi = (lo + RUN).min(n);
        for i in lo + 1..hi {
            let mut j = i;
            while j > lo {
                let (a, b) = (perm[j], perm[j - 1]);
                if sort_lt(vm, &keys[a as usize], &keys[b as usize])? {
                    perm.swap(j, j - 1);
                    j -= 1;
                } else {
                    break;
                }
            }
        }
        lo = hi;
    }
    vm.charge(n as u64)?;
    let mut buf: Vec<u32> = vec![0; n];
    let mut width = RUN;
    while width < n {
        let mut lo = 0;
        while lo + width < n {
            let mid = lo + width;
            let hi = (lo + 2 * width).min(n);
            merge(vm, keys, &mut perm, &mut buf, lo, mid, hi)?;
            lo = hi;
        }
        vm.charge(n as u64)?;
        width *= 2;
    }
    Ok(perm)
}

/// The kind of a key that orders natively.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Int,
    Str,
}

fn kind_of(v: &Value) -> Option<Kind> {
    match v {
        Value::Int(_) => Some(Kind::Int),
        Value::Str(_) => Some(Kind::Str),
        _ => None,
    }
}

/// Orders two keys of the same `Kind` (checked by the caller).
#[inline]
fn native_cmp(a: &Value, b: &Value) -> Ordering {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => x.cmp(y),
        (Value::Str(x), Value::Str(y)) => x.s.cmp(&y.s),
        _ => Ordering::Equal,
    }
}

/// When every key is an int, every key a str, or every key a tuple whose
/// columns are each all-int or all-str, the order is a total order no
/// Python code can observe: sort natively, stably. The work is done in
/// slices of `CHUNK` keys, charging the tick between them, so a signal
/// never waits for a long sort (a handler may run between two slices; it
/// cannot see the keys, and its exception abandons the sort).
fn native_permutation(vm: &mut Vm, keys: &[Value]) -> Option<RunResult<Vec<u32>>> {
    let first = keys.first()?;
    if let Some(k) = kind_of(first) {
        if !keys.iter().all(|v| kind_of(v) == Some(k)) {
            return None;
        }
        return Some(chunked_sort(vm, keys.len(), |a, b| {
            native_cmp(&keys[a as usize], &keys[b as usize])
        }));
    }
    let mut columns: Vec<Kind> = Vec::new();
    for v in keys {
        let Value::Tuple(t) = v else { return None };
        for (i, item) in t.items.iter().enumerate() {
            let k = kind_of(item)?;
            match columns.get(i) {
                Some(c) if *c != k => return None,
                Some(_) => {}
                None => columns.push(k),
            }
        }
    }
    Some(chunked_sort(vm, keys.len(), |a, b| {
        let (Value::Tuple(x), Value::Tuple(y)) = (&keys[a as usize], &keys[b as usize]) else {
            return Ordering::Equal;
        };
        for (p, q) in x.items.iter().zip(y.items.iter()) {
            let o = native_cmp(p, q);
            if o != Ordering::Equal {
                return o;
            }
        }
        x.items.len().cmp(&y.items.len())
    }))
}

/// Keys sorted per slice before the merges (a slice sorts in well under
/// a millisecond).
const CHUNK: usize = 4096;

/// A stable sorting permutation of `0..n` under `cmp`: each `CHUNK` slice
/// sorted by the standard sort, then merged bottom-up; the tick is charged
/// after every slice and every `CHUNK` merged keys.
fn chunked_sort(vm: &mut Vm, n: usize, cmp: impl Fn(u32, u32) -> Ordering) -> RunResult<Vec<u32>> {
    let mut perm: Vec<u32> = (0..n as u32).collect();
    let cost = CHUNK as u64 * 12 / 4;
    for slice in perm.chunks_mut(CHUNK) {
        slice.sort_by(|&a, &b| cmp(a, b));
        if n > CHUNK {
            vm.charge(cost)?;
        }
    }
    let mut buf: Vec<u32> = vec![0; n];
    let mut width = CHUNK;
    while width < n {
        let mut lo = 0;
        while lo + width < n {
            let (mid, hi) = (lo + width, (lo + 2 * width).min(n));
            buf[lo..hi].copy_from_slice(&perm[lo..hi]);
            let (mut i, mut j) = (lo, mid);
            for (n, slot) in perm[lo..hi].iter_mut().enumerate() {
                // Take from the right only when strictly less: stability.
                let take_right = j < hi && (i >= mid || cmp(buf[j], buf[i]) == Ordering::Less);
                if take_right {
                    *slot = buf[j];
                    j += 1;
                } else {
                    *slot = buf[i];
                    i += 1;
                }
                if n % CHUNK == CHUNK - 1 {
                    vm.charge(CHUNK as u64 / 2)?;
                }
            }
            lo = hi;
        }
        width *= 2;
    }
    Ok(perm)
}

/// Merges `perm[lo..mid]` and `perm[mid..hi]` (each sorted), stably.
fn merge(
    vm: &mut Vm,
    keys: &[Value],
    perm: &mut [u32],
    buf: &mut [u32],
    lo: usize,
    mid: usize,
    hi: usize,
) -> RunResult<()> {
    // Already in order: the last of the left run is not above the first
    // of the right run.
    if !sort_lt(vm, &keys[perm[mid] as usize], &keys[perm[mid - 1] as usize])? {
        return Ok(());
    }
    buf[lo..hi].copy_from_slice(&perm[lo..hi]);
    let (mut i, mut j, mut k) = (lo, mid, lo);
    while i < mid && j < hi {
        // Take from the right only when strictly less: stability.
        let take_right = sort_lt(vm, &keys[buf[j] as usize], &keys[buf[i] as usize]);
        let take_right = match take_right {
            Ok(t) => t,
            Err(e) => {
                // Restore the untouched runs so `perm` stays a permutation.
                perm[lo..hi].copy_from_slice(&buf[lo..hi]);
                return Err(e);
            }
        };
        if take_right {
            perm[k] = buf[j];
            j += 1;
        } else {
            perm[k] = buf[i];
            i += 1;
        }
        k += 1;
    }
    while i < mid {
        perm[k] = buf[i];
        i += 1;
        k += 1;
    }
    while j < hi {
        perm[k] = buf[j];
        j += 1;
        k += 1;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ints(v: &[Value]) -> Vec<i64> {
        v.iter()
            .map(|x| match x {
                Value::Int(i) => *i,
                _ => -1,
            })
            .collect()
    }

    #[test]
    fn test_sort_is_stable_with_keys_and_reverse() {
        let mut vm = Vm::new(Vec::new());
        let mut items: Vec<Value> = (0..100).map(Value::Int).collect();
        let keys: Vec<Value> = (0..100).map(|i| Value::Int(i % 3)).collect();
        sort_by_keys(&mut vm, &mut items, Some(keys.clone()), false).expect("sort");
        let got = ints(&items);
        let mut want: Vec<i64> = (0..100).collect();
        want.sort_by_key(|i| i % 3);
        assert_eq!(got, want);
        let mut items: Vec<Value> = (0..100).map(Value::Int).collect();
        sort_by_keys(&mut vm, &mut items, Some(keys), true).expect("sort");
        let mut want: Vec<i64> = (0..100).collect();
        want.sort_by_key(|i| std::cmp::Reverse(i % 3));
        assert_eq!(ints(&items), want);
    }

    #[test]
    fn test_failed_sort_keeps_every_item() {
        let mut vm = Vm::new(Vec::new());
        let mut items: Vec<Value> = (0..50).map(Value::Int).collect();
        items.push(Value::str("x"));
        items.extend((50..100).map(Value::Int));
        assert!(sort_by_keys(&mut vm, &mut items, None, false).is_err());
        assert_eq!(items.len(), 101);
        let mut got = ints(&items);
        got.retain(|i| *i >= 0);
        got.sort();
        assert_eq!(got, (0..100).collect::<Vec<i64>>());
    }
}
