//! The inputs most likely to make the engine slower than linear in the note's length, shared
//! by `benches/analyze.rs` (group `worst_case`) and `tests/worst_case.rs`.
//!
//! Each case is a unit of text repeated to size: long runs of line breaks, thousands of template
//! slots, one phrase or context cue pasted thousands of times, emoji, a single endless word,
//! punctuation, right-to-left text.

pub const CASES: &[(&str, &str)] = &[
    ("newlines", "\n"),
    ("crlf", "\r\n"),
    ("paragraph breaks", "\u{2029}"),
    ("lines of a word", "Hi\n"),
    ("lower-case lines", "hi\n\n"),
    ("slots [Name]", "[Name] "),
    ("slots {first_name}", "{first_name} "),
    ("slots <Company>", "<Company> "),
    ("slots {{company}}", "{{company}} "),
    ("slots %ROLE%", "%ROLE% "),
    ("slots mixed", "Hi [Name], {first_name} at <Company>! "),
    (
        "phrase repeated",
        "I'd like to add you to my professional network on LinkedIn. ",
    ),
    (
        "phrase without stops",
        "I'd like to add you to my professional network on LinkedIn ",
    ),
    (
        "canned with slots",
        "I'd like to add you to my professional network on LinkedIn. [Name] met [Name] at [event].\n",
    ),
    ("context cue repeated", "We met at RustConf. "),
    ("slot cue repeated", "Great seeing your [talk] at [event]. "),
    ("seen repeated", "I noticed your work on Flink at Acme, thanks for the update. "),
    (
        "canned then cue",
        "I'd like to add you to my professional network on LinkedIn. We met at RustConf. ",
    ),
    ("generic then cue", "Let's connect! We met at RustConf. "),
    // Every sentence says the two share something, beside a name, with no frame.
    ("shared repeated", "Pracowaliśmy razem w ING, 2019. "),
    // Every sentence a job asked of the reader that names nothing sought.
    ("job tie repeated", "Please keep me in mind. "),
    ("emoji", "🎉"),
    ("emoji zwj", "👩\u{200D}👩\u{200D}👧 "),
    ("one word ascii", "a"),
    ("one word accented", "é"),
    ("one word hyphenated", "so-"),
    ("punctuation", "!?.,;:-()"),
    ("full stops", "."),
    ("open brackets", "["),
    ("open braces", "{{"),
    ("angle brackets", "<"),
    ("percent signs", "%"),
    ("spaces", " "),
    // One run of a script written without spaces, split into the listed words it holds and
    // the characters no listed word covers.
    ("han run", "我想把您加入上海的产品大会网络"),
    ("thai run", "ผมอยากเชื่อมต่อกับคุณกรุงเทพนักออกแบบ"),
    (
        "right-to-left mixed",
        "مرحبا، أود إضافتك إلى شبكتي المهنية. \u{200F}Hello שלום עולם \u{202E}abc\u{202C} ",
    ),
];

/// `unit` repeated to at least `bytes` bytes.
pub fn note(unit: &str, bytes: usize) -> String {
    unit.repeat(bytes.div_ceil(unit.len()))
}
