//! The demo's stand-in for the client's log folder (`C:\eadm\loggfiler` on a real client
//! server): today's log in UTF-8, yesterday's in Windows-1252 as older clients write it, each
//! with the INFO, WARN and ERROR lines of a run, and personal data in them as real logs have.

use crate::directory::Directory;
use chrono::{Duration, Local};
use std::path::{Path, PathBuf};
use synkvakt_api::demo_protocol::Scenario;
use synkvakt_api::model::Product;

/// Writes the demo's log files into `runtime_dir/client-logs` and returns that folder.
pub fn write(
    runtime_dir: &Path,
    product: Product,
    scenario: Scenario,
    directory: &Directory,
) -> std::io::Result<PathBuf> {
    let folder = runtime_dir.join("client-logs");
    std::fs::create_dir_all(&folder)?;
    let today = Local::now();
    let yesterday = today - Duration::days(1);
    let stamp = |at: chrono::DateTime<Local>, minute: i64| {
        (at.date_naive().and_hms_opt(6, 0, 0).unwrap_or_default() + Duration::minutes(minute))
            .format("%Y-%m-%d %H:%M:%S")
            .to_string()
    };
    // The first of the newest import's people, as a real client names the people it works on.
    let person = 399;
    let name = directory.name(person);
    let national_id = directory.national_id(person);
    let client = product.as_str();

    let mut older = String::new();
    for (minute, line) in [
        (0, format!("INFO  {client} klient startet synkronisering")),
        (2, "INFO  Import HR: 1 203 ansatte lest".to_string()),
        (
            4,
            format!(
                "WARN  Bruker {} mangler e-postadresse",
                directory.id(person)
            ),
        ),
        (
            9,
            "INFO  Eksport AD: 14 endringer sendt til Østre domene".to_string(),
        ),
        (
            11,
            "INFO  Synkronisering fullført på 11 minutter".to_string(),
        ),
    ] {
        older.push_str(&format!("{} {line}\r\n", stamp(yesterday, minute)));
    }
    let (older_bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&older);
    let older_path = folder.join(format!(
        "{client}-klient-{}.log",
        yesterday.format("%Y-%m-%d")
    ));
    std::fs::write(&older_path, older_bytes)?;
    // Last written yesterday, as the client left it: the folder lists it after today's.
    std::fs::File::options()
        .write(true)
        .open(&older_path)?
        .set_modified(yesterday.into())?;

    let failing = matches!(scenario, Scenario::StepFailed | Scenario::Stuck);
    let mut lines = vec![
        (0, format!("INFO  {client} klient startet synkronisering")),
        (2, "INFO  Import HR: 1 204 ansatte lest".to_string()),
    ];
    match failing {
        true => lines.extend([
            (
                9,
                format!(
                    "ERROR Eksport AD feilet for {name} ({national_id}): Access is denied (0x80070005)"
                ),
            ),
            (9, "WARN  Eksport AD: 1 av 15 endringer ikke sendt".to_string()),
        ]),
        false => lines.extend([
            (9, format!("INFO  Ny ansatt {name} ({national_id}) opprettet i AD")),
            (10, "INFO  Synkronisering fullført på 10 minutter".to_string()),
        ]),
    }
    let newest: String = lines
        .iter()
        .map(|(minute, line)| format!("{} {line}\n", stamp(today, *minute)))
        .collect();
    std::fs::write(
        folder.join(format!("{client}-klient-{}.log", today.format("%Y-%m-%d"))),
        newest,
    )?;
    Ok(folder)
}
