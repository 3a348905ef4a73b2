//! The `parallax` binary: all the work is in the library.

fn main() -> std::process::ExitCode {
    parallax::cli::run(std::env::args_os())
}
