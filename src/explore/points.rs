//! Which instruction counts `sigpy explore` injects at: every point of a
//! range, a stride, or a seeded sample, always ascending.

use super::options::PointSpec;

/// The injection points for a script of `icount` instructions: `SIG@N`
/// lands after instruction N, so every point is 0 (before the first) to
/// `icount - 1` (before the last).
pub fn select(spec: &PointSpec, icount: u64) -> Vec<u64> {
    let (from, to) = range(spec, icount);
    if icount == 0 && spec.to.is_none() || from > to {
        return Vec::new();
    }
    if let Some(n) = spec.sample {
        return sample(from, to, n, spec.seed.unwrap_or(0));
    }
    let step = spec.every.unwrap_or(1) as usize;
    (from..=to).step_by(step).collect()
}

/// The first and last point to consider.
pub fn range(spec: &PointSpec, icount: u64) -> (u64, u64) {
    let from = spec.from.unwrap_or(0);
    let to = spec.to.unwrap_or(icount.saturating_sub(1));
    (from, to)
}

/// `n` distinct points of `from..=to` drawn with a seeded generator
/// (Floyd's algorithm: `n` draws, no table of the whole range).
fn sample(from: u64, to: u64, n: u64, seed: u64) -> Vec<u64> {
    let span = to - from + 1;
    if n >= span {
        return (from..=to).collect();
    }
    let mut rng = SplitMix64(seed);
    let mut chosen = std::collections::BTreeSet::new();
    for j in span - n..span {
        let t = rng.below(j + 1);
        if !chosen.insert(t) {
            chosen.insert(j);
        }
    }
    chosen.into_iter().map(|k| from + k).collect()
}

/// SplitMix64: a tiny generator whose output depends only on the seed,
/// so `--sample N --seed S` picks the same points on every machine.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number below `bound` (> 0), without modulo bias.
    fn below(&mut self, bound: u64) -> u64 {
        let zone = u64::MAX - u64::MAX % bound;
        loop {
            let x = self.next();
            if x < zone {
                return x % bound;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(f: impl FnOnce(&mut PointSpec)) -> PointSpec {
        let mut s = PointSpec::default();
        f(&mut s);
        s
    }

    #[test]
    fn test_every_point_and_stride() {
        assert_eq!(select(&PointSpec::default(), 4), [0, 1, 2, 3]);
        assert!(select(&PointSpec::default(), 0).is_empty());
        assert_eq!(select(&spec(|s| s.every = Some(3)), 10), [0, 3, 6, 9]);
        let s = spec(|s| {
            s.from = Some(5);
            s.to = Some(9);
            s.every = Some(2);
        });
        assert_eq!(select(&s, 100), [5, 7, 9]);
        assert!(select(&spec(|s| s.from = Some(20)), 10).is_empty());
    }

    #[test]
    fn test_sample_is_seeded_distinct_and_in_range() {
        let s = |seed| {
            spec(|s| {
                s.sample = Some(10);
                s.seed = Some(seed);
                s.from = Some(100);
            })
        };
        let a = select(&s(7), 1000);
        assert_eq!(a, select(&s(7), 1000));
        assert_ne!(a, select(&s(8), 1000));
        assert_eq!(a.len(), 10);
        assert!(a.windows(2).all(|w| w[0] < w[1]));
        assert!(a.iter().all(|p| (100..=1000).contains(p)));
        assert_eq!(select(&s(1), 105), [100, 101, 102, 103, 104]);
    }
}
