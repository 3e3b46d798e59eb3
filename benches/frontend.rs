//! Front-end benchmarks: lex, lex + parse, compile and the whole front end
//! (source text to code object) on `benches/corpus/large.py`, a realistic
//! ~2000-line program (regenerate it with `benches/corpus/make_large.py`).
//! Throughput is reported in bytes of source. Every stage's result is checked
//! before timing.

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use sigpy::compile::compile_module;
use sigpy::syntax::lexer::lex;
use sigpy::syntax::parser::parse_module;
use sigpy::syntax::SourceFile;

const LARGE: &str = include_str!("corpus/large.py");

fn bench_frontend(c: &mut Criterion) {
    let file = SourceFile::new("large.py", LARGE);
    let tokens = lex(LARGE).expect("large.py lexes");
    assert!(
        tokens.len() > 10_000,
        "large.py gave only {} tokens",
        tokens.len()
    );
    let module = parse_module(&file).expect("large.py parses");
    assert!(
        !module.body.is_empty(),
        "large.py parsed to an empty module"
    );
    compile_module(&module, &file).expect("large.py compiles");

    let mut g = c.benchmark_group("frontend");
    g.throughput(Throughput::Bytes(LARGE.len() as u64));
    g.sample_size(30);
    g.bench_function("lex", |b| b.iter(|| lex(black_box(LARGE)).unwrap()));
    g.bench_function("lex_parse", |b| {
        b.iter(|| parse_module(black_box(&file)).unwrap())
    });
    g.bench_function("compile", |b| {
        b.iter(|| compile_module(black_box(&module), &file).unwrap())
    });
    g.bench_function("lex_parse_compile", |b| {
        b.iter(|| {
            let module = parse_module(black_box(&file)).unwrap();
            compile_module(&module, &file).unwrap()
        })
    });
    g.finish();
}

criterion_group!(benches, bench_frontend);
criterion_main!(benches);
