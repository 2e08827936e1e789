//! Every catalog key the Rust code names literally exists in every language. (Keys built at run
//! time, such as `error-<kind>` and the step names, are checked by the unit tests beside them.)

use synkvakt_core::i18n::{Localizer, CATALOG};

fn rust_sources(dir: &std::path::Path, found: &mut Vec<(String, String)>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_sources(&path, found);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            found.push((
                path.display().to_string(),
                std::fs::read_to_string(&path).unwrap(),
            ));
        }
    }
}

/// The literal first arguments of `.text("…")` and `.format("…", …)` calls.
fn literal_keys(source: &str) -> Vec<String> {
    let mut keys = Vec::new();
    for call in [".text(\"", ".format(\""] {
        let mut rest = source;
        while let Some(start) = rest.find(call) {
            rest = &rest[start + call.len()..];
            let Some(end) = rest.find('"') else { continue };
            let candidate = &rest[..end];
            // Catalog keys are kebab-case words; other `.format("…")` calls (dates) are not.
            if candidate
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            {
                keys.push(candidate.to_string());
            }
        }
    }
    keys
}

#[test]
fn every_literal_key_exists_in_every_language() {
    let mut sources = Vec::new();
    rust_sources(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut sources,
    );
    let mut keys: Vec<(String, String)> = sources
        .iter()
        .flat_map(|(file, text)| {
            literal_keys(text)
                .into_iter()
                .map(move |key| (file.clone(), key))
        })
        .collect();
    keys.sort();
    keys.dedup();
    assert!(keys.len() >= 6, "the scan found only {keys:?}");
    for (language, _) in CATALOG {
        let localizer = Localizer::new(language);
        let missing: Vec<_> = keys.iter().filter(|(_, key)| !localizer.has(key)).collect();
        assert!(missing.is_empty(), "{} lacks {missing:?}", language.tag());
    }
}
