//! The command line: `parallax [FILE...]` opens the app, `parallax compare FILE...` writes a
//! report without a window.
//!
//! Exit codes of `compare`: 0 when every input was read and compared, 1 when some failed (the
//! report still covers the rest) or the report could not be written, 2 for a usage error.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::analysis::{self, Input};
use crate::ingest::Metadata;
use crate::load;
use crate::report::{self, ReportFormat};
use crate::save;
use crate::saved::{Lexicons, SavedComparison, View};

#[derive(Debug, Parser)]
#[command(
    name = "parallax",
    version,
    about = "Compare how several outlets cover the same event.",
    args_conflicts_with_subcommands = true
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// Articles to open in the app (text, Markdown or HTML); the bundled samples when none.
    files: Vec<PathBuf>,
    /// Open the window, save a picture of it as PNG once the comparison is shown, and exit.
    #[arg(long, value_name = "OUT.png")]
    screenshot: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Compare articles and write a report, without opening a window.
    Compare(CompareArgs),
}

#[derive(Debug, clap::Args)]
struct CompareArgs {
    /// The articles to compare: plain text, Markdown or saved HTML pages; a saved comparison
    /// (`.parallax`) brings its documents, edits and lexicon additions.
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// Report format.
    #[arg(long, short, value_enum, default_value_t = ReportFormat::Json)]
    format: ReportFormat,
    /// Write the report here instead of to standard output.
    #[arg(long, short)]
    output: Option<PathBuf>,
    /// Also save the comparison (documents, edits, lexicon additions) to reopen later, e.g.
    /// `--save-comparison story.parallax`.
    #[arg(long, value_name = "FILE.parallax")]
    save_comparison: Option<PathBuf>,
    /// Name each file in the report and the saved comparison by its name alone, with only the
    /// folders it takes to tell two files apart, instead of the path as given.
    #[arg(long)]
    hide_folders: bool,
    /// Set a document's outlet, e.g. `--outlet 2="Valley Ledger"` (N is the file's position, from 1).
    #[arg(long = "outlet", value_name = "N=NAME")]
    outlets: Vec<String>,
    /// Set a document's date, e.g. `--date 1=2026-03-12`.
    #[arg(long = "date", value_name = "N=YYYY-MM-DD")]
    dates: Vec<String>,
    /// Set a document's title.
    #[arg(long = "title", value_name = "N=TITLE")]
    titles: Vec<String>,
    /// Add reporting verbs, or change their class, from a file written like
    /// assets/lexicon/reporting-verbs.txt (`loaded opine opined opines`). May be repeated.
    #[arg(long = "verbs", value_name = "FILE")]
    verbs: Vec<PathBuf>,
    /// Add framing-term families, or replace one by its concept, from a file written like
    /// assets/lexicon/framing-terms.txt (`label war: war | conflict`). May be repeated.
    #[arg(long = "terms", value_name = "FILE")]
    terms: Vec<PathBuf>,
}

/// Runs the command line given as `args` (the program name first).
pub fn run<I, T>(args: I) -> ExitCode
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(error) => {
            let _ = error.print();
            return ExitCode::from(u8::try_from(error.exit_code()).unwrap_or(2));
        }
    };
    match cli.command {
        Some(Command::Compare(args)) => compare(&args),
        None => open_app(&cli.files, cli.screenshot),
    }
}

fn usage_error(message: &str) -> ExitCode {
    eprintln!("parallax: {message}");
    eprintln!("Try 'parallax compare --help'.");
    ExitCode::from(2)
}

/// `N=VALUE` settings from the command line, as (0-based position, value).
fn parse_settings(
    flag: &str,
    settings: &[String],
    files: usize,
) -> Result<Vec<(usize, String)>, String> {
    settings
        .iter()
        .map(|setting| {
            let (position, value) = setting
                .split_once('=')
                .ok_or_else(|| format!("--{flag} wants N=VALUE, got '{setting}'"))?;
            let position: usize = position
                .trim()
                .parse()
                .ok()
                .filter(|n| (1..=files).contains(n))
                .ok_or_else(|| {
                    format!("--{flag} {setting}: N must be a file position from 1 to {files}")
                })?;
            Ok((position - 1, value.trim().to_owned()))
        })
        .collect()
}

fn user_metadata(args: &CompareArgs) -> Result<Vec<Metadata>, String> {
    let mut user = vec![Metadata::default(); args.files.len()];
    for (i, outlet) in parse_settings("outlet", &args.outlets, args.files.len())? {
        user[i].outlet = Some(outlet);
    }
    for (i, title) in parse_settings("title", &args.titles, args.files.len())? {
        user[i].title = Some(title);
    }
    for (i, date) in parse_settings("date", &args.dates, args.files.len())? {
        if analysis::metadata::find_date(&date).as_deref() != Some(date.as_str()) {
            return Err(format!(
                "--date {}={date}: the date must be a real date written YYYY-MM-DD",
                i + 1
            ));
        }
        user[i].date = Some(date);
    }
    Ok(user)
}

/// The user's lexicon additions from `--verbs` and `--terms` files, each checked.
fn lexicons(args: &CompareArgs) -> Result<Lexicons, String> {
    let mut lexicons = Lexicons::default();
    let mut check = analysis::Options::default();
    for path in &args.verbs {
        let text = load::read_lexicon(path)?;
        check
            .verbs
            .extend(&text)
            .map_err(|error| format!("{}: {error}", path.display()))?;
        lexicons.verbs.push(text);
    }
    for path in &args.terms {
        let text = load::read_lexicon(path)?;
        check
            .terms
            .extend(&text)
            .map_err(|error| format!("{}: {error}", path.display()))?;
        lexicons.terms.push(text);
    }
    Ok(lexicons)
}

fn compare(args: &CompareArgs) -> ExitCode {
    let user = match user_metadata(args) {
        Ok(user) => user,
        Err(message) => return usage_error(&message),
    };
    let mut lexicons = match lexicons(args) {
        Ok(lexicons) => lexicons,
        Err(message) => return usage_error(&message),
    };
    let mut inputs = Vec::new();
    let mut problems = Vec::new();
    for (path, user) in args.files.iter().zip(user) {
        if load::is_saved_comparison(path) {
            // Its documents, with the edits saved in it; its lexicon additions join the user's.
            match load::load_saved(path) {
                Ok(saved) => {
                    inputs.extend(saved.inputs());
                    lexicons.append(saved.lexicons);
                }
                Err(error) => problems.push(error.to_problem()),
            }
            continue;
        }
        match load::load_path(path) {
            Ok(source) => inputs.push(Input { source, user }),
            Err(error) => problems.push(error.to_problem()),
        }
    }
    let options = match lexicons.options() {
        Ok(options) => options,
        Err(message) => return usage_error(&message),
    };
    if let Some(path) = &args.save_comparison {
        let mut saved = SavedComparison::new(&inputs, lexicons, View::default());
        if args.hide_folders {
            saved = saved.without_folders();
        }
        if let Err(error) = save::write_atomically(path, saved.to_json().as_bytes()) {
            eprintln!(
                "parallax: cannot save the comparison ({error}): {}",
                path.display()
            );
            return ExitCode::from(1);
        }
    }
    let mut comparison = analysis::analyze_with(&inputs, &options);
    for problem in problems.iter().chain(&comparison.problems) {
        eprintln!("parallax: {}: {}", problem.message, problem.path);
    }
    for document in &comparison.documents {
        for note in &document.notes {
            eprintln!("parallax: note: {note}: {}", document.path);
        }
    }
    let failed = !problems.is_empty() || !comparison.problems.is_empty();
    problems.append(&mut comparison.problems);
    comparison.problems = problems;
    if args.hide_folders {
        comparison = comparison.without_folders();
    }
    let text = report::render(&comparison, args.format);
    let written = match &args.output {
        Some(path) => save::write_atomically(path, text.as_bytes())
            .map_err(|error| format!("cannot write the report ({error}): {}", path.display())),
        None => std::io::stdout()
            .lock()
            .write_all(text.as_bytes())
            .map_err(|error| format!("cannot write the report to standard output ({error})")),
    };
    if let Err(message) = written {
        eprintln!("parallax: {message}");
        return ExitCode::from(1);
    }
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

#[cfg(feature = "app")]
fn open_app(files: &[PathBuf], screenshot: Option<PathBuf>) -> ExitCode {
    match crate::app::run(files, screenshot) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("parallax: {error:#}");
            ExitCode::from(1)
        }
    }
}

#[cfg(not(feature = "app"))]
fn open_app(_files: &[PathBuf], _screenshot: Option<PathBuf>) -> ExitCode {
    eprintln!(
        "parallax: this build has no window (built without the `app` feature); use `parallax compare`"
    );
    ExitCode::from(2)
}
