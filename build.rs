//! Packs the phrase lists, message catalogues and rewrite templates into one compressed archive for the engine.
//!
//! Comments and examples are dropped (the examples are for the tests), and the rest is
//! compressed with a small LZ77 whose decoder is a few dozen lines in `src/data.rs`: the text
//! is a third of the wasm otherwise, and every byte of it ships to every user.

use std::collections::HashMap;
use std::{env, fs, path::Path};

const FOLDERS: [&str; 3] = ["src/phrases", "src/messages", "src/suggestions"];

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
                .filter(|l| {
                    !(l.is_empty()
                        || l.starts_with('#')
                        || l.starts_with('>')
                        || l.starts_with("!>"))
                })
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
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("data.lz");
    fs::write(out, compress(archive.as_bytes())).expect("OUT_DIR is writable");
}

/// Greedy LZ77. A control byte below 128 starts a run of `c + 1` literal bytes; from 128 up it
/// copies `(c & 127) + 3` bytes from `offset` back, a little-endian u16 that follows.
fn compress(input: &[u8]) -> Vec<u8> {
    const MIN: usize = 3;
    const MAX: usize = 127 + MIN;
    let mut out = Vec::with_capacity(input.len() / 2);
    let mut literals: Vec<u8> = Vec::new();
    let mut seen: HashMap<[u8; 3], Vec<usize>> = HashMap::new();
    let flush = |literals: &mut Vec<u8>, out: &mut Vec<u8>| {
        for chunk in literals.chunks(128) {
            out.push(chunk.len() as u8 - 1);
            out.extend_from_slice(chunk);
        }
        literals.clear();
    };
    let mut i = 0;
    while i < input.len() {
        let mut best = (0, 0);
        if i + MIN <= input.len() {
            let key = [input[i], input[i + 1], input[i + 2]];
            for &start in seen.get(&key).into_iter().flatten().rev().take(256) {
                if i - start > u16::MAX as usize {
                    break;
                }
                let len = input[start..]
                    .iter()
                    .zip(&input[i..])
                    .take(MAX)
                    .take_while(|(a, b)| a == b)
                    .count();
                if len > best.0 {
                    best = (len, i - start);
                }
            }
        }
        let step = if best.0 >= MIN {
            flush(&mut literals, &mut out);
            out.push(128 | (best.0 - MIN) as u8);
            out.extend_from_slice(&(best.1 as u16).to_le_bytes());
            best.0
        } else {
            literals.push(input[i]);
            1
        };
        for j in i..i + step {
            if j + MIN <= input.len() {
                seen.entry([input[j], input[j + 1], input[j + 2]])
                    .or_default()
                    .push(j);
            }
        }
        i += step;
    }
    flush(&mut literals, &mut out);
    out
}
