//! Each declared command's signature, read from its function in `src/commands/<module>.rs`:
//! the arguments the page sends (the parameters Tauri injects — state, app handle, window,
//! webview — left out), the result (`IpcResult<T>` answers `T`) and its doc comment; and each
//! Rust type written as its TypeScript binding (ts-rs names, renames included).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use isms_desk_lib::commands::{DECLARED, Declared};
use quote::ToTokens;
use syn::{FnArg, GenericArgument, Item, PathArguments, ReturnType, Type};

pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

/// One parameter the page sends: its JSON key (commands use `rename_all = "snake_case"`, so
/// the key is the parameter's own name) and type.
pub struct Arg {
    pub key: String,
    pub ty: Type,
}

pub struct Signature {
    pub declared: Declared,
    /// The crate each name the module imports comes from (`crate` for the shell's own), to
    /// tell apart types of the same name in two crates.
    pub origins: BTreeMap<String, String>,
    pub args: Vec<Arg>,
    /// The success value's type; `()` for none.
    pub result: Type,
    pub doc: String,
}

/// Parameters Tauri fills in itself; the page never sends them.
const INJECTED: &[&str] = &["State", "AppHandle", "Window", "Webview", "WebviewWindow"];

/// Every declared command's signature, in the declaration's order.
pub fn read() -> Vec<Signature> {
    let mut files: BTreeMap<&str, syn::File> = BTreeMap::new();
    DECLARED
        .iter()
        .map(|declared| {
            let file = files.entry(declared.module).or_insert_with(|| {
                let path = root().join(format!("src/commands/{}.rs", declared.module));
                let text = std::fs::read_to_string(&path)
                    .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
                syn::parse_file(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
            });
            signature_of(*declared, file)
        })
        .collect()
}

fn signature_of(declared: Declared, file: &syn::File) -> Signature {
    let function = file
        .items
        .iter()
        .find_map(|item| match item {
            Item::Fn(f) if f.sig.ident == declared.name => Some(f),
            _ => None,
        })
        .unwrap_or_else(|| {
            panic!(
                "{} is declared in list.rs but commands/{}.rs has no such function",
                declared.name, declared.module
            )
        });
    assert!(
        function.attrs.iter().any(|a| {
            let text = a.to_token_stream().to_string();
            text.contains("tauri :: command") && text.contains("rename_all = \"snake_case\"")
        }),
        "{} is a #[tauri::command(rename_all = \"snake_case\")]",
        declared.name
    );
    let args = function
        .sig
        .inputs
        .iter()
        .filter_map(|input| match input {
            FnArg::Typed(t) => Some(t),
            FnArg::Receiver(_) => None,
        })
        .filter(|t| !INJECTED.contains(&last_ident(&t.ty).as_str()))
        .map(|t| Arg {
            key: t.pat.to_token_stream().to_string().replace("mut ", ""),
            ty: (*t.ty).clone(),
        })
        .collect();
    let result = match &function.sig.output {
        ReturnType::Default => syn::parse_quote!(()),
        ReturnType::Type(_, ty) if last_ident(ty) == "IpcResult" => generic_args(ty)[0].clone(),
        ReturnType::Type(_, ty) => (**ty).clone(),
    };
    let doc = function
        .attrs
        .iter()
        .filter(|a| a.path().is_ident("doc"))
        .filter_map(|a| match &a.meta {
            syn::Meta::NameValue(nv) => match &nv.value {
                syn::Expr::Lit(syn::ExprLit {
                    lit: syn::Lit::Str(s),
                    ..
                }) => Some(s.value().trim().to_owned()),
                _ => None,
            },
            _ => None,
        })
        .collect::<Vec<_>>()
        .join(" ");
    let mut origins = BTreeMap::new();
    for item in &file.items {
        if let Item::Use(u) = item {
            uses(&u.tree, None, &mut origins);
        }
    }
    Signature {
        declared,
        origins,
        args,
        result,
        doc,
    }
}

/// Each name a `use` brings in, with the first segment of its path.
fn uses(tree: &syn::UseTree, root: Option<&str>, found: &mut BTreeMap<String, String>) {
    match tree {
        syn::UseTree::Path(p) => {
            let first = p.ident.to_string();
            let root = root.unwrap_or(&first).to_owned();
            uses(&p.tree, Some(&root), found);
        }
        syn::UseTree::Name(n) => {
            found.insert(n.ident.to_string(), root.unwrap_or("crate").to_owned());
        }
        syn::UseTree::Rename(r) => {
            found.insert(r.rename.to_string(), root.unwrap_or("crate").to_owned());
        }
        syn::UseTree::Group(g) => g.items.iter().for_each(|t| uses(t, root, found)),
        syn::UseTree::Glob(_) => {}
    }
}

fn last_ident(ty: &Type) -> String {
    match ty {
        Type::Path(p) => p.path.segments.last().unwrap().ident.to_string(),
        Type::Reference(r) => last_ident(&r.elem),
        _ => String::new(),
    }
}

fn generic_args(ty: &Type) -> Vec<Type> {
    let Type::Path(p) = ty else { return Vec::new() };
    match &p.path.segments.last().unwrap().arguments {
        PathArguments::AngleBracketed(a) => a
            .args
            .iter()
            .filter_map(|g| match g {
                GenericArgument::Type(t) => Some(t.clone()),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// The TypeScript name of every Rust type that has a ts-rs binding, by the Rust type's name
/// and crate (`isms_core`, `isms_sheets`, … `crate` for the shell): `#[ts(export)]` types under
/// `src/` and the crates' `src/`, with their `rename`s.
pub struct Bindings(BTreeMap<String, BTreeMap<String, String>>);

impl Bindings {
    pub fn read() -> Self {
        let mut found = BTreeMap::new();
        let mut dirs = vec![(root().join("src"), "crate".to_owned())];
        for crate_dir in std::fs::read_dir(root().join("crates")).unwrap() {
            let crate_dir = crate_dir.unwrap();
            let name = crate_dir.file_name().to_string_lossy().replace('-', "_");
            dirs.push((crate_dir.path().join("src"), name));
        }
        while let Some((dir, krate)) = dirs.pop() {
            for entry in std::fs::read_dir(&dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    dirs.push((path, krate.clone()));
                } else if path.extension().is_some_and(|e| e == "rs") {
                    let text = std::fs::read_to_string(&path).unwrap();
                    if let Ok(file) = syn::parse_file(&text) {
                        collect(&file.items, &krate, &mut found);
                    }
                }
            }
        }
        Self(found)
    }

    /// `ty`, as written in the command's module, as TypeScript, with the bindings it names
    /// added to `used`.
    pub fn ts(
        &self,
        command: &Signature,
        ty: &Type,
        used: &mut std::collections::BTreeSet<String>,
    ) -> String {
        if let Type::Tuple(t) = ty
            && t.elems.is_empty()
        {
            return "null".into();
        }
        if let Type::Reference(r) = ty {
            return self.ts(command, &r.elem, used);
        }
        let name = last_ident(ty);
        let inner = generic_args(ty);
        let one = |used: &mut _| self.ts(command, &inner[0], used);
        match name.as_str() {
            "String" | "str" | "NaiveDate" | "NaiveDateTime" | "DateTime" => "string".into(),
            "bool" => "boolean".into(),
            "i8" | "i16" | "i32" | "i64" | "u8" | "u16" | "u32" | "u64" | "usize" | "isize"
            | "f32" | "f64" => "number".into(),
            "Option" => format!("{} | null", one(used)),
            "Vec" => format!("Array<{}>", one(used)),
            "Channel" => format!("Channel<{}>", one(used)),
            "BTreeMap" | "HashMap" => {
                let key = one(used);
                format!("Record<{key}, {}>", self.ts(command, &inner[1], used))
            }
            _ => {
                let origin = command.origins.get(&name);
                let found =
                    self.0
                        .get(&name)
                        .map(|by_crate| match origin.and_then(|o| by_crate.get(o)) {
                            Some(binding) => Ok(binding),
                            None if by_crate.len() == 1 => Ok(by_crate.values().next().unwrap()),
                            None => Err(by_crate.len()),
                        });
                let binding = match found {
                    Some(Ok(binding)) => binding.clone(),
                    Some(Err(n)) => panic!(
                        "`{name}` in commands/{}.rs names {n} types with bindings; import it \
                         by its crate's path",
                        command.declared.module
                    ),
                    None => panic!(
                        "`{name}` crosses the IPC but has no TypeScript binding: derive TS \
                         with #[ts(export)]"
                    ),
                };
                used.insert(binding.clone());
                binding
            }
        }
    }
}

fn collect(items: &[Item], krate: &str, found: &mut BTreeMap<String, BTreeMap<String, String>>) {
    for item in items {
        let (ident, attrs) = match item {
            Item::Struct(s) => (&s.ident, &s.attrs),
            Item::Enum(e) => (&e.ident, &e.attrs),
            Item::Mod(m) => {
                if let Some((_, items)) = &m.content {
                    collect(items, krate, found);
                }
                continue;
            }
            _ => continue,
        };
        let Some(ts) = attrs.iter().find(|a| a.path().is_ident("ts")) else {
            continue;
        };
        let text = ts.to_token_stream().to_string();
        if !text.contains("export") {
            continue;
        }
        let binding = text
            .split("rename = \"")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .map_or_else(|| ident.to_string(), str::to_owned);
        found
            .entry(ident.to_string())
            .or_default()
            .insert(krate.to_owned(), binding);
    }
}
