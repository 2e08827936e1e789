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
    /// Where IT puts defaults for every user of the machine (`/etc/synkvakt`, or
    /// `%ProgramData%\Synkvakt` on Windows), if this system has such a place.
    pub machine_config_dir: Option<PathBuf>,
}

impl AppPaths {
    pub fn under(home: PathBuf) -> AppPaths {
        AppPaths {
            config_dir: home.join("config"),
            data_dir: home.join("data"),
            log_dir: home.join("logs"),
            runtime_dir: home.join("run"),
            machine_config_dir: Some(home.join("machine")),
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
                machine_config_dir: machine_config_dir(),
            },
            None => AppPaths::under(std::env::temp_dir().join("synkvakt")),
        }
    }

    /// The machine-wide defaults, beneath each user's settings.
    pub fn machine_defaults_file(&self) -> Option<PathBuf> {
        self.machine_config_dir
            .as_ref()
            .map(|dir| dir.join("settings.json"))
    }

    pub fn settings_file(&self) -> PathBuf {
        self.config_dir.join("settings.json")
    }

    pub fn audit_file(&self) -> PathBuf {
        self.data_dir.join("audit.jsonl")
    }
}

fn machine_config_dir() -> Option<PathBuf> {
    if cfg!(windows) {
        std::env::var_os("ProgramData").map(|dir| PathBuf::from(dir).join("Synkvakt"))
    } else {
        Some(PathBuf::from("/etc/synkvakt"))
    }
}
