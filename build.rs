//! Generates Tauri's context and everything that names the app's own commands, from their one
//! declaration: each `pub fn` of an area's file in `src-tauri/commands/` (not mod.rs). From it come
//! the handler list (`command_handlers!`), the permissions tauri-build creates for each command,
//! the capability granting the main window exactly those (one permission set per area), and the
//! typed TypeScript call of each command (`ui/src/api/commands.ts`, checked by a test).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use quote::ToTokens as _;

/// One command as declared in Rust.
struct Command {
    /// The file under `src-tauri/commands/` it lives in, e.g. `members`.
    area: String,
    name: String,
    /// Argument names as the web view sends them (camelCase) with their TypeScript types.
    args: Vec<(String, String)>,
    returns: String,
    doc: String,
    /// The function the window actually calls: the declared one run under `guard`, so that a
    /// panic inside it becomes an error (Rust source, in `guarded::<area>`).
    guarded: String,
}

/// The `use` lines of each area's file, repeated in its `guarded` module so its types resolve.
struct Area {
    name: String,
    uses: Vec<String>,
}

/// Arguments Tauri fills in itself; the web view never sends them.
const INJECTED: &[&str] = &["State", "AppHandle", "Window", "WebviewWindow", "Webview"];

fn camel(snake: &str) -> String {
    let mut out = String::new();
    let mut upper = false;
    for c in snake.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// The TypeScript type of a Rust type as it crosses IPC (serde's JSON, ts-rs's names).
fn typescript(ty: &syn::Type) -> String {
    match ty {
        syn::Type::Reference(r) => typescript(&r.elem),
        syn::Type::Slice(s) => array(typescript(&s.elem)),
        syn::Type::Tuple(t) if t.elems.is_empty() => "void".into(),
        syn::Type::Path(p) => {
            let Some(last) = p.path.segments.last() else { panic!("empty type path") };
            let inner = || match &last.arguments {
                syn::PathArguments::AngleBracketed(a) => a
                    .args
                    .iter()
                    .find_map(|g| if let syn::GenericArgument::Type(t) = g { Some(typescript(t)) } else { None })
                    .unwrap_or_else(|| panic!("{} without a type argument", last.ident)),
                _ => panic!("{} without a type argument", last.ident),
            };
            match last.ident.to_string().as_str() {
                "i8" | "i16" | "i32" | "i64" | "u8" | "u16" | "u32" | "u64" | "usize" | "isize" | "f32" | "f64" => {
                    "number".into()
                }
                "bool" => "boolean".into(),
                "String" | "str" | "PathBuf" | "NaiveDate" => "string".into(),
                "Option" => format!("{} | null", inner()),
                "Vec" => array(inner()),
                "Result" => inner(),
                // Progress reported while a command runs, and raw bytes (a PDF page).
                "Channel" => format!("Channel<{}>", inner()),
                "Response" => "ArrayBuffer".into(),
                other => other.to_owned(),
            }
        }
        other => panic!("a command type build.rs cannot name in TypeScript: {}", quote_type(other)),
    }
}

fn array(of: String) -> String {
    if of.contains(' ') {
        format!("({of})[]")
    } else {
        format!("{of}[]")
    }
}

fn quote_type(ty: &syn::Type) -> String {
    format!("{:?}", std::mem::discriminant(ty))
}

fn is_injected(ty: &syn::Type) -> bool {
    match ty {
        syn::Type::Path(p) => p.path.segments.last().is_some_and(|s| INJECTED.contains(&s.ident.to_string().as_str())),
        syn::Type::Reference(r) => is_injected(&r.elem),
        _ => false,
    }
}

fn doc_of(attrs: &[syn::Attribute]) -> String {
    attrs
        .iter()
        .filter(|a| a.path().is_ident("doc"))
        .filter_map(|a| match &a.meta {
            syn::Meta::NameValue(nv) => match &nv.value {
                syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Str(s), .. }) => Some(s.value().trim().to_owned()),
                _ => None,
            },
            _ => None,
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The wrapper of a declared command: same attribute, arguments and result, body run under guard.
fn guarded(area: &str, f: &syn::ItemFn) -> String {
    let name = f.sig.ident.to_string();
    let returns_result = matches!(&f.sig.output, syn::ReturnType::Type(_, ty)
        if matches!(&**ty, syn::Type::Path(p) if p.path.segments.last().is_some_and(|s| s.ident == "Result")));
    assert!(returns_result, "{area}::{name}: a command returns Result, so that a panic inside it can become an error");
    let args: Vec<String> = f
        .sig
        .inputs
        .iter()
        .map(|input| match input {
            syn::FnArg::Typed(t) => match &*t.pat {
                syn::Pat::Ident(i) => i.ident.to_string(),
                _ => panic!("{name}: a command argument must be a name"),
            },
            syn::FnArg::Receiver(_) => panic!("{name}: a command is a free function"),
        })
        .collect();
    let mut sig = f.sig.clone();
    for input in sig.inputs.iter_mut() {
        if let syn::FnArg::Typed(t) = input {
            if let syn::Pat::Ident(i) = &mut *t.pat {
                i.mutability = None;
            }
        }
    }
    let call = format!("crate::commands::{area}::{name}({})", args.join(", "));
    let body = if f.sig.asyncness.is_some() {
        format!("crate::commands::guard::run(\"{name}\", {call}).await")
    } else {
        format!("crate::commands::guard::run_sync(\"{name}\", || {call})")
    };
    format!("#[tauri::command]\npub(crate) {} {{\n    {body}\n}}\n", sig.to_token_stream())
}

fn commands(dir: &Path) -> (Vec<Area>, Vec<Command>) {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "rs") && !p.ends_with("mod.rs"))
        .collect();
    files.sort();
    // The folder too, so a new area's file is noticed.
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut out = Vec::new();
    let mut areas = Vec::new();
    for file in files {
        println!("cargo:rerun-if-changed={}", file.display());
        let area = file.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        let text = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let parsed = syn::parse_file(&text).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let uses = parsed
            .items
            .iter()
            .filter(|i| matches!(i, syn::Item::Use(_)))
            .map(|i| i.to_token_stream().to_string())
            .collect();
        areas.push(Area { name: area.clone(), uses });
        for item in parsed.items {
            let syn::Item::Fn(f) = item else { continue };
            // A command is a plain `pub fn` (not `pub(crate)`) of an area's file.
            if !matches!(f.vis, syn::Visibility::Public(_)) {
                continue;
            }
            let mut args = Vec::new();
            for input in &f.sig.inputs {
                let syn::FnArg::Typed(t) = input else { continue };
                if is_injected(&t.ty) {
                    continue;
                }
                let syn::Pat::Ident(name) = &*t.pat else {
                    panic!("{}: a command argument must be a name", f.sig.ident)
                };
                args.push((camel(&name.ident.to_string()), typescript(&t.ty)));
            }
            let returns = match &f.sig.output {
                syn::ReturnType::Default => "void".to_owned(),
                syn::ReturnType::Type(_, ty) => typescript(ty),
            };
            out.push(Command {
                area: area.clone(),
                name: f.sig.ident.to_string(),
                args,
                returns,
                doc: doc_of(&f.attrs),
                guarded: guarded(&area, &f),
            });
        }
    }
    (areas, out)
}

/// `command_handlers!()`, the list handed to `invoke_handler`, and the `guarded` wrappers it names.
fn handlers(areas: &[Area], commands: &[Command]) -> String {
    let mut out = String::from(
        "#[macro_export]\nmacro_rules! command_handlers {\n    () => {\n        tauri::generate_handler![\n",
    );
    for c in commands {
        let _ = writeln!(out, "            $crate::commands::guarded::{}::{},", c.area, c.name);
    }
    out.push_str("        ]\n    };\n}\n\n/// Each command as the window calls it: run under `guard`.\npub(crate) mod guarded {\n");
    for area in areas.iter().filter(|a| commands.iter().any(|c| c.area == a.name)) {
        let _ = writeln!(out, "#[allow(unused_imports, clippy::redundant_closure)]\npub(crate) mod {} {{", area.name);
        for u in &area.uses {
            let _ = writeln!(out, "{u}");
        }
        for c in commands.iter().filter(|c| c.area == area.name) {
            out.push_str(&c.guarded);
        }
        out.push_str("}\n");
    }
    out.push_str("}\n");
    out
}

/// The main window's capability: one permission set per area, each the area's commands.
fn capability(commands: &[Command]) -> (String, String) {
    let mut areas: Vec<&str> = commands.iter().map(|c| c.area.as_str()).collect();
    areas.dedup();
    let mut sets =
        String::from("# Generated by build.rs from src-tauri/commands/*.rs: one set per area. Do not edit.\n");
    for area in &areas {
        let permissions: Vec<String> = commands
            .iter()
            .filter(|c| c.area == *area)
            .map(|c| format!("\"allow-{}\"", c.name.replace('_', "-")))
            .collect();
        let _ = write!(
            sets,
            "\n[[set]]\nidentifier = \"area-{area}\"\ndescription = \"The app's own {area} commands.\"\npermissions = [\n  {},\n]\n",
            permissions.join(",\n  ")
        );
    }
    let listed: Vec<String> = areas.iter().map(|a| format!("    \"area-{a}\"")).collect();
    let json = format!(
        "{{\n  \"$schema\": \"../gen/schemas/desktop-schema.json\",\n  \"identifier\": \"main-window\",\n  \"description\": \"Generated by build.rs. The main window may call the app's own commands and nothing else: no file system, shell or SQL access from the web view.\",\n  \"windows\": [\n    \"main\"\n  ],\n  \"permissions\": [\n{}\n  ]\n}}\n",
        listed.join(",\n")
    );
    (sets, json)
}

/// `ui/src/api/commands.ts`: one typed call per command.
fn typescript_calls(commands: &[Command]) -> String {
    const BUILTIN: &[&str] = &["number", "string", "boolean", "void", "null", "ArrayBuffer", "Channel"];
    let mut types: Vec<String> = commands
        .iter()
        .flat_map(|c| c.args.iter().map(|(_, t)| t.clone()).chain([c.returns.clone()]))
        .flat_map(|t| t.split(|ch: char| !(ch.is_alphanumeric() || ch == '_')).map(str::to_owned).collect::<Vec<_>>())
        .filter(|t| !t.is_empty() && !BUILTIN.contains(&t.as_str()))
        .collect();
    types.sort();
    types.dedup();
    let mut out = String::from(
        "// Generated by build.rs from the Rust commands in src-tauri/commands/: one typed call per command,\n\
         // so renaming a command or an argument in Rust breaks the UI's type-check. Do not edit;\n\
         // `UPDATE_BINDINGS=1 cargo test --test tests bindings` rewrites it.\n",
    );
    let _ = writeln!(out, "import type {{\n  {},\n}} from '../bindings'", types.join(",\n  "));
    if commands.iter().any(|c| c.args.iter().any(|(_, t)| t.starts_with("Channel<"))) {
        out.push_str("import type { Channel } from '@tauri-apps/api/core'\n");
    }
    out.push_str("import { invokeCmd } from './invoke'\n");
    let mut area = "";
    for c in commands {
        if c.area != area {
            area = &c.area;
            let _ = write!(out, "\n// {area}\n");
        }
        if !c.doc.is_empty() {
            let _ = writeln!(out, "/** {} */", c.doc.replace("*/", "* /"));
        }
        let params: Vec<String> = c.args.iter().map(|(n, t)| format!("{n}: {t}")).collect();
        let names: Vec<&str> = c.args.iter().map(|(n, _)| n.as_str()).collect();
        let call = if names.is_empty() {
            format!("invokeCmd<{}>('{}')", c.returns, c.name)
        } else {
            format!("invokeCmd<{}>('{}', {{ {} }})", c.returns, c.name, names.join(", "))
        };
        let _ = writeln!(out, "export const {} = ({}) =>\n  {call}", camel(&c.name), params.join(", "));
    }
    out
}

fn write_if_changed(path: &Path, text: &str) {
    if std::fs::read_to_string(path).ok().as_deref() != Some(text) {
        std::fs::write(path, text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    }
}

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default());
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap_or_default());
    let (areas, commands) = commands(&root.join("src-tauri/commands"));
    write_if_changed(&out.join("command_handlers.rs"), &handlers(&areas, &commands));
    write_if_changed(&out.join("commands.ts"), &typescript_calls(&commands));
    // The permission sets and the capability are Tauri's input files: written where tauri-build
    // reads them, generated here so they cannot disagree with the commands.
    let (sets, capability) = capability(&commands);
    write_if_changed(&root.join("permissions/areas.toml"), &sets);
    write_if_changed(&root.join("capabilities/main.json"), &capability);

    // The desktop app only: the command line and the core need no Tauri context and no UI.
    #[cfg(feature = "app")]
    build_app(&commands);
}

#[cfg(feature = "app")]
fn build_app(commands: &[Command]) {
    let names: Vec<&'static str> = commands.iter().map(|c| &*Box::leak(c.name.clone().into_boxed_str())).collect();
    let names: &'static [&'static str] = Box::leak(names.into_boxed_slice());
    let attributes = tauri_build::Attributes::new().app_manifest(tauri_build::AppManifest::new().commands(names));
    if let Err(e) = tauri_build::try_build(attributes) {
        panic!("tauri-build failed: {e:#}");
    }
}
