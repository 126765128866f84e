//! Gathers the phrase lists, message catalogues and rewrite templates into one archive for the
//! engine, without their comments and examples (the examples are for the tests).
//!
//! The archive is plain text: the wasm travels gzipped, and gzip packs this text smaller than
//! a packer of our own did, with nothing to unpack when the engine starts.

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
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("data.txt");
    fs::write(out, archive).expect("OUT_DIR is writable");
}
