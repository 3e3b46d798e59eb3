//! `SetTable`: the hash table behind `set` and `frozenset`, following
//! CPython's setobject.c (linear probes, then perturbation; the same resize
//! rule), so sets of ints iterate in the same order as under CPython.
//! Like `Dict`, equality beyond native types is resolved by the caller.

use super::value::Value;

const MIN_SIZE: usize = 8;
const LINEAR_PROBES: usize = 9;

#[derive(Debug, Clone, Default)]
enum Slot {
    #[default]
    Unused,
    Dummy,
    Active(i64, Value),
}

#[derive(Debug, Clone, Default)]
pub struct SetTable {
    table: Vec<Slot>,
    fill: usize,
    used: usize,
}

impl SetTable {
    /// A dying set with many items hands them to the graveyard (`grave`):
    /// the VM frees them a slice at a time.
    #[inline]
    pub fn bury_if_big(&mut self) {
        super::grave::bury(&mut self.table);
    }

    pub fn new() -> SetTable {
        SetTable::default()
    }

    #[inline]
    pub fn len(&self) -> usize {
        self.used
    }

    #[inline]
    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    /// Live (hash, key) pairs in table order (CPython's iteration order).
    pub fn iter(&self) -> impl Iterator<Item = (i64, &Value)> {
        self.table.iter().filter_map(|s| match s {
            Slot::Active(h, k) => Some((*h, k)),
            _ => None,
        })
    }

    pub fn keys(&self) -> Vec<Value> {
        self.iter().map(|(_, k)| k.clone()).collect()
    }

    /// Walks the probe sequence of `hash`, calling `f` for each slot index
    /// until it returns `Some`.
    fn probe<T>(&self, hash: i64, mut f: impl FnMut(usize, &Slot) -> Option<T>) -> Option<T> {
        if self.table.is_empty() {
            return None;
        }
        let mask = self.table.len() - 1;
        let mut i = hash as u64 as usize & mask;
        let mut perturb = hash as u64;
        loop {
            let probes = if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            for j in i..=i + probes {
                if let Some(t) = f(j, &self.table[j]) {
                    return Some(t);
                }
            }
            perturb >>= 5;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
    }

    /// Whether a key is present, with `eq` deciding for equal hashes.
    pub fn contains(&self, hash: i64, mut eq: impl FnMut(&Value) -> bool) -> bool {
        self.find(hash, &mut eq).is_some()
    }

    fn find(&self, hash: i64, eq: &mut impl FnMut(&Value) -> bool) -> Option<usize> {
        self.probe(hash, |j, s| match s {
            Slot::Unused => Some(None),
            Slot::Active(h, k) if *h == hash && eq(k) => Some(Some(j)),
            _ => None,
        })
        .flatten()
    }

    /// Keys with this hash (for user-defined equality outside a borrow).
    pub fn candidates(&self, hash: i64) -> Vec<Value> {
        let mut out = Vec::new();
        self.probe(hash, |_, s| match s {
            Slot::Unused => Some(()),
            Slot::Active(h, k) if *h == hash => {
                out.push(k.clone());
                None
            }
            _ => None,
        });
        out
    }

    /// Adds a key; returns false if an equal key was already present.
    pub fn insert(&mut self, hash: i64, key: Value, mut eq: impl FnMut(&Value) -> bool) -> bool {
        if self.table.is_empty() {
            self.table = vec![Slot::Unused; MIN_SIZE];
        }
        let mut freeslot = None;
        let found = self.probe(hash, |j, s| match s {
            Slot::Unused => Some(Err(j)),
            Slot::Active(h, k) if *h == hash && eq(k) => Some(Ok(())),
            Slot::Dummy => {
                if freeslot.is_none() {
                    freeslot = Some(j);
                }
                None
            }
            _ => None,
        });
        match found {
            Some(Ok(())) => false,
            Some(Err(unused)) => {
                if let Some(f) = freeslot {
                    self.table[f] = Slot::Active(hash, key);
                    self.used += 1;
                    return true;
                }
                self.table[unused] = Slot::Active(hash, key);
                self.fill += 1;
                self.used += 1;
                let mask = self.table.len() - 1;
                if self.fill * 5 >= mask * 3 {
                    let minused = if self.used > 50000 {
                        self.used * 2
                    } else {
                        self.used * 4
                    };
                    self.resize(minused);
                }
                true
            }
            None => false,
        }
    }

    /// Removes a key; returns it if it was present.
    pub fn remove(&mut self, hash: i64, mut eq: impl FnMut(&Value) -> bool) -> Option<Value> {
        let j = self.find(hash, &mut eq)?;
        match std::mem::replace(&mut self.table[j], Slot::Dummy) {
            Slot::Active(_, k) => {
                self.used -= 1;
                Some(k)
            }
            _ => None,
        }
    }

    /// Removes and returns an arbitrary key (CPython's `set.pop` order).
    pub fn pop(&mut self) -> Option<Value> {
        let j = self
            .table
            .iter()
            .position(|s| matches!(s, Slot::Active(..)))?;
        match std::mem::replace(&mut self.table[j], Slot::Dummy) {
            Slot::Active(_, k) => {
                self.used -= 1;
                Some(k)
            }
            _ => None,
        }
    }

    pub fn clear(&mut self) {
        *self = SetTable::default();
    }

    fn mask(&self) -> usize {
        self.table.len().max(MIN_SIZE) - 1
    }

    /// CPython's `set_merge`: adds every key of `other` (already known to be
    /// distinct keys), reproducing CPython's resulting table order.
    pub fn merge_from(&mut self, other: &SetTable, mut eq: impl FnMut(&Value, &Value) -> bool) {
        if other.used == 0 {
            return;
        }
        if self.table.is_empty() {
            self.table = vec![Slot::Unused; MIN_SIZE];
        }
        if (self.fill + other.used) * 5 >= self.mask() * 3 {
            self.resize((self.used + other.used) * 2);
        }
        if self.fill == 0 && self.mask() == other.mask() && other.fill == other.used {
            self.table = other.table.clone();
            self.fill = other.fill;
            self.used = other.used;
            return;
        }
        if self.fill == 0 {
            let mask = self.mask();
            self.fill = other.used;
            self.used = other.used;
            for (h, k) in other.iter() {
                self.insert_clean(mask, h, k.clone());
            }
            return;
        }
        for (h, k) in other.iter() {
            let k2 = k.clone();
            self.insert(h, k.clone(), |x| eq(x, &k2));
        }
    }

    /// CPython's one big resize before adding the `n` keys of a dict
    /// (`set_update_internal`), so `set(d)` gets CPython's layout.
    pub fn presize_for(&mut self, n: usize) {
        if self.table.is_empty() {
            self.table = vec![Slot::Unused; MIN_SIZE];
        }
        if (self.fill + n) * 5 >= self.mask() * 3 {
            self.resize((self.used + n) * 2);
        }
    }

    fn resize(&mut self, minused: usize) {
        let mut newsize = MIN_SIZE;
        while newsize <= minused {
            newsize <<= 1;
        }
        let old = std::mem::replace(&mut self.table, vec![Slot::Unused; newsize]);
        self.fill = self.used;
        let mask = newsize - 1;
        for s in old {
            if let Slot::Active(h, k) = s {
                self.insert_clean(mask, h, k);
            }
        }
    }

    fn insert_clean(&mut self, mask: usize, hash: i64, key: Value) {
        let mut i = hash as u64 as usize & mask;
        let mut perturb = hash as u64;
        loop {
            let probes = if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            for j in i..=i + probes {
                if matches!(self.table[j], Slot::Unused) {
                    self.table[j] = Slot::Active(hash, key);
                    return;
                }
            }
            perturb >>= 5;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ints(t: &SetTable) -> Vec<i64> {
        t.iter()
            .map(|(_, k)| match k {
                Value::Int(i) => *i,
                _ => -1,
            })
            .collect()
    }

    fn add(t: &mut SetTable, i: i64) -> bool {
        t.insert(i, Value::Int(i), |k| matches!(k, Value::Int(j) if *j == i))
    }

    #[test]
    fn test_order_like_cpython() {
        let mut t = SetTable::new();
        for i in [3, 1, 2, 100, 9, 17] {
            add(&mut t, i);
        }
        // python3 -c 'print(list({3, 1, 2, 100, 9, 17}))'
        assert_eq!(ints(&t), vec![1, 2, 3, 100, 9, 17]);
        assert!(!add(&mut t, 3));
        assert!(t.remove(3, |k| matches!(k, Value::Int(3))).is_some());
        assert_eq!(t.len(), 5);
    }

    #[test]
    fn test_merge_like_cpython_const_set() {
        // CPython builds a constant set literal by merging a frozenset:
        // python3 -c 'print(list({3, 1, 2, 100, 9, 17}))' -> [1, 2, 3, 100, 17, 9]
        let mut f = SetTable::new();
        for i in [3, 1, 2, 100, 9, 17] {
            add(&mut f, i);
        }
        let mut t = SetTable::new();
        t.merge_from(&f, |a, b| a.is(b));
        assert_eq!(ints(&t), vec![1, 2, 3, 100, 17, 9]);
    }
}
