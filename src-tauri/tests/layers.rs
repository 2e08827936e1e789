//! The layers the folders show, kept by a test as the page's boundary test keeps the UI's: no
//! crate's top-level modules import each other in a circle, and the domain crate names nothing
//! that reaches a file, a process, the network or the keyring. Cargo already refuses a circle
//! between crates; this does the same inside each one.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Every crate of the workspace with sources of its own, by its folder.
const CRATES: [&str; 7] = [
    "crates/api",
    "crates/core",
    "crates/app",
    "crates/taskschd",
    "crates/watcher",
    "crates/demo-tenant",
    ".",
];

/// What the domain crate never names: its work is deciding, the app crate's is reaching.
const FORBIDDEN_IN_CORE: [&str; 6] = [
    "std::fs",
    "std::process",
    "tokio::fs",
    "tokio::process",
    "reqwest::",
    "keyring::",
];

fn src_tauri() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn rust_files(dir: &Path, found: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|err| panic!("{}: {err}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rust_files(&path, found);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            found.push(path);
        }
    }
}

/// The source without comments and without its `#[cfg(test)]` items, which may reach anything.
fn non_test_code(source: &str) -> String {
    let without_comments: String = source
        .lines()
        .map(|line| match line.find("//") {
            Some(at) if !line[..at].contains('"') => &line[..at],
            _ => line,
        })
        .collect::<Vec<_>>()
        .join("\n");
    let mut code = String::new();
    let mut rest = without_comments.as_str();
    while let Some(at) = rest.find("#[cfg(test)]") {
        code.push_str(&rest[..at]);
        rest = &rest[at + "#[cfg(test)]".len()..];
        rest = skip_item(rest);
    }
    code.push_str(rest);
    code
}

/// What follows the item at the start of `text`: up to its `;`, or its balanced braces.
fn skip_item(text: &str) -> &str {
    let mut depth = 0usize;
    for (at, c) in text.char_indices() {
        match c {
            ';' if depth == 0 => return &text[at + 1..],
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    return &text[at + 1..];
                }
            }
            _ => {}
        }
    }
    ""
}

/// The first segment of every `crate::…` path: `crate::a::b`, and each name in `crate::{a, b::c}`.
fn crate_paths(code: &str) -> BTreeSet<String> {
    let mut named = BTreeSet::new();
    let mut rest = code;
    while let Some(at) = rest.find("crate::") {
        let before = rest[..at].chars().next_back();
        rest = &rest[at + "crate::".len()..];
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        if let Some(group) = rest.strip_prefix('{') {
            let mut depth = 1;
            let mut segment_start = true;
            let mut name = String::new();
            for c in group.chars() {
                if c.is_alphanumeric() || c == '_' {
                    if segment_start {
                        name.push(c);
                    }
                    continue;
                }
                if !name.is_empty() {
                    named.insert(std::mem::take(&mut name));
                    segment_start = false;
                }
                match c {
                    '{' => depth += 1,
                    '}' => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    ',' if depth == 1 => segment_start = true,
                    _ => {}
                }
            }
            if !name.is_empty() {
                named.insert(name);
            }
        } else {
            let name: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if !name.is_empty() {
                named.insert(name);
            }
        }
    }
    named
}

struct CrateSources {
    /// Top-level module -> the top-level modules it names.
    imports: BTreeMap<String, BTreeSet<String>>,
    /// Every non-test source, by file.
    code: Vec<(PathBuf, String)>,
}

fn read_crate(folder: &str) -> CrateSources {
    let src = src_tauri().join(folder).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut imports: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut code = Vec::new();
    for file in files {
        let relative = file.strip_prefix(&src).unwrap();
        let first = relative.components().next().unwrap().as_os_str();
        let module = first.to_string_lossy().trim_end_matches(".rs").to_string();
        let source = non_test_code(&std::fs::read_to_string(&file).unwrap());
        let named = crate_paths(&source);
        let entry = imports.entry(module.clone()).or_default();
        entry.extend(named.into_iter().filter(|name| *name != module));
        code.push((file, source));
    }
    // The crate root and binaries declare the modules; they are not one of them.
    for root in ["lib", "main", "bin"] {
        imports.remove(root);
    }
    let modules: BTreeSet<String> = imports.keys().cloned().collect();
    for named in imports.values_mut() {
        named.retain(|name| modules.contains(name));
    }
    CrateSources { imports, code }
}

/// A circle of imports, if there is one, as the path that closes it.
fn find_cycle(imports: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        module: &str,
        imports: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|seen| seen == module) {
            let mut cycle = path[at..].to_vec();
            cycle.push(module.to_string());
            return Some(cycle);
        }
        if done.contains(module) {
            return None;
        }
        path.push(module.to_string());
        for next in imports.get(module).into_iter().flatten() {
            if let Some(cycle) = visit(next, imports, path, done) {
                return Some(cycle);
            }
        }
        path.pop();
        done.insert(module.to_string());
        None
    }
    let mut done = BTreeSet::new();
    imports
        .keys()
        .find_map(|module| visit(module, imports, &mut Vec::new(), &mut done))
}

#[test]
fn the_test_sees_the_modules_and_imports_it_checks() {
    let core = read_crate("crates/core");
    let status = &core.imports["status"];
    assert!(status.contains("guidance"), "{status:?}");
    let app = read_crate("crates/app");
    assert!(app.imports["session"].contains("tenant_client"));
    assert!(app.imports.contains_key("os"));
    // Names inside a group count, and test code does not.
    let code = non_test_code(
        "use crate::{alpha, beta::{x, y}, gamma::z};\n\
         #[cfg(test)]\nmod tests { use crate::delta; }\n\
         // crate::epsilon in a comment\n",
    );
    assert_eq!(
        crate_paths(&code),
        BTreeSet::from(["alpha".into(), "beta".into(), "gamma".into()])
    );
    let circle = BTreeMap::from([
        ("a".to_string(), BTreeSet::from(["b".to_string()])),
        ("b".to_string(), BTreeSet::from(["a".to_string()])),
    ]);
    assert_eq!(
        find_cycle(&circle),
        Some(vec!["a".into(), "b".into(), "a".into()])
    );
}

#[test]
fn no_crate_has_a_circle_of_module_imports() {
    for folder in CRATES {
        let sources = read_crate(folder);
        assert!(
            !sources.imports.is_empty() || folder == ".",
            "{folder} has no modules"
        );
        if let Some(cycle) = find_cycle(&sources.imports) {
            panic!(
                "the modules of {folder} import each other in a circle: {}",
                cycle.join(" -> ")
            );
        }
    }
}

#[test]
fn the_domain_crate_reaches_no_file_process_network_or_keyring() {
    let core = read_crate("crates/core");
    assert!(core.code.len() > 10, "the domain's sources are found");
    for (file, code) in &core.code {
        let flat: String = code.split_whitespace().collect::<Vec<_>>().join(" ");
        for forbidden in FORBIDDEN_IN_CORE {
            assert!(
                !flat.contains(forbidden),
                "{} names {forbidden}: that belongs in the app crate's os/ or tenant_client",
                file.display()
            );
        }
        for (group, names) in [
            ("std::{", ["fs", "process"]),
            ("tokio::{", ["fs", "process"]),
        ] {
            for grouped in flat.split(group).skip(1) {
                let inside = grouped.split('}').next().unwrap_or_default();
                for name in names {
                    assert!(
                        !inside
                            .split(|c: char| !c.is_alphanumeric() && c != '_')
                            .any(|word| word == name),
                        "{} names {group}{name}…}}: that belongs in the app crate",
                        file.display()
                    );
                }
            }
        }
    }
}
