//! Where Synkvakt keeps its files. `SYNKVAKT_HOME` puts all of them under one folder, so that
//! tests and side-by-side installs never touch the user's real settings.

use directories::ProjectDirs;
use std::path::PathBuf;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppPaths {
    pub config_dir: PathBuf,
    pub data_dir: PathBuf,
    pub log_dir: PathBuf,
    /// Small files that say which processes run where, e.g. the demo tenant's port.
    pub runtime_dir: PathBuf,
}

impl AppPaths {
    pub fn under(home: PathBuf) -> AppPaths {
        AppPaths {
            config_dir: home.join("config"),
            data_dir: home.join("data"),
            log_dir: home.join("logs"),
            runtime_dir: home.join("run"),
        }
    }

    /// The OS's folders for this user (XDG on Linux, AppData on Windows).
    pub fn for_user() -> AppPaths {
        if let Some(home) = std::env::var_os("SYNKVAKT_HOME").filter(|home| !home.is_empty()) {
            return AppPaths::under(PathBuf::from(home));
        }
        match ProjectDirs::from("no", "Synkvakt", "Synkvakt") {
            Some(dirs) => AppPaths {
                config_dir: dirs.config_dir().to_path_buf(),
                data_dir: dirs.data_local_dir().to_path_buf(),
                log_dir: dirs
                    .state_dir()
                    .unwrap_or_else(|| dirs.data_local_dir())
                    .join("logs"),
                runtime_dir: dirs
                    .runtime_dir()
                    .unwrap_or_else(|| dirs.data_local_dir())
                    .join("run"),
            },
            None => AppPaths::under(std::env::temp_dir().join("synkvakt")),
        }
    }

    pub fn settings_file(&self) -> PathBuf {
        self.config_dir.join("settings.json")
    }

    pub fn audit_file(&self) -> PathBuf {
        self.data_dir.join("audit.jsonl")
    }
}
