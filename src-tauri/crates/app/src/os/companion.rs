//! Synkvakt's programs side by side: the window app, the watcher and the demo tenant are
//! installed in one folder and start each other. The window starts the watcher so that watching
//! goes on after the window closes; a watcher that finds one running already stops at once, so
//! starting it again is harmless.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The program `name` installed beside this one, or the one the variable `override_var` names
/// (tests and development builds point elsewhere).
pub fn program_beside_this_one(override_var: &str, name: &str) -> PathBuf {
    if let Some(program) = std::env::var_os(override_var).filter(|p| !p.is_empty()) {
        return PathBuf::from(program);
    }
    let name = format!("{name}{}", std::env::consts::EXE_SUFFIX);
    std::env::current_exe()
        .map(|exe| exe.with_file_name(&name))
        .unwrap_or_else(|_| PathBuf::from(name))
}

/// Starts `command` to run on its own: this process does not wait for it, and reaps it on a
/// thread of its own when it ends, so that no zombie is left behind. Gives its process id.
pub fn spawn_on_its_own(command: &mut Command) -> std::io::Result<u32> {
    // The demo tenant is a console program: started from the window or the tray it would open
    // a console window of its own on Windows.
    #[cfg(windows)]
    {
        use std::os::windows::process::CommandExt;
        const CREATE_NO_WINDOW: u32 = 0x0800_0000;
        command.creation_flags(CREATE_NO_WINDOW);
    }
    let mut child = command.spawn()?;
    let pid = child.id();
    std::thread::spawn(move || {
        let _ = child.wait();
    });
    Ok(pid)
}

/// The watcher's program: `SYNKVAKT_WATCHER_BIN`, or the one installed beside this one.
pub fn watcher_binary() -> PathBuf {
    program_beside_this_one("SYNKVAKT_WATCHER_BIN", "synkvakt-watcher")
}

/// Starts the watcher unless it runs; the window goes on without one when it cannot start.
pub fn start_watcher(binary: &Path) {
    let mut command = Command::new(binary);
    command
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    match spawn_on_its_own(&mut command) {
        Ok(pid) => tracing::info!(pid, "watcher started (it stops if one runs already)"),
        Err(err) => tracing::warn!(
            binary = %binary.display(),
            "no watcher: notifications stop when the window closes: {err}"
        ),
    }
}
