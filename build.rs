//! Gathers the rewrite templates into one archive for the engine, without their comments and
//! examples (the examples are for the tests), and parses the phrase lists into the tables the
//! engine matches with and the message catalogues into sorted tables, so that it does not
//! parse them at start-up.
//!
//! The archive is plain text: the wasm travels gzipped, and gzip packs this text smaller than
//! a packer of our own did, with nothing to unpack when the engine starts. The pattern sets
//! are written as Rust (`tables.rs`): each file's patterns as one array of numbers the matcher
//! reads where it lies. The vocabulary, the lexicon's prefixes and the misspellings are a
//! snapshot (`src/snapshot.rs`), and the lexicon's tables by word arrays used in place.

use std::{env, fs, path::Path};

// The engine's own parser, so the tables it builds are the ones the lists always made.
#[allow(dead_code)]
#[path = "src/languages.rs"]
mod languages;
#[allow(dead_code)]
#[path = "src/lexicon.rs"]
mod lexicon;
#[allow(dead_code, unused_imports)]
#[path = "src/pattern/mod.rs"]
mod pattern;
#[allow(dead_code)]
#[path = "src/report.rs"]
mod report;
#[allow(dead_code)]
#[path = "src/snapshot.rs"]
mod snapshot;
#[allow(dead_code)]
#[path = "src/text.rs"]
mod text;

use report::Span;

/// The phrase lists and the messages are shipped parsed (see `phrases()` and `messages()`),
/// the rewrites as text.
const FOLDERS: [&str; 1] = ["src/suggestions"];

fn main() {
    let mut archive = String::new();
    for dir in FOLDERS {
        println!("cargo:rerun-if-changed={dir}");
        let mut paths: Vec<_> = fs::read_dir(dir)
            .unwrap_or_else(|e| panic!("{dir}: {e}"))
            .map(|entry| entry.expect("readable directory entry").path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        paths.sort();
        for path in paths {
            let text =
                fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let kept: Vec<&str> = text
                .lines()
                .map(str::trim)
                .filter(|l| !is_note(l))
                .collect();
            let folder = Path::new(dir)
                .file_name()
                .and_then(|f| f.to_str())
                .expect("a folder name");
            let name = path
                .file_name()
                .and_then(|f| f.to_str())
                .expect("a file name");
            // A NUL never occurs in the text, so it can frame the files.
            archive.push_str(&format!("{folder}/{name}\0{}\0", kept.join("\n")));
        }
    }
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).to_path_buf();
    fs::write(out.join("data.txt"), archive).expect("OUT_DIR is writable");
    phrases(&out);
    messages(&out);
}

/// Whether a trimmed line is for people or the tests only: empty, a comment or an example.
fn is_note(line: &str) -> bool {
    line.is_empty() || line.starts_with('#') || line.starts_with('>') || line.starts_with("!>")
}

/// Each language's `key = text` lines, in the order of `languages::LANGUAGES`, as the
/// catalogues `src/messages.rs` looks messages up in: sorted by key, a key written twice
/// taking its last text, and a key a translation lacks taking English's.
fn messages(out: &Path) {
    println!("cargo:rerun-if-changed=src/messages");
    println!("cargo:rerun-if-changed=src/languages.rs");
    let mut english = std::collections::BTreeMap::new();
    let mut catalogues = Vec::new();
    for lang in languages::LANGUAGES {
        let path = format!("src/messages/{lang}.txt");
        let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let mut entries = english.clone();
        for line in text.lines().map(str::trim).filter(|l| !is_note(l)) {
            if let Some((key, message)) = line.split_once('=') {
                entries.insert(key.trim().to_string(), message.trim().to_string());
            }
        }
        if english.is_empty() {
            english = entries.clone();
        }
        let mut text = String::new();
        for (key, message) in &entries {
            assert!(!key.contains('='), "{path}: a key holds no =");
            text.push_str(&format!("{key}={message}\n"));
        }
        text.pop();
        assert!(
            text.len() < 1 << 16,
            "{path}: a catalogue's offsets fit 16 bits"
        );
        catalogues.push(format!("Catalogue::built({text:?})"));
    }
    let source = format!(
        "pub static CATALOGUES: [Catalogue; {}] = [{}];\n",
        catalogues.len(),
        catalogues.join(",\n")
    );
    fs::write(out.join("messages.rs"), source).expect("OUT_DIR is writable");
}

/// Parses the phrase lists as `Phrases::load` does, in the same order so that every word gets
/// the same id, and writes the tables as `Phrases::frozen` reads them.
fn phrases(out: &Path) {
    println!("cargo:rerun-if-changed=src/phrases");
    for module in [
        "src/report.rs",
        "src/text.rs",
        "src/pattern",
        "src/lexicon.rs",
        "src/snapshot.rs",
    ] {
        println!("cargo:rerun-if-changed={module}");
    }
    let read = |name: &str| -> &'static str {
        let path = format!("src/phrases/{name}");
        let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        Box::leak(text.into_boxed_str())
    };
    let fail = |name: &'static str| {
        move |e: pattern::DataError| -> ! { panic!("src/phrases/{name}:{}: {}", e.line, e.what) }
    };
    let parse_all = |mut words: pattern::Words| {
        let mut sets = Vec::new();
        for name in ["canned.txt", "context.txt", "greetings.txt"] {
            let set =
                pattern::Builder::parse(read(name), &mut words).unwrap_or_else(|e| fail(name)(e));
            sets.push(set);
        }
        let lexicon = lexicon::Lexicon::parse(read("lexicon.txt"), &mut words)
            .unwrap_or_else(|e| fail("lexicon.txt")(e));
        let misspellings = lexicon::parse_misspellings(read("misspellings.txt"), &mut words)
            .unwrap_or_else(|e| fail("misspellings.txt")(e));
        (words, sets, lexicon, misspellings)
    };
    // Once for the vocabulary, then again with its words numbered in byte order, as the
    // engine's search wants them.
    let (first, ..) = parse_all(pattern::Words::with_capacity(6_000));
    let (words, sets, lexicon, misspellings) = parse_all(first.in_sorted_order());
    let mut w = snapshot::Writer::default();
    // First, so that a word's string index is its id.
    words.encode(&mut w);
    lexicon.encode(&mut w);
    let corrections: Vec<_> = misspellings
        .iter()
        .enumerate()
        .filter_map(|(id, m)| m.map(|right| (id, w.index_of(right))))
        .collect();
    w.sparse(corrections);
    let (classes, flags) = lexicon.tables(words.len());
    let narrow = |t: &[u8]| t.iter().map(|&x| x as usize).collect::<Vec<_>>();
    let mut tables = vec![
        snapshot::array_source("WORD_CLASSES", "u8", narrow(&classes)),
        snapshot::array_source("WORD_FLAGS", "u8", narrow(&flags)),
    ];
    for (set, name) in sets.into_iter().zip(["canned", "context", "greetings"]) {
        tables.push(set.source(name));
    }
    fs::write(out.join("phrases.bin"), &w.bytes).expect("OUT_DIR is writable");
    fs::write(out.join("phrases.txt"), w.front_coded()).expect("OUT_DIR is writable");
    fs::write(out.join("tables.rs"), tables.concat()).expect("OUT_DIR is writable");
}
