//! The engine stays linear in the note's length on the inputs most likely to make it otherwise:
//! long runs of line breaks, thousands of template slots, one phrase pasted thousands of times,
//! emoji, a single endless word, punctuation, right-to-left text.
//!
//! Each case (listed in `benches/common/worst_cases.rs`, which the `worst_case` benchmark shares)
//! is checked at about 100 KB for panics and spans outside the note, then timed at about 25 KB
//! and 100 KB (and 50 KB, printed for the record). Linear work grows about 4× from one to the
//! other and quadratic work 16×; the test fails above 12×. Each time is the fastest of several
//! runs, each run repeating the call for a few milliseconds; the sizes are timed in turn and the
//! cases one at a time, and a case fails only if it is over the bound three measurements in a
//! row, so a busy machine does not fail the test. `cargo test --release --test worst_case --
//! --nocapture` shows the times.

use std::sync::Mutex;
use std::time::{Duration, Instant};

use common::{assert_report_sound, assert_span};
use uncanned::{analyze, suggest, Context, Recipient, Report, Suggestion};

mod common;
#[path = "../benches/common/worst_cases.rs"]
mod worst_cases;
use worst_cases::{note, CASES};

/// Bytes of the smallest size; the largest is four times this.
const BASE: usize = 25 * 1024;
/// Quadratic work would give 16 from 1× to 4×, linear 4.
const MAX_RATIO: f64 = 12.0;
/// Runs at each size, the fastest counting; fewer where every call is slow.
const RUNS: usize = if cfg!(debug_assertions) { 3 } else { 5 };
/// Measurements of a case before it fails.
const ATTEMPTS: usize = 3;

/// Timing two cases at once on two cores would make each the other's noise.
static TIMING: Mutex<()> = Mutex::new(());

fn context() -> Context {
    Context {
        recipient: Some(Recipient {
            first_name: Some("Sam".into()),
            full_name: Some("Sam Okafor".into()),
            company: Some("Globex".into()),
            ..Recipient::default()
        }),
        limit: Some(300),
        sender_name: Some("Alex Ray".into()),
        sender_role: Some("Product designer at Acme".into()),
        ..Context::default()
    }
}

fn assert_suggestions_sound(list: &[Suggestion]) {
    for s in list {
        let units: Vec<u16> = s.text.encode_utf16().collect();
        for &slot in &s.slots {
            assert_span(&units, slot, &s.intent);
        }
    }
}

/// What one keystroke costs the extension: the report and the rewrites.
fn run(note: &str, ctx: &Context) -> (Report, Vec<Suggestion>) {
    (analyze(note, ctx), suggest(note, ctx))
}

/// One run: the call repeated until it has taken a few milliseconds, per call.
fn once(note: &str, ctx: &Context) -> Duration {
    let start = Instant::now();
    let mut n = 0u32;
    while n == 0 || start.elapsed() < Duration::from_millis(5) {
        std::hint::black_box(run(std::hint::black_box(note), ctx));
        n += 1;
    }
    start.elapsed() / n
}

/// The fastest of `RUNS` runs at each size, the sizes taken in turn so that a moment of load
/// on the machine slows all of them rather than one.
fn times(notes: &[String], ctx: &Context) -> Vec<Duration> {
    let mut best = vec![Duration::MAX; notes.len()];
    for _ in 0..RUNS {
        for (b, note) in best.iter_mut().zip(notes) {
            *b = (*b).min(once(note, ctx));
        }
    }
    best
}

fn ms(d: Duration) -> String {
    format!("{:9.3} ms", d.as_secs_f64() * 1e3)
}

/// Checks one case at ~100 KB for soundness, then its growth from ~25 KB to ~100 KB.
fn linear(name: &str, unit: &str) {
    let ctx = context();
    // 50 KB is only for the record; unoptimised builds skip it to keep `cargo test` quick.
    let sizes: &[usize] = if cfg!(debug_assertions) {
        &[1, 4]
    } else {
        &[1, 2, 4]
    };
    let notes: Vec<String> = sizes.iter().map(|k| note(unit, k * BASE)).collect();
    let largest = &notes[notes.len() - 1];

    let _one_at_a_time = TIMING.lock().unwrap_or_else(|e| e.into_inner());
    let (report, list) = run(largest, &ctx);
    assert_report_sound(largest, &report);
    assert_suggestions_sound(&list);

    let mut worst = 0.0f64;
    // Noise can only make one measurement look superlinear; quadratic work does so every time.
    for _ in 0..ATTEMPTS {
        let t = times(&notes, &ctx);
        let (small, large) = (t[0], t[t.len() - 1]);
        let ratio = large.as_secs_f64() / small.as_secs_f64().max(1e-9);
        let middle = if t.len() == 3 {
            ms(t[1])
        } else {
            format!("{:>12}", "-")
        };
        eprintln!(
            "worst_case {name:<22} 25 KB {} | 50 KB {middle} | 100 KB {} | 100/25 ×{ratio:.1}",
            ms(small),
            ms(large),
        );
        if ratio < MAX_RATIO {
            return;
        }
        worst = ratio;
    }
    panic!("{name}: 4× the text took {worst:.1}× the time: not linear");
}

#[test]
fn every_case_is_listed_once() {
    for (i, (name, _)) in CASES.iter().enumerate() {
        assert!(CASES[..i].iter().all(|(n, _)| n != name), "{name} twice");
    }
}

macro_rules! cases {
    ($($test:ident => $name:literal),* $(,)?) => {
        $(
            #[test]
            fn $test() {
                let unit = CASES
                    .iter()
                    .find(|(n, _)| *n == $name)
                    .map(|(_, u)| *u)
                    .expect($name);
                linear($name, unit);
            }
        )*
        #[test]
        fn every_case_has_a_test() {
            let tested = [$($name),*];
            for (name, _) in CASES {
                assert!(tested.contains(name), "{name} has no test");
            }
        }
    };
}

cases! {
    newlines => "newlines",
    crlf => "crlf",
    paragraph_breaks => "paragraph breaks",
    lines_of_a_word => "lines of a word",
    lower_case_lines => "lower-case lines",
    slots_square => "slots [Name]",
    slots_curly => "slots {first_name}",
    slots_angle => "slots <Company>",
    slots_double_curly => "slots {{company}}",
    slots_percent => "slots %ROLE%",
    slots_mixed => "slots mixed",
    phrase_repeated => "phrase repeated",
    canned_with_slots => "canned with slots",
    phrase_without_stops => "phrase without stops",
    context_cue_repeated => "context cue repeated",
    slot_cue_repeated => "slot cue repeated",
    seen_repeated => "seen repeated",
    canned_then_cue => "canned then cue",
    generic_then_cue => "generic then cue",
    shared_repeated => "shared repeated",
    job_tie_repeated => "job tie repeated",
    emoji => "emoji",
    emoji_zwj => "emoji zwj",
    one_word_ascii => "one word ascii",
    one_word_accented => "one word accented",
    one_word_hyphenated => "one word hyphenated",
    punctuation => "punctuation",
    full_stops => "full stops",
    open_brackets => "open brackets",
    open_braces => "open braces",
    angle_brackets => "angle brackets",
    percent_signs => "percent signs",
    spaces => "spaces",
    right_to_left => "right-to-left mixed",
    han_run => "han run",
    thai_run => "thai run",
}
