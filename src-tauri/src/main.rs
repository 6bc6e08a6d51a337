// Keeps a console window from opening next to the app on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use isms_desk_lib::wipe::WipeOnFree;

// Every block the app's Rust code frees is wiped first (wipe.rs).
#[global_allocator]
static ALLOCATOR: WipeOnFree = WipeOnFree(std::alloc::System);

fn main() {
    isms_desk_lib::run();
}
