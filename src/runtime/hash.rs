//! Python's hash functions, deterministic: ints, floats and tuples hash as
//! in CPython 3.11 (so int sets iterate in CPython's order); str uses a fixed
//! keyless hash (CPython randomises str hashes, so no program can rely on
//! their values).

/// `sys.hash_info.modulus`: 2**61 - 1.
pub const MODULUS: u64 = (1u64 << 61) - 1;

/// hash() of an i64, as CPython.
#[inline]
pub fn hash_int(i: i64) -> i64 {
    if i >= 0 {
        (i as u64 % MODULUS) as i64
    } else {
        let h = -(((i as i128).unsigned_abs() % MODULUS as u128) as i64);
        if h == -1 {
            -2
        } else {
            h
        }
    }
}

/// hash() of a big int given its sign and magnitude mod 2**61-1.
pub fn hash_bigint(b: &num_bigint::BigInt) -> i64 {
    use num_bigint::Sign;
    use num_traits::ToPrimitive;
    let m = num_bigint::BigInt::from(MODULUS);
    let r = (b.magnitude() % m.magnitude()).to_u64().unwrap_or(0) as i64;
    let h = if b.sign() == Sign::Minus { -r } else { r };
    if h == -1 {
        -2
    } else {
        h
    }
}

/// hash() of a float, as CPython's `_Py_HashDouble` (integral floats hash
/// like the equal int). NaN hashes to 0 here (CPython uses the address).
pub fn hash_float(v: f64) -> i64 {
    if !v.is_finite() {
        if v.is_infinite() {
            return if v > 0.0 { 314159 } else { -314159 };
        }
        return 0;
    }
    let (mut m, mut e) = frexp(v);
    let mut sign = 1i64;
    if m < 0.0 {
        sign = -1;
        m = -m;
    }
    let mut x: u64 = 0;
    while m != 0.0 {
        x = ((x << 28) & MODULUS) | (x >> (61 - 28));
        m *= 268435456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= MODULUS {
            x -= MODULUS;
        }
    }
    let e = if e >= 0 {
        e % 61
    } else {
        61 - 1 - ((-1 - e) % 61)
    };
    x = ((x << e) & MODULUS) | (x >> (61 - e));
    let h = (x as i64) * sign;
    if h == -1 {
        -2
    } else {
        h
    }
}

/// C's frexp: v = m * 2**e with 0.5 <= |m| < 1.
fn frexp(v: f64) -> (f64, i32) {
    if v == 0.0 {
        return (v, 0);
    }
    let bits = v.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        // Subnormal: scale up first.
        let (m, e) = frexp(v * (1u64 << 54) as f64);
        return (m, e - 54);
    }
    let e = exp - 1022;
    let m_bits = (bits & !(0x7ffu64 << 52)) | (1022u64 << 52);
    (f64::from_bits(m_bits), e)
}

/// CPython 3.11's tuple hash (xxHash-based) over the items' hashes.
pub fn hash_tuple(hashes: &[i64]) -> i64 {
    const P1: u64 = 11400714785074694791;
    const P2: u64 = 14029467366897019727;
    const P5: u64 = 2870177450012600261;
    let mut acc: u64 = P5;
    for &h in hashes {
        let lane = h as u64;
        acc = acc.wrapping_add(lane.wrapping_mul(P2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(P1);
    }
    acc = acc.wrapping_add((hashes.len() as u64) ^ (P5 ^ 3527539));
    if acc == u64::MAX {
        return 1546275796;
    }
    acc as i64
}

/// Fixed-key str hash (FNV-1a over 8-byte words, then mixed). Never returns
/// 0 or -1, so 0 can mean "not computed yet" in caches.
pub fn hash_str(s: &str) -> u64 {
    let mut h: u64 = 0xcbf29ce484222325;
    let bytes = s.as_bytes();
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let w = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        h = (h ^ w).wrapping_mul(0x100000001b3);
        h ^= h >> 29;
    }
    for &b in chunks.remainder() {
        h = (h ^ b as u64).wrapping_mul(0x100000001b3);
    }
    h ^= h >> 32;
    h = h.wrapping_mul(0x9e3779b97f4a7c15);
    h ^= h >> 29;
    // Keep it positive and away from the sentinels 0 and -1.
    let h = h >> 2;
    if h == 0 {
        1
    } else {
        h
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn test_hash_int_matches_cpython() {
        assert_eq!(hash_int(0), 0);
        assert_eq!(hash_int(-1), -2);
        assert_eq!(hash_int(-2), -2);
        assert_eq!(hash_int(1 << 61), 1);
        assert_eq!(hash_int(i64::MIN), -4);
    }

    #[test]
    fn test_hash_float_matches_cpython() {
        assert_eq!(hash_float(1.0), 1);
        assert_eq!(hash_float(1.5), 1152921504606846977);
        assert_eq!(hash_float(-1.5), -1152921504606846977);
        assert_eq!(hash_float(0.1), 230584300921369408);
        assert_eq!(hash_float(1e300), hash_float(1e300));
    }

    #[test]
    fn test_hash_tuple_matches_cpython() {
        // python3 -c 'print(hash((1, 2)), hash(()))'
        assert_eq!(hash_tuple(&[1, 2]), -3550055125485641917);
        assert_eq!(hash_tuple(&[]), 5740354900026072187);
    }
}
