//! The page's TypeScript types come from the Rust types. This test generates them afresh and
//! compares with the committed file, writing nothing, so the two cannot drift apart.
//! To update the file after changing a command or a type: `SYNKVAKT_WRITE_BINDINGS=1 cargo test -p synkvakt --test bindings`.

use std::path::PathBuf;

const HEADER: &str = "// Generated from the Rust types by `SYNKVAKT_WRITE_BINDINGS=1 cargo test -p synkvakt --test bindings`. Do not edit.";

fn committed_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../ui/src/lib/bindings.ts")
}

#[test]
fn the_committed_bindings_match_the_rust_types() {
    let dir = tempfile::tempdir().unwrap();
    let fresh_path = dir.path().join("bindings.ts");
    synkvakt_shell::commands::<tauri::Wry>()
        .export(
            specta_typescript::Typescript::default().header(HEADER),
            &fresh_path,
        )
        .expect("the bindings can be generated");
    let fresh = std::fs::read_to_string(&fresh_path).unwrap();
    if std::env::var_os("SYNKVAKT_WRITE_BINDINGS").is_some() {
        std::fs::write(committed_path(), &fresh).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(committed_path()).unwrap_or_default();
    assert!(
        committed == fresh,
        "ui/src/lib/bindings.ts is not what the Rust types generate. Run: SYNKVAKT_WRITE_BINDINGS=1 cargo test -p synkvakt --test bindings"
    );
}
