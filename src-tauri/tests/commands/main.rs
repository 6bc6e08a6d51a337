//! The commands as the one declaration (`src/commands/list.rs`) makes them: their signatures
//! read from the source (`signatures`), the files generated from those (`generate`: the
//! capability, the TypeScript command map, the command list of docs/ipc.md), and a call of
//! every command through Tauri's mock runtime, locked and unlocked (`smoke`).

mod generate;
mod signatures;
mod smoke;
