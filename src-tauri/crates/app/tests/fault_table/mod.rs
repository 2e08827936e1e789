//! What a fault test saw, as a row of `tests/FAULTS.md`: each test that injects a fault notes
//! the fault and the outcome it observed once its assertions held, and the `faults_table` test
//! puts the rows together and compares them with the committed file.

// Each test file uses the part of it that it needs.
#![allow(dead_code)]

use std::fmt::Display;
use std::path::PathBuf;

/// Where the rows of this run are kept; `.ci/dev` empties it before the tests run.
pub fn rows_folder() -> PathBuf {
    PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("faults-seen")
}

/// Notes that `fault`, injected at `group`, gave `outcome`.
pub fn seen(group: &str, fault: &str, outcome: impl Display) {
    let folder = rows_folder();
    std::fs::create_dir_all(&folder).expect("the folder of the fault rows");
    let slug: String = format!("{group} {fault}")
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let row = format!("{group}\t{fault}\t{outcome}\n");
    assert!(
        !row.trim_end().contains('\n') && row.matches('\t').count() == 2,
        "a fault row is one line of three cells: {row:?}"
    );
    std::fs::write(folder.join(format!("{slug}.tsv")), row).expect("a fault row");
}

/// An outcome in the table's words: the error's kind, or that it was answered.
pub fn outcome_of<T>(result: &Result<T, synkvakt_core::Error>) -> String {
    match result {
        Ok(_) => "answered".to_string(),
        Err(err) => format!("refused as `{}`", err.kind()),
    }
}
