//! Herald's executable: everything happens in the library's `run`.

// No console window behind the app on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    herald_lib::run();
}
