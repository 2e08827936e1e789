//! The audit trail as a file: one JSON line per entry in the app's data folder.

use std::io::Write;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use synkvakt_core::actions::{ActionPath, AuditEntry, AuditSink};
use synkvakt_core::error::{Error, Result};

pub struct AuditFile {
    path: PathBuf,
    /// One line at a time, so that concurrent actions never interleave their lines.
    append_lock: Mutex<()>,
}

impl AuditFile {
    pub fn new(path: PathBuf) -> AuditFile {
        AuditFile {
            path,
            append_lock: Mutex::new(()),
        }
    }
}

/// The action path that audits into the file at `path`, naming the signed-in user.
pub fn action_path(path: PathBuf) -> ActionPath {
    ActionPath::new(Arc::new(AuditFile::new(path)), os_user())
}

/// The signed-in user, as the audit trail names who acted.
pub fn os_user() -> String {
    std::env::var("USERNAME")
        .or_else(|_| std::env::var("USER"))
        .unwrap_or_else(|_| "unknown".to_string())
}

impl AuditSink for AuditFile {
    fn append(&self, entry: &AuditEntry) -> Result<()> {
        let io = |err: std::io::Error| Error::Io {
            action: "appending to the audit log",
            path: self.path.clone(),
            detail: err.to_string(),
        };
        let mut line = serde_json::to_vec(entry).map_err(|err| io(err.into()))?;
        line.push(b'\n');
        let _guard = self
            .append_lock
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some(dir) = self.path.parent() {
            std::fs::create_dir_all(dir).map_err(io)?;
        }
        let mut file = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&self.path)
            .map_err(io)?;
        file.write_all(&line).map_err(io)
    }

    /// Lines a person damaged are skipped, not fatal.
    fn recent(&self, limit: usize) -> Result<Vec<AuditEntry>> {
        let text = match std::fs::read_to_string(&self.path) {
            Ok(text) => text,
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(err) => {
                return Err(Error::Io {
                    action: "reading",
                    path: self.path.clone(),
                    detail: err.to_string(),
                })
            }
        };
        let entries: Vec<AuditEntry> = text
            .lines()
            .filter_map(|line| serde_json::from_str(line).ok())
            .collect();
        Ok(entries[entries.len().saturating_sub(limit)..].to_vec())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use synkvakt_core::actions::{Action, Outcome};

    fn language_change() -> Action {
        Action::ChangeSettings {
            setting: "language".into(),
            value: "nn".into(),
        }
    }

    #[tokio::test]
    async fn concurrent_actions_write_whole_lines_to_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let file = Arc::new(AuditFile::new(dir.path().join("audit.jsonl")));
        let path = Arc::new(ActionPath::new(file.clone(), os_user()));
        let tasks: Vec<_> = (0..50)
            .map(|_| {
                let path = path.clone();
                tokio::spawn(async move {
                    path.perform("T", language_change(), async { Ok(()) }, || async {
                        Ok(())
                    })
                    .await
                })
            })
            .collect();
        for task in tasks {
            task.await.unwrap().unwrap();
        }
        let entries = file.recent(200).unwrap();
        assert_eq!(entries.len(), 100, "a started and a done line for each");
        assert_eq!(
            entries
                .iter()
                .filter(|e| e.outcome == Outcome::Done)
                .count(),
            50
        );
        assert!(entries.iter().all(|e| !e.os_user.is_empty()));
    }

    #[tokio::test]
    async fn an_unwritable_audit_file_fails_the_action() {
        let dir = tempfile::tempdir().unwrap();
        let blocker = dir.path().join("file");
        std::fs::write(&blocker, "").unwrap();
        let path = ActionPath::new(
            Arc::new(AuditFile::new(blocker.join("audit.jsonl"))),
            os_user(),
        );
        let result: synkvakt_core::Result<()> = path
            .perform("T", language_change(), async { Ok(()) }, || async {
                Ok(())
            })
            .await;
        assert!(matches!(result, Err(Error::Io { .. })));
    }
}
