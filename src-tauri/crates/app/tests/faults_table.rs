//! `tests/FAULTS.md` is what the fault tests saw: this test puts together the rows they noted in
//! this run and fails when the committed file differs. It runs after every other test (so it is
//! ignored in a plain `cargo test`, and `.ci/dev` runs it last with `--ignored`). Write the file
//! anew with `SYNKVAKT_WRITE_FAULTS=1`.

mod fault_table;

const INTRO: &str = "\
# Faults and what the app does

Written by the tests (`crates/app/tests/faults_table.rs`): each row is a fault a test injected
and the outcome it saw. A change of behaviour changes a row, and the test fails until this file
is written again (`SYNKVAKT_WRITE_FAULTS=1 cargo test -p synkvakt-app --test faults_table -- --ignored`
after the other tests ran).
";

#[test]
#[ignore = "run by .ci/dev after every test that notes a fault"]
fn the_committed_fault_table_is_what_the_tests_saw() {
    let folder = fault_table::rows_folder();
    let mut rows: Vec<(String, String, String)> = std::fs::read_dir(&folder)
        .unwrap_or_else(|err| {
            panic!(
                "no fault rows in {}: run the tests first ({err})",
                folder.display()
            )
        })
        .flatten()
        .map(|entry| std::fs::read_to_string(entry.path()).unwrap())
        .map(|row| {
            let mut cells = row.trim_end().splitn(3, '\t').map(str::to_string);
            let mut cell = || cells.next().unwrap_or_default();
            (cell(), cell(), cell())
        })
        .collect();
    assert!(
        rows.len() >= 20,
        "only {} fault rows were noted",
        rows.len()
    );
    rows.sort();
    let mut table = String::from(INTRO);
    let mut group = String::new();
    for (row_group, fault, outcome) in &rows {
        if *row_group != group {
            group = row_group.clone();
            table.push_str(&format!(
                "\n## {group}\n\n| Fault | Outcome seen |\n|---|---|\n"
            ));
        }
        table.push_str(&format!("| {fault} | {outcome} |\n"));
    }
    let committed =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../tests/FAULTS.md");
    if std::env::var_os("SYNKVAKT_WRITE_FAULTS").is_some() {
        std::fs::write(&committed, &table).unwrap();
        return;
    }
    let on_disk = std::fs::read_to_string(&committed).unwrap_or_default();
    assert!(
        on_disk == table,
        "tests/FAULTS.md is not what the tests saw. Run the tests, then \
         SYNKVAKT_WRITE_FAULTS=1 cargo test -p synkvakt-app --test faults_table -- --ignored\n\
         --- seen ---\n{table}"
    );
}
