//! The desktop app's entry point.

// No console window behind the app on Windows, in every build (what it reports goes to its log).
#![windows_subsystem = "windows"]

fn main() {
    sanliang::run();
}
