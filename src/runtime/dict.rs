//! `Dict`: an insertion-ordered hash table (CPython's compact dict layout:
//! a dense entry vector plus a sparse index table with open addressing).
//! Key equality beyond identity and native types is the caller's job: the
//! table hands out candidate entries by hash, so no user `__eq__` ever runs
//! while the table is borrowed.

use super::value::Value;

const EMPTY: u32 = u32::MAX;
const DELETED: u32 = u32::MAX - 1;

/// One slot of the entry vector; a deleted entry has `key == Value::Null`.
#[derive(Debug, Clone, Default)]
pub struct Entry {
    pub hash: i64,
    pub key: Value,
    pub value: Value,
}

#[derive(Debug, Clone, Default)]
pub struct Dict {
    entries: Vec<Entry>,
    indices: Vec<u32>,
    len: usize,
    /// Changed on every insertion of a new key or removal, to a value no
    /// other dict has had (inline caches key on it); 0 for a new dict.
    pub version: u64,
    /// A one-word Bloom filter of the hashes of the keys inserted since the
    /// dict was last empty (bit `bloom_bit(hash)`): a clear bit proves a key
    /// absent without probing (`LoadMethod` checks that no instance
    /// attribute shadows the method this way).
    bloom: u64,
}

/// The `Dict::bloom` bit of a hash.
#[inline(always)]
pub(crate) fn bloom_bit(hash: i64) -> u64 {
    1u64 << ((hash as u64 >> 7) & 63)
}

thread_local! {
    static NEXT_VERSION: std::cell::Cell<u64> = const { std::cell::Cell::new(1) };
}

/// A fresh, never-used dict version.
fn next_version() -> u64 {
    NEXT_VERSION.with(|c| {
        let v = c.get();
        c.set(v + 1);
        v
    })
}

impl Dict {
    /// A dying dict with many entries hands them to the graveyard
    /// (`grave`): the VM frees them a slice at a time.
    #[inline]
    pub fn bury_if_big(&mut self) {
        super::grave::bury(&mut self.entries);
    }

    pub fn new() -> Dict {
        Dict::default()
    }

    pub fn with_capacity(n: usize) -> Dict {
        let mut d = Dict::default();
        if n > 0 {
            d.entries.reserve(n);
            d.rebuild_indices((n * 3 / 2).next_power_of_two().max(8));
        }
        d
    }

    #[inline]
    pub fn len(&self) -> usize {
        self.len
    }

    #[inline]
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Length of the entry vector (live and deleted): bound for `entry_at`.
    #[inline]
    pub fn entries_len(&self) -> usize {
        self.entries.len()
    }

    /// The live entry at position `i` of the entry vector, if any.
    #[inline]
    pub fn entry_at(&self, i: usize) -> Option<&Entry> {
        match self.entries.get(i) {
            Some(e) if !e.key.is_null() => Some(e),
            _ => None,
        }
    }

    /// Live entries in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = &Entry> {
        self.entries.iter().filter(|e| !e.key.is_null())
    }

    pub fn keys(&self) -> Vec<Value> {
        self.iter().map(|e| e.key.clone()).collect()
    }

    pub fn values(&self) -> Vec<Value> {
        self.iter().map(|e| e.value.clone()).collect()
    }

    /// Finds the entry index of a key, using `eq` for keys with equal hash.
    #[inline]
    pub fn find(&self, hash: i64, mut eq: impl FnMut(&Value) -> bool) -> Option<usize> {
        if self.indices.is_empty() {
            return None;
        }
        let mask = self.indices.len() - 1;
        let mut i = (hash as u64 as usize) & mask;
        let mut perturb = hash as u64;
        loop {
            let ix = self.indices[i];
            if ix == EMPTY {
                return None;
            }
            if ix != DELETED {
                let e = &self.entries[ix as usize];
                if e.hash == hash && eq(&e.key) {
                    return Some(ix as usize);
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

    /// Entry indices whose hash equals `hash` (for user-defined equality).
    pub fn candidates(&self, hash: i64) -> Vec<(usize, Value)> {
        let mut out = Vec::new();
        if self.indices.is_empty() {
            return out;
        }
        let mask = self.indices.len() - 1;
        let mut i = (hash as u64 as usize) & mask;
        let mut perturb = hash as u64;
        loop {
            let ix = self.indices[i];
            if ix == EMPTY {
                return out;
            }
            if ix != DELETED {
                let e = &self.entries[ix as usize];
                if e.hash == hash {
                    out.push((ix as usize, e.key.clone()));
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

    #[inline]
    pub fn value_at(&self, ix: usize) -> &Value {
        &self.entries[ix].value
    }

    #[inline]
    pub fn value_at_mut(&mut self, ix: usize) -> &mut Value {
        &mut self.entries[ix].value
    }

    #[inline]
    pub fn key_at(&self, ix: usize) -> &Value {
        &self.entries[ix].key
    }

    /// Appends a key known to be absent.
    pub fn insert_new(&mut self, hash: i64, key: Value, value: Value) {
        if (self.entries.len() + 1) * 3 >= self.indices.len() * 2 {
            self.grow();
        }
        let ix = self.entries.len() as u32;
        self.entries.push(Entry { hash, key, value });
        self.bloom |= bloom_bit(hash);
        self.len += 1;
        self.version = next_version();
        let slot = self.free_slot(hash);
        self.indices[slot] = ix;
    }

    /// Removes the entry at `ix`, returning (key, value).
    pub fn remove_at(&mut self, ix: usize) -> (Value, Value) {
        let hash = self.entries[ix].hash;
        let mask = self.indices.len() - 1;
        let mut i = (hash as u64 as usize) & mask;
        let mut perturb = hash as u64;
        loop {
            if self.indices[i] == ix as u32 {
                self.indices[i] = DELETED;
                break;
            }
            perturb >>= 5;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
        let e = std::mem::take(&mut self.entries[ix]);
        self.len -= 1;
        self.version = next_version();
        if self.len == 0 {
            self.entries.clear();
            self.bloom = 0;
            for s in self.indices.iter_mut() {
                *s = EMPTY;
            }
        }
        (e.key, e.value)
    }

    /// Removes and returns the last entry (`popitem`).
    pub fn pop_last(&mut self) -> Option<(Value, Value)> {
        let ix = self.entries.iter().rposition(|e| !e.key.is_null())?;
        Some(self.remove_at(ix))
    }

    pub fn clear(&mut self) {
        self.entries.clear();
        self.indices.clear();
        self.len = 0;
        self.bloom = 0;
        self.version = next_version();
    }

    fn free_slot(&self, hash: i64) -> usize {
        let mask = self.indices.len() - 1;
        let mut i = (hash as u64 as usize) & mask;
        let mut perturb = hash as u64;
        loop {
            let ix = self.indices[i];
            if ix == EMPTY || ix == DELETED {
                return i;
            }
            perturb >>= 5;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
    }

    fn grow(&mut self) {
        // Compact away deleted entries, then size the index table for 2x.
        if self.len < self.entries.len() {
            self.entries.retain(|e| !e.key.is_null());
        }
        let want = ((self.len + 1) * 3).next_power_of_two().max(8);
        self.rebuild_indices(want);
    }

    fn rebuild_indices(&mut self, size: usize) {
        self.indices.clear();
        self.indices.resize(size, EMPTY);
        for (n, e) in self.entries.iter().enumerate() {
            let slot = self.free_slot(e.hash);
            self.indices[slot] = n as u32;
        }
    }

    // === str-keyed fast paths (attribute and global lookups) ===

    /// Looks up a str key by hash and content.
    #[inline]
    pub fn get_str(&self, key: &super::value::PyStr) -> Option<&Value> {
        let hash = key.hash() as i64;
        let ix = self.find(hash, |k| match k {
            Value::Str(s) => std::ptr::eq(&**s, key) || s.as_str() == key.as_str(),
            _ => false,
        })?;
        Some(&self.entries[ix].value)
    }

    /// Whether the dict has no str key equal to `key`: the Bloom filter
    /// answers most misses without probing.
    #[inline(always)]
    pub fn lacks_str(&self, key: &super::value::PyStr) -> bool {
        self.bloom & bloom_bit(key.hash() as i64) == 0 || self.get_str(key).is_none()
    }

    /// The entry index of a str key, by hash and content.
    #[inline]
    pub fn find_str(&self, key: &super::value::PyStr) -> Option<usize> {
        let hash = key.hash() as i64;
        self.find(hash, |k| match k {
            Value::Str(s) => std::ptr::eq(&**s, key) || s.as_str() == key.as_str(),
            _ => false,
        })
    }

    /// The value at entry `ix` if that entry's key is this very str object
    /// (an inline-cache guess verified without hashing).
    #[inline]
    pub fn value_if_key_at(
        &self,
        ix: usize,
        key: &std::rc::Rc<super::value::PyStr>,
    ) -> Option<&Value> {
        match self.entries.get(ix) {
            Some(Entry {
                key: Value::Str(s),
                value,
                ..
            }) if std::rc::Rc::ptr_eq(s, key) => Some(value),
            _ => None,
        }
    }

    /// Mutable access to the value at entry `ix` if its key is this str object.
    #[inline]
    pub fn value_if_key_at_mut(
        &mut self,
        ix: usize,
        key: &std::rc::Rc<super::value::PyStr>,
    ) -> Option<&mut Value> {
        match self.entries.get_mut(ix) {
            Some(Entry {
                key: Value::Str(s),
                value,
                ..
            }) if std::rc::Rc::ptr_eq(s, key) => Some(value),
            _ => None,
        }
    }

    /// Sets a str key (insert or overwrite).
    pub fn set_str(&mut self, key: std::rc::Rc<super::value::PyStr>, value: Value) {
        let hash = key.hash() as i64;
        let found = self.find(hash, |k| match k {
            Value::Str(s) => std::rc::Rc::ptr_eq(s, &key) || s.as_str() == key.as_str(),
            _ => false,
        });
        match found {
            Some(ix) => self.entries[ix].value = value,
            None => self.insert_new(hash, Value::Str(key), value),
        }
    }

    /// Removes a str key, returning its value.
    pub fn remove_str(&mut self, key: &super::value::PyStr) -> Option<Value> {
        let hash = key.hash() as i64;
        let ix = self.find(hash, |k| match k {
            Value::Str(s) => s.as_str() == key.as_str(),
            _ => false,
        })?;
        Some(self.remove_at(ix).1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::runtime::value::PyStr;
    use std::rc::Rc;

    #[test]
    fn test_order_and_delete() {
        let mut d = Dict::new();
        for i in 0..100 {
            d.insert_new(i, Value::Int(i), Value::Int(i * 2));
        }
        for i in (0..100).step_by(2) {
            let ix = d
                .find(i, |k| matches!(k, Value::Int(j) if *j == i))
                .unwrap();
            d.remove_at(ix);
        }
        assert_eq!(d.len(), 50);
        let keys: Vec<i64> = d
            .iter()
            .map(|e| match e.key {
                Value::Int(i) => i,
                _ => -1,
            })
            .collect();
        assert_eq!(keys, (1..100).step_by(2).collect::<Vec<_>>());
        d.insert_new(0, Value::Int(0), Value::None);
        assert_eq!(d.len(), 51);
    }

    #[test]
    fn test_str_keys() {
        let mut d = Dict::new();
        d.set_str(Rc::new(PyStr::new("a")), Value::Int(1));
        d.set_str(Rc::new(PyStr::new("a")), Value::Int(2));
        assert_eq!(d.len(), 1);
        assert!(matches!(d.get_str(&PyStr::new("a")), Some(Value::Int(2))));
        assert!(d.remove_str(&PyStr::new("a")).is_some());
        assert!(d.get_str(&PyStr::new("a")).is_none());
    }
}
