//! The languages the engine writes in: the sender's messages (`src/messages/<lang>.txt`) and
//! the rewrites (`src/suggestions/<lang>.txt`, told apart by `src/suggestions/cues.txt`). One
//! list, so that a language added for one is noticed by the other's tests.

/// English first: it is the fallback for a missing message and for an unknown tag.
pub const LANGUAGES: [&str; 5] = ["en", "de", "fr", "es", "pt"];

/// Where a tag such as `de` or `pt-BR` sits in [`LANGUAGES`]; English's place when it is none
/// of them, since a message in English beats no message.
pub fn index(tag: &str) -> usize {
    // Bytes, not a split by two characters: that search would be code of its own in the wasm.
    let base_len = tag.bytes().take_while(|&b| b != b'-' && b != b'_').count();
    let base = tag.get(..base_len).unwrap_or("en");
    LANGUAGES
        .iter()
        .position(|code| code.eq_ignore_ascii_case(base))
        .unwrap_or(0)
}
