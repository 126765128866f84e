//! The command line, declared for `clap`: help, `--version`, "did you mean" and the usage errors
//! come from it.
//!
//! Every note-reading subcommand shares [`NoteArgs`], so a new one needs a [`Command`] variant
//! and a line in `run`; the flags, their errors and stdin handling come for free.

use std::ffi::OsString;

use clap::{Args, Parser, Subcommand, ValueEnum};

use uncanned::{Context, Recipient};

const ABOUT: &str = "uncanned: reads a LinkedIn connection note the way its recipient will.";

const USAGE: &str = "\
uncanned check [OPTIONS] [NOTE]
       uncanned check --jsonl [OPTIONS] < notes.jsonl
       uncanned suggest [OPTIONS] [NOTE]
       uncanned suggest --jsonl [OPTIONS] < notes.jsonl
       uncanned rules";

const AFTER_HELP: &str = "\
Options of check and suggest (see 'uncanned check --help'): --recipient, --limit, --sender,
--expecting, --json, --jsonl, --format, --color.

Exit status: check: 0 when the note is personal, 1 when it is canned or needs context;
suggest: 0. With --jsonl: 1 when a line could not be read. 2 on a usage or input error.";

#[derive(Debug, Parser)]
#[command(
    name = "uncanned",
    version,
    about = ABOUT,
    override_usage = USAGE,
    after_help = AFTER_HELP,
    subcommand_required = true,
    arg_required_else_help = false
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print what a recipient would notice in NOTE: canned text, a missing reason to connect,
    /// template slots, wrong names, length, spelling.
    #[command(
        after_help = "Exit status: 0 when the note is personal, 1 when it is canned or \
                            needs context or, with --jsonl, a line could not be read; 2 on a \
                            usage or input error."
    )]
    Check(NoteArgs),
    /// Print three to five ready-to-send rewrites of NOTE, best first, in the note's language
    /// and within the limit. What only you know is left as a [slot] to fill in.
    #[command(
        after_help = "Exit status: 0, or 1 with --jsonl when a line could not be read; \
                            2 on a usage or input error."
    )]
    Suggest(NoteArgs),
    /// List every rule with what it means.
    Rules,
}

/// The flags every note-reading subcommand takes.
#[derive(Debug, Args)]
pub struct NoteArgs {
    /// The note; standard input when absent. Put -- before a note that starts with '-'.
    #[arg(conflicts_with = "jsonl")]
    pub note: Option<String>,

    /// The recipient's full name; its first word is the first name.
    #[arg(long, value_name = "NAME", value_parser = recipient)]
    pub recipient: Option<Recipient>,

    /// The note box's limit in characters: 300, or 200 on a free account [default: 300].
    #[arg(long, value_name = "N", value_parser = limit)]
    pub limit: Option<u32>,

    /// Your own name, to tell a sign-off from a greeting.
    #[arg(long, value_name = "NAME", value_parser = sender)]
    pub sender: Option<String>,

    /// The recipient knows you well and expects the invitation.
    #[arg(long)]
    pub expecting: bool,

    /// Print the report (check) or {"suggestions": [...]} (suggest) as one line of JSON; the
    /// same as --format json.
    #[arg(long, conflicts_with = "jsonl")]
    pub json: bool,

    /// Read one JSON object per line from standard input, {"text": ..., "recipient":
    /// {"first_name": ..., "full_name": ..., "mutuals": [...], "shared_school": ..., "posts":
    /// [...], ...}, "limit": ..., "sender_name": ..., "expecting": ...}, only "text" required,
    /// and write one JSON answer per line; the options fill in what a line leaves out. The same
    /// as --format jsonl.
    #[arg(long)]
    pub jsonl: bool,

    /// The output's form: text (rustc-style diagnostics and a summary), json, jsonl (see
    /// --json, --jsonl) or line: one finding per line, 'note:LINE:COL: SEVERITY[RULE]: MESSAGE',
    /// as editors' problem matchers read (suggest: one rewrite per line).
    #[arg(long, value_name = "FORMAT", value_enum, conflicts_with_all = ["json", "jsonl"])]
    pub format: Option<Format>,

    /// Colour the text output: auto colours a terminal unless NO_COLOR is set.
    #[arg(long, value_name = "WHEN", value_enum, default_value_t = Color::Auto)]
    pub color: Color,

    #[command(flatten)]
    pub page: PageArgs,
}

/// What the recipient's profile shows beside the dialog: the unnamed-mutuals fix offers each
/// named mutual connection, and rewrites are ranked by and filled with these facts.
#[derive(Debug, Default, Args)]
#[command(next_help_heading = "What the profile shows")]
pub struct PageArgs {
    /// A mutual connection the profile names (repeat for each, in the page's order).
    #[arg(long = "mutual", value_name = "NAME")]
    pub mutuals: Vec<String>,

    /// How many mutual connections the profile counts.
    #[arg(long, value_name = "N")]
    pub mutual_count: Option<u32>,

    /// "You both studied at SCHOOL", as the profile says it.
    #[arg(long, value_name = "SCHOOL")]
    pub shared_school: Option<String>,

    /// "You both worked at EMPLOYER", as the profile says it.
    #[arg(long, value_name = "EMPLOYER")]
    pub shared_employer: Option<String>,

    /// A group you are both members of.
    #[arg(long, value_name = "GROUP")]
    pub shared_group: Option<String>,

    /// The title of one of their recent posts or articles (repeat, newest first).
    #[arg(long = "post", value_name = "TITLE")]
    pub posts: Vec<String>,

    /// The language their profile is written in (pt, de, …): rewrites in it are added when it
    /// is not the note's.
    #[arg(long, value_name = "LANG")]
    pub profile_lang: Option<String>,
}

impl PageArgs {
    fn is_empty(&self) -> bool {
        self.mutuals.is_empty()
            && self.posts.is_empty()
            && [
                &self.shared_school,
                &self.shared_employer,
                &self.shared_group,
                &self.profile_lang,
            ]
            .iter()
            .all(|f| f.is_none())
            && self.mutual_count.is_none()
    }

    /// `recipient` with these facts, or a recipient with only them.
    fn onto(self, recipient: Option<Recipient>) -> Option<Recipient> {
        if self.is_empty() {
            return recipient;
        }
        Some(Recipient {
            mutuals: self.mutuals,
            mutual_count: self.mutual_count,
            shared_school: self.shared_school,
            shared_employer: self.shared_employer,
            shared_group: self.shared_group,
            posts: self.posts,
            profile_lang: self.profile_lang,
            ..recipient.unwrap_or_default()
        })
    }
}

/// `--format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// rustc-style diagnostics and a summary.
    Text,
    /// One line of JSON.
    Json,
    /// Notes in, answers out, one JSON object per line.
    Jsonl,
    /// One finding per line: note:LINE:COL: SEVERITY[RULE]: MESSAGE.
    Line,
}

/// `--color`: when the text output is coloured.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Color {
    /// When standard output is a terminal and NO_COLOR is unset or empty.
    #[default]
    Auto,
    /// Even into a pipe or a file.
    Always,
    /// Never.
    Never,
}

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub enum Output {
    /// rustc-style diagnostics and a summary.
    #[default]
    Text,
    /// One report as one line of JSON.
    Json,
    /// Notes in, reports out, one JSON object per line.
    Jsonl,
    /// One finding per line, for editors' problem matchers.
    Line,
}

/// What a note-reading subcommand runs with.
#[derive(Debug, Default, PartialEq)]
pub struct Options {
    /// `None`: read the note from standard input.
    pub note: Option<String>,
    pub context: Context,
    pub output: Output,
    pub color: Color,
}

impl From<NoteArgs> for Options {
    fn from(a: NoteArgs) -> Self {
        Options {
            note: a.note,
            context: Context {
                recipient: a.page.onto(a.recipient),
                limit: a.limit,
                sender_name: a.sender,
                expecting: a.expecting,
                ..Context::default()
            },
            output: match (a.format, a.json, a.jsonl) {
                (Some(Format::Jsonl), ..) | (None, _, true) => Output::Jsonl,
                (Some(Format::Json), ..) | (None, true, _) => Output::Json,
                (Some(Format::Line), ..) => Output::Line,
                (Some(Format::Text), ..) | (None, false, false) => Output::Text,
            },
            color: a.color,
        }
    }
}

/// A usage error as the command prints it: clap's message led by the program's name, as every
/// other error is, and a hint when the culprit is a note that starts with '-', which clap reads
/// as a cluster of short flags.
pub fn usage_message(e: &clap::Error, args: impl IntoIterator<Item = OsString>) -> String {
    let text = e.render().to_string();
    let mut text = format!(
        "uncanned: {}",
        text.strip_prefix("error: ").unwrap_or(&text)
    );
    let dashed_note = args.into_iter().skip(1).any(|a| {
        a.to_str().is_some_and(|a| {
            a.starts_with('-') && !a.starts_with("--") && a.contains(char::is_whitespace)
        })
    });
    if e.kind() == clap::error::ErrorKind::UnknownArgument && dashed_note {
        text.push_str("\nTo check a note that starts with '-', put -- before it.\n");
    }
    text
}

fn recipient(full_name: &str) -> Result<Recipient, String> {
    let full_name = full_name.split_whitespace().collect::<Vec<_>>().join(" ");
    let Some(first) = full_name.split(' ').next().filter(|w| !w.is_empty()) else {
        return Err("--recipient needs a name, not an empty string".into());
    };
    Ok(Recipient {
        first_name: Some(first.to_owned()),
        full_name: Some(full_name.clone()),
        ..Recipient::default()
    })
}

fn sender(name: &str) -> Result<String, String> {
    match name.trim() {
        "" => Err("--sender needs a name, not an empty string".into()),
        name => Ok(name.to_owned()),
    }
}

fn limit(s: &str) -> Result<u32, String> {
    match s.trim().parse::<u32>() {
        Ok(n) if n > 0 => Ok(n),
        _ => Err("--limit must be a positive whole number of characters (200 or 300)".into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    fn run(args: &[&str]) -> Result<Command, clap::Error> {
        Cli::try_parse_from(std::iter::once("uncanned").chain(args.iter().copied()))
            .map(|c| c.command)
    }

    fn check(args: &[&str]) -> Options {
        match run(args) {
            Ok(Command::Check(o)) => o.into(),
            other => panic!("{args:?} gave {other:?}"),
        }
    }

    #[test]
    fn the_declaration_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn flags_in_any_order_and_both_spellings() {
        let o = check(&[
            "check",
            "--limit=200",
            "Hi there",
            "--recipient",
            "  Marco   Ricci ",
        ]);
        assert_eq!(o.note.as_deref(), Some("Hi there"));
        assert_eq!(o.context.limit, Some(200));
        let r = o.context.recipient.unwrap();
        assert_eq!(r.first_name.as_deref(), Some("Marco"));
        assert_eq!(r.full_name.as_deref(), Some("Marco Ricci"));
        assert_eq!(o.output, Output::Text);
        assert_eq!(o.color, Color::Auto);
    }

    #[test]
    fn sender_expecting_and_outputs() {
        let o = check(&["check", "--sender", " Ana ", "--expecting", "--json"]);
        assert_eq!(o.context.sender_name.as_deref(), Some("Ana"));
        assert!(o.context.expecting);
        assert_eq!(o.note, None);
        assert_eq!(o.output, Output::Json);
        assert_eq!(check(&["check", "--jsonl"]).output, Output::Jsonl);
        assert_eq!(check(&["check", "--color", "never"]).color, Color::Never);
        for (format, output) in [
            ("text", Output::Text),
            ("json", Output::Json),
            ("jsonl", Output::Jsonl),
            ("line", Output::Line),
        ] {
            assert_eq!(check(&["check", "--format", format]).output, output);
        }
    }

    #[test]
    fn what_the_profile_shows() {
        let o = check(&[
            "check",
            "--mutual",
            "Marcos Souza",
            "--recipient",
            "Joana Lima",
            "--mutual=Ana Lima",
            "--mutual-count",
            "12",
            "--shared-school",
            "Universidade do Porto",
            "--post",
            "Why metrics lie",
            "--profile-lang",
            "pt",
        ]);
        let r = o.context.recipient.unwrap();
        assert_eq!(r.full_name.as_deref(), Some("Joana Lima"));
        assert_eq!(r.mutuals, ["Marcos Souza", "Ana Lima"]);
        assert_eq!(r.mutual_count, Some(12));
        assert_eq!(r.shared_school.as_deref(), Some("Universidade do Porto"));
        assert_eq!(r.posts, ["Why metrics lie"]);
        assert_eq!(r.profile_lang.as_deref(), Some("pt"));
        assert_eq!(check(&["check"]).context.recipient, None);
    }

    #[test]
    fn notes_that_look_like_flags() {
        assert_eq!(
            check(&["check", "--", "--json"]).note.as_deref(),
            Some("--json")
        );
        assert_eq!(check(&["check", "-"]).note.as_deref(), Some("-"));
    }

    #[test]
    fn suggest_takes_the_same_flags_and_rules_none() {
        match run(&[
            "suggest",
            "--limit",
            "200",
            "--recipient",
            "Sam Okafor",
            "Let's connect",
        ]) {
            Ok(Command::Suggest(o)) => {
                let o = Options::from(o);
                assert_eq!(o.context.limit, Some(200));
                assert_eq!(o.note.as_deref(), Some("Let's connect"));
            }
            other => panic!("{other:?}"),
        }
        assert!(run(&["suggest", "--jsonl", "note"]).is_err());
        assert!(matches!(run(&["rules"]), Ok(Command::Rules)));
        assert!(run(&["rules", "--json"]).is_err());
    }

    #[test]
    fn usage_errors_say_what_is_wrong() {
        let cases: &[(&[&str], &str)] = &[
            (&["lint"], "'lint'"),
            (&["check", "--frobnicate"], "'--frobnicate'"),
            (&["check", "--recipent", "x"], "--recipient"),
            (&["check", "- hi", "x"], "put -- before it"),
            (&["check", "--limit"], "--limit"),
            (&["check", "--limit", "abc"], "'abc'"),
            (&["check", "--limit", "0"], "positive whole number"),
            (&["check", "--limit", "-5"], "-5"),
            (
                &["check", "--limit", "99999999999"],
                "positive whole number",
            ),
            (&["check", "--recipient", " "], "--recipient needs a name"),
            (&["check", "--sender", ""], "--sender needs a name"),
            (&["check", "one", "two"], "'two'"),
            (&["check", "--json", "--jsonl"], "--jsonl"),
            (&["check", "--jsonl", "note"], "NOTE"),
            (&["check", "--json=yes"], "--json"),
            (&["check", "--color", "sometimes"], "sometimes"),
            (&["check", "--format", "xml"], "xml"),
            (&["check", "--format", "line", "--json"], "--json"),
        ];
        for (args, want) in cases {
            let got = run(args).expect_err(&format!("{args:?} should fail"));
            let argv = std::iter::once("uncanned").chain(args.iter().copied());
            let text = usage_message(&got, argv.map(OsString::from));
            assert!(text.starts_with("uncanned: "), "{text}");
            assert!(text.contains(want), "{args:?}: {text} lacks {want:?}");
        }
    }
}
