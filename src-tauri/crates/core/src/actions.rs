//! The one path for every action that changes something outside the app: it checks the action,
//! runs it, and appends what happened to the audit log, refused and failed attempts included.

use crate::error::{Error, Result};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::future::Future;
use std::io::Write;
use std::path::PathBuf;
use tokio::sync::Mutex;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Action {
    /// A change to the settings file, named by the setting.
    ChangeSettings { setting: String, value: String },
    /// Running a scheduled task of the client: for a manual sync, or to nudge a step.
    RunTask {
        task: String,
        server: Option<String>,
        purpose: String,
    },
    /// Starting a new cycle through the tenant's API, where it can (newer eAdm).
    StartCycle,
    /// Clearing the service's web cache, the manual sync's third step.
    ClearCache,
    /// Releasing a cycle the import filter stopped, with the counts the admin confirmed.
    ResumeCycle {
        cycle_id: String,
        add: u32,
        edit: u32,
        delete: u32,
    },
    /// Putting a re-export on the export queue: what it overwrites, and for how many.
    Reexport {
        template: String,
        /// One mapping's target attribute, or all of the template's.
        mapping: Option<String>,
        scope: crate::model::ScopeKind,
        users: u32,
        values: u32,
        idempotency_key: String,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    /// Checked and about to run, written before anything is changed.
    Started,
    Done,
    Refused,
    Failed,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AuditEntry {
    pub time: DateTime<Utc>,
    pub os_user: String,
    pub tenant: String,
    pub action: Action,
    pub outcome: Outcome,
    /// Why it was refused or how it failed; empty when done.
    pub detail: String,
}

pub struct ActionPath {
    audit_file: PathBuf,
    os_user: String,
    append_lock: Mutex<()>,
}

impl ActionPath {
    pub fn new(audit_file: PathBuf) -> ActionPath {
        let os_user = std::env::var("USERNAME")
            .or_else(|_| std::env::var("USER"))
            .unwrap_or_else(|_| "unknown".to_string());
        ActionPath {
            audit_file,
            os_user,
            append_lock: Mutex::new(()),
        }
    }

    /// Checks the action, and only when the check passes, runs it. Either way the attempt is in
    /// the audit log before this returns; an action whose audit line cannot be written fails.
    pub async fn perform<T, Check, Run, Fut>(
        &self,
        tenant: &str,
        action: Action,
        check: Check,
        run: Run,
    ) -> Result<T>
    where
        Check: Future<Output = Result<()>>,
        Run: FnOnce() -> Fut,
        Fut: Future<Output = Result<T>>,
    {
        if let Err(refusal) = check.await {
            self.append(tenant, action, Outcome::Refused, &refusal.to_string())
                .await?;
            return Err(refusal);
        }
        // Nothing runs that the audit log does not know about.
        self.append(tenant, action.clone(), Outcome::Started, "")
            .await?;
        let result = run().await;
        let (outcome, detail) = match &result {
            Ok(_) => (Outcome::Done, String::new()),
            Err(err) => (Outcome::Failed, err.to_string()),
        };
        // The action happened (or failed) either way: a missing outcome line must not turn a
        // done action into a reported failure. The "started" line already stands.
        if let Err(err) = self.append(tenant, action, outcome, &detail).await {
            tracing::error!("the outcome of an action could not be audited: {err}");
        }
        result
    }

    async fn append(
        &self,
        tenant: &str,
        action: Action,
        outcome: Outcome,
        detail: &str,
    ) -> Result<()> {
        let entry = AuditEntry {
            time: Utc::now(),
            os_user: self.os_user.clone(),
            tenant: tenant.to_string(),
            action,
            outcome,
            detail: detail.to_string(),
        };
        tracing::info!(tenant, outcome = ?entry.outcome, action = ?entry.action, "audit");
        let io = |err: std::io::Error| Error::Io {
            action: "appending to the audit log",
            path: self.audit_file.clone(),
            detail: err.to_string(),
        };
        let mut line = serde_json::to_vec(&entry).map_err(|err| io(err.into()))?;
        line.push(b'\n');
        let _guard = self.append_lock.lock().await;
        if let Some(dir) = self.audit_file.parent() {
            std::fs::create_dir_all(dir).map_err(io)?;
        }
        let mut file = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&self.audit_file)
            .map_err(io)?;
        file.write_all(&line).map_err(io)
    }

    /// The newest entries, newest last; lines a person damaged are skipped, not fatal.
    pub fn recent(&self, limit: usize) -> Result<Vec<AuditEntry>> {
        let text = match std::fs::read_to_string(&self.audit_file) {
            Ok(text) => text,
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(err) => {
                return Err(Error::Io {
                    action: "reading",
                    path: self.audit_file.clone(),
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
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;

    fn language_change() -> Action {
        Action::ChangeSettings {
            setting: "language".into(),
            value: "nn".into(),
        }
    }

    #[tokio::test]
    async fn done_refused_and_failed_actions_are_all_audited() {
        let dir = tempfile::tempdir().unwrap();
        let path = ActionPath::new(dir.path().join("audit.jsonl"));
        let runs = AtomicUsize::new(0);

        let done: Result<u32> = path
            .perform("Kommune X", language_change(), async { Ok(()) }, || async {
                runs.fetch_add(1, Ordering::SeqCst);
                Ok(7)
            })
            .await;
        assert_eq!(done.unwrap(), 7);

        let refused: Result<()> = path
            .perform(
                "Kommune X",
                language_change(),
                async {
                    Err(Error::Refused {
                        reason: "a cycle is running".into(),
                    })
                },
                || async {
                    runs.fetch_add(1, Ordering::SeqCst);
                    Ok(())
                },
            )
            .await;
        assert!(matches!(refused, Err(Error::Refused { .. })));
        assert_eq!(
            runs.load(Ordering::SeqCst),
            1,
            "a refused action must not run"
        );

        let failed: Result<()> = path
            .perform("Kommune X", language_change(), async { Ok(()) }, || async {
                Err(Error::DemoTenant {
                    detail: "boom".into(),
                })
            })
            .await;
        assert!(failed.is_err());

        let entries = path.recent(10).unwrap();
        let outcomes: Vec<_> = entries.iter().map(|e| e.outcome).collect();
        assert_eq!(
            outcomes,
            [
                Outcome::Started,
                Outcome::Done,
                Outcome::Refused,
                Outcome::Started,
                Outcome::Failed
            ]
        );
        assert!(entries[2].detail.contains("a cycle is running"));
        assert!(entries
            .iter()
            .all(|e| e.tenant == "Kommune X" && !e.os_user.is_empty()));
    }

    #[tokio::test]
    async fn concurrent_actions_write_whole_lines() {
        let dir = tempfile::tempdir().unwrap();
        let path = Arc::new(ActionPath::new(dir.path().join("audit.jsonl")));
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
        let entries = path.recent(200).unwrap();
        assert_eq!(entries.len(), 100, "a started and a done line for each");
        assert_eq!(
            entries
                .iter()
                .filter(|e| e.outcome == Outcome::Done)
                .count(),
            50
        );
    }

    #[tokio::test]
    async fn an_unwritable_audit_log_fails_the_action() {
        let dir = tempfile::tempdir().unwrap();
        let blocker = dir.path().join("file");
        std::fs::write(&blocker, "").unwrap();
        let path = ActionPath::new(blocker.join("audit.jsonl"));
        let runs = AtomicUsize::new(0);
        let result: Result<()> = path
            .perform("T", language_change(), async { Ok(()) }, || async {
                runs.fetch_add(1, Ordering::SeqCst);
                Ok(())
            })
            .await;
        assert!(matches!(result, Err(Error::Io { .. })));
        assert_eq!(runs.load(Ordering::SeqCst), 0, "nothing runs unaudited");
    }
}
