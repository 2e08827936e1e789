//! The demo tenant's launch protocol, shared by the demo server and every Synkvakt process that
//! uses it: the scenarios it plays, the runtime file it writes to say where it listens, and the
//! lease that keeps it alive.
//!
//! The demo tenant is a small loopback server of its own. Every Synkvakt process that uses it
//! renews a lease, and it exits when no lease is renewed for a while, so the window app and the
//! watcher can share it and none of them owns it.

use crate::model::Product;
use serde::{Deserialize, Serialize};
use specta::Type;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::time::Duration;

/// How often a user of the demo tenant renews its lease.
pub const LEASE_RENEWAL: Duration = Duration::from_secs(10);
/// How long the demo tenant waits for a renewal before it exits.
pub const LEASE_EXPIRY: Duration = Duration::from_secs(45);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[serde(rename_all = "kebab-case")]
pub enum Scenario {
    Healthy,
    StepFailed,
    ImportFilter,
    Stuck,
    Running,
    /// A step waits for the client's scheduled task, which has not run.
    Waiting,
    /// The last cycle completed and no new one has started for longer than the usual gap.
    NoNewCycle,
}

impl Scenario {
    pub const ALL: [Scenario; 7] = [
        Scenario::Healthy,
        Scenario::StepFailed,
        Scenario::ImportFilter,
        Scenario::Stuck,
        Scenario::Running,
        Scenario::Waiting,
        Scenario::NoNewCycle,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Scenario::Healthy => "healthy",
            Scenario::StepFailed => "step-failed",
            Scenario::ImportFilter => "import-filter",
            Scenario::Stuck => "stuck",
            Scenario::Running => "running",
            Scenario::Waiting => "waiting",
            Scenario::NoNewCycle => "no-new-cycle",
        }
    }
}

impl FromStr for Scenario {
    type Err = String;

    fn from_str(value: &str) -> std::result::Result<Self, Self::Err> {
        Scenario::ALL
            .into_iter()
            .find(|scenario| scenario.as_str() == value)
            .ok_or_else(|| {
                let names: Vec<_> = Scenario::ALL.iter().map(|s| s.as_str()).collect();
                format!(
                    "unknown scenario {value:?}; choose one of {}",
                    names.join(", ")
                )
            })
    }
}

/// The most tenants one demo server simulates.
pub const MAX_DEMO_TENANTS: u32 = 500;

fn one_tenant() -> u32 {
    1
}

/// What the demo tenant writes to say where it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RuntimeFile {
    pub pid: u32,
    pub port: u16,
    pub api_key: String,
    pub product: Product,
    pub scenario: Scenario,
    /// In test mode simulated time moves only when a test says so.
    pub test_clock: bool,
    /// How many tenants it serves (see `DemoChoice::tenants`).
    #[serde(default = "one_tenant")]
    pub tenants: u32,
    /// The demo's stand-in for the client's log folder.
    #[serde(default)]
    pub client_log_folder: Option<PathBuf>,
}

impl RuntimeFile {
    pub const NAME: &'static str = "demo-tenant.json";

    pub fn path_in(runtime_dir: &Path) -> PathBuf {
        runtime_dir.join(Self::NAME)
    }

    pub fn read(runtime_dir: &Path) -> Option<RuntimeFile> {
        let text = std::fs::read_to_string(Self::path_in(runtime_dir)).ok()?;
        serde_json::from_str(&text).ok()
    }

    /// Written whole and swapped in, so a reader never sees half a file.
    pub fn write(&self, runtime_dir: &Path) -> std::io::Result<()> {
        std::fs::create_dir_all(runtime_dir)?;
        let temporary = runtime_dir.join(format!("{}.{}.new", Self::NAME, self.pid));
        std::fs::write(&temporary, serde_json::to_vec_pretty(self)?)?;
        std::fs::rename(temporary, Self::path_in(runtime_dir))
    }

    /// Removes the file if this process wrote it: a newer demo tenant may have taken over.
    pub fn remove_if_written_by(runtime_dir: &Path, pid: u32) {
        if RuntimeFile::read(runtime_dir).is_some_and(|file| file.pid == pid) {
            let _ = std::fs::remove_file(Self::path_in(runtime_dir));
        }
    }

    pub fn base_url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scenarios_parse_by_name() {
        for scenario in Scenario::ALL {
            assert_eq!(scenario.as_str().parse::<Scenario>(), Ok(scenario));
        }
        assert!("broken"
            .parse::<Scenario>()
            .unwrap_err()
            .contains("step-failed"));
    }
}
