//! The command line: `parallax [FILE...]` opens the app, `parallax compare FILE...` writes a
//! report without a window.
//!
//! Exit codes of `compare`: 0 when every input was read and compared, 1 when some failed (the
//! report still covers the rest) or the report could not be written, 2 for a usage error.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::analysis::{self, Input};
use crate::comparison::Problem;
use crate::ingest::Metadata;
use crate::load;
use crate::report::{self, ReportFormat};
use crate::save;
use crate::saved::{LexiconKind, Lexicons, SavedComparison, View};

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
    eprintln!("parallax: {}", shown(message));
    eprintln!("Try 'parallax compare --help'.");
    ExitCode::from(2)
}

/// `text` as it is safe to print on a terminal: control characters (escape sequences that
/// could clear the screen or retitle the window, line breaks that could forge another message
/// line) and the invisible marks that reorder text are shown escaped, as `\x1b`, `\n`,
/// `\u{202e}`.
#[must_use]
pub fn shown(text: &str) -> std::borrow::Cow<'_, str> {
    let unsafe_char = |c: char| {
        c.is_control()
            || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    };
    if !text.contains(unsafe_char) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if u32::from(c) < 0x100 && unsafe_char(c) => {
                out.push_str(&format!("\\x{:02x}", u32::from(c)));
            }
            c if unsafe_char(c) => out.push_str(&format!("\\u{{{:x}}}", u32::from(c))),
            c => out.push(c),
        }
    }
    std::borrow::Cow::Owned(out)
}

/// A message on standard error: `parallax: MESSAGE: PATH`, both shown safely.
fn say(message: &str, path: &str) {
    eprintln!("parallax: {}: {}", shown(message), shown(path));
}

/// `N=VALUE` settings from the command line, as (0-based position, value).
fn parse_settings(
    flag: &str,
    settings: &[String],
    files: &[PathBuf],
) -> Result<Vec<(usize, String)>, String> {
    let count = files.len();
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
                .filter(|n| (1..=count).contains(n))
                .ok_or_else(|| {
                    format!("--{flag} {setting}: N must be a file position from 1 to {count}")
                })?;
            let file = &files[position - 1];
            if load::is_saved_comparison(file) {
                return Err(format!(
                    "--{flag} {setting}: file {position} is a saved comparison, which may hold \
                     several articles with their own settings; --{flag} sets one article's \
                     ({})",
                    file.display()
                ));
            }
            Ok((position - 1, value.trim().to_owned()))
        })
        .collect()
}

fn user_metadata(args: &CompareArgs) -> Result<Vec<Metadata>, String> {
    let mut user = vec![Metadata::default(); args.files.len()];
    for (i, outlet) in parse_settings("outlet", &args.outlets, &args.files)? {
        user[i].outlet = Some(outlet);
    }
    for (i, title) in parse_settings("title", &args.titles, &args.files)? {
        user[i].title = Some(title);
    }
    for (i, date) in parse_settings("date", &args.dates, &args.files)? {
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
    let files = args
        .verbs
        .iter()
        .map(|path| (LexiconKind::Verbs, path))
        .chain(args.terms.iter().map(|path| (LexiconKind::Terms, path)));
    for (kind, path) in files {
        let text = load::read_lexicon(path)?;
        lexicons
            .add(kind, text)
            .map_err(|error| format!("{}: {error}", path.display()))?;
    }
    Ok(lexicons)
}

/// The outputs asked for, as (what it is, path), checked against each other and the inputs.
fn outputs(args: &CompareArgs) -> Result<Vec<(&'static str, &Path)>, String> {
    let mut outputs = Vec::new();
    if let Some(path) = &args.output {
        outputs.push(("the report", path.as_path()));
    }
    if let Some(path) = &args.save_comparison {
        outputs.push(("the saved comparison", path.as_path()));
    }
    let inputs: Vec<&PathBuf> = args
        .files
        .iter()
        .chain(&args.verbs)
        .chain(&args.terms)
        .collect();
    save::check_outputs(&outputs, &inputs).map_err(|conflict| conflict.to_string())?;
    Ok(outputs)
}

fn compare(args: &CompareArgs) -> ExitCode {
    let user = match user_metadata(args) {
        Ok(user) => user,
        Err(message) => return usage_error(&message),
    };
    if let Err(message) = outputs(args) {
        return usage_error(&message);
    }
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
                    let name = path.to_string_lossy();
                    inputs.extend(saved.inputs_from(&name));
                    for message in lexicons.append_checked(saved.lexicons) {
                        problems.push(Problem {
                            path: name.clone().into_owned(),
                            message,
                        });
                    }
                }
                Err(error) => problems.push(error.to_problem()),
            }
            continue;
        }
        match load::load_path(path) {
            Ok(source) => inputs.push(Input {
                source,
                user,
                saved_in: None,
            }),
            Err(error) => problems.push(error.to_problem()),
        }
    }
    // Every addition was checked as it came in.
    let options = lexicons.options().unwrap_or_default();
    let (mut comparison, compared) = analysis::analyze_inputs(&inputs, &options);
    for problem in problems.iter().chain(&comparison.problems) {
        say(&problem.message, &problem.path);
    }
    for (document, &input) in comparison.documents.iter().zip(&compared) {
        for note in &document.notes {
            match &inputs[input].saved_in {
                Some(saved) => say(
                    &format!("note: its article “{}”: {note}", document.path),
                    saved,
                ),
                None => say(&format!("note: {note}"), &document.path),
            }
        }
    }
    let mut failed = !problems.is_empty() || !comparison.problems.is_empty();
    problems.append(&mut comparison.problems);
    comparison.problems = problems;
    // Each output succeeds or fails on its own.
    if let Some(path) = &args.save_comparison {
        let kept: Vec<Input> = compared.iter().map(|&k| inputs[k].clone()).collect();
        let mut saved = SavedComparison::new(&kept, lexicons, View::default());
        if args.hide_folders {
            saved = saved.without_folders();
        }
        if let Err(error) = save::write_file(path, saved.to_json().as_bytes()) {
            say(
                &format!("cannot save the comparison ({})", error.kind),
                &error.path,
            );
            failed = true;
        }
    }
    if args.hide_folders {
        comparison = comparison.without_folders();
    }
    let text = report::render(&comparison, args.format);
    let written = match &args.output {
        Some(path) => save::write_file(path, text.as_bytes()).map_err(|error| {
            say(
                &format!("cannot write the report ({})", error.kind),
                &error.path,
            );
        }),
        None => std::io::stdout()
            .lock()
            .write_all(text.as_bytes())
            .map_err(|error| {
                eprintln!("parallax: cannot write the report to standard output ({error})");
            }),
    };
    if written.is_err() || failed {
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
            eprintln!("parallax: {}", shown(&format!("{error:#}")));
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
