//! How many terminal columns a character of a note takes, and what is printed for it.
//!
//! Carets only line up if every character before them is counted the way the terminal draws it.
//! Notes are full of emoji, names in other scripts and pasted control characters, so a byte or
//! `char` count is not enough; a full Unicode width table is more than a diagnostic needs. The
//! tables below follow East Asian Width (W/F) and the emoji presentation ranges, and treat
//! non-spacing marks and format characters as zero-width, as `wcwidth` does.

const ZWJ: char = '\u{200D}';

/// The columns a tab is expanded to, as rustc does, so that carets do not depend on tab stops.
const TAB: &str = "    ";

/// Columns `c` takes when drawn after `prev`.
pub fn char_width(c: char, prev: Option<char>) -> usize {
    // An emoji joined to the previous one is drawn inside the same glyph (👩‍💻).
    if prev == Some(ZWJ) && in_table(c, WIDE) {
        return 0;
    }
    // A skin-tone modifier changes the emoji before it; alone it is a wide colour swatch.
    if ('\u{1F3FB}'..='\u{1F3FF}').contains(&c) {
        return if prev.is_some_and(|p| in_table(p, WIDE)) {
            0
        } else {
            2
        };
    }
    match shown(c) {
        Shown::Tab => TAB.len(),
        Shown::Replaced(_) => 1,
        Shown::AsIs if in_table(c, ZERO) => 0,
        Shown::AsIs if in_table(c, WIDE) => 2,
        Shown::AsIs => 1,
    }
}

/// Columns `s` takes.
#[cfg(test)]
pub fn str_width(s: &str) -> usize {
    let mut prev = None;
    s.chars()
        .map(|c| {
            let w = char_width(c, prev);
            prev = Some(c);
            w
        })
        .sum()
}

/// Appends what is printed for `c`: itself, unless it would move the cursor, ring a bell or
/// reorder the line (bidi controls could make the terminal show the carets under other words).
pub fn push_shown(out: &mut String, c: char) {
    match shown(c) {
        Shown::Tab => out.push_str(TAB),
        Shown::Replaced(r) => out.push(r),
        Shown::AsIs => out.push(c),
    }
}

enum Shown {
    AsIs,
    Tab,
    Replaced(char),
}

fn shown(c: char) -> Shown {
    match c {
        '\t' => Shown::Tab,
        // C0 controls have visible "control pictures" at U+2400 + code.
        '\0'..='\u{1F}' => Shown::Replaced(char::from_u32(0x2400 + c as u32).unwrap_or('\u{FFFD}')),
        '\u{7F}' => Shown::Replaced('\u{2421}'),
        '\u{80}'..='\u{9F}'
        | '\u{61C}'
        | '\u{200E}'
        | '\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2066}'..='\u{2069}' => Shown::Replaced('\u{FFFD}'),
        _ => Shown::AsIs,
    }
}

fn in_table(c: char, table: &[(u32, u32)]) -> bool {
    let c = c as u32;
    table
        .binary_search_by(|&(lo, hi)| {
            if hi < c {
                std::cmp::Ordering::Less
            } else if lo > c {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

/// Non-spacing and enclosing marks, zero-width format characters, variation selectors and
/// Hangul medial/final jamo: drawn on the character before them.
const ZERO: &[(u32, u32)] = &[
    (0x0300, 0x036F),
    (0x0483, 0x0489),
    (0x0591, 0x05BD),
    (0x05BF, 0x05BF),
    (0x05C1, 0x05C2),
    (0x05C4, 0x05C5),
    (0x05C7, 0x05C7),
    (0x0610, 0x061A),
    (0x064B, 0x065F),
    (0x0670, 0x0670),
    (0x06D6, 0x06DC),
    (0x06DF, 0x06E4),
    (0x06E7, 0x06E8),
    (0x06EA, 0x06ED),
    (0x0711, 0x0711),
    (0x0730, 0x074A),
    (0x07A6, 0x07B0),
    (0x07EB, 0x07F3),
    (0x0816, 0x0819),
    (0x081B, 0x0823),
    (0x0825, 0x0827),
    (0x0829, 0x082D),
    (0x0859, 0x085B),
    (0x08D3, 0x08E1),
    (0x08E3, 0x0902),
    (0x093A, 0x093A),
    (0x093C, 0x093C),
    (0x0941, 0x0948),
    (0x094D, 0x094D),
    (0x0951, 0x0957),
    (0x0962, 0x0963),
    (0x0981, 0x0981),
    (0x09BC, 0x09BC),
    (0x09C1, 0x09C4),
    (0x09CD, 0x09CD),
    (0x09E2, 0x09E3),
    (0x0A01, 0x0A02),
    (0x0A3C, 0x0A3C),
    (0x0A41, 0x0A4D),
    (0x0A70, 0x0A71),
    (0x0A81, 0x0A82),
    (0x0ABC, 0x0ABC),
    (0x0AC1, 0x0AC8),
    (0x0ACD, 0x0ACD),
    (0x0B01, 0x0B01),
    (0x0B3C, 0x0B3C),
    (0x0B3F, 0x0B3F),
    (0x0B41, 0x0B44),
    (0x0B4D, 0x0B4D),
    (0x0BC0, 0x0BC0),
    (0x0BCD, 0x0BCD),
    (0x0C3E, 0x0C40),
    (0x0C46, 0x0C4D),
    (0x0CBC, 0x0CBC),
    (0x0CCC, 0x0CCD),
    (0x0D41, 0x0D44),
    (0x0D4D, 0x0D4D),
    (0x0DCA, 0x0DCA),
    (0x0DD2, 0x0DD4),
    (0x0E31, 0x0E31),
    (0x0E34, 0x0E3A),
    (0x0E47, 0x0E4E),
    (0x0EB1, 0x0EB1),
    (0x0EB4, 0x0EBC),
    (0x0EC8, 0x0ECD),
    (0x0F18, 0x0F19),
    (0x0F35, 0x0F35),
    (0x0F37, 0x0F37),
    (0x0F39, 0x0F39),
    (0x0F71, 0x0F7E),
    (0x0F80, 0x0F84),
    (0x0F86, 0x0F87),
    (0x0F8D, 0x0FBC),
    (0x0FC6, 0x0FC6),
    (0x102D, 0x1030),
    (0x1032, 0x1037),
    (0x1039, 0x103A),
    (0x103D, 0x103E),
    (0x1058, 0x1059),
    (0x105E, 0x1060),
    (0x1071, 0x1074),
    (0x1082, 0x1082),
    (0x1085, 0x1086),
    (0x108D, 0x108D),
    (0x109D, 0x109D),
    (0x1160, 0x11FF),
    (0x135D, 0x135F),
    (0x1712, 0x1714),
    (0x1732, 0x1734),
    (0x1752, 0x1753),
    (0x1772, 0x1773),
    (0x17B4, 0x17B5),
    (0x17B7, 0x17BD),
    (0x17C6, 0x17C6),
    (0x17C9, 0x17D3),
    (0x17DD, 0x17DD),
    (0x180B, 0x180F),
    (0x18A9, 0x18A9),
    (0x1920, 0x1922),
    (0x1927, 0x1928),
    (0x1932, 0x1932),
    (0x1939, 0x193B),
    (0x1A17, 0x1A18),
    (0x1AB0, 0x1AFF),
    (0x1B00, 0x1B03),
    (0x1B34, 0x1B34),
    (0x1B36, 0x1B3A),
    (0x1B3C, 0x1B3C),
    (0x1B42, 0x1B42),
    (0x1B6B, 0x1B73),
    (0x1DC0, 0x1DFF),
    (0x200B, 0x200D),
    (0x2060, 0x2064),
    (0x20D0, 0x20FF),
    (0x2CEF, 0x2CF1),
    (0x2DE0, 0x2DFF),
    (0x302A, 0x302D),
    (0x3099, 0x309A),
    (0xA66F, 0xA672),
    (0xA674, 0xA67D),
    (0xA69E, 0xA69F),
    (0xA6F0, 0xA6F1),
    (0xA802, 0xA802),
    (0xA806, 0xA806),
    (0xA80B, 0xA80B),
    (0xA825, 0xA826),
    (0xA8C4, 0xA8C5),
    (0xA8E0, 0xA8F1),
    (0xD7B0, 0xD7FF),
    (0xFB1E, 0xFB1E),
    (0xFE00, 0xFE0F),
    (0xFE20, 0xFE2F),
    (0xFEFF, 0xFEFF),
    (0x101FD, 0x101FD),
    (0x1D167, 0x1D169),
    (0x1D17B, 0x1D182),
    (0x1D185, 0x1D18B),
    (0x1D1AA, 0x1D1AD),
    (0xE0000, 0xE0FFF),
];

/// East Asian Wide and Fullwidth characters and emoji with emoji presentation.
const WIDE: &[(u32, u32)] = &[
    (0x1100, 0x115F),
    (0x231A, 0x231B),
    (0x2329, 0x232A),
    (0x23E9, 0x23EC),
    (0x23F0, 0x23F0),
    (0x23F3, 0x23F3),
    (0x25FD, 0x25FE),
    (0x2614, 0x2615),
    (0x2648, 0x2653),
    (0x267F, 0x267F),
    (0x2693, 0x2693),
    (0x26A1, 0x26A1),
    (0x26AA, 0x26AB),
    (0x26BD, 0x26BE),
    (0x26C4, 0x26C5),
    (0x26CE, 0x26CE),
    (0x26D4, 0x26D4),
    (0x26EA, 0x26EA),
    (0x26F2, 0x26F3),
    (0x26F5, 0x26F5),
    (0x26FA, 0x26FA),
    (0x26FD, 0x26FD),
    (0x2705, 0x2705),
    (0x270A, 0x270B),
    (0x2728, 0x2728),
    (0x274C, 0x274C),
    (0x274E, 0x274E),
    (0x2753, 0x2755),
    (0x2757, 0x2757),
    (0x2795, 0x2797),
    (0x27B0, 0x27B0),
    (0x27BF, 0x27BF),
    (0x2B1B, 0x2B1C),
    (0x2B50, 0x2B50),
    (0x2B55, 0x2B55),
    (0x2E80, 0x303E),
    (0x3041, 0x3247),
    (0x3250, 0x4DBF),
    (0x4E00, 0xA4CF),
    (0xA960, 0xA97F),
    (0xAC00, 0xD7A3),
    (0xF900, 0xFAFF),
    (0xFE10, 0xFE19),
    (0xFE30, 0xFE6F),
    (0xFF00, 0xFF60),
    (0xFFE0, 0xFFE6),
    (0x16FE0, 0x16FE4),
    (0x17000, 0x18CFF),
    (0x1B000, 0x1B2FF),
    (0x1F004, 0x1F004),
    (0x1F0CF, 0x1F0CF),
    (0x1F18E, 0x1F18E),
    (0x1F191, 0x1F19A),
    (0x1F200, 0x1F202),
    (0x1F210, 0x1F23B),
    (0x1F240, 0x1F248),
    (0x1F250, 0x1F251),
    (0x1F260, 0x1F265),
    (0x1F300, 0x1F320),
    (0x1F32D, 0x1F335),
    (0x1F337, 0x1F37C),
    (0x1F37E, 0x1F393),
    (0x1F3A0, 0x1F3CA),
    (0x1F3CF, 0x1F3D3),
    (0x1F3E0, 0x1F3F0),
    (0x1F3F4, 0x1F3F4),
    (0x1F3F8, 0x1F43E),
    (0x1F440, 0x1F440),
    (0x1F442, 0x1F4FC),
    (0x1F4FF, 0x1F53D),
    (0x1F54B, 0x1F54E),
    (0x1F550, 0x1F567),
    (0x1F57A, 0x1F57A),
    (0x1F595, 0x1F596),
    (0x1F5A4, 0x1F5A4),
    (0x1F5FB, 0x1F64F),
    (0x1F680, 0x1F6C5),
    (0x1F6CC, 0x1F6CC),
    (0x1F6D0, 0x1F6D2),
    (0x1F6D5, 0x1F6D7),
    (0x1F6DC, 0x1F6DF),
    (0x1F6EB, 0x1F6EC),
    (0x1F6F4, 0x1F6FC),
    (0x1F7E0, 0x1F7EB),
    (0x1F7F0, 0x1F7F0),
    (0x1F90C, 0x1F93A),
    (0x1F93C, 0x1F945),
    (0x1F947, 0x1F9FF),
    (0x1FA70, 0x1FAFF),
    (0x20000, 0x2FFFD),
    (0x30000, 0x3FFFD),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_sorted_and_disjoint() {
        for table in [ZERO, WIDE] {
            for pair in table.windows(2) {
                assert!(pair[0].0 <= pair[0].1 && pair[0].1 < pair[1].0, "{pair:x?}");
            }
        }
    }

    #[test]
    fn widths() {
        assert_eq!(str_width("conect"), 6);
        assert_eq!(str_width("🎉"), 2);
        assert_eq!(str_width("日本語"), 6);
        assert_eq!(str_width("한국"), 4);
        assert_eq!(str_width("ＡＢ"), 4);
        // "é" as e + combining acute, and a Devanagari vowel sign.
        assert_eq!(str_width("e\u{301}"), 1);
        assert_eq!(str_width("कि"), 2);
        assert_eq!(str_width("क\u{94D}"), 1);
        assert_eq!(str_width("a\u{200B}b"), 2);
        assert_eq!(str_width("❤\u{FE0F}"), 1);
        assert_eq!(str_width("Zoë Ångström"), 12);
    }

    #[test]
    fn emoji_sequences_are_one_glyph() {
        assert_eq!(str_width("👩\u{200D}💻"), 2);
        assert_eq!(str_width("👨\u{200D}👩\u{200D}👧"), 2);
        assert_eq!(str_width("👍🏽"), 2);
        assert_eq!(str_width("🏽"), 2);
    }

    #[test]
    fn controls_are_made_visible() {
        let mut s = String::new();
        for c in "a\tb\u{7}\u{202E}\u{7F}".chars() {
            push_shown(&mut s, c);
        }
        assert_eq!(s, "a    b\u{2407}\u{FFFD}\u{2421}");
        assert_eq!(str_width("a\tb\u{7}\u{202E}\u{7F}"), str_width(&s));
    }
}
