//! The `uncanned` command-line checker; everything but the entry point is in `cli/`.

mod cli;

fn main() -> std::process::ExitCode {
    cli::run()
}
