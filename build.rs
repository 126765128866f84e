//! Copies the phrase lists and message catalogues into the build without their comments and
//! examples: the examples are for the tests, and every byte here ships in the wasm.

use std::{env, fs, path::Path};

fn main() {
    let out = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    for dir in ["src/phrases", "src/messages"] {
        println!("cargo:rerun-if-changed={dir}");
        let entries = fs::read_dir(dir).unwrap_or_else(|e| panic!("{dir}: {e}"));
        for entry in entries {
            let path = entry.expect("readable directory entry").path();
            if path.extension().is_none_or(|e| e != "txt") {
                continue;
            }
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
            let name = path.file_name().expect("a file name");
            let sub = Path::new(&out).join(Path::new(dir).file_name().expect("a folder name"));
            fs::create_dir_all(&sub).expect("OUT_DIR is writable");
            fs::write(sub.join(name), kept.join("\n") + "\n").expect("OUT_DIR is writable");
        }
    }
}
