//! The watcher beside the window app: the window starts it so that watching goes on after the
//! window closes. A watcher that finds one running already stops at once, so starting it again
//! is harmless.

use std::path::PathBuf;

/// The watcher's program: `SYNKVAKT_WATCHER_BIN`, or the one installed beside this one.
pub fn watcher_binary() -> PathBuf {
    if let Some(binary) = std::env::var_os("SYNKVAKT_WATCHER_BIN").filter(|b| !b.is_empty()) {
        return PathBuf::from(binary);
    }
    let name = format!("synkvakt-watcher{}", std::env::consts::EXE_SUFFIX);
    std::env::current_exe()
        .map(|exe| exe.with_file_name(&name))
        .unwrap_or_else(|_| PathBuf::from(name))
}

/// Starts the watcher unless it runs; the window goes on without one when it cannot start.
pub fn start_watcher(binary: &std::path::Path) {
    let mut command = std::process::Command::new(binary);
    command
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null());
    match command.spawn() {
        Ok(child) => {
            tracing::info!(
                pid = child.id(),
                "watcher started (it stops if one runs already)"
            );
            // Reaped on a thread of its own while this process lives; it outlives the window.
            std::thread::spawn(move || {
                let mut child = child;
                let _ = child.wait();
            });
        }
        Err(err) => tracing::warn!(
            binary = %binary.display(),
            "no watcher: notifications stop when the window closes: {err}"
        ),
    }
}
