//! How long one keystroke's analysis takes: a typical 300-character note, and a 100 KB paste
//! to show the cost stays linear in length. The `worst_case` group times each of the inputs most
//! likely to be otherwise (`common/worst_cases.rs`) at 100 KB: `analyze` and `suggest`, as the
//! extension calls them. `tests/worst_case.rs` checks that they scale linearly.

use std::time::Duration;

use criterion::{black_box, criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use uncanned::{analyze, suggest, Context, Recipient};

#[path = "common/worst_cases.rs"]
mod worst_cases;

const NOTE_300: &str = "Hi Michael, I enjoyed your panel at SaaStr on usage-based pricing, especially the \
point about seat-based churn. I'm building billing tools for vertical SaaS and would love to compare \
notes some time soon if you are open to it. Sara Lindqvist suggested I reach out. Cheers, Alex 🎉";

fn context() -> Context {
    Context {
        recipient: Some(Recipient {
            first_name: Some("Michael".into()),
            full_name: Some("Michael Stone".into()),
            ..Recipient::default()
        }),
        limit: Some(300),
        ..Context::default()
    }
}

fn bench(c: &mut Criterion) {
    let ctx = context();
    c.bench_function("analyze/300 chars", |b| {
        b.iter(|| analyze(black_box(NOTE_300), &ctx))
    });
    c.bench_function("analyze/canned default", |b| {
        b.iter(|| {
            analyze(
                black_box("I'd like to add you to my professional network on LinkedIn."),
                &ctx,
            )
        })
    });

    let mut group = c.benchmark_group("analyze/paste");
    group.sample_size(20);
    for kb in [10usize, 100] {
        let paste = NOTE_300.repeat(kb * 1024 / NOTE_300.len() + 1);
        group.throughput(Throughput::Bytes(paste.len() as u64));
        group.bench_with_input(
            BenchmarkId::from_parameter(format!("{kb} KB")),
            &paste,
            |b, p| b.iter(|| analyze(black_box(p), &ctx)),
        );
    }
    group.finish();
}

fn worst_case(c: &mut Criterion) {
    let ctx = Context {
        sender_name: Some("Alex Ray".into()),
        ..context()
    };
    let mut group = c.benchmark_group("worst_case");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    for (name, unit) in worst_cases::CASES {
        let note = worst_cases::note(unit, 100 * 1024);
        group.throughput(Throughput::Bytes(note.len() as u64));
        group.bench_with_input(BenchmarkId::new("analyze", name), &note, |b, n| {
            b.iter(|| analyze(black_box(n), &ctx))
        });
        group.bench_with_input(BenchmarkId::new("suggest", name), &note, |b, n| {
            b.iter(|| suggest(black_box(n), &ctx))
        });
    }
    group.finish();
}

criterion_group!(benches, bench, worst_case);
criterion_main!(benches);
