//! The newest import's log: what the import would add, change and delete, per account. The
//! import-filter scenario's log matches the figures of its stopped filter.

use synkvakt_core::demo::Scenario;
use synkvakt_core::model::{ImportChange, ImportCounts, ImportLogEntry};
use synkvakt_core::personal::PersonName;

const FIRST_NAMES: &[&str] = &[
    "Kari", "Ola", "Ingrid", "Lars", "Sigrid", "Magnus", "Astrid", "Håkon", "Nora", "Eirik",
    "Solveig", "Bjørn", "Marte", "Øystein", "Ragnhild", "Jonas", "Åse", "Sindre", "Tuva", "Vegard",
];
const LAST_NAMES: &[&str] = &[
    "Nordmann",
    "Hansen",
    "Johansen",
    "Olsen",
    "Larsen",
    "Andersen",
    "Pedersen",
    "Nilsen",
    "Kristiansen",
    "Jensen",
    "Karlsen",
    "Berg",
    "Haugen",
    "Hagen",
    "Bakken",
    "Solberg",
    "Lie",
    "Dahl",
    "Eriksen",
    "Strand",
];
const DEPARTMENTS: &[&str] = &[
    "Helse og omsorg",
    "Oppvekst",
    "Teknisk drift",
    "Økonomi",
    "Kultur",
    "Barnehage",
    "NAV",
    "Skole",
];

pub fn counts(scenario: Scenario) -> ImportCounts {
    match scenario {
        Scenario::ImportFilter => ImportCounts {
            add: 19,
            edit: 149,
            delete: 683,
        },
        _ => ImportCounts {
            add: 3,
            edit: 27,
            delete: 1,
        },
    }
}

/// Every entry of the log, in a fixed order: the same each time it is asked for.
pub fn entries(scenario: Scenario) -> Vec<ImportLogEntry> {
    let counts = counts(scenario);
    let mut all = Vec::new();
    let mut n = 0usize;
    for (kind, count) in [
        (ImportChange::Add, counts.add),
        (ImportChange::Edit, counts.edit),
        (ImportChange::Delete, counts.delete),
    ] {
        for _ in 0..count {
            let first = FIRST_NAMES[(n * 7) % FIRST_NAMES.len()];
            let last = LAST_NAMES[(n * 13 + n / 20) % LAST_NAMES.len()];
            let department = DEPARTMENTS[(n * 5) % DEPARTMENTS.len()];
            let detail = match kind {
                ImportChange::Add => format!("New employee in {department}"),
                ImportChange::Edit => format!("Department changed to {department}"),
                ImportChange::Delete => format!("No longer employed in {department}"),
            };
            all.push(ImportLogEntry {
                kind,
                user_id: (10_400 + n * 3).to_string(),
                name: PersonName::new(format!("{first} {last}")),
                detail,
            });
            n += 1;
        }
    }
    all
}
