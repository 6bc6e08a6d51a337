//! The files made from the one declaration of the commands, each checked against what is
//! committed (`make lint` runs these tests; `make schema` sets `ISMS_UPDATE_SCHEMA` and they
//! write instead):
//! - `capabilities/main.json`: the webview is granted every declared command that is not
//!   limited to the e2e build, and event listening;
//! - `ui/src/lib/ipc/commands.ts`: the typed command map `call()` takes its names, arguments and
//!   results from, in terms of the ts-rs bindings;
//! - the command list of `docs/ipc.md`, between its markers (the prose around it is kept).

use std::collections::BTreeSet;
use std::fmt::Write as _;

use super::signatures::{self, Bindings, Signature, root};

const CAPABILITY: &str = "capabilities/main.json";
const COMMAND_MAP: &str = "../ui/src/lib/ipc/commands.ts";
const DOCS: &str = "../docs/ipc.md";
const DOCS_START: &str = "<!-- commands: generated from src-tauri/src/commands/list.rs by `make schema`; do not edit -->\n";
const DOCS_END: &str = "<!-- end of commands -->\n";

fn permission(name: &str) -> String {
    format!("allow-{}", name.replace('_', "-"))
}

fn capability(commands: &[Signature]) -> String {
    let mut permissions = vec![
        "core:event:allow-listen".to_owned(),
        "core:event:allow-unlisten".to_owned(),
    ];
    permissions.extend(
        commands
            .iter()
            .filter(|c| c.declared.conditions.is_empty())
            .map(|c| permission(c.declared.name)),
    );
    let list = permissions
        .iter()
        .map(|p| format!("    \"{p}\""))
        .collect::<Vec<_>>()
        .join(",\n");
    format!(
        "{{\n  \"$schema\": \"../gen/schemas/desktop-schema.json\",\n  \"identifier\": \"main\",\n  \
         \"description\": \"The main window: our own commands and event listening; no file \
         system, shell or network access.\",\n  \"windows\": [\n    \"main\"\n  ],\n  \
         \"permissions\": [\n{list}\n  ]\n}}\n"
    )
}

fn command_map(commands: &[Signature], bindings: &Bindings) -> String {
    let mut used = BTreeSet::new();
    let mut body = String::new();
    for c in commands {
        let args = if c.args.is_empty() {
            "Record<string, never>".to_owned()
        } else {
            let fields = c
                .args
                .iter()
                .map(|a| format!("{}: {}", a.key, bindings.ts(c, &a.ty, &mut used)))
                .collect::<Vec<_>>();
            format!("{{ {} }}", fields.join("; "))
        };
        let result = bindings.ts(c, &c.result, &mut used);
        if !c.declared.conditions.is_empty() {
            writeln!(
                body,
                "\t/** Only in the build with {}. */",
                c.declared.conditions.join(", ")
            )
            .unwrap();
        }
        writeln!(
            body,
            "\t{}: {{ args: {args}; result: {result} }};",
            c.declared.name
        )
        .unwrap();
    }
    let mut out = String::from(
        "// The shell's commands by name, with the arguments each takes and the result it answers:\n\
         // generated from the declaration (src-tauri/src/commands/list.rs) and the commands'\n\
         // signatures by `make schema`; do not edit (`make lint` fails when it drifts). Argument\n\
         // keys are snake_case, as the commands declare them; types are the ts-rs bindings.\n\n",
    );
    out.push_str("import type { Channel } from '@tauri-apps/api/core';\n");
    for binding in &used {
        writeln!(
            out,
            "import type {{ {binding} }} from '$lib/bindings/{binding}';"
        )
        .unwrap();
    }
    out.push_str("\nexport type Commands = {\n");
    out.push_str(&body);
    out.push_str("};\n\nexport type CommandName = keyof Commands;\n");
    out.push_str("export type Args<K extends CommandName> = Commands[K]['args'];\n");
    out.push_str("export type Result<K extends CommandName> = Commands[K]['result'];\n");
    out
}

fn docs_section(commands: &[Signature], bindings: &Bindings) -> String {
    let mut out = String::from(DOCS_START);
    out.push_str("\n| command | arguments | returns | what it does |\n| --- | --- | --- | --- |\n");
    let cell = |s: &str| s.replace('|', "\\|");
    for c in commands {
        let mut used = BTreeSet::new();
        let args = c
            .args
            .iter()
            .map(|a| format!("`{}: {}`", a.key, cell(&bindings.ts(c, &a.ty, &mut used))))
            .collect::<Vec<_>>()
            .join(", ");
        let result = format!("`{}`", cell(&bindings.ts(c, &c.result, &mut used)));
        let mut doc = cell(&c.doc);
        if !c.declared.conditions.is_empty() {
            doc = format!("(only with `{}`) {doc}", c.declared.conditions.join(", "));
        }
        writeln!(
            out,
            "| `{}` | {args} | {result} | {} |",
            c.declared.name,
            doc.trim()
        )
        .unwrap();
    }
    out.push('\n');
    out.push_str(DOCS_END);
    out
}

/// `generated` is what `rel` should hold: written under `ISMS_UPDATE_SCHEMA`, else compared.
fn check(rel: &str, generated: &str) {
    let path = root().join(rel);
    if std::env::var_os("ISMS_UPDATE_SCHEMA").is_some() {
        std::fs::write(&path, generated).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "{rel} drifted from the command declaration: run `make schema` and commit"
    );
}

#[test]
fn committed_command_files_match_the_declaration() {
    let commands = signatures::read();
    let bindings = Bindings::read();
    check(CAPABILITY, &capability(&commands));
    check(COMMAND_MAP, &command_map(&commands, &bindings));

    let docs = std::fs::read_to_string(root().join(DOCS)).unwrap();
    let from = docs
        .find(DOCS_START)
        .expect("docs/ipc.md has the commands' start marker");
    let to = docs
        .find(DOCS_END)
        .expect("docs/ipc.md has the commands' end marker")
        + DOCS_END.len();
    let generated = format!(
        "{}{}{}",
        &docs[..from],
        docs_section(&commands, &bindings),
        &docs[to..]
    );
    check(DOCS, &generated);
}

/// Every command is read, its arguments and result have bindings, and no two share a name.
#[test]
fn every_declared_command_has_a_typed_signature() {
    let commands = signatures::read();
    let bindings = Bindings::read();
    let names: BTreeSet<&str> = commands.iter().map(|c| c.declared.name).collect();
    assert_eq!(names.len(), commands.len(), "no command is declared twice");
    for c in &commands {
        for a in &c.args {
            bindings.ts(c, &a.ty, &mut BTreeSet::new());
        }
        bindings.ts(c, &c.result, &mut BTreeSet::new());
    }
}
