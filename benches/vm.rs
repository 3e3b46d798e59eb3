//! VM benchmarks: calls, loops, attribute access, dict and list work.
//! Each program is compiled once; the timed part is one run of the VM.
//! Every program's result is checked before timing.

use criterion::{criterion_group, criterion_main, Criterion};
use sigpy::syntax::SourceFile;
use sigpy::Interpreter;

mod common;
use common::LOOPS;

const CALLS: &str = "
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)
r = fib(18)
assert r == 2584, r
";

const ATTRS: &str = "
class P:
    def __init__(self, x):
        self.x = x
        self.y = 0
    def step(self):
        self.y = self.y + self.x
        return self.y
p = P(3)
i = 0
while i < 50000:
    p.step()
    i += 1
assert p.y == 150000, p.y
";

const CONTAINERS: &str = "
d = {}
lst = []
for i in range(20000):
    k = 'k' + str(i % 500)
    d[k] = d.get(k, 0) + i
    lst.append(i * 2)
lst.sort(key=lambda v: -v)
total = 0
for k in d:
    total += d[k]
assert total == sum(range(20000)), total
assert lst[0] == 39998
";

fn run(src: &str) -> i32 {
    let file = SourceFile::new("<bench>", src);
    let code = sigpy::interp::compile_source(&file).expect("bench program compiles");
    let mut interp = Interpreter::new(vec!["<bench>".into()]);
    interp.run_code(&code)
}

fn bench_vm(c: &mut Criterion) {
    let mut g = c.benchmark_group("vm");
    g.sample_size(20);
    for (name, src) in [
        ("calls_fib18", CALLS),
        ("loops_100k", LOOPS),
        ("attrs_50k", ATTRS),
        ("dict_list_20k", CONTAINERS),
    ] {
        assert_eq!(run(src), 0, "{} must run cleanly before timing", name);
        g.bench_function(name, |b| b.iter(|| run(src)));
    }
    g.finish();
}

criterion_group!(benches, bench_vm);
criterion_main!(benches);
