//! The one path for every action that changes something outside the app: it checks the action,
//! runs it, and appends what happened to the audit log, refused and failed attempts included.

use crate::error::{Error, Result};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::future::Future;
use std::sync::Arc;

/// 128 random bits in hex: the idempotency key of an action the admin confirmed, and the ids of
/// what the page opens.
pub fn random_token() -> String {
    use rand::Rng;
    let bytes: [u8; 16] = rand::rng().random();
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}

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
        scope: synkvakt_api::model::ScopeKind,
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

/// Where the audit trail is kept: a file in the app's data folder, or a fake in tests.
pub trait AuditSink: Send + Sync {
    /// Appends one entry, whole; an action whose entry cannot be written does not run.
    fn append(&self, entry: &AuditEntry) -> Result<()>;
    /// The newest `limit` entries, newest last.
    fn recent(&self, limit: usize) -> Result<Vec<AuditEntry>>;
}

pub struct ActionPath {
    sink: Arc<dyn AuditSink>,
    os_user: String,
}

impl ActionPath {
    /// The path that audits into `sink`, every entry naming `os_user` as who acted.
    pub fn new(sink: Arc<dyn AuditSink>, os_user: String) -> ActionPath {
        ActionPath { sink, os_user }
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
            self.append(tenant, action, Outcome::Refused, &refusal.to_string())?;
            return Err(refusal);
        }
        // Nothing runs that the audit log does not know about.
        self.append(tenant, action.clone(), Outcome::Started, "")?;
        let result = run().await;
        let (outcome, detail) = match &result {
            Ok(_) => (Outcome::Done, String::new()),
            Err(err) => (Outcome::Failed, err.to_string()),
        };
        // The action happened (or failed) either way: a missing outcome line must not turn a
        // done action into a reported failure. The "started" line already stands.
        if let Err(err) = self.append(tenant, action, outcome, &detail) {
            tracing::error!("the outcome of an action could not be audited: {err}");
        }
        result
    }

    fn append(&self, tenant: &str, action: Action, outcome: Outcome, detail: &str) -> Result<()> {
        let entry = AuditEntry {
            time: Utc::now(),
            os_user: self.os_user.clone(),
            tenant: tenant.to_string(),
            action,
            outcome,
            detail: detail.to_string(),
        };
        tracing::info!(tenant, outcome = ?entry.outcome, action = ?entry.action, "audit");
        self.sink.append(&entry)
    }

    /// The newest entries, newest last.
    pub fn recent(&self, limit: usize) -> Result<Vec<AuditEntry>> {
        self.sink.recent(limit)
    }
}

/// An audit trail in memory, for tests of what is audited.
#[derive(Default)]
pub struct MemoryAudit {
    entries: std::sync::Mutex<Vec<AuditEntry>>,
    /// When set, every append fails as an unwritable file would.
    pub refuse_writes: bool,
}

impl AuditSink for MemoryAudit {
    fn append(&self, entry: &AuditEntry) -> Result<()> {
        if self.refuse_writes {
            return Err(Error::Io {
                action: "appending to the audit log",
                path: "memory".into(),
                detail: "writes are refused".into(),
            });
        }
        self.entries
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .push(entry.clone());
        Ok(())
    }

    fn recent(&self, limit: usize) -> Result<Vec<AuditEntry>> {
        let entries = self
            .entries
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        Ok(entries[entries.len().saturating_sub(limit)..].to_vec())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    fn language_change() -> Action {
        Action::ChangeSettings {
            setting: "language".into(),
            value: "nn".into(),
        }
    }

    #[tokio::test]
    async fn done_refused_and_failed_actions_are_all_audited() {
        let path = ActionPath::new(Arc::new(MemoryAudit::default()), "admin".into());
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
    async fn an_unwritable_audit_log_fails_the_action() {
        let sink = MemoryAudit {
            refuse_writes: true,
            ..MemoryAudit::default()
        };
        let path = ActionPath::new(Arc::new(sink), "admin".into());
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
