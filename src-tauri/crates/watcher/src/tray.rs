//! The tray icon: its look says the state (ok, running, failed, unreachable), its tooltip says
//! it in words, and its menu's clicks go to `menu::MenuModel`. It lives on the main thread: on
//! Linux a StatusNotifierItem on the session bus (the desktop's panel draws it and its menu), on
//! Windows in the thread's Win32 message loop.

use crate::menu::{Effect, MenuAction, MenuModel};
use crate::TrayUpdate;
use chrono::Utc;
use std::sync::mpsc::Receiver;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use synkvakt_app::watch::TrayState;
use synkvakt_core::i18n::Localizer;
use tokio::sync::mpsc::UnboundedSender;
use tray_icon::menu::{CheckMenuItem, Menu, MenuEvent, MenuItem, PredefinedMenuItem};
use tray_icon::{Icon, TrayIcon, TrayIconBuilder};

/// How often the tray takes in new states and menu clicks.
const TICK: Duration = Duration::from_millis(300);

/// The tray's picture for a state, drawn for this app (`icons/tray/`).
fn picture(state: TrayState) -> &'static [u8] {
    match state {
        TrayState::Ok => include_bytes!("../../../../icons/tray/ok.png"),
        TrayState::Running => include_bytes!("../../../../icons/tray/running.png"),
        TrayState::Failed => include_bytes!("../../../../icons/tray/failed.png"),
        TrayState::Unreachable => include_bytes!("../../../../icons/tray/unreachable.png"),
    }
}

pub fn icon(state: TrayState) -> Result<Icon, String> {
    let mut decoder = png::Decoder::new(std::io::Cursor::new(picture(state)));
    decoder.set_transformations(png::Transformations::EXPAND | png::Transformations::ALPHA);
    let mut reader = decoder.read_info().map_err(|err| err.to_string())?;
    let size = reader
        .output_buffer_size()
        .ok_or("the tray picture is too large")?;
    let mut rgba = vec![0; size];
    let frame = reader
        .next_frame(&mut rgba)
        .map_err(|err| err.to_string())?;
    rgba.truncate(frame.buffer_size());
    Icon::from_rgba(rgba, frame.width, frame.height).map_err(|err| err.to_string())
}

/// What the tray shares with the watch loop.
pub struct TrayLink {
    pub model: Arc<Mutex<MenuModel>>,
    pub updates: Receiver<TrayUpdate>,
    pub effects: UnboundedSender<Effect>,
    pub localizer: Localizer,
}

struct Tray {
    link: TrayLink,
    icon: TrayIcon,
    /// Every item but the check boxes, to put into words again when the language changes.
    items: Vec<(MenuAction, MenuItem)>,
    start_at_login: CheckMenuItem,
    support_mode: CheckMenuItem,
    state: Option<TrayState>,
}

impl Tray {
    fn build(link: TrayLink) -> Result<Tray, String> {
        let model = link.model.lock().unwrap_or_else(|p| p.into_inner()).clone();
        let now = Utc::now();
        let label = |action| model.label(action, &link.localizer, now);
        let items: Vec<(MenuAction, MenuItem)> = [
            MenuAction::Open,
            MenuAction::ManualSync,
            MenuAction::TogglePause,
            MenuAction::Quit,
        ]
        .into_iter()
        .map(|action| {
            let item = MenuItem::with_id(action.id(), label(action), true, None);
            (action, item)
        })
        .collect();
        let start_at_login = CheckMenuItem::with_id(
            MenuAction::ToggleStartAtLogin.id(),
            label(MenuAction::ToggleStartAtLogin),
            true,
            model.start_at_login,
            None,
        );
        let support_mode = CheckMenuItem::with_id(
            MenuAction::ToggleSupportMode.id(),
            label(MenuAction::ToggleSupportMode),
            true,
            model.support_mode,
            None,
        );
        let menu = Menu::new();
        let [open, manual_sync, pause, quit] = [0, 1, 2, 3].map(|index| &items[index].1);
        menu.append_items(&[
            open,
            manual_sync,
            &PredefinedMenuItem::separator(),
            pause,
            &start_at_login,
            &support_mode,
            &PredefinedMenuItem::separator(),
            quit,
        ])
        .map_err(|err| err.to_string())?;
        let icon = TrayIconBuilder::new()
            .with_id("synkvakt")
            .with_menu(Box::new(menu))
            .with_title("Synkvakt")
            .with_tooltip("Synkvakt")
            .with_icon(icon(TrayState::Running)?)
            .build()
            .map_err(|err| err.to_string())?;
        Ok(Tray {
            icon,
            link,
            items,
            start_at_login,
            support_mode,
            state: None,
        })
    }

    /// Takes in what came since the last tick; false once the admin quit.
    fn tick(&mut self) -> bool {
        while let Ok(TrayUpdate { glance, language }) = self.link.updates.try_recv() {
            if language != self.link.localizer.language() {
                self.link.localizer = Localizer::new(language);
            }
            if self.state != Some(glance.state) {
                match icon(glance.state) {
                    Ok(picture) => {
                        if let Err(err) = self.icon.set_icon(Some(picture)) {
                            tracing::warn!("the tray icon did not change: {err}");
                        }
                    }
                    Err(err) => tracing::warn!("the tray picture cannot be read: {err}"),
                }
                self.state = Some(glance.state);
            }
            if let Err(err) = self.icon.set_tooltip(Some(&glance.tooltip)) {
                tracing::warn!("the tray tooltip did not change: {err}");
            }
        }
        let now = Utc::now();
        let mut go_on = true;
        while let Ok(event) = MenuEvent::receiver().try_recv() {
            let Some(action) = MenuAction::from_id(event.id().as_ref()) else {
                continue;
            };
            let effect = {
                let mut model = self.link.model.lock().unwrap_or_else(|p| p.into_inner());
                model.perform(action, now)
            };
            go_on &= effect != Effect::Quit;
            let _ = self.link.effects.send(effect);
        }
        let model = self
            .link
            .model
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone();
        // The pause ends by itself, and the language may have changed: the words follow.
        for (action, item) in &self.items {
            let words = model.label(*action, &self.link.localizer, now);
            if item.text() != words {
                item.set_text(words);
            }
        }
        for (action, item, checked) in [
            (
                MenuAction::ToggleStartAtLogin,
                &self.start_at_login,
                model.start_at_login,
            ),
            (
                MenuAction::ToggleSupportMode,
                &self.support_mode,
                model.support_mode,
            ),
        ] {
            let words = model.label(action, &self.link.localizer, now);
            if item.text() != words {
                item.set_text(words);
            }
            item.set_checked(checked);
        }
        go_on
    }
}

/// Runs the tray until the admin quits. An error when there is no desktop to show it on (no
/// StatusNotifierItem host on the session bus): the caller then watches and notifies without one.
#[cfg(target_os = "linux")]
pub fn run(link: TrayLink) -> Result<(), String> {
    let mut tray = Tray::build(link)?;
    while tray.tick() {
        std::thread::sleep(TICK);
    }
    Ok(())
}

/// Runs the tray in this thread's Win32 message loop until the admin quits.
#[cfg(windows)]
pub fn run(link: TrayLink) -> Result<(), String> {
    use windows_sys::Win32::UI::WindowsAndMessaging::{
        DispatchMessageW, MsgWaitForMultipleObjects, PeekMessageW, TranslateMessage, MSG,
        PM_REMOVE, QS_ALLINPUT, WM_QUIT,
    };
    let mut tray = Tray::build(link)?;
    loop {
        // SAFETY: MSG is plain data that PeekMessageW fills in; the pointers live for the call.
        unsafe {
            let mut message: MSG = std::mem::zeroed();
            while PeekMessageW(&mut message, std::ptr::null_mut(), 0, 0, PM_REMOVE) != 0 {
                if message.message == WM_QUIT {
                    return Ok(());
                }
                TranslateMessage(&message);
                DispatchMessageW(&message);
            }
            MsgWaitForMultipleObjects(0, std::ptr::null(), 0, TICK.as_millis() as u32, QS_ALLINPUT);
        }
        if !tray.tick() {
            return Ok(());
        }
    }
}
