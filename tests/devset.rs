//! The development set: real invitation notes quoted in public sources (`devset/notes.jsonl`,
//! each with its source; `devset/SOURCES.md` lists them), labelled by the guideline in the
//! README. It was gathered twenty-three times, each time from sources disjoint from the earlier
//! ones; fourteen collections were each split in two by source (`batch` 9 and 10, 11 and 12,
//! 13 and 14, 17's quoted notes and 18, 19 and 20, 22 and 24, 25 and 26, 27 and 28, 30 and
//! 31, 33 and 34, 35 and 36, 37 and 38, 42 and 43, 44 and 45), and the whole in three parts:
//!
//! - **fresh**: batches 10, 12, 14, 18, 20, 24, 26, 28, 31, 34, 36, 38, 43 and 45, the halves
//!   of the last fourteen collections measured blind: their figures are the honest ones, and
//!   no one looks at their notes one by one;
//! - **held-out**: half of batch 2's sources (a fixed hash, so that notes quoted together fall
//!   on one side) and all of batch 3: never looked at note by note, but its figures were seen
//!   while the word lists changed;
//! - **tuning**: everything else, which the word lists and frames were adjusted against
//!   (batches 5, 6 and 8 were each the fresh part until a later batch came; they, batch 7 and
//!   batches 9, 11 and 13 have been read note by note since), batch 15, notes composed for
//!   the set in wordings no list was written from, marked `composed`, and batch 16, a last
//!   search's quoted notes and more composed ones, each run once before it was read, and
//!   batches 17, 19, 21, 22, 23, 25, 27, 29, 30, 32, 33, 35, 37, 39, 40, 41, 42, 44 and 46:
//!   composed notes in up to thirteen languages, and the other halves of eleven new searches'
//!   quoted notes, also run once before they were read.
//!
//! `cargo test --test devset -- --nocapture` prints each part's figures and confusion table;
//! with `UNCANNED_DEVSET_MISSES=1` it also lists the tuning part's misjudged notes (never the
//! others').

use serde::Deserialize;
use uncanned::{analyze, Context, Recipient, Verdict};

#[derive(Deserialize)]
struct Note {
    id: String,
    text: String,
    source: String,
    batch: u8,
    verdict: Verdict,
    #[serde(default)]
    borderline: bool,
    recipient: Option<Recipient>,
}

#[derive(Clone, Copy, PartialEq)]
enum Part {
    Tuning,
    HeldOut,
    Fresh,
}

/// Which part a note falls in: by batch, and a fixed hash of its source, so the split never
/// moves.
fn part(note: &Note) -> Part {
    let mut h: u32 = 0x811c_9dc5;
    for b in note.source.bytes() {
        h = (h ^ b as u32).wrapping_mul(0x0100_0193);
    }
    match note.batch {
        10 | 12 | 14 | 18 | 20 | 24 | 26 | 28 | 31 | 34 | 36 | 38 | 43 | 45 => Part::Fresh,
        3 => Part::HeldOut,
        2 if h.is_multiple_of(2) => Part::HeldOut,
        _ => Part::Tuning,
    }
}

const VERDICTS: [Verdict; 3] = [Verdict::Canned, Verdict::NeedsContext, Verdict::Personal];

fn index(v: Verdict) -> usize {
    VERDICTS.iter().position(|x| *x == v).expect("a verdict")
}

#[derive(Default)]
struct Figures {
    notes: usize,
    /// Rows: the label; columns: the engine's verdict. Borderline notes excluded.
    confusion: [[usize; 3]; 3],
    /// Canned counts include borderline notes, as the guideline asks.
    canned_labelled: usize,
    canned_called: usize,
    canned_both: usize,
}

impl Figures {
    fn add(&mut self, label: Verdict, borderline: bool, got: Verdict) {
        self.notes += 1;
        if !borderline {
            self.confusion[index(label)][index(got)] += 1;
        }
        let (l, g) = (label == Verdict::Canned, got == Verdict::Canned);
        self.canned_labelled += l as usize;
        self.canned_called += g as usize;
        self.canned_both += (l && g) as usize;
    }

    fn accuracy(&self) -> f64 {
        let total: usize = self.confusion.iter().flatten().sum();
        let right: usize = (0..3).map(|i| self.confusion[i][i]).sum();
        right as f64 / total.max(1) as f64
    }

    fn recall(&self) -> f64 {
        self.canned_both as f64 / self.canned_labelled.max(1) as f64
    }

    fn precision(&self) -> f64 {
        self.canned_both as f64 / self.canned_called.max(1) as f64
    }

    fn print(&self, part: &str) {
        println!(
            "{part}: {} notes; canned recall {:.2}, precision {:.2}; 3-way accuracy {:.2} (borderline excluded)",
            self.notes,
            self.recall(),
            self.precision(),
            self.accuracy()
        );
        println!("  label \\ verdict   canned  needs_context  personal");
        for (i, v) in VERDICTS.iter().enumerate() {
            let row = self.confusion[i];
            println!(
                "  {:<16} {:>6} {:>14} {:>9}",
                v.as_str(),
                row[0],
                row[1],
                row[2]
            );
        }
    }
}

#[test]
fn development_set_figures() {
    let notes: Vec<Note> = include_str!("devset/notes.jsonl")
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("bad devset line {l}: {e}")))
        .collect();
    let show_misses = std::env::var_os("UNCANNED_DEVSET_MISSES").is_some();
    let (mut tune, mut held, mut fresh) =
        (Figures::default(), Figures::default(), Figures::default());
    for note in &notes {
        let ctx = Context {
            recipient: note.recipient.clone(),
            ..Context::default()
        };
        let got = analyze(&note.text, &ctx).verdict;
        match part(note) {
            Part::Fresh => fresh.add(note.verdict, note.borderline, got),
            Part::HeldOut => held.add(note.verdict, note.borderline, got),
            Part::Tuning => {
                tune.add(note.verdict, note.borderline, got);
                if show_misses && got != note.verdict {
                    println!(
                        "{} label {}{} got {}: {:?}",
                        note.id,
                        note.verdict.as_str(),
                        if note.borderline { " (borderline)" } else { "" },
                        got.as_str(),
                        note.text
                    );
                }
            }
        }
    }
    tune.print("tuning part");
    held.print("held-out part");
    fresh.print("fresh part");
    assert!(
        fresh.notes >= 852 && held.notes >= 100 && tune.notes >= 4412,
        "the split lost notes"
    );
    // Floors a change must not fall below, a little under what was measured; the figures
    // printed above are the measurement.
    let floors = [
        ("tuning", &tune, 0.91, 0.88, 0.94),
        ("held-out", &held, 0.93, 0.96, 0.83),
        ("fresh", &fresh, 0.86, 0.78, 0.83),
    ];
    for (name, figures, accuracy, recall, precision) in floors {
        assert!(
            figures.accuracy() >= accuracy,
            "{name} accuracy {:.2}",
            figures.accuracy()
        );
        assert!(
            figures.recall() >= recall,
            "{name} canned recall {:.2}",
            figures.recall()
        );
        assert!(
            figures.precision() >= precision,
            "{name} canned precision {:.2}",
            figures.precision()
        );
    }
}
