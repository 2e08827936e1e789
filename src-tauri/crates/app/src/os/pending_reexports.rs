//! The re-exports sent and not yet answered, one file each in the data folder. A file is written
//! before the request goes out and removed once the job is on the queue or the tenant refused
//! it, so that after a crash or a killed process the app asks the queue for the job its key made
//! instead of sending a second one.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::io::Write;
use std::path::PathBuf;
use synkvakt_api::model::ReexportRequest;
use synkvakt_core::profiles::TenantRef;
use synkvakt_core::reexport::ConfirmedCounts;

/// A re-export on its way: everything needed to ask for it, to say what it was and to send the
/// very same request again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PendingReexport {
    pub idempotency_key: String,
    pub tenant: TenantRef,
    /// The service address it was sent to: it is sent again only to the same.
    pub service_url: String,
    pub tenant_name: String,
    pub template_id: String,
    pub template_name: String,
    pub target_system: String,
    pub attributes: Vec<String>,
    pub request: ReexportRequest,
    pub confirmed: ConfirmedCounts,
    pub sent_at: DateTime<Utc>,
}

pub struct PendingReexports {
    dir: PathBuf,
}

impl PendingReexports {
    /// The folder `pending-reexports` in `data_dir`.
    pub fn in_data_dir(data_dir: &std::path::Path) -> PendingReexports {
        PendingReexports {
            dir: data_dir.join("pending-reexports"),
        }
    }

    pub fn folder(&self) -> &std::path::Path {
        &self.dir
    }

    fn file_of(&self, idempotency_key: &str) -> Option<PathBuf> {
        let safe = !idempotency_key.is_empty()
            && idempotency_key.len() <= 128
            && idempotency_key
                .bytes()
                .all(|byte| byte.is_ascii_alphanumeric());
        safe.then(|| self.dir.join(format!("{idempotency_key}.json")))
    }

    /// Writes `pending` to disk, synced before it returns: the request may go out only after.
    pub fn write(&self, pending: &PendingReexport) -> std::io::Result<()> {
        let path = self
            .file_of(&pending.idempotency_key)
            .ok_or_else(|| std::io::Error::other("an idempotency key that is not one"))?;
        std::fs::create_dir_all(&self.dir)?;
        let fresh = path.with_extension("json.new");
        let mut file = std::fs::File::create(&fresh)?;
        file.write_all(&serde_json::to_vec_pretty(pending).map_err(std::io::Error::other)?)?;
        file.sync_all()?;
        std::fs::rename(&fresh, &path)?;
        if let Ok(dir) = std::fs::File::open(&self.dir) {
            // The rename itself is durable once the folder is synced (a no-op where it cannot be).
            let _ = dir.sync_all();
        }
        Ok(())
    }

    /// Forgets the re-export of `idempotency_key`: its job is on the queue, or it never will be.
    pub fn remove(&self, idempotency_key: &str) {
        if let Some(path) = self.file_of(idempotency_key) {
            match std::fs::remove_file(&path) {
                Ok(()) => {}
                Err(err) if err.kind() == std::io::ErrorKind::NotFound => {}
                Err(err) => {
                    tracing::warn!(path = %path.display(), "a sent re-export's file stays: {err}")
                }
            }
        }
    }

    /// Every re-export sent and not answered, oldest first; an unreadable file is logged and
    /// left for support to look at.
    pub fn all(&self) -> Vec<PendingReexport> {
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return Vec::new();
        };
        let mut found: Vec<PendingReexport> = entries
            .flatten()
            .map(|entry| entry.path())
            .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
            .filter_map(|path| {
                let read = std::fs::read(&path).map_err(|err| err.to_string()).and_then(|bytes| {
                    serde_json::from_slice::<PendingReexport>(&bytes).map_err(|err| err.to_string())
                });
                match read {
                    Ok(pending) => Some(pending),
                    Err(err) => {
                        tracing::warn!(path = %path.display(), "a sent re-export cannot be read: {err}");
                        None
                    }
                }
            })
            .collect();
        found.sort_by_key(|pending| pending.sent_at);
        found
    }
}
