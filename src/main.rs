//! Starts TradeTable: parses the command line and hands off.

fn main() -> std::process::ExitCode {
    tradetable::cli::run()
}
