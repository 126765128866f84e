//! The `uncanned` command: argument parsing, reading the note, and the three output forms.
//!
//! To add a subcommand, give [`args::Command`] a variant, parse it in [`args::parse`] with the
//! shared options, and dispatch it in [`run`]; [`read_note`] and [`jsonl::run`] work for any
//! answer that serializes.

mod args;
mod jsonl;
mod render;
mod width;

use std::io::{self, BufReader, IsTerminal, Read, Write};
use std::process::ExitCode;

use args::{Color, Command, Options, Output};
use render::Style;
use uncanned::Verdict;

/// What stopped a command before it could answer; every case exits with status 2.
enum Failure {
    Usage(args::UsageError),
    Input(String),
    Output(io::Error),
}

impl From<io::Error> for Failure {
    fn from(e: io::Error) -> Self {
        Failure::Output(e)
    }
}

pub fn run() -> ExitCode {
    let result = args::parse(std::env::args_os().skip(1))
        .map_err(Failure::Usage)
        .and_then(|command| match command {
            Command::Help => print(args::HELP),
            Command::Version => print(concat!("uncanned ", env!("CARGO_PKG_VERSION"))),
            Command::Check(opts) => check(*opts),
            Command::Suggest(opts) => suggest(*opts),
        });
    match result {
        Ok(code) => code,
        Err(Failure::Usage(e)) => {
            eprintln!(
                "uncanned: {e}\n\n{}\n\nFor more, try 'uncanned --help'.",
                args::USAGE
            );
            ExitCode::from(2)
        }
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

fn print(text: &str) -> Result<ExitCode, Failure> {
    writeln!(io::stdout().lock(), "{text}")?;
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
