//! The `uncanned` command: argument parsing, reading the note, and the three output forms.
//!
//! To add a subcommand, give [`args::Command`] a variant (with [`args::NoteArgs`] for the
//! shared options) and dispatch it in [`run`]; [`read_note`] and [`jsonl::run`] work for any
//! answer that serializes.

mod args;
mod jsonl;
mod render;

use std::io::{self, BufReader, IsTerminal, Read, Write};
use std::process::ExitCode;

use args::{Cli, Color, Command, Options, Output};
use clap::{CommandFactory, Parser};
use render::Style;
use uncanned::Verdict;

/// What stopped a command before it could answer; every case exits with status 2.
enum Failure {
    Input(String),
    Output(io::Error),
}

impl From<io::Error> for Failure {
    fn from(e: io::Error) -> Self {
        Failure::Output(e)
    }
}

pub fn run() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return usage_error(e),
    };
    if let Command::Check(a) | Command::Suggest(a) = &cli.command {
        if a.note.is_some() && a.format == Some(args::Format::Jsonl) {
            let e = Cli::command().error(
                clap::error::ErrorKind::ArgumentConflict,
                "--format jsonl reads its notes from standard input; drop the NOTE argument",
            );
            return usage_error(e);
        }
    }
    let result = match cli.command {
        Command::Check(a) => check(a.into()),
        Command::Suggest(a) => suggest(a.into()),
        Command::Rules => rules(),
    };
    match result {
        Ok(code) => code,
        Err(Failure::Input(msg)) => {
            eprintln!("uncanned: {msg}");
            ExitCode::from(2)
        }
        // A reader that stops early (`| head`) is not an error worth a message.
        Err(Failure::Output(e)) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::from(2),
        Err(Failure::Output(e)) => {
            eprintln!("uncanned: cannot write the output: {e}");
            ExitCode::from(2)
        }
    }
}

/// `--help` and `--version` print and exit 0; a usage error is clap's message, led by the
/// program's name as every other error is, and exits 2.
fn usage_error(e: clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) {
        return match e.print() {
            Ok(()) => ExitCode::SUCCESS,
            Err(_) => ExitCode::from(2),
        };
    }
    eprint!("{}", args::usage_message(&e, std::env::args_os()));
    ExitCode::from(2)
}

/// `uncanned rules`: every rule id, padded to a column, then what it means.
fn rules() -> Result<ExitCode, Failure> {
    let width = uncanned::rules::RULE_IDS
        .iter()
        .map(|id| id.len())
        .max()
        .unwrap_or(0);
    let mut out = io::stdout().lock();
    for id in uncanned::rules::RULE_IDS {
        writeln!(out, "{id:width$}  {}", uncanned::rules::title(id, None))?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn check(opts: Options) -> Result<ExitCode, Failure> {
    let stdout = io::stdout();
    if opts.output == Output::Jsonl {
        return jsonl_run(&opts, uncanned::analyze);
    }

    let note = match opts.note {
        Some(note) => note,
        None => read_note()?,
    };
    let report = uncanned::analyze(&note, &opts.context);
    let mut out = stdout.lock();
    if opts.output == Output::Json {
        serde_json::to_writer(&mut out, &report).map_err(io::Error::from)?;
        out.write_all(b"\n")?;
    } else if opts.output == Output::Line {
        out.write_all(render::render_lines(&note, &report).as_bytes())?;
    } else {
        let style = Style {
            color: use_color(opts.color, out.is_terminal()),
        };
        out.write_all(render::render(&note, &report, style).as_bytes())?;
    }
    out.flush()?;
    Ok(if report.verdict == Verdict::Personal {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// What `suggest --json` and `--jsonl` print: the same shape as the wasm's `suggest`.
#[derive(serde::Serialize)]
struct Suggestions {
    suggestions: Vec<uncanned::Suggestion>,
}

fn suggest(opts: Options) -> Result<ExitCode, Failure> {
    let answer = |text: &str, ctx: &uncanned::Context| Suggestions {
        suggestions: uncanned::suggest(text, ctx),
    };
    if opts.output == Output::Jsonl {
        return jsonl_run(&opts, answer);
    }
    let note = match opts.note {
        Some(note) => note,
        None => read_note()?,
    };
    let found = answer(&note, &opts.context);
    let mut out = io::stdout().lock();
    if opts.output == Output::Json {
        serde_json::to_writer(&mut out, &found).map_err(io::Error::from)?;
        out.write_all(b"\n")?;
    } else if opts.output == Output::Line {
        out.write_all(render::render_suggestion_lines(&found.suggestions).as_bytes())?;
    } else {
        let style = Style {
            color: use_color(opts.color, out.is_terminal()),
        };
        out.write_all(render::render_suggestions(&found.suggestions, style).as_bytes())?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// `--jsonl` for any command: exit 1 when a line could not be answered.
fn jsonl_run<T: serde::Serialize>(
    opts: &Options,
    answer: impl FnMut(&str, &uncanned::Context) -> T,
) -> Result<ExitCode, Failure> {
    let mut input = BufReader::with_capacity(1 << 16, io::stdin().lock());
    let mut out = io::BufWriter::with_capacity(1 << 16, io::stdout().lock());
    let bad = jsonl::run(&mut input, &mut out, &opts.context, answer).map_err(|e| match e {
        jsonl::Error::Read(e) => Failure::Input(format!("cannot read standard input: {e}")),
        jsonl::Error::Write(e) => Failure::Output(e),
    })?;
    Ok(if bad == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// The whole of standard input, less the line break that `echo` and editors add.
fn read_note() -> Result<String, Failure> {
    let mut stdin = io::stdin().lock();
    if stdin.is_terminal() {
        eprintln!("uncanned: reading the note from standard input; end it with Ctrl-D");
    }
    let mut bytes = Vec::new();
    stdin
        .read_to_end(&mut bytes)
        .map_err(|e| Failure::Input(format!("cannot read standard input: {e}")))?;
    let mut note = String::from_utf8(bytes).map_err(|e| {
        Failure::Input(format!(
            "standard input is not valid UTF-8 (bad byte at offset {}); save the note as UTF-8",
            e.utf8_error().valid_up_to()
        ))
    })?;
    if note.ends_with('\n') {
        note.pop();
        if note.ends_with('\r') {
            note.pop();
        }
    }
    Ok(note)
}

/// `--color auto` colours a terminal only, and <https://no-color.org>: any non-empty NO_COLOR
/// turns it off. `--color always` and `never` win over both.
fn use_color(choice: Color, terminal: bool) -> bool {
    match choice {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => terminal && !no_color(),
    }
}

fn no_color() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}
