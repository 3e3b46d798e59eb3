//! `range` objects beyond 64 bits (CPython's long range): the cold path.
//!
//! A `PyRange` keeps its start, stop and step as i64 (the common case, and
//! the only one the iteration fast path sees). When one of them does not
//! fit, the range carries a `BigRange` instead and its i64 fields are an
//! empty `range(0, 0)` that nothing reads: every operation on a range
//! first asks `is_wide()` and takes the BigInt arithmetic here for those
//! (and for i64 ranges whose length passes `i64::MAX`, whose items and
//! slices need more than 64 bits).

use num_bigint::BigInt;
use num_traits::{One, Signed, ToPrimitive, Zero};

use crate::runtime::exc::{PyErr, RunResult};
use crate::runtime::hash;
use crate::runtime::value::{PyRange, Value};

/// The bounds of a range that leaves 64 bits, with its length.
#[derive(Debug, Clone)]
pub struct BigRange {
    pub start: BigInt,
    pub stop: BigInt,
    pub step: BigInt,
    pub len: BigInt,
}

/// CPython's `compute_range_length`: the number of items.
fn length(start: &BigInt, stop: &BigInt, step: &BigInt) -> BigInt {
    let (lo, hi, step) = if step.is_positive() {
        (start, stop, step.clone())
    } else {
        (stop, start, -step)
    };
    if lo >= hi {
        BigInt::zero()
    } else {
        (hi - lo - 1u32) / step + 1u32
    }
}

impl PyRange {
    /// An i64 range (the common case).
    pub fn small(start: i64, stop: i64, step: i64) -> PyRange {
        PyRange {
            start,
            stop,
            step,
            big: None,
        }
    }

    /// A range from int bounds (step non-zero): the i64 form when all
    /// three fit, else the BigInt form.
    pub fn from_big(start: BigInt, stop: BigInt, step: BigInt) -> PyRange {
        if let (Some(a), Some(b), Some(c)) = (start.to_i64(), stop.to_i64(), step.to_i64()) {
            return PyRange::small(a, b, c);
        }
        let len = length(&start, &stop, &step);
        PyRange {
            start: 0,
            stop: 0,
            step: 1,
            big: Some(Box::new(BigRange {
                start,
                stop,
                step,
                len,
            })),
        }
    }

    /// Whether operations must take the BigInt path: bounds beyond 64
    /// bits, or a length beyond `i64::MAX`.
    #[inline]
    pub fn is_wide(&self) -> bool {
        self.big.is_some() || self.exact_len() > i64::MAX as i128
    }

    /// (start, stop, step, len) as BigInts.
    pub fn wide(&self) -> (BigInt, BigInt, BigInt, BigInt) {
        match &self.big {
            Some(b) => (
                b.start.clone(),
                b.stop.clone(),
                b.step.clone(),
                b.len.clone(),
            ),
            None => (
                BigInt::from(self.start),
                BigInt::from(self.stop),
                BigInt::from(self.step),
                BigInt::from(self.exact_len()),
            ),
        }
    }

    /// `r.start`, `r.stop`, `r.step` as values.
    pub fn start_value(&self) -> Value {
        match &self.big {
            Some(b) => Value::from_bigint(b.start.clone()),
            None => Value::Int(self.start),
        }
    }

    pub fn stop_value(&self) -> Value {
        match &self.big {
            Some(b) => Value::from_bigint(b.stop.clone()),
            None => Value::Int(self.stop),
        }
    }

    pub fn step_value(&self) -> Value {
        match &self.big {
            Some(b) => Value::from_bigint(b.step.clone()),
            None => Value::Int(self.step),
        }
    }

    /// `len(r)` as CPython's ssize_t: OverflowError past `i64::MAX`.
    pub fn checked_len(&self) -> RunResult<usize> {
        let (.., len) = self.wide();
        len.to_i64()
            .map(|n| n as usize)
            .ok_or_else(|| PyErr::overflow_error("Python int too large to convert to C ssize_t"))
    }

    /// `repr(r)`
    pub fn repr(&self) -> String {
        let (start, stop, step, _) = self.wide();
        if step.is_one() {
            format!("range({}, {})", start, stop)
        } else {
            format!("range({}, {}, {})", start, stop, step)
        }
    }

    /// The item at position `i` (0 <= i < len).
    pub fn wide_item(&self, i: &BigInt) -> BigInt {
        let (start, _, step, _) = self.wide();
        start + i * step
    }

    /// The position of the int `x` in the range, if it is there.
    pub fn wide_position(&self, x: &BigInt) -> Option<BigInt> {
        let (start, stop, step, _) = self.wide();
        let inside = if step.is_positive() {
            x >= &start && x < &stop
        } else {
            x <= &start && x > &stop
        };
        if !inside {
            return None;
        }
        let off = x - &start;
        (off.clone() % &step).is_zero().then(|| off / step)
    }

    /// `r1 == r2`: same items (CPython's `range_equals`).
    pub fn wide_eq(&self, other: &PyRange) -> bool {
        let (a0, _, a2, alen) = self.wide();
        let (b0, _, b2, blen) = other.wide();
        alen == blen && (alen.is_zero() || (a0 == b0 && (alen.is_one() || a2 == b2)))
    }

    /// `hash(r)`: hash((len, start, step)) with None for what does not
    /// matter, as CPython's, so equal ranges hash alike.
    pub fn wide_hash(&self) -> i64 {
        let (start, _, step, len) = self.wide();
        let none = 0x5f5e100; // hash(None), as the VM hashes it
        let start = if len.is_zero() {
            none
        } else {
            hash::hash_bigint(&start)
        };
        let step = if len <= BigInt::one() {
            none
        } else {
            hash::hash_bigint(&step)
        };
        hash::hash_tuple(&[hash::hash_bigint(&len), start, step])
    }

    /// `reversed(r)` as the range of the same items backwards.
    pub fn wide_reversed(&self) -> PyRange {
        let (start, _, step, len) = self.wide();
        if len.is_zero() {
            return PyRange::small(0, 0, 1);
        }
        let last = &start + (&len - 1u32) * &step;
        PyRange::from_big(last, start - &step, -step)
    }

    /// `r[slice]` from the slice's start, stop and step clamped to the
    /// length (`slice_indices_big`).
    pub fn wide_slice(&self, start: &BigInt, stop: &BigInt, step: &BigInt) -> PyRange {
        let (_, _, rstep, _) = self.wide();
        PyRange::from_big(self.wide_item(start), self.wide_item(stop), step * rstep)
    }
}

/// CPython's `_PySlice_GetLongIndices`: a slice's (start, stop, step)
/// clamped to a sequence of `len` items; the values are already ints
/// (None for a missing part).
pub fn slice_indices_big(
    start: Option<BigInt>,
    stop: Option<BigInt>,
    step: Option<BigInt>,
    len: &BigInt,
) -> RunResult<(BigInt, BigInt, BigInt)> {
    let step = step.unwrap_or_else(BigInt::one);
    if step.is_zero() {
        return Err(PyErr::value_error("slice step cannot be zero"));
    }
    let back = step.is_negative();
    let (lower, upper) = if back {
        (BigInt::from(-1), len - 1u32)
    } else {
        (BigInt::zero(), len.clone())
    };
    let clamp = |v: Option<BigInt>, default: &BigInt| -> BigInt {
        match v {
            None => default.clone(),
            Some(v) if v.is_negative() => {
                let v = v + len;
                if v < lower {
                    lower.clone()
                } else {
                    v
                }
            }
            Some(v) if v > upper => upper.clone(),
            Some(v) => v,
        }
    };
    let start = clamp(start, if back { &upper } else { &lower });
    let stop = clamp(stop, if back { &lower } else { &upper });
    Ok((start, stop, step))
}
