//! The newest import's log: what the import would add, change and delete, per account. The
//! import-filter scenario's log matches the figures of its stopped filter. A user number has the
//! same name here as in the tenant's directory.

use crate::directory::{self, Directory};
use synkvakt_api::demo_protocol::Scenario;
use synkvakt_api::model::{ImportChange, ImportCounts, ImportLogEntry};
use synkvakt_api::personal::PersonName;

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

/// Every entry of the log, in a fixed order: the same each time it is asked for. A new
/// employee's entry names their national ID number, as the service's log does, from the
/// directory when it holds that user.
pub fn entries(scenario: Scenario, known: &Directory) -> Vec<ImportLogEntry> {
    let counts = counts(scenario);
    let mut all = Vec::new();
    let mut n = 0usize;
    for (kind, count) in [
        (ImportChange::Add, counts.add),
        (ImportChange::Edit, counts.edit),
        (ImportChange::Delete, counts.delete),
    ] {
        for _ in 0..count {
            let user_id = 10_400 + n as u32 * 3;
            let department = directory::municipal_department(n * 5);
            let detail = match kind {
                ImportChange::Add => match known.index_of(&user_id.to_string()) {
                    Some(index) => format!(
                        "New employee in {department}, national ID {}",
                        known.national_id(index)
                    ),
                    None => format!("New employee in {department}"),
                },
                ImportChange::Edit => format!("Department changed to {department}"),
                ImportChange::Delete => format!("No longer employed in {department}"),
            };
            all.push(ImportLogEntry {
                kind,
                user_id: user_id.to_string(),
                name: PersonName::new(directory::person_name(user_id)),
                detail,
            });
            n += 1;
        }
    }
    all
}
