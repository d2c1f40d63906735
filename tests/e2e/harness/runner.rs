//! Runs the flows one window at a time on one stage, in the order listed, and reports them the
//! way `cargo test` does. `cargo test --test e2e -- NAME…` runs the flows whose names contain a
//! NAME; `--list` lists them. After a failed flow the stage is restarted, so one failure cannot
//! take the flows after it down with it.

use std::future::Future;
use std::panic::AssertUnwindSafe;
use std::pin::Pin;
use std::process::ExitCode;
use std::time::Instant;

use futures_util::FutureExt;

use super::R;

/// One end-to-end test: a name (its module path) and the async function that runs it.
pub struct Flow {
    pub name: String,
    pub run: fn() -> Pin<Box<dyn Future<Output = R>>>,
}

/// The flows of the given async functions, named after their paths.
#[macro_export]
macro_rules! flows {
    ($($flow:path),* $(,)?) => {
        vec![$($crate::harness::runner::Flow {
            name: stringify!($flow).replace(' ', ""),
            run: || Box::pin($flow()),
        }),*]
    };
}

pub fn main(flows: Vec<Flow>) -> ExitCode {
    let args: Vec<String> = std::env::args_os().skip(1).map(|a| a.to_string_lossy().into_owned()).collect();
    if args.iter().any(|a| a == "--list") {
        for flow in &flows {
            println!("{}: test", flow.name);
        }
        return ExitCode::SUCCESS;
    }
    // Flags libtest takes (--test-threads, --nocapture, …) mean nothing here: flows run one at a time.
    let filters: Vec<&String> = args.iter().filter(|a| !a.starts_with('-')).collect();
    // The `installed` flows need the .deb installed first (`cargo xtask deb`): run only when named.
    let chosen: Vec<Flow> = flows
        .into_iter()
        .filter(|f| match filters.is_empty() {
            true => !f.name.starts_with("installed::"),
            false => filters.iter().any(|x| f.name.contains(x.as_str())),
        })
        .collect();
    let runtime = match tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build() {
        Ok(r) => r,
        Err(e) => {
            eprintln!("cannot start the async runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    println!("\nrunning {} tests", chosen.len());
    let started = Instant::now();
    let mut failed = Vec::new();
    for flow in &chosen {
        let began = Instant::now();
        let result = match runtime.block_on(AssertUnwindSafe((flow.run)()).catch_unwind()) {
            Ok(result) => result,
            Err(panic) => Err(super::panic_text(&*panic).into()),
        };
        match result {
            Ok(()) => println!("test {} ... ok ({:.1} s)", flow.name, began.elapsed().as_secs_f64()),
            Err(e) => {
                println!("test {} ... FAILED ({:.1} s)\n    {e}", flow.name, began.elapsed().as_secs_f64());
                failed.push(flow.name.clone());
                super::stop_stage();
            }
        }
    }
    super::stop_stage();
    let outcome = if failed.is_empty() { "ok" } else { "FAILED" };
    println!(
        "\ntest result: {outcome}. {} passed; {} failed; finished in {:.1} s",
        chosen.len() - failed.len(),
        failed.len(),
        started.elapsed().as_secs_f64()
    );
    if failed.is_empty() {
        ExitCode::SUCCESS
    } else {
        println!("failures:\n    {}", failed.join("\n    "));
        ExitCode::FAILURE
    }
}
