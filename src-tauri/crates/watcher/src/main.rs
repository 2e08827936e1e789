//! Synkvakt's watcher: the small process that follows the tenant all day. It polls the current
//! cycle, notifies the admin of what went wrong (once per event), shows the state in the tray
//! and opens the window app on demand. It never loads WebKit, so watching costs little.

// No console window behind the watcher on Windows.
#![cfg_attr(windows, windows_subsystem = "windows")]

mod autostart;
mod instance;
mod menu;
mod notifier;
#[cfg(any(target_os = "linux", windows))]
mod tray;
mod window;

use menu::{Effect, MenuModel};
use notifier::Notifier;
use std::sync::{Arc, Mutex};
use synkvakt_app::os::demo_launcher::DemoLauncher;
use synkvakt_app::os::logging;
use synkvakt_app::os::paths::AppPaths;
use synkvakt_app::os::settings_file::SettingsStore;
use synkvakt_app::watch::{Glance, Watcher};
use synkvakt_core::actions::{Action, ActionPath};
use synkvakt_core::i18n::{Language, Localizer};
use synkvakt_core::launch::OpenRequest;
use tokio::sync::mpsc::UnboundedReceiver;
use window::WindowApp;

/// What the watch loop tells the tray after each look: its state, and the admin's language as
/// the settings now say.
pub struct TrayUpdate {
    pub glance: Glance,
    pub language: Language,
}

fn main() {
    let paths = AppPaths::for_user();
    let _log_guard = logging::init(&paths.log_dir, "synkvakt-watcher");
    let _only = match instance::claim(&paths.runtime_dir) {
        Ok(Some(lock)) => lock,
        Ok(None) => {
            tracing::info!("a watcher runs already: this one stops");
            return;
        }
        Err(err) => {
            tracing::error!("cannot tell whether a watcher runs already: {err}");
            return;
        }
    };
    tracing::info!(version = env!("CARGO_PKG_VERSION"), "watcher starting");

    let store = SettingsStore::for_app(&paths);
    let settings = store.load().unwrap_or_default();
    // The setting is the truth, also when it was set in the file or by IT's defaults.
    if settings.watch.start_at_login != autostart::is_set() {
        if let Err(err) = autostart::set(settings.watch.start_at_login) {
            tracing::warn!("start at login is not as the settings say: {err}");
        }
    }
    let localizer = Localizer::new(settings.effective_language());
    let model = Arc::new(Mutex::new(MenuModel::new(
        settings.watch.start_at_login,
        settings.support_mode,
    )));
    let (updates_in, updates) = std::sync::mpsc::channel::<TrayUpdate>();
    let (effects_in, effects) = tokio::sync::mpsc::unbounded_channel::<Effect>();

    let watching = {
        let model = model.clone();
        let paths = paths.clone();
        std::thread::spawn(move || {
            let runtime = match tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
            {
                Ok(runtime) => runtime,
                Err(err) => {
                    tracing::error!("the watcher cannot run: {err}");
                    return;
                }
            };
            runtime.block_on(watch(paths, store, model, updates_in, effects));
        })
    };

    // Held while the watcher runs: without a tray no menu sends anything, and the watch loop
    // must not take the silence for the menu gone.
    let _no_tray_menu = effects_in.clone();
    #[cfg(any(target_os = "linux", windows))]
    {
        let link = tray::TrayLink {
            model,
            updates,
            effects: effects_in,
            localizer,
        };
        match tray::run(link) {
            Ok(()) => {
                tracing::info!("quit from the tray");
                return;
            }
            Err(err) => tracing::warn!("watching without a tray icon: {err}"),
        }
    }
    #[cfg(not(any(target_os = "linux", windows)))]
    drop((model, updates, effects_in, localizer));
    let _ = watching.join();
}

/// Polls the tenant, notifies, and carries out what the tray's menu asks, until it says quit.
async fn watch(
    paths: AppPaths,
    store: SettingsStore,
    model: Arc<Mutex<MenuModel>>,
    updates: std::sync::mpsc::Sender<TrayUpdate>,
    effects: UnboundedReceiver<Effect>,
) {
    let launcher = Arc::new(DemoLauncher::new(
        DemoLauncher::default_binary(),
        paths.runtime_dir.clone(),
        paths.log_dir.clone(),
    ));
    tokio::spawn(launcher.clone().keep_alive());
    let mut menu = Menu {
        effects,
        window: WindowApp::beside_this_program(),
        actions: synkvakt_app::os::audit_file::action_path(paths.audit_file()),
        store,
        model,
    };
    let mut tenants = Watcher::new(launcher, paths.data_dir.join("watch.json"));
    loop {
        let settings = menu.store.load().unwrap_or_default();
        let localizer = Localizer::new(settings.effective_language());
        // The window's header may have turned support mode on or off: the menu follows.
        menu.model
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .support_mode = settings.support_mode;
        // The menu is answered while the tenants are looked at, however long that takes.
        let Some(poll) = menu.answering_while(tenants.poll(&settings)).await else {
            return;
        };
        // The tray may be gone (no desktop): the watcher notifies all the same.
        let _ = updates.send(TrayUpdate {
            glance: poll.glance,
            language: localizer.language(),
        });
        let paused = menu
            .model
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .is_paused(chrono::Utc::now());
        if paused && !poll.notices.is_empty() {
            tracing::info!(count = poll.notices.len(), "notifications paused");
        } else {
            let notifier = Notifier {
                window: menu.window.clone(),
                open_label: localizer.text("notify-action-open"),
            };
            for notice in &poll.notices {
                notifier.show(notice);
            }
        }
        if menu
            .answering_while(tokio::time::sleep(poll.next_in))
            .await
            .is_none()
        {
            return;
        }
    }
}

/// What the tray's menu asks for, and what carrying it out needs.
struct Menu {
    effects: UnboundedReceiver<Effect>,
    window: WindowApp,
    actions: ActionPath,
    store: SettingsStore,
    model: Arc<Mutex<MenuModel>>,
}

impl Menu {
    /// Runs `work` while carrying out what the menu asks; `None` when the watcher is to stop
    /// before `work` was done.
    async fn answering_while<T>(
        &mut self,
        work: impl std::future::Future<Output = T>,
    ) -> Option<T> {
        tokio::pin!(work);
        loop {
            tokio::select! {
                done = &mut work => return Some(done),
                effect = self.effects.recv() => {
                    if !self.carry_out(effect).await {
                        return None;
                    }
                }
            }
        }
    }

    /// Does what the menu asked; false when the watcher is to stop (quit, or the tray is gone
    /// for good and took the menu with it).
    async fn carry_out(&self, effect: Option<Effect>) -> bool {
        match effect {
            None | Some(Effect::Quit) => return false,
            Some(Effect::OpenWindow(at)) => self.window.open(&OpenRequest { tenant: None, at }),
            Some(Effect::Paused(until)) => tracing::info!(?until, "notifications paused until"),
            Some(Effect::SupportMode(on)) => {
                let action = Action::ChangeSettings {
                    setting: "support-mode".into(),
                    value: if on { "on" } else { "off" }.into(),
                };
                let saved = self
                    .actions
                    .perform("", action, async { Ok(()) }, || async {
                        let mut settings = self.store.load()?;
                        settings.support_mode = on;
                        self.store.save(&settings)
                    })
                    .await;
                if let Err(err) = saved {
                    tracing::error!("support mode stays as it was: {err}");
                    let mut model = self.model.lock().unwrap_or_else(|p| p.into_inner());
                    model.support_mode = !on;
                }
            }
            Some(Effect::StartAtLogin(enabled)) => {
                let action = Action::ChangeSettings {
                    setting: "watch.startAtLogin".into(),
                    value: enabled.to_string(),
                };
                let saved = self
                    .actions
                    .perform("", action, async { Ok(()) }, || async {
                        let mut settings = self.store.load()?;
                        settings.watch.start_at_login = enabled;
                        self.store.save(&settings)?;
                        autostart::set(enabled).map_err(|detail| synkvakt_core::Error::Io {
                            action: "changing the sign-in entry of",
                            path: std::path::PathBuf::from("Synkvakt"),
                            detail,
                        })
                    })
                    .await;
                if let Err(err) = saved {
                    tracing::error!("start at login stays as it was: {err}");
                    let mut model = self.model.lock().unwrap_or_else(|p| p.into_inner());
                    model.start_at_login = autostart::is_set();
                }
            }
        }
        true
    }
}
