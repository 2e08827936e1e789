//! Desktop notifications through the library Tauri's own notification plugin uses underneath
//! (notify-rust: the desktop's notification server over D-Bus on Linux, WinRT toasts on
//! Windows). Clicking one opens the window app at the notification's step.

#[cfg(target_os = "linux")]
use crate::window::WindowApp;
#[cfg(target_os = "linux")]
use synkvakt_core::open_at::OpenAt;
use synkvakt_core::watching::Notice;

/// The app's AppUserModelID: Windows shows a toast as the app's, and clickable, only when the
/// Start menu shortcut carries the same ID (the installer sets it).
#[cfg(windows)]
pub const APP_USER_MODEL_ID: &str = "no.synkvakt.desktop";

/// The click that opens the window, as the notification server reports it.
#[cfg(target_os = "linux")]
const OPEN_ACTION: &str = "default";

/// On Windows a clicked toast starts the app through its Start menu shortcut, without the
/// step: the window and the button's words are needed on Linux only, where the click comes
/// back to this process.
pub struct Notifier {
    #[cfg(target_os = "linux")]
    pub window: WindowApp,
    /// The words of the notification's "Open" button.
    #[cfg(target_os = "linux")]
    pub open_label: String,
}

impl Notifier {
    #[cfg(target_os = "linux")]
    pub fn place_of(notice: &Notice) -> OpenAt {
        match &notice.step_key {
            Some(step_key) => OpenAt::Step {
                step_key: step_key.clone(),
            },
            None => OpenAt::Status,
        }
    }

    /// Shows `notice`; a desktop without a notification server is logged, not fatal.
    #[cfg(target_os = "linux")]
    pub fn show(&self, notice: &Notice) {
        let mut notification = notify_rust::Notification::new();
        notification
            .appname("Synkvakt")
            .summary(&notice.title)
            .body(&notice.body)
            .icon("synkvakt")
            .hint(notify_rust::Hint::DesktopEntry("synkvakt".into()))
            .action(OPEN_ACTION, &self.open_label);
        match notification.show() {
            Ok(handle) => {
                tracing::info!(kind = ?notice.kind, "notified");
                let window = self.window.clone();
                let place = Self::place_of(notice);
                // Waits for the click, or for the notification to close, on a thread of its own.
                std::thread::spawn(move || {
                    handle.wait_for_action(|action| {
                        if action == OPEN_ACTION {
                            window.open(&place);
                        }
                    })
                });
            }
            Err(err) => {
                tracing::warn!(kind = ?notice.kind, "the notification was not shown: {err}")
            }
        }
    }

    /// Shows `notice` as a toast of the app's; Windows starts the app when it is clicked.
    #[cfg(windows)]
    pub fn show(&self, notice: &Notice) {
        let shown = notify_rust::Notification::new()
            .app_id(APP_USER_MODEL_ID)
            .summary(&notice.title)
            .body(&notice.body)
            .show();
        match shown {
            Ok(_) => tracing::info!(kind = ?notice.kind, "notified"),
            Err(err) => {
                tracing::warn!(kind = ?notice.kind, "the notification was not shown: {err}")
            }
        }
    }

    #[cfg(not(any(target_os = "linux", windows)))]
    pub fn show(&self, notice: &Notice) {
        tracing::warn!(kind = ?notice.kind, title = notice.title, "no notifications on this OS");
    }
}
