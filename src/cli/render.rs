//! The text output: each finding as rustc shows an error (laid out by `annotate-snippets`, the
//! crate rustc renders with), then a summary of the report.
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

use annotate_snippets::renderer::{AnsiColor, Style as Paint};
use annotate_snippets::{renderer, AnnotationKind, Level, Renderer, Snippet};
use uncanned::{ContextHit, Finding, Report, Severity, Span, Suggestion, Verdict};

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Lines wider than this are cut to a window around the span, so that a pasted essay does not
/// print all of itself under every finding.
const MAX_COLS: usize = 100;

/// Colour, or none when the output is not a terminal.
#[derive(Clone, Copy)]
pub struct Style {
    pub color: bool,
}

// The summary and the rewrites use the diagnostics' own colours.
const BOLD: Paint = renderer::DEFAULT_EMPHASIS_STYLE;
const RED: Paint = renderer::DEFAULT_ERROR_STYLE;
const YELLOW: Paint = renderer::DEFAULT_WARNING_STYLE;
const GREEN: Paint = renderer::DEFAULT_NOTE_STYLE;
const BLUE: Paint = renderer::DEFAULT_LINE_NUM_STYLE;
/// Bold, underlined yellow: a slot reads as a blank to fill in, not as a warning.
const SLOT: Paint = AnsiColor::Yellow.on_default().bold().underline();

impl Style {
    fn paint(self, paint: Paint, text: &str) -> String {
        if self.color {
            format!("{paint}{text}{paint:#}")
        } else {
            text.to_owned()
        }
    }

    fn renderer(self) -> Renderer {
        let renderer = if self.color {
            Renderer::styled()
        } else {
            Renderer::plain()
        };
        renderer.term_width(MAX_COLS)
    }
}

/// The columns a tab is expanded to, as rustc does, so that carets do not depend on tab stops.
const TAB: &str = "    ";

/// `text` as it is printed: every control character made visible, so that an escape sequence
/// pasted into a note (and quoted by a message, a fix label or a rewrite) cannot set the
/// clipboard (OSC 52) or rewrite the screen, and bidi controls cannot show the carets under other
/// words. A tab is four spaces.
fn visible(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\t' => out.push_str(TAB),
            _ => out.push(visible_char(c)),
        }
    }
    out
}

/// One character as it is printed: C0 controls become their control pictures (U+2400 + code),
/// C1 and bidi controls the replacement character. A tab is left for the caller.
fn visible_char(c: char) -> char {
    match c {
        '\t' => c,
        '\0'..='\u{1F}' => char::from_u32(0x2400 + c as u32).unwrap_or('\u{FFFD}'),
        '\u{7F}' => '\u{2421}',
        '\u{80}'..='\u{9F}'
        | '\u{61C}'
        | '\u{200E}'
        | '\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2066}'..='\u{2069}' => '\u{FFFD}',
        _ => c,
    }
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
    let shown = ShownNote::new(note);
    let mut out = String::new();
    for f in &report.findings {
        let (line, column) = shown.line_column(shown.byte_range(f.span).start);
        let _ = writeln!(
            out,
            "note:{line}:{column}: {}[{}]: {}",
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
    let shown = ShownNote::new(note);
    let renderer = style.renderer();
    let mut out = String::new();
    for finding in &report.findings {
        out.push_str(&render_finding(&renderer, &shown, finding));
        out.push_str("\n\n");
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

fn render_finding(renderer: &Renderer, shown: &ShownNote, finding: &Finding) -> String {
    let level = match finding.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Hint => Level::HELP.with_name(Severity::Hint.as_str()),
    };
    let snippet = Snippet::source(shown.text.as_str())
        .path("note")
        .annotation(AnnotationKind::Primary.span(shown.byte_range(finding.span)));
    let group = level
        .primary_title(visible(&finding.message))
        .id(visible(&finding.rule))
        .element(snippet)
        .elements(
            finding
                .fixes
                .iter()
                .map(|fix| Level::HELP.message(visible(&fix.label))),
        );
    renderer.render(&[group])
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

/// The note as the diagnostics print it, and where each UTF-16 offset of the note (the report's
/// unit) lands in it.
///
/// Every character of the note stays one character, so that lines and columns (counted in
/// characters, as rustc counts) are the note's own. A control becomes its visible stand-in. The
/// crate measures a line by adding up its characters' widths and prints an emoji sequence without
/// its zero-width joiners (so a terminal draws each part); a cluster that would still be drawn
/// narrower or wider than that sum (a skin-tone emoji counts four columns, a heart with its emoji
/// selector one) is printed as its first character, its other characters becoming joiners, which
/// the crate counts as nothing and does not print.
struct ShownNote {
    text: String,
    /// `(utf16 offset, byte offset in text)` of every character, then of the end.
    chars: Vec<(u32, usize)>,
    /// Byte offsets in `text` where grapheme clusters start, then the end: spans are widened to
    /// whole clusters, so a span that starts on a combining mark underlines its letter.
    clusters: Vec<usize>,
}

/// What `annotate-snippets` counts as nothing and leaves out of the printed line.
const JOINER: char = '\u{200D}';

impl ShownNote {
    fn new(note: &str) -> Self {
        let mut text = String::with_capacity(note.len());
        let mut chars = Vec::with_capacity(note.len() + 1);
        let mut clusters = Vec::new();
        let mut u16 = 0u32;
        for cluster in note.graphemes(true) {
            clusters.push(text.len());
            let summed: usize = cluster.chars().map(crate_width).sum();
            let drawn: usize = cluster
                .split(JOINER)
                .flat_map(|part| part.graphemes(true))
                .map(|g| visible(g).width())
                .sum();
            let line_break = cluster.ends_with('\n');
            for (i, c) in cluster.chars().enumerate() {
                chars.push((u16, text.len()));
                u16 += c.len_utf16() as u32;
                text.push(match c {
                    // The crate splits lines; a carriage return it shows as a control picture.
                    '\n' | '\r' => c,
                    _ if i > 0 && drawn != summed && !line_break => JOINER,
                    _ => visible_char(c),
                });
            }
        }
        chars.push((u16, text.len()));
        clusters.push(text.len());
        ShownNote {
            text,
            chars,
            clusters,
        }
    }

    /// The span in bytes of `text`, widened to whole grapheme clusters. An offset past the end is
    /// clamped, a reversed span becomes a point at its start, and a span that ends with a line
    /// break stops before it, so that it does not reach into the next line.
    fn byte_range(&self, span: Span) -> std::ops::Range<usize> {
        // An offset inside a surrogate pair takes the whole character.
        let byte = |offset: u32, round_up: bool| {
            let i = self.chars.partition_point(|&(u, _)| u < offset);
            let i = i.min(self.chars.len() - 1);
            let i = if self.chars[i].0 > offset && !round_up {
                i - 1
            } else {
                i
            };
            self.chars[i].1
        };
        let (start, end) = (byte(span.start, false), byte(span.end, true));
        let start = self.clusters[self.clusters.partition_point(|&c| c <= start) - 1];
        let mut end = self.clusters[self.clusters.partition_point(|&c| c < end)].max(start);
        let before = &self.text[start..end];
        let trimmed = before
            .strip_suffix('\n')
            .map(|t| t.strip_suffix('\r').unwrap_or(t));
        if let Some(t) = trimmed {
            end = start + t.len();
        }
        start..end
    }

    /// 1-based line and column (in characters) of a byte offset in `text`.
    fn line_column(&self, byte: usize) -> (usize, usize) {
        let before = &self.text[..byte];
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        (
            before.matches('\n').count() + 1,
            before[line_start..].chars().count() + 1,
        )
    }
}

/// A character's columns as `annotate-snippets` counts them.
fn crate_width(c: char) -> usize {
    match c {
        '\t' => TAB.len(),
        JOINER => 0,
        c if visible_char(c) != c => 1,
        c => c.width().unwrap_or(1),
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
    fn span_over_several_lines_is_drawn_as_rustc_draws_it() {
        let note = "Hi Ana,\nI'd like to add you\nto my network.\nBest, Bo";
        let out = plain(note, utf16(note, "add you\nto my network."));
        let want = "\
 --> note:2:13
  |
2 |   I'd like to add you
  |  _____________^
3 | | to my network.
  | |______________^
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
        assert!(out.contains(" 1 | / line 1\n"), "{out}");
        assert!(
            out.contains(" 4 | | line 4\n...  |\n 9 | | line 9\n"),
            "{out}"
        );
        assert!(!out.contains("line 6"), "{out}");
        assert!(out.contains("10 | | line 10\n   | |_______^\n"), "{out}");
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
        assert!(row.chars().count() <= MAX_COLS, "{row}");
        let text = &row[row.find("| ").unwrap() + 2..];
        let (col, len) = carets(&out);
        assert_eq!((&text[col..col + len], len), ("conect", 6), "{out}");
        assert!(
            out.contains(&format!("--> note:1:{}", 5000 * 5 + 2)),
            "{out}"
        );
    }

    #[test]
    fn long_span_on_a_long_line_is_cut_to_the_width() {
        let note = "x".repeat(500);
        let out = plain(&note, Span::new(300, 500));
        assert!(out.contains("--> note:1:301\n"), "{out}");
        assert!(
            out.lines().all(|row| row.chars().count() <= MAX_COLS),
            "{out}"
        );
        let row = out.lines().find(|l| l.contains('^')).unwrap();
        assert!(
            row.contains("^...^"),
            "the middle of the span is left out: {out}"
        );
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
            coloured.contains(&format!("we met at {SLOT}[event]{SLOT:#}.")),
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
        // C1 controls (CSI alone is an escape on some terminals) and bidi marks, which
        // annotate-snippets passes through, are replaced too, and the carets stay aligned.
        let note = "Hi \u{9b}31m \u{200F}\u{2067}conect";
        let out = plain(note, utf16(note, "conect"));
        assert!(
            out.contains("1 | Hi \u{FFFD}31m \u{FFFD}\u{FFFD}conect\n"),
            "{out:?}"
        );
        assert_eq!(carets(&out), (10, 6), "{out}");
        let mut s = rewrite(&format!("Hi {osc52} [event]"), &["[event]"]);
        s.intent = format!("met{osc52}");
        for color in [false, true] {
            let out = render_suggestions(std::slice::from_ref(&s), Style { color });
            assert!(!out.contains("\x1b]") && !out.contains('\x07'), "{out:?}");
        }
    }

    #[test]
    fn controls_are_made_visible() {
        let shown = visible("a\tb\u{7}\u{202E}\u{7F}\u{1b}]52");
        assert_eq!(shown, "a    b\u{2407}\u{FFFD}\u{2421}\u{241b}]52");
    }

    #[test]
    fn carets_under_emoji_sequences_and_marks() {
        let note = "👩\u{200D}💻 👍🏽 ❤\u{FE0F} cafe\u{301} conect";
        let out = plain(note, utf16(note, "conect"));
        // annotate-snippets prints a joined sequence as its parts (two glyphs, four columns); a
        // skin tone or an emoji selector is left out so that the emoji is as wide as counted.
        assert!(out.contains("1 | 👩💻 👍 ❤ cafe\u{301} conect\n"), "{out}");
        assert_eq!(carets(&out), (4 + 1 + 2 + 1 + 1 + 1 + 4 + 1, 6), "{out}");
        // Columns still count the note's characters.
        assert!(out.contains("--> note:1:17\n"), "{out}");
        // A span that starts on a combining mark underlines the whole letter.
        let out = plain(note, utf16(note, "\u{301} conect"));
        assert_eq!(carets(&out), (4 + 1 + 2 + 1 + 1 + 1 + 3, 8), "{out}");
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
        assert!(coloured.contains(&format!("{YELLOW}warning[misspelling]")));
        assert!(coloured.contains(&format!("{YELLOW}^^^^^^")));
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
