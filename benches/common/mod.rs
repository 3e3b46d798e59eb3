//! Programs shared by the benchmarks.

/// A while loop and a for loop over 100k ints (about 2.4M instructions).
pub const LOOPS: &str = "
def main(n):
    total = 0
    i = 0
    while i < n:
        total = (total + i * i) % 1000003
        i += 1
    for j in range(n):
        total ^= j
    return total
r = main(100000)
assert r >= 0
";
