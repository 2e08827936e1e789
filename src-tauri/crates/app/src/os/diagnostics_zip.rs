//! The diagnostics bundle: what support asks for, gathered once, shown to the admin exactly as
//! it will be saved, and written as a zip only where the admin chooses. The preview lives in
//! memory only; personal data in it is masked as in support mode.

use crate::os::client_logs::LineLevel;
use chrono::{DateTime, Utc};
use serde::Serialize;
use specta::Type;
use std::io::Write;
use std::path::Path;
use synkvakt_core::error::{Error, Result};

/// One file of the bundle.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct BundlePart {
    /// Its path inside the zip, e.g. `client-logs/eAdm-klient-2026-12-01.log`.
    pub file_name: String,
    /// What it is, in the admin's language.
    pub title: String,
    pub text: String,
    /// The lines (from 0) of the text that are errors, to mark in the preview.
    pub error_lines: Vec<u32>,
}

impl BundlePart {
    pub fn new(file_name: impl Into<String>, title: impl Into<String>, text: String) -> BundlePart {
        BundlePart {
            file_name: file_name.into(),
            title: title.into(),
            text,
            error_lines: Vec::new(),
        }
    }

    /// A part whose error lines are marked, as a log's are.
    pub fn with_marked_errors(mut self) -> BundlePart {
        self.error_lines = self
            .text
            .lines()
            .enumerate()
            .filter(|(_, line)| crate::os::client_logs::level_of(line) == LineLevel::Error)
            .map(|(index, _)| index as u32)
            .collect();
        self
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct DiagnosticsView {
    /// Names this preview, so that what is saved is what was shown.
    pub id: String,
    pub created_at: DateTime<Utc>,
    pub parts: Vec<BundlePart>,
    /// A few lines for a support ticket: "Copy summary".
    pub summary: String,
    #[specta(type = f64)]
    pub total_bytes: u64,
}

/// The bundle's suggested file name: `synkvakt-diagnostics-<tenant>-<time>.zip`.
pub fn suggested_name(tenant: &str, at: DateTime<Utc>) -> String {
    let tenant: String = tenant
        .chars()
        .flat_map(|c| match c.is_alphanumeric() {
            true => c.to_lowercase().collect::<Vec<_>>(),
            false => vec!['-'],
        })
        .collect::<String>()
        .split('-')
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    format!(
        "synkvakt-diagnostics-{tenant}-{}.zip",
        at.format("%Y%m%d-%H%M")
    )
}

/// Writes the parts into a zip at `path`, next to it first and then swapped in; a zip that
/// could not be finished is not left behind.
pub fn write_zip(parts: &[BundlePart], path: &Path) -> Result<()> {
    let temporary = path.with_extension("zip.partial");
    let written = write_zip_at(parts, path, &temporary);
    if written.is_err() {
        let _ = std::fs::remove_file(&temporary);
    }
    written
}

fn write_zip_at(parts: &[BundlePart], path: &Path, temporary: &Path) -> Result<()> {
    let io = |action: &'static str, err: std::io::Error| Error::Io {
        action,
        path: path.to_path_buf(),
        detail: err.to_string(),
    };
    let file = std::fs::File::create(temporary).map_err(|err| io("writing", err))?;
    let mut zip = zip::ZipWriter::new(file);
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for part in parts {
        zip.start_file(part.file_name.as_str(), options)
            .map_err(|err| io("writing", std::io::Error::other(err)))?;
        zip.write_all(part.text.as_bytes())
            .map_err(|err| io("writing", err))?;
    }
    zip.finish()
        .map_err(|err| io("writing", std::io::Error::other(err)))?;
    std::fs::rename(temporary, path).map_err(|err| io("replacing", err))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_lines_are_marked_and_the_name_is_a_plain_file_name() {
        let part = BundlePart::new(
            "client-logs/a.log",
            "a",
            "06:00 INFO ok\n06:01 ERROR stopp\n06:02 WARN x\n".into(),
        )
        .with_marked_errors();
        assert_eq!(part.error_lines, [1]);
        let at = DateTime::parse_from_rfc3339("2026-12-01T09:14:00Z")
            .unwrap()
            .with_timezone(&Utc);
        assert_eq!(
            suggested_name("Demo kommune / Øst", at),
            "synkvakt-diagnostics-demo-kommune-øst-20261201-0914.zip"
        );
    }

    #[test]
    fn the_zip_holds_each_part_as_shown() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bundle.zip");
        let parts = [
            BundlePart::new("synkvakt.txt", "app", "Synkvakt 0.1.0".into()),
            BundlePart::new("client-logs/x.log", "log", "line".into()),
        ];
        write_zip(&parts, &path).unwrap();
        let mut zip = zip::ZipArchive::new(std::fs::File::open(&path).unwrap()).unwrap();
        let mut names: Vec<String> = zip.file_names().map(str::to_string).collect();
        names.sort();
        assert_eq!(names, ["client-logs/x.log", "synkvakt.txt"]);
        let mut text = String::new();
        std::io::Read::read_to_string(&mut zip.by_name("synkvakt.txt").unwrap(), &mut text)
            .unwrap();
        assert_eq!(text, "Synkvakt 0.1.0");
        assert!(!dir.path().join("bundle.zip.partial").exists());
    }
}
