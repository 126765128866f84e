//! The small phrase language the data files in `src/phrases/` are written in.
//!
//! One pattern a line, words separated by spaces and written as they fold (lower case, no
//! accents, contractions spelled out: "i would", never "i'd"):
//!
//! | syntax        | matches                                              |
//! |---------------|------------------------------------------------------|
//! | `word`        | that word (with `~` on the section: one typo allowed) |
//! | `a\|b\|c`     | any one of the words                                 |
//! | `connect*`    | any word starting with "connect"                     |
//! | `[x y]`       | `x y`, or nothing                                    |
//! | `[a\|b c]`    | `a c`, `b c` or nothing: `\|` outside `()` joins words |
//! | `[(x y\|z)]`   | `x y`, `z`, or nothing                               |
//! | `(x y \| z)`  | `x y` or `z`                                         |
//! | `...`         | up to four words of anything                         |
//! | `NAME`        | one to three capitalised words, or a template slot  |
//! | `*`           | any one word                                         |
//!
//! A file is split into sections by `== label` lines (`== label ~` allows typos). Lines starting
//! with `>` are examples the section must find, `!>` examples it must not; a unit test checks
//! every one, so a phrase and its test are added together.
//!
//! By stage: `syntax` is what a line becomes, `parser` makes it, `matcher` tries one pattern at
//! one position, `set` runs a file's patterns over a sentence, `words` numbers the vocabulary.

mod matcher;
mod parser;
pub mod recall;
mod set;
mod syntax;
mod words;

pub use parser::DataError;
pub use parser::Section;
// `Builder` for `build.rs`, which writes the sets as Rust.
#[allow(unused_imports)]
pub use set::{Builder, PatternSet, Present};
pub use syntax::Hit;
pub(crate) use words::fnv1a;
pub use words::Words;

/// A `&'static` value built on first use and kept for the program's life. The wasm has one
/// thread, and a lock there brings its poisoning and its panics (with the caches' locks, 0.6
/// KiB of the gzipped wasm); a value each thread builds once is all it needs. Natively, tests
/// run on many threads: one value for all.
#[cfg(target_arch = "wasm32")]
macro_rules! built_once {
    ($ty:ty, $init:expr) => {{
        thread_local!(static CELL: std::cell::OnceCell<&'static $ty> = const { std::cell::OnceCell::new() });
        // A thread's cells are gone only as it ends, which the wasm's one thread never does.
        CELL.try_with(|cell| *cell.get_or_init(|| Box::leak(Box::new($init))))
            .unwrap_or_else(|_| std::process::abort())
    }};
}
#[cfg(not(target_arch = "wasm32"))]
macro_rules! built_once {
    ($ty:ty, $init:expr) => {{
        static CELL: std::sync::OnceLock<$ty> = std::sync::OnceLock::new();
        CELL.get_or_init(|| $init)
    }};
}
pub(crate) use built_once;

/// A cache the engine writes as it reads: behind a lock natively, where tests share it between
/// threads; in a plain cell in the wasm, which has one thread and where a lock's poisoning
/// brings its panics.
#[cfg(target_arch = "wasm32")]
pub type Cache<T> = std::cell::RefCell<T>;
#[cfg(not(target_arch = "wasm32"))]
pub type Cache<T> = std::sync::Mutex<T>;

/// The cache's contents to change, or none if it is in use.
#[cfg(target_arch = "wasm32")]
pub fn open<T>(cache: &Cache<T>) -> Option<std::cell::RefMut<'_, T>> {
    cache.try_borrow_mut().ok()
}
#[cfg(not(target_arch = "wasm32"))]
pub fn open<T>(cache: &Cache<T>) -> Option<std::sync::MutexGuard<'_, T>> {
    cache.lock().ok()
}
