//! Desktop notifications through the library Tauri's own notification plugin uses underneath
//! (notify-rust: the desktop's notification server over D-Bus on Linux, WinRT toasts on
//! Windows). Clicking one opens the window app at the notification's step.

use crate::window::WindowApp;
use synkvakt_app::watch::Notice;
use synkvakt_core::launch::{OpenAt, OpenRequest};

/// The app's AppUserModelID: Windows shows a toast as the app's, and clickable, only when the
/// Start menu shortcut carries the same ID (the installer sets it).
#[cfg(windows)]
pub const APP_USER_MODEL_ID: &str = "no.synkvakt.desktop";

/// The click that opens the window: the notification itself, or its "Open" button.
const OPEN_ACTION: &str = "default";

pub struct Notifier {
    pub window: WindowApp,
    /// The words of the notification's "Open" button.
    pub open_label: String,
}

impl Notifier {
    /// The notice's own tenant, at its step: never the step of whichever tenant is in view.
    pub fn place_of(notice: &Notice) -> OpenRequest {
        OpenRequest {
            tenant: notice.tenant.clone(),
            at: match &notice.step_key {
                Some(step_key) => OpenAt::Step {
                    step_key: step_key.clone(),
                },
                None => OpenAt::Status,
            },
        }
    }

    /// Shows `notice`, and opens the window at its place when it is clicked, on a thread that
    /// waits for the click or for the notification to close. A desktop without a notification
    /// server is logged, not fatal.
    #[cfg(any(target_os = "linux", windows))]
    pub fn show(&self, notice: &Notice) {
        let mut notification = notify_rust::Notification::new();
        notification
            .summary(&notice.title)
            .body(&notice.body)
            .action(OPEN_ACTION, &self.open_label);
        #[cfg(target_os = "linux")]
        notification
            .appname("Synkvakt")
            .icon("synkvakt")
            .hint(notify_rust::Hint::DesktopEntry("synkvakt".into()));
        #[cfg(windows)]
        notification.app_id(APP_USER_MODEL_ID);
        let handle = match notification.show() {
            Ok(handle) => handle,
            Err(err) => {
                tracing::warn!(kind = ?notice.kind, "the notification was not shown: {err}");
                return;
            }
        };
        tracing::info!(kind = ?notice.kind, "notified");
        let window = self.window.clone();
        let place = Self::place_of(notice);
        std::thread::spawn(move || {
            // The D-Bus server reports a click on the notification as its "default" action.
            #[cfg(target_os = "linux")]
            handle.wait_for_action(|action| {
                if action == OPEN_ACTION {
                    window.open(&place);
                }
            });
            // A toast reports a click on its body apart from one on its button.
            #[cfg(windows)]
            {
                use notify_rust::NotificationResponse;
                let waited = handle.wait_for_response(|response: &NotificationResponse| {
                    let opens = match response {
                        NotificationResponse::Default => true,
                        NotificationResponse::Action(key) => key == OPEN_ACTION,
                        _ => false,
                    };
                    if opens {
                        window.open(&place);
                    }
                });
                if let Err(err) = waited {
                    tracing::warn!("the toast's click was lost: {err}");
                }
            }
        });
    }

    #[cfg(not(any(target_os = "linux", windows)))]
    pub fn show(&self, notice: &Notice) {
        tracing::warn!(kind = ?notice.kind, title = notice.title, "no notifications on this OS");
    }
}
