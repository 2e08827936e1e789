//! Start at login: an entry that starts the watcher, never the window, when the admin signs
//! in (XDG autostart on Linux, the Run key on Windows).

use auto_launch::{AutoLaunch, AutoLaunchBuilder};

fn entry() -> Result<AutoLaunch, String> {
    let program = std::env::current_exe().map_err(|err| err.to_string())?;
    AutoLaunchBuilder::new()
        .set_app_name("Synkvakt")
        .set_app_path(&program.to_string_lossy())
        .build()
        .map_err(|err| err.to_string())
}

/// Adds or removes the entry; the error says why it could not be done.
pub fn set(enabled: bool) -> Result<(), String> {
    let entry = entry()?;
    let done = if enabled {
        entry.enable()
    } else {
        entry.disable()
    };
    done.map_err(|err| err.to_string())
}

/// Whether the entry is there now.
pub fn is_set() -> bool {
    entry().is_ok_and(|entry| entry.is_enabled().unwrap_or(false))
}
