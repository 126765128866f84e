//! The text output: each finding as rustc shows an error, then a summary of the report.
//!
//! ```text
//! error[canned-default]: This is LinkedIn's default note …
//!  --> note:1:1
//!   |
//! 1 | I'd like to add you to my professional network on LinkedIn.
//!   | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
//!   |
//!   = help: Say how you know them instead
//! ```

use std::fmt::Write as _;

use uncanned::{ContextHit, Finding, Report, Severity, Span, Suggestion, Verdict};

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// Lines wider than this are cut to a window around the span, so that a pasted essay does not
/// print all of itself under every finding.
const MAX_COLS: usize = 100;
/// Columns of text kept before the span when a line is cut.
const LEAD_COLS: usize = 24;
const ELLIPSIS: &str = "...";
/// A span over more lines than this shows its first and last lines only.
const MAX_SPAN_LINES: usize = 6;

/// ANSI styles, or none when the output is not a terminal.
#[derive(Clone, Copy)]
pub struct Style {
    pub color: bool,
}

const RESET: &str = "\x1b[0m";
const BOLD: &str = "\x1b[1m";
const RED: &str = "\x1b[1;31m";
const YELLOW: &str = "\x1b[1;33m";
const GREEN: &str = "\x1b[1;32m";
const CYAN: &str = "\x1b[1;36m";
const BLUE: &str = "\x1b[1;34m";
/// Bold, underlined yellow: a slot reads as a blank to fill in, not as a warning.
const SLOT: &str = "\x1b[1;4;33m";

impl Style {
    fn paint(self, code: &str, text: &str) -> String {
        if self.color {
            format!("{code}{text}{RESET}")
        } else {
            text.to_owned()
        }
    }

    fn severity(self, s: Severity) -> &'static str {
        match s {
            Severity::Error => RED,
            Severity::Warning => YELLOW,
            Severity::Hint => CYAN,
        }
    }
}

/// The columns a tab is expanded to, as rustc does, so that carets do not depend on tab stops.
const TAB: &str = "    ";

/// `text` as it is printed: every control character made visible, so that an escape sequence
/// pasted into a note (and quoted by a message, a fix label or a rewrite) cannot set the
/// clipboard (OSC 52) or rewrite the screen, and bidi controls cannot show the carets under other
/// words. C0 controls become their control pictures (U+2400 + code), a tab four spaces.
fn visible(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\t' => out.push_str(TAB),
            '\0'..='\u{1F}' => out.push(char::from_u32(0x2400 + c as u32).unwrap_or('\u{FFFD}')),
            '\u{7F}' => out.push('\u{2421}'),
            '\u{80}'..='\u{9F}'
            | '\u{61C}'
            | '\u{200E}'
            | '\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2066}'..='\u{2069}' => out.push('\u{FFFD}'),
            _ => out.push(c),
        }
    }
    out
}

/// Terminal columns of a grapheme cluster (or any text) as printed.
fn width(text: &str) -> usize {
    visible(text).width()
}

/// Rewrites, numbered best first, with their slots marked: what to type over.
pub fn render_suggestions(suggestions: &[Suggestion], style: Style) -> String {
    let mut out = String::new();
    if suggestions.is_empty() {
        out.push_str("no rewrite fits this limit\n");
    }
    let note_lang = suggestions.first().map(|s| s.lang.as_str());
    for (n, s) in suggestions.iter().enumerate() {
        let intent = style.paint(BOLD, &visible(&s.intent));
        // The rewrites added in the recipient's profile language say so.
        if Some(s.lang.as_str()) == note_lang {
            let _ = writeln!(out, "{}. {intent}", n + 1);
        } else {
            let _ = writeln!(out, "{}. {intent} ({})", n + 1, visible(&s.lang));
        }
        let units: Vec<u16> = s.text.encode_utf16().collect();
        let piece =
            |a: u32, b: u32| visible(&String::from_utf16_lossy(&units[a as usize..b as usize]));
        let (mut text, mut at) = (String::from("   "), 0u32);
        let mut slots = Vec::new();
        for span in &s.slots {
            let (a, b) = (
                span.start.min(units.len() as u32),
                span.end.min(units.len() as u32),
            );
            if a < at || a > b {
                continue;
            }
            text.push_str(&piece(at, a));
            let slot = piece(a, b);
            text.push_str(&style.paint(SLOT, &slot));
            slots.push(slot);
            at = b;
        }
        text.push_str(&piece(at, units.len() as u32));
        out.push_str(&text);
        out.push('\n');
        if !slots.is_empty() {
            let _ = writeln!(
                out,
                "   {} {}",
                style.paint(BLUE, "fill in:"),
                slots.join(", ")
            );
        }
        out.push('\n');
    }
    out
}

/// `--format line`: one finding per line, `note:LINE:COL: SEVERITY[RULE]: MESSAGE`, the form
/// editors' problem matchers (and `grep`) read. A line break in a message is shown, not sent.
pub fn render_lines(note: &str, report: &Report) -> String {
    let index = NoteIndex::new(note);
    let mut out = String::new();
    for f in &report.findings {
        let (start, _) = index.byte_range(f.span);
        let _ = writeln!(
            out,
            "note:{}:{}: {}[{}]: {}",
            index.line_of(start) + 1,
            index.column(start),
            f.severity.as_str(),
            visible(&f.rule),
            visible(&f.message)
        );
    }
    out
}

/// `suggest --format line`: each rewrite on one line, best first.
pub fn render_suggestion_lines(suggestions: &[Suggestion]) -> String {
    suggestions
        .iter()
        .map(|s| visible(&s.text) + "\n")
        .collect()
}

/// The whole text output for one note.
pub fn render(note: &str, report: &Report, style: Style) -> String {
    let index = NoteIndex::new(note);
    let mut out = String::new();
    for finding in &report.findings {
        render_finding(&mut out, &index, finding, style);
        out.push('\n');
    }
    for more in &report.omitted {
        out.push_str(&format!(
            "… and {} more `{}` finding{} not shown\n\n",
            more.count,
            visible(&more.rule),
            if more.count == 1 { "" } else { "s" }
        ));
    }
    render_summary(&mut out, report, style);
    out
}

fn render_finding(out: &mut String, index: &NoteIndex, finding: &Finding, style: Style) {
    let color = style.severity(finding.severity);
    let head = format!("{}[{}]", finding.severity.as_str(), visible(&finding.rule));
    let _ = writeln!(
        out,
        "{}{}",
        style.paint(color, &head),
        style.paint(BOLD, &format!(": {}", visible(&finding.message)))
    );

    let (start, end) = index.byte_range(finding.span);
    let first = index.line_of(start);
    // A span that ends just after a line break does not reach into the next line.
    let last = if end > start {
        index.line_of(end - 1)
    } else {
        first
    };
    let shown: Vec<Option<usize>> = if last - first < MAX_SPAN_LINES {
        (first..=last).map(Some).collect()
    } else {
        (first..first + 3)
            .map(Some)
            .chain([None])
            .chain((last - 1..=last).map(Some))
            .collect()
    };
    let gutter = (last + 1).to_string().len();
    let pad = " ".repeat(gutter);
    let bar = style.paint(BLUE, "|");

    let _ = writeln!(
        out,
        "{pad}{} note:{}:{}",
        style.paint(BLUE, "-->"),
        first + 1,
        index.column(start)
    );
    let _ = writeln!(out, "{pad} {bar}");
    for line in shown {
        let Some(line) = line else {
            let _ = writeln!(out, "{}", style.paint(BLUE, ELLIPSIS));
            continue;
        };
        let (ls, le) = index.line_bounds(line);
        let under = if start == end {
            Some((start - ls, start - ls))
        } else {
            let (a, b) = (start.max(ls), end.min(le));
            (a < b).then(|| (a - ls, b - ls))
        };
        let (text, carets) = show_line(&index.note[ls..le], under);
        let number = style.paint(BLUE, &format!("{:>gutter$}", line + 1));
        let _ = writeln!(out, "{number} {bar} {text}");
        if let Some((col, len)) = carets {
            let _ = writeln!(
                out,
                "{pad} {bar} {}{}",
                " ".repeat(col),
                style.paint(color, &"^".repeat(len))
            );
        }
    }
    if !finding.fixes.is_empty() {
        let _ = writeln!(out, "{pad} {bar}");
    }
    for fix in &finding.fixes {
        let _ = writeln!(
            out,
            "{pad} {} {}: {}",
            style.paint(BLUE, "="),
            style.paint(BOLD, "help"),
            visible(&fix.label)
        );
    }
}

/// What to print for one line of the note, and where its carets go: `(column, count)`.
///
/// `under` is a byte range in `line`; an empty range is a point and gets one caret.
fn show_line(line: &str, under: Option<(usize, usize)>) -> (String, Option<(usize, usize)>) {
    let line = line.strip_suffix('\r').unwrap_or(line);
    let under = under.map(|(a, b)| (a.min(line.len()), b.min(line.len())));
    let anchor = under.map_or(0, |(a, _)| a);
    let (from, to) = window(line, anchor);

    let mut text = String::new();
    let mut col = 0;
    if from > 0 {
        text.push_str(ELLIPSIS);
        col = ELLIPSIS.len();
    }
    // Columns are counted per grapheme cluster, as a terminal draws them: an emoji sequence or a
    // letter with its combining marks is one glyph. A span edge inside a cluster takes all of it.
    let (mut caret_start, mut caret_end) = (None, None);
    for (i, g) in line[from..to].grapheme_indices(true) {
        let (gs, ge) = (from + i, from + i + g.len());
        let w = width(g);
        if let Some((a, b)) = under {
            if caret_start.is_none() && a >= gs && a < ge {
                caret_start = Some(col);
            }
            if caret_end.is_none() && b <= gs {
                caret_end = Some(col);
            }
            if caret_end.is_none() && b > gs && b < ge {
                caret_end = Some(col + w);
            }
        }
        text.push_str(&visible(g));
        col += w;
    }
    if to < line.len() {
        text.push_str(ELLIPSIS);
    }
    let carets = under.map(|_| {
        // Whatever the window cut off is underlined up to its edge.
        let s = caret_start.unwrap_or(col);
        let e = caret_end.unwrap_or(col);
        (s, e.saturating_sub(s).max(1))
    });
    (text, carets)
}

/// The byte range of `line` to print so that `anchor` is in it: all of it when it fits.
fn window(line: &str, anchor: usize) -> (usize, usize) {
    if fits(line, MAX_COLS) {
        return (0, line.len());
    }
    let mut from = anchor;
    let mut lead = 0;
    for (i, g) in line[..anchor].grapheme_indices(true).rev() {
        lead += width(g);
        if lead > LEAD_COLS {
            break;
        }
        from = i;
    }
    let budget = MAX_COLS - 2 * ELLIPSIS.len();
    let mut to = from;
    let mut cols = 0;
    for (i, g) in line[from..].grapheme_indices(true) {
        cols += width(g);
        if cols > budget {
            break;
        }
        to = from + i + g.len();
    }
    (from, to)
}

fn fits(line: &str, max: usize) -> bool {
    width(line) <= max
}

fn render_summary(out: &mut String, report: &Report, style: Style) {
    let verdict = report.verdict;
    let color = match verdict {
        Verdict::Canned => RED,
        Verdict::NeedsContext => YELLOW,
        Verdict::Personal => GREEN,
    };
    let _ = writeln!(
        out,
        "{} {}",
        style.paint(BOLD, "verdict:"),
        style.paint(color, verdict.as_str())
    );
    let len = report.length;
    let used = if len.used > len.limit {
        style.paint(RED, &len.used.to_string())
    } else {
        len.used.to_string()
    };
    let _ = writeln!(out, "{} {used}/{}", style.paint(BOLD, "length:"), len.limit);
    if !report.context.is_empty() {
        let _ = writeln!(
            out,
            "{} {}",
            style.paint(BOLD, "context:"),
            context_summary(&report.context)
        );
    }
    let _ = writeln!(out, "{}", style.paint(BOLD, "checklist:"));
    let c = report.checklist;
    for (ok, label) in [
        (c.not_canned, "not canned"),
        (c.greets_by_name, "greets by name"),
        (c.how_we_know, "how we know"),
        (c.why_connect, "why connect"),
        (c.offers_value, "offers value"),
        (c.within_limit, "within limit"),
        (c.no_placeholders, "no placeholders"),
        (c.spelling_ok, "spelling ok"),
    ] {
        let mark = if ok {
            style.paint(GREEN, "[x]")
        } else {
            style.paint(RED, "[ ]")
        };
        let _ = writeln!(out, "  {mark} {label}");
    }
}

/// The context hits on one line: repeats counted, and only the first few kinds named, so that a
/// pasted essay does not fill the screen with the same cue.
fn context_summary(hits: &[ContextHit]) -> String {
    const SHOWN: usize = 8;
    let mut distinct: Vec<(&ContextHit, usize)> = Vec::new();
    for hit in hits {
        match distinct
            .iter_mut()
            .find(|(h, _)| h.kind == hit.kind && h.cue == hit.cue)
        {
            Some((_, n)) => *n += 1,
            None => distinct.push((hit, 1)),
        }
    }
    let mut parts: Vec<String> = distinct
        .iter()
        .take(SHOWN)
        .map(|(h, n)| {
            let times = if *n > 1 {
                format!(" x{n}")
            } else {
                String::new()
            };
            format!("{} ({:?}){times}", h.kind.as_str(), h.cue)
        })
        .collect();
    if distinct.len() > SHOWN {
        parts.push(format!("and {} more", distinct.len() - SHOWN));
    }
    parts.join(", ")
}

/// Positions in the note: UTF-16 offsets (the report's unit) to bytes, lines and columns.
struct NoteIndex<'a> {
    note: &'a str,
    /// `(utf16 offset, byte offset)` of every character, then of the end.
    chars: Vec<(u32, usize)>,
    /// Byte offset where each line starts.
    lines: Vec<usize>,
}

impl<'a> NoteIndex<'a> {
    fn new(note: &'a str) -> Self {
        let mut chars = Vec::with_capacity(note.len() + 1);
        let mut lines = vec![0];
        let mut u16 = 0u32;
        for (i, c) in note.char_indices() {
            chars.push((u16, i));
            u16 += c.len_utf16() as u32;
            if c == '\n' {
                lines.push(i + 1);
            }
        }
        chars.push((u16, note.len()));
        NoteIndex { note, chars, lines }
    }

    /// The span in bytes. An offset past the end is clamped, one inside a surrogate pair widens
    /// the span to the whole character, and a reversed span becomes a point at its start.
    fn byte_range(&self, span: Span) -> (usize, usize) {
        let start = self.chars[self.char_at(span.start, false)].1;
        let end = self.chars[self.char_at(span.end, true)].1;
        (start, end.max(start))
    }

    /// Index into `chars` of the character at `offset`, or of its neighbour when `offset` splits
    /// a surrogate pair.
    fn char_at(&self, offset: u32, round_up: bool) -> usize {
        let i = self.chars.partition_point(|&(u, _)| u < offset);
        match self.chars.get(i) {
            Some(&(u, _)) if u == offset || round_up => i,
            Some(_) => i - 1,
            None => self.chars.len() - 1,
        }
    }

    fn line_of(&self, byte: usize) -> usize {
        self.lines.partition_point(|&s| s <= byte) - 1
    }

    /// Start and end bytes of a line, without its line break.
    fn line_bounds(&self, line: usize) -> (usize, usize) {
        let start = self.lines[line];
        let end = self
            .lines
            .get(line + 1)
            .map_or(self.note.len(), |&next| next - 1);
        (start, end)
    }

    /// 1-based column of a byte offset in characters, as rustc counts.
    fn column(&self, byte: usize) -> usize {
        let line_start = self.lines[self.line_of(byte)];
        let char_index = |b: usize| self.chars.partition_point(|&(_, cb)| cb < b);
        char_index(byte) - char_index(line_start) + 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use uncanned::{Checklist, Fix, Length};

    fn utf16(s: &str, needle: &str) -> Span {
        let at = s.find(needle).expect("needle in note");
        let start = s[..at].encode_utf16().count() as u32;
        Span::new(start, start + needle.encode_utf16().count() as u32)
    }

    fn report(findings: Vec<Finding>) -> Report {
        Report {
            verdict: Verdict::NeedsContext,
            length: Length {
                used: 0,
                limit: 300,
            },
            checklist: Checklist::default(),
            context: Vec::new(),
            findings,
            omitted: Vec::new(),
        }
    }

    fn finding(span: Span) -> Finding {
        Finding {
            rule: "misspelling".into(),
            severity: Severity::Warning,
            message: "Check the spelling".into(),
            span,
            fixes: vec![Fix {
                label: "Replace with \"connect\"".into(),
                span,
                replacement: "connect".into(),
            }],
        }
    }

    fn plain(note: &str, span: Span) -> String {
        render(note, &report(vec![finding(span)]), Style { color: false })
    }

    /// The caret row of the first finding: (columns before the carets, number of carets).
    fn carets(out: &str) -> (usize, usize) {
        let row = out.lines().find(|l| l.contains('^')).expect("a caret row");
        let body = &row[row.find("| ").unwrap() + 2..];
        let col = body.find('^').unwrap();
        (col, body[col..].chars().take_while(|&c| c == '^').count())
    }

    #[test]
    fn rustc_layout() {
        let note = "Hi Rosa, I'd love to conect.";
        let out = plain(note, utf16(note, "conect"));
        let want = "\
warning[misspelling]: Check the spelling
 --> note:1:22
  |
1 | Hi Rosa, I'd love to conect.
  |                      ^^^^^^
  |
  = help: Replace with \"connect\"

verdict: needs_context
length: 0/300
checklist:
  [ ] not canned
";
        assert!(out.starts_with(want), "{out}");
        assert!(out.ends_with("  [ ] spelling ok\n"), "{out}");
    }

    #[test]
    fn emoji_before_the_span() {
        let note = "🎉🎉 Great to meet you! Let's conect.";
        let out = plain(note, utf16(note, "conect"));
        // Two emoji: four UTF-16 units, two chars, four columns.
        assert!(out.contains("--> note:1:29"), "{out}");
        let prefix = &note[..note.find("conect").unwrap()];
        assert_eq!(carets(&out), (prefix.chars().count() + 2, 6), "{out}");
    }

    #[test]
    fn cjk_and_combining_marks() {
        let note = "日本語 cafe\u{301} conect";
        let out = plain(note, utf16(note, "conect"));
        assert_eq!(carets(&out), (6 + 1 + 4 + 1, 6), "{out}");
        let out = plain(note, utf16(note, "日本語"));
        assert_eq!(carets(&out), (0, 6), "{out}");
    }

    #[test]
    fn emoji_inside_the_span() {
        let note = "so 🎉 much";
        let out = plain(note, utf16(note, "🎉 much"));
        assert_eq!(carets(&out), (3, 7), "{out}");
    }

    #[test]
    fn span_over_several_lines_underlines_each_part() {
        let note = "Hi Ana,\nI'd like to add you\nto my network.\nBest, Bo";
        let out = plain(note, utf16(note, "add you\nto my network."));
        let want = "\
 --> note:2:13
  |
2 | I'd like to add you
  |             ^^^^^^^
3 | to my network.
  | ^^^^^^^^^^^^^^
  |
";
        assert!(out.contains(want), "{out}");
        assert!(!out.contains("Best, Bo"), "{out}");
    }

    #[test]
    fn span_ending_with_a_line_break_stays_on_its_line() {
        let note = "first line\nsecond";
        let out = plain(note, utf16(note, "line\n"));
        assert!(!out.contains("2 |"), "{out}");
        assert_eq!(carets(&out), (6, 4), "{out}");
    }

    #[test]
    fn long_span_elides_middle_lines() {
        let note = (1..=10)
            .map(|i| format!("line {i}"))
            .collect::<Vec<_>>()
            .join("\n");
        let out = plain(&note, Span::new(0, note.encode_utf16().count() as u32));
        assert!(out.contains(" 3 | line 3\n"), "{out}");
        assert!(out.contains("\n...\n"), "{out}");
        assert!(!out.contains("line 5"), "{out}");
        assert!(out.contains("10 | line 10\n"), "{out}");
    }

    #[test]
    fn empty_span_is_one_caret() {
        let note = "Hello there";
        let out = plain(note, Span::new(5, 5));
        assert_eq!(carets(&out), (5, 1), "{out}");
        let out = plain(note, Span::new(11, 11));
        assert_eq!(carets(&out), (11, 1), "{out}");
    }

    #[test]
    fn bad_spans_do_not_panic() {
        let note = "🎉 ok\r\nnext";
        for (s, e) in [(1, 2), (0, 1), (50, 60), (4, 2), (0, 999), (5, 6)] {
            let out = plain(note, Span::new(s, e));
            assert!(out.contains('^'), "({s}, {e}): {out}");
        }
        // Inside the surrogate pair: the whole emoji is underlined.
        assert_eq!(carets(&plain(note, Span::new(1, 2))), (0, 2));
        // Past the end: a point after the last character.
        assert!(plain(note, Span::new(50, 60)).contains("--> note:2:5"));
        // The carriage return is not printed.
        assert!(!plain(note, Span::new(0, 1)).contains('\r'));
    }

    #[test]
    fn tabs_and_controls_keep_carets_aligned() {
        let note = "\tHi\u{7} conect";
        let out = plain(note, utf16(note, "conect"));
        assert!(out.contains("1 |     Hi\u{2407} conect\n"), "{out}");
        assert_eq!(carets(&out), (8, 6), "{out}");
    }

    #[test]
    fn long_line_is_cut_around_the_span() {
        let note = format!("{} conect {}", "word ".repeat(5000), "tail ".repeat(5000));
        let out = plain(&note, utf16(&note, "conect"));
        let row = out.lines().find(|l| l.contains("conect")).unwrap();
        assert!(row.contains("| ...") && row.ends_with("..."), "{row}");
        assert!(width(row) <= MAX_COLS + 4, "{row}");
        let text = &row[row.find("| ").unwrap() + 2..];
        let (col, len) = carets(&out);
        assert_eq!((&text[col..col + len], len), ("conect", 6), "{out}");
        assert!(
            out.contains(&format!("--> note:1:{}", 5000 * 5 + 2)),
            "{out}"
        );
    }

    #[test]
    fn long_span_on_a_long_line_is_underlined_to_the_cut() {
        let note = "x".repeat(500);
        let out = plain(&note, Span::new(300, 500));
        let (col, len) = carets(&out);
        assert_eq!(col, ELLIPSIS.len() + LEAD_COLS);
        assert_eq!(col + len, MAX_COLS - ELLIPSIS.len());
    }

    fn rewrite(text: &str, slots: &[&str]) -> Suggestion {
        Suggestion {
            intent: "met".into(),
            text: text.into(),
            slots: slots.iter().map(|s| utf16(text, s)).collect(),
            lang: "en".into(),
        }
    }

    #[test]
    fn rewrites_are_numbered_with_their_slots_listed() {
        let list = [
            rewrite("Hi 🌍Zoë, we met at [event].", &["[event]"]),
            rewrite("Hi [name], keep in touch.", &["[name]"]),
        ];
        let out = render_suggestions(&list, Style { color: false });
        assert_eq!(
            out,
            "1. met\n   Hi 🌍Zoë, we met at [event].\n   fill in: [event]\n\n\
             2. met\n   Hi [name], keep in touch.\n   fill in: [name]\n\n"
        );
        let coloured = render_suggestions(&list, Style { color: true });
        assert!(
            coloured.contains("we met at \x1b[1;4;33m[event]\x1b[0m."),
            "{coloured}"
        );
        assert_eq!(
            render_suggestions(&[], Style { color: false }),
            "no rewrite fits this limit\n"
        );
    }

    #[test]
    fn rewrite_slots_out_of_range_or_out_of_order_do_not_panic() {
        let mut s = rewrite("Hi 🎉 [x]", &[]);
        s.slots = vec![
            Span::new(6, 9),
            Span::new(4, 5),
            Span::new(8, 99),
            Span::new(3, 4),
        ];
        let out = render_suggestions(&[s], Style { color: false });
        assert!(out.starts_with("1. met\n   Hi 🎉 [x]\n"), "{out}");
    }

    #[test]
    fn controls_in_messages_labels_and_rewrites_are_shown_not_sent() {
        let osc52 = "\x1b]52;c;ZXZpbA==\x07";
        let note = format!("Hi {osc52} conect");
        let mut f = finding(utf16(&note, "conect"));
        f.message = format!("Did you mean it? {osc52}");
        f.fixes[0].label = format!("Replace with {osc52}");
        let out = plain(&note, f.span);
        assert!(!out.contains('\x1b') && !out.contains('\x07'), "{out:?}");
        let out = render(&note, &report(vec![f]), Style { color: true });
        assert!(!out.contains("\x1b]") && !out.contains('\x07'), "{out:?}");
        assert!(out.contains("\u{241b}]52;c;ZXZpbA==\u{2407}"), "{out:?}");
        let mut s = rewrite(&format!("Hi {osc52} [event]"), &["[event]"]);
        s.intent = format!("met{osc52}");
        for color in [false, true] {
            let out = render_suggestions(std::slice::from_ref(&s), Style { color });
            assert!(!out.contains("\x1b]") && !out.contains('\x07'), "{out:?}");
        }
    }

    #[test]
    fn widths_as_a_terminal_draws_them() {
        assert_eq!(width("conect"), 6);
        assert_eq!(width("🎉"), 2);
        assert_eq!(width("日本語"), 6);
        assert_eq!(width("한국"), 4);
        assert_eq!(width("ＡＢ"), 4);
        assert_eq!(width("e\u{301}"), 1);
        assert_eq!(width("a\u{200B}b"), 2);
        assert_eq!(width("Zoë Ångström"), 12);
        assert_eq!(width("👩\u{200D}💻"), 2);
        assert_eq!(width("👍🏽"), 2);
    }

    #[test]
    fn controls_are_made_visible() {
        let shown = visible("a\tb\u{7}\u{202E}\u{7F}\u{1b}]52");
        assert_eq!(shown, "a    b\u{2407}\u{FFFD}\u{2421}\u{241b}]52");
        assert_eq!(width("a\tb\u{7}\u{202E}\u{7F}"), 9);
    }

    #[test]
    fn carets_under_emoji_sequences_and_marks() {
        let note = "👩\u{200D}💻 👍🏽 cafe\u{301} conect";
        let out = plain(note, utf16(note, "conect"));
        assert_eq!(carets(&out), (2 + 1 + 2 + 1 + 4 + 1, 6), "{out}");
        // A span that starts on a combining mark underlines the whole letter.
        let out = plain(note, utf16(note, "\u{301} conect"));
        assert_eq!(carets(&out), (9, 8), "{out}");
    }

    #[test]
    fn one_finding_per_line() {
        let note = "Hi Rosa,\n🎉 I'd love to conect.";
        let mut f = finding(utf16(note, "conect"));
        f.message = "Check\nthe spelling".into();
        let out = render_lines(note, &report(vec![f.clone(), f]));
        let want = "note:2:15: warning[misspelling]: Check\u{240a}the spelling\n";
        assert_eq!(out, want.repeat(2));
        assert_eq!(render_lines(note, &report(Vec::new())), "");
        let s = rewrite("Hi [name],\nkeep in touch.", &["[name]"]);
        assert_eq!(
            render_suggestion_lines(&[s.clone(), s]),
            "Hi [name],\u{240a}keep in touch.\n".repeat(2)
        );
    }

    #[test]
    fn colour_only_when_asked() {
        let note = "conect";
        let r = report(vec![finding(Span::new(0, 6))]);
        let coloured = render(note, &r, Style { color: true });
        assert!(coloured.contains("\x1b[1;33mwarning[misspelling]\x1b[0m"));
        assert!(coloured.contains("\x1b[1;33m^^^^^^\x1b[0m"));
        assert!(!render(note, &r, Style { color: false }).contains('\x1b'));
    }

    #[test]
    fn summary_shows_length_context_and_checklist() {
        let mut r = report(Vec::new());
        r.verdict = Verdict::Personal;
        r.length = Length {
            used: 71,
            limit: 300,
        };
        r.checklist.how_we_know = true;
        r.context.push(uncanned::ContextHit {
            kind: uncanned::ContextKind::Met,
            span: Span::new(0, 5),
            cue: "met you".into(),
        });
        let out = render("", &r, Style { color: false });
        assert!(
            out.starts_with("verdict: personal\nlength: 71/300\n"),
            "{out}"
        );
        assert!(out.contains("context: met (\"met you\")\n"), "{out}");
        assert!(
            out.contains("  [x] how we know\n  [ ] why connect\n"),
            "{out}"
        );
    }

    #[test]
    fn context_repeats_are_counted_and_the_list_is_capped() {
        use uncanned::{ContextHit, ContextKind};
        let hit = |kind, cue: &str| ContextHit {
            kind,
            span: Span::new(0, 1),
            cue: cue.into(),
        };
        let mut hits = vec![hit(ContextKind::Met, "met you"); 3];
        hits.push(hit(ContextKind::TheirWork, "your talk"));
        assert_eq!(
            context_summary(&hits),
            "met (\"met you\") x3, their_work (\"your talk\")"
        );
        let many: Vec<ContextHit> = (0..12)
            .map(|i| hit(ContextKind::SharedInterest, &format!("topic {i}")))
            .collect();
        let summary = context_summary(&many);
        assert!(summary.ends_with("(\"topic 7\"), and 4 more"), "{summary}");
    }
}
