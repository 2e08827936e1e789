//! What the watcher keeps on disk between its looks: the memory of what it announced, and the
//! mark of a manual sync the window started.

use chrono::{DateTime, Utc};
use std::path::{Path, PathBuf};
use synkvakt_core::alerts::{ManualSyncMark, WatchMemory};
use synkvakt_core::error::{Error, Result};

pub struct WatchMemoryFile {
    path: PathBuf,
}

impl WatchMemoryFile {
    pub fn new(path: PathBuf) -> WatchMemoryFile {
        WatchMemoryFile { path }
    }

    /// The saved memory; a missing or unreadable file starts afresh (at worst an event is
    /// announced again, never lost).
    pub fn load(&self) -> WatchMemory {
        std::fs::read_to_string(&self.path)
            .ok()
            .and_then(|text| serde_json::from_str(&text).ok())
            .unwrap_or_default()
    }

    /// Written whole and swapped in, so that a crash never leaves half a file.
    pub fn save(&self, memory: &WatchMemory) -> Result<()> {
        let io = |action: &'static str, err: std::io::Error| Error::Io {
            action,
            path: self.path.clone(),
            detail: err.to_string(),
        };
        if let Some(folder) = self.path.parent() {
            std::fs::create_dir_all(folder).map_err(|err| io("creating the folder of", err))?;
        }
        let text = serde_json::to_vec_pretty(memory).map_err(|err| Error::Io {
            action: "writing",
            path: self.path.clone(),
            detail: err.to_string(),
        })?;
        let fresh = self.path.with_extension("json.new");
        std::fs::write(&fresh, text).map_err(|err| io("writing", err))?;
        std::fs::rename(&fresh, &self.path).map_err(|err| io("replacing", err))
    }
}

/// Where the window leaves the mark of the manual sync it started.
pub fn manual_sync_mark_path(runtime_dir: &Path) -> PathBuf {
    runtime_dir.join("manual-sync.json")
}

/// The mark, unless there is none or it is too old to matter.
pub fn read_manual_sync_mark(runtime_dir: &Path, now: DateTime<Utc>) -> Option<ManualSyncMark> {
    let text = std::fs::read_to_string(manual_sync_mark_path(runtime_dir)).ok()?;
    let mark: ManualSyncMark = serde_json::from_str(&text).ok()?;
    mark.is_current(now).then_some(mark)
}

pub fn write_manual_sync_mark(mark: &ManualSyncMark, runtime_dir: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(runtime_dir)?;
    let text = serde_json::to_vec(mark).map_err(std::io::Error::other)?;
    std::fs::write(manual_sync_mark_path(runtime_dir), text)
}

pub fn clear_manual_sync_mark(runtime_dir: &Path) {
    let _ = std::fs::remove_file(manual_sync_mark_path(runtime_dir));
}
