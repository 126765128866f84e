//! Packs the phrase lists, message catalogues and rewrite templates into one compressed archive for the engine.
//!
//! Comments and examples are dropped (the examples are for the tests), and the rest is
//! compressed with a small LZ77 followed by a byte-wise Huffman code, whose decoders are a few
//! dozen lines in `src/data.rs`: the text is a third of the wasm otherwise, and every byte of it
//! ships to every user.

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
    fs::write(out, huffman(&compress(archive.as_bytes()))).expect("OUT_DIR is writable");
}

/// Canonical Huffman over bytes: the input's length (u32 LE), 256 code lengths, then the codes
/// packed most significant bit first.
fn huffman(input: &[u8]) -> Vec<u8> {
    let mut freq = [0u64; 256];
    for &b in input {
        freq[b as usize] += 1;
    }
    let lengths = loop {
        let lengths = code_lengths(&freq);
        if lengths.iter().all(|&l| l <= 24) {
            break lengths;
        }
        // Too deep for the decoder's 32-bit codes: flatten the distribution and try again.
        freq.iter_mut()
            .filter(|f| **f > 0)
            .for_each(|f| *f = f.div_ceil(2));
    };
    let codes = canonical_codes(&lengths);
    let mut out = (input.len() as u32).to_le_bytes().to_vec();
    out.extend_from_slice(&lengths);
    let (mut acc, mut bits) = (0u64, 0u32);
    for &b in input {
        let (code, len) = (codes[b as usize], lengths[b as usize] as u32);
        acc = (acc << len) | code as u64;
        bits += len;
        while bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    if bits > 0 {
        out.push((acc << (8 - bits)) as u8);
    }
    out
}

/// A Huffman tree node: its weight, its two children (none for a leaf), and a leaf's symbol.
type Node = (u64, Option<(usize, usize)>, usize);

fn code_lengths(freq: &[u64; 256]) -> [u8; 256] {
    // Merge the two lightest nodes until one tree is left.
    let mut nodes: Vec<Node> = (0..256)
        .filter(|&s| freq[s] > 0)
        .map(|s| (freq[s], None, s))
        .collect();
    let mut live: Vec<usize> = (0..nodes.len()).collect();
    while live.len() > 1 {
        live.sort_by_key(|&i| std::cmp::Reverse(nodes[i].0));
        let (a, b) = (
            live.pop().expect("two nodes"),
            live.pop().expect("two nodes"),
        );
        nodes.push((nodes[a].0 + nodes[b].0, Some((a, b)), 0));
        live.push(nodes.len() - 1);
    }
    let mut lengths = [0u8; 256];
    let mut stack: Vec<(usize, u8)> = live.into_iter().map(|root| (root, 0)).collect();
    while let Some((i, depth)) = stack.pop() {
        match nodes[i].1 {
            Some((a, b)) => {
                stack.push((a, depth + 1));
                stack.push((b, depth + 1));
            }
            // A lone symbol still needs one bit.
            None => lengths[nodes[i].2] = depth.max(1),
        }
    }
    lengths
}

/// Codes assigned in order of (length, symbol), as `src/data.rs` rebuilds them.
fn canonical_codes(lengths: &[u8; 256]) -> [u32; 256] {
    let mut order: Vec<usize> = (0..256).filter(|&s| lengths[s] > 0).collect();
    order.sort_by_key(|&s| (lengths[s], s));
    let mut codes = [0u32; 256];
    let (mut code, mut prev_len) = (0u32, 0u8);
    for s in order {
        code <<= lengths[s] - prev_len;
        codes[s] = code;
        code += 1;
        prev_len = lengths[s];
    }
    codes
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
