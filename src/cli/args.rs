//! Command-line parsing, by hand: the flags are few and the crate's only dependencies are serde.
//!
//! Every subcommand shares [`Options`], so a new one (say `suggest`) needs a [`Command`] variant
//! and a line in [`parse`]; the flags, their errors and stdin handling come for free.

use std::ffi::OsString;
use std::fmt;

use uncanned::{Context, Recipient};

pub const USAGE: &str = "\
Usage: uncanned check [OPTIONS] [NOTE]
       uncanned check --jsonl [OPTIONS] < notes.jsonl
       uncanned suggest [OPTIONS] [NOTE]
       uncanned suggest --jsonl [OPTIONS] < notes.jsonl";

pub const HELP: &str = "\
uncanned: reads a LinkedIn connection note the way its recipient will.

Usage: uncanned check [OPTIONS] [NOTE]
       uncanned check --jsonl [OPTIONS] < notes.jsonl
       uncanned suggest [OPTIONS] [NOTE]
       uncanned suggest --jsonl [OPTIONS] < notes.jsonl

check: reads NOTE, or standard input when NOTE is absent, and prints what a recipient
would notice: canned text, a missing reason to connect, template slots, wrong names,
length, spelling.

suggest: prints three to five ready-to-send rewrites of NOTE, best first, in the note's
language and within the limit. What only you know is left as a [slot] to fill in.

Options:
      --recipient NAME  the recipient's full name; its first word is the first name
      --limit N         the note box's limit in characters: 300, or 200 on a free account
                        (default 300)
      --sender NAME     your own name, to tell a sign-off from a greeting
      --expecting       the recipient knows you well and expects the invitation
      --color WHEN      colour the text output: auto (when standard output is a terminal
                        and NO_COLOR is unset), always or never (default auto)
      --json            print the report (check) or {\"suggestions\": [...]} (suggest)
                        as one line of JSON
      --jsonl           read one JSON object per line from standard input,
                        {\"text\": ..., \"recipient\": {\"first_name\": ..., \"full_name\": ...},
                        \"limit\": ..., \"sender_name\": ..., \"expecting\": ...}, only \"text\"
                        required, and write one JSON answer per line; the options above
                        fill in what a line leaves out
  -h, --help            print this help
  -V, --version         print the version

Exit status: check: 0 when the note is personal, 1 when it is canned or needs context;
suggest: 0. With --jsonl: 1 when a line could not be read. 2 on a usage or input error.";

#[derive(Debug, PartialEq)]
pub enum Command {
    Check(Box<Options>),
    Suggest(Box<Options>),
    Help,
    Version,
}

#[derive(Debug, Default, PartialEq)]
pub struct Options {
    /// `None`: read the note from standard input.
    pub note: Option<String>,
    pub context: Context,
    pub output: Output,
    pub color: Color,
}

/// `--color`: when the text output is coloured.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub enum Color {
    /// When standard output is a terminal and `NO_COLOR` is unset or empty.
    #[default]
    Auto,
    Always,
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
}

/// Why the command line cannot be run; shown on one line above the usage.
#[derive(Debug, PartialEq, Eq)]
pub struct UsageError(pub String);

impl fmt::Display for UsageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

fn err<T>(msg: impl Into<String>) -> Result<T, UsageError> {
    Err(UsageError(msg.into()))
}

/// Parses the arguments after the program name.
pub fn parse<I>(args: I) -> Result<Command, UsageError>
where
    I: IntoIterator<Item = OsString>,
{
    let args = to_strings(args)?;
    let mut args = args.into_iter();
    let Some(first) = args.next() else {
        return err("missing a command");
    };
    match first.as_str() {
        "-h" | "--help" | "help" => Ok(Command::Help),
        "-V" | "--version" => Ok(Command::Version),
        "check" => Ok(
            parse_options(args, "check")?.map_or(Command::Help, |o| Command::Check(Box::new(o)))
        ),
        "suggest" => Ok(parse_options(args, "suggest")?
            .map_or(Command::Help, |o| Command::Suggest(Box::new(o)))),
        other if other.starts_with('-') => {
            err(format!("expected a command before '{other}', e.g. 'check'"))
        }
        other => err(format!("unknown command '{other}'")),
    }
}

fn to_strings<I>(args: I) -> Result<Vec<String>, UsageError>
where
    I: IntoIterator<Item = OsString>,
{
    args.into_iter()
        .enumerate()
        .map(|(i, a)| {
            a.into_string().map_err(|a| {
                UsageError(format!(
                    "argument {} is not valid UTF-8: {}",
                    i + 1,
                    a.to_string_lossy()
                ))
            })
        })
        .collect()
}

/// The flags every subcommand takes. `Ok(None)` means help was asked for.
fn parse_options(
    mut args: impl Iterator<Item = String>,
    command: &str,
) -> Result<Option<Options>, UsageError> {
    let mut opts = Options::default();
    let mut json = false;
    let mut jsonl = false;
    let mut only_positional = false;

    while let Some(arg) = args.next() {
        // A lone "-" is an operand, as in most tools; a note may well start with "- ".
        if only_positional || !arg.starts_with('-') || arg == "-" {
            if opts.note.is_some() {
                return err(format!(
                    "'{command}' takes one note; quote it to keep its spaces"
                ));
            }
            opts.note = Some(arg);
            continue;
        }
        if arg == "--" {
            only_positional = true;
            continue;
        }
        let (flag, inline) = match arg.split_once('=') {
            Some((flag, value)) if flag.starts_with("--") => (flag, Some(value.to_owned())),
            _ => (arg.as_str(), None),
        };
        let mut value = |what: &str| -> Result<String, UsageError> {
            match inline.clone().or_else(|| args.next()) {
                Some(v) => Ok(v),
                None => err(format!("{flag} needs a value: {flag} {what}")),
            }
        };
        match flag {
            "-h" | "--help" => return Ok(None),
            "--recipient" => opts.context.recipient = Some(recipient(&value("\"Full Name\"")?)?),
            "--limit" => opts.context.limit = Some(limit(&value("300")?)?),
            "--sender" => {
                let name = value("\"Your Name\"")?;
                if name.trim().is_empty() {
                    return err("--sender needs a name, not an empty string");
                }
                opts.context.sender_name = Some(name.trim().to_owned());
            }
            "--color" => {
                opts.color = match value("auto")?.as_str() {
                    "auto" => Color::Auto,
                    "always" => Color::Always,
                    "never" => Color::Never,
                    other => {
                        return err(format!(
                            "--color must be auto, always or never, not '{other}'"
                        ))
                    }
                }
            }
            "--expecting" => opts.context.expecting = no_value(flag, &inline)?,
            "--json" => json = no_value(flag, &inline)?,
            "--jsonl" => jsonl = no_value(flag, &inline)?,
            _ if arg.contains(char::is_whitespace) => {
                return err(format!(
                    "unknown option '{arg}'; to check a note that starts with '-', put -- before it"
                ))
            }
            _ => return err(format!("unknown option '{flag}'")),
        }
    }

    opts.output = match (json, jsonl) {
        (true, true) => return err("--json and --jsonl exclude each other"),
        (_, true) => Output::Jsonl,
        (true, false) => Output::Json,
        (false, false) => Output::Text,
    };
    if opts.output == Output::Jsonl && opts.note.is_some() {
        return err("--jsonl reads its notes from standard input; drop the NOTE argument");
    }
    Ok(Some(opts))
}

fn no_value(flag: &str, inline: &Option<String>) -> Result<bool, UsageError> {
    match inline {
        Some(_) => err(format!("{flag} takes no value")),
        None => Ok(true),
    }
}

fn recipient(full_name: &str) -> Result<Recipient, UsageError> {
    let full_name = full_name.split_whitespace().collect::<Vec<_>>().join(" ");
    let Some(first) = full_name.split(' ').next().filter(|w| !w.is_empty()) else {
        return err("--recipient needs a name, not an empty string");
    };
    Ok(Recipient {
        first_name: Some(first.to_owned()),
        full_name: Some(full_name.clone()),
        ..Recipient::default()
    })
}

fn limit(s: &str) -> Result<u32, UsageError> {
    match s.trim().parse::<u32>() {
        Ok(n) if n > 0 => Ok(n),
        _ => err(format!(
            "--limit must be a positive whole number of characters (200 or 300), not '{s}'"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(args: &[&str]) -> Result<Command, UsageError> {
        parse(args.iter().map(OsString::from))
    }

    fn check(args: &[&str]) -> Options {
        match run(args) {
            Ok(Command::Check(o)) => *o,
            other => panic!("{args:?} gave {other:?}"),
        }
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
    }

    #[test]
    fn sender_expecting_and_outputs() {
        let o = check(&["check", "--sender", "Ana", "--expecting", "--json"]);
        assert_eq!(o.context.sender_name.as_deref(), Some("Ana"));
        assert!(o.context.expecting);
        assert_eq!(o.note, None);
        assert_eq!(o.output, Output::Json);
        assert_eq!(check(&["check", "--jsonl"]).output, Output::Jsonl);
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
    fn help_and_version() {
        assert_eq!(run(&["--help"]), Ok(Command::Help));
        assert_eq!(run(&["check", "-h"]), Ok(Command::Help));
        assert_eq!(run(&["-V"]), Ok(Command::Version));
        assert_eq!(run(&["suggest", "--help"]), Ok(Command::Help));
    }

    #[test]
    fn suggest_takes_the_same_flags() {
        match run(&[
            "suggest",
            "--limit",
            "200",
            "--recipient",
            "Sam Okafor",
            "Let's connect",
        ]) {
            Ok(Command::Suggest(o)) => {
                assert_eq!(o.context.limit, Some(200));
                assert_eq!(o.note.as_deref(), Some("Let's connect"));
            }
            other => panic!("{other:?}"),
        }
        assert!(run(&["suggest", "--jsonl", "note"]).is_err());
    }

    #[test]
    fn usage_errors_say_what_is_wrong() {
        let cases: &[(&[&str], &str)] = &[
            (&[], "missing a command"),
            (&["lint"], "unknown command 'lint'"),
            (&["check", "--frobnicate"], "unknown option '--frobnicate'"),
            (&["check", "- hi", "x"], "put -- before it"),
            (&["check", "--limit"], "--limit needs a value"),
            (&["check", "--limit", "abc"], "not 'abc'"),
            (&["check", "--limit", "0"], "not '0'"),
            (&["check", "--limit", "-5"], "not '-5'"),
            (
                &["check", "--limit", "99999999999"],
                "positive whole number",
            ),
            (&["check", "--recipient", " "], "--recipient needs a name"),
            (&["check", "one", "two"], "takes one note"),
            (&["check", "--json", "--jsonl"], "exclude each other"),
            (&["check", "--jsonl", "note"], "drop the NOTE"),
            (&["check", "--json=yes"], "--json takes no value"),
        ];
        for (args, want) in cases {
            let got = run(args).expect_err(&format!("{args:?} should fail"));
            assert!(got.0.contains(want), "{args:?}: {got} lacks {want:?}");
        }
    }

    #[cfg(unix)]
    #[test]
    fn non_utf8_argument_is_a_usage_error() {
        use std::os::unix::ffi::OsStringExt;
        let args = vec![
            OsString::from("check"),
            OsString::from_vec(vec![b'h', 0xff]),
        ];
        assert!(parse(args).unwrap_err().0.contains("argument 2"));
    }
}
