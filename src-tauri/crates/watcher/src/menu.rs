//! The tray menu's actions as plain functions, so that what each does is tested without a
//! desktop: the tray itself only shows the items and hands their clicks here.

use chrono::{DateTime, Duration, Local, Utc};
use synkvakt_core::i18n::Localizer;
use synkvakt_core::launch::OpenAt;

/// How long "pause notifications" holds them back.
pub const PAUSE: Duration = Duration::hours(1);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MenuAction {
    Open,
    ManualSync,
    /// Pauses notifications for an hour, or resumes them while paused.
    TogglePause,
    ToggleStartAtLogin,
    /// Support mode in the window: larger type, personal data masked, for a shared screen.
    ToggleSupportMode,
    Quit,
}

impl MenuAction {
    pub const ALL: [MenuAction; 6] = [
        MenuAction::Open,
        MenuAction::ManualSync,
        MenuAction::TogglePause,
        MenuAction::ToggleStartAtLogin,
        MenuAction::ToggleSupportMode,
        MenuAction::Quit,
    ];

    /// The menu item's id, which its click carries back.
    pub fn id(self) -> &'static str {
        match self {
            MenuAction::Open => "open",
            MenuAction::ManualSync => "manual-sync",
            MenuAction::TogglePause => "pause",
            MenuAction::ToggleStartAtLogin => "start-at-login",
            MenuAction::ToggleSupportMode => "support-mode",
            MenuAction::Quit => "quit",
        }
    }

    pub fn from_id(id: &str) -> Option<MenuAction> {
        MenuAction::ALL.into_iter().find(|action| action.id() == id)
    }
}

/// What a menu action asks of the watcher.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Start the window app, or focus it, at this place.
    OpenWindow(OpenAt),
    /// Notifications are held back until then, or flow again (`None`).
    Paused(Option<DateTime<Utc>>),
    /// Start the watcher at sign-in, or no longer.
    StartAtLogin(bool),
    /// Turn support mode on or off.
    SupportMode(bool),
    Quit,
}

/// What the menu shows and what its toggles stand at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MenuModel {
    pub paused_until: Option<DateTime<Utc>>,
    pub start_at_login: bool,
    /// As the settings say: the window's header may change it too.
    pub support_mode: bool,
}

impl MenuModel {
    pub fn new(start_at_login: bool, support_mode: bool) -> MenuModel {
        MenuModel {
            paused_until: None,
            start_at_login,
            support_mode,
        }
    }

    /// Applies a click on `action` at `now`.
    pub fn perform(&mut self, action: MenuAction, now: DateTime<Utc>) -> Effect {
        match action {
            MenuAction::Open => Effect::OpenWindow(OpenAt::Status),
            MenuAction::ManualSync => Effect::OpenWindow(OpenAt::ManualSync),
            MenuAction::TogglePause => {
                self.paused_until = match self.paused_until.filter(|until| *until > now) {
                    Some(_) => None,
                    None => Some(now + PAUSE),
                };
                Effect::Paused(self.paused_until)
            }
            MenuAction::ToggleStartAtLogin => {
                self.start_at_login = !self.start_at_login;
                Effect::StartAtLogin(self.start_at_login)
            }
            MenuAction::ToggleSupportMode => {
                self.support_mode = !self.support_mode;
                Effect::SupportMode(self.support_mode)
            }
            MenuAction::Quit => Effect::Quit,
        }
    }

    /// Whether notifications are held back at `now`; a pause ends by itself after its hour.
    pub fn is_paused(&self, now: DateTime<Utc>) -> bool {
        self.paused_until.is_some_and(|until| until > now)
    }

    /// The words of the menu item for `action`, as things stand at `now`.
    pub fn label(&self, action: MenuAction, localizer: &Localizer, now: DateTime<Utc>) -> String {
        match (action, self.paused_until.filter(|until| *until > now)) {
            (MenuAction::TogglePause, Some(until)) => {
                let time = until.with_timezone(&Local).format("%H:%M").to_string();
                localizer.format("tray-resume", &[("time", time.into())])
            }
            (MenuAction::TogglePause, None) => localizer.text("tray-pause"),
            (MenuAction::Open, _) => localizer.text("tray-open"),
            (MenuAction::ManualSync, _) => localizer.text("tray-manual-sync"),
            (MenuAction::ToggleStartAtLogin, _) => localizer.text("tray-start-at-login"),
            (MenuAction::ToggleSupportMode, _) => localizer.text("tray-support-mode"),
            (MenuAction::Quit, _) => localizer.text("tray-quit"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use synkvakt_core::i18n::Language;

    #[test]
    fn open_and_manual_sync_open_the_window_at_their_place() {
        let mut model = MenuModel::new(false, false);
        let now = Utc::now();
        assert_eq!(
            model.perform(MenuAction::Open, now),
            Effect::OpenWindow(OpenAt::Status)
        );
        assert_eq!(
            model.perform(MenuAction::ManualSync, now),
            Effect::OpenWindow(OpenAt::ManualSync)
        );
    }

    #[test]
    fn a_pause_holds_notifications_for_an_hour_and_can_be_ended_sooner() {
        let mut model = MenuModel::new(false, false);
        let now = Utc::now();
        assert!(!model.is_paused(now));
        assert_eq!(
            model.perform(MenuAction::TogglePause, now),
            Effect::Paused(Some(now + PAUSE))
        );
        assert!(model.is_paused(now + Duration::minutes(59)));
        assert!(
            !model.is_paused(now + Duration::minutes(61)),
            "ends by itself"
        );

        assert_eq!(
            model.perform(MenuAction::TogglePause, now + Duration::minutes(10)),
            Effect::Paused(None)
        );
        assert!(!model.is_paused(now + Duration::minutes(11)));

        // A pause that ran out is started afresh, not "resumed".
        model.perform(MenuAction::TogglePause, now);
        let later = now + Duration::minutes(90);
        assert_eq!(
            model.perform(MenuAction::TogglePause, later),
            Effect::Paused(Some(later + PAUSE))
        );
    }

    #[test]
    fn the_pause_item_says_until_when_while_paused() {
        let localizer = Localizer::new(Language::En);
        let mut model = MenuModel::new(false, false);
        let now = Utc::now();
        assert_eq!(
            model.label(MenuAction::TogglePause, &localizer, now),
            "Pause notifications for an hour"
        );
        model.perform(MenuAction::TogglePause, now);
        let until = (now + PAUSE).with_timezone(&Local).format("%H:%M");
        assert_eq!(
            model.label(MenuAction::TogglePause, &localizer, now),
            format!("Resume notifications (paused until {until})")
        );
    }

    #[test]
    fn start_at_login_toggles_and_quit_quits() {
        let mut model = MenuModel::new(false, false);
        let now = Utc::now();
        assert_eq!(
            model.perform(MenuAction::ToggleStartAtLogin, now),
            Effect::StartAtLogin(true)
        );
        assert_eq!(
            model.perform(MenuAction::ToggleStartAtLogin, now),
            Effect::StartAtLogin(false)
        );
        assert_eq!(model.perform(MenuAction::Quit, now), Effect::Quit);
    }

    #[test]
    fn support_mode_toggles_from_what_the_settings_say() {
        let mut model = MenuModel::new(false, true);
        let now = Utc::now();
        assert_eq!(
            model.perform(MenuAction::ToggleSupportMode, now),
            Effect::SupportMode(false)
        );
        assert_eq!(
            model.perform(MenuAction::ToggleSupportMode, now),
            Effect::SupportMode(true)
        );
    }

    #[test]
    fn every_item_has_an_id_that_finds_it_and_its_words() {
        let model = MenuModel::new(false, false);
        let now = Utc::now();
        let words = |language| {
            let localizer = Localizer::new(language);
            MenuAction::ALL.map(|action| model.label(action, &localizer, now))
        };
        assert_eq!(
            words(Language::En),
            [
                "Open Synkvakt",
                "Manual sync…",
                "Pause notifications for an hour",
                "Start watching when I sign in",
                "Support mode (for a shared screen)",
                "Quit Synkvakt"
            ]
        );
        assert_eq!(
            words(Language::Nb),
            [
                "Åpne Synkvakt",
                "Manuell synkronisering …",
                "Sett varsler på pause i en time",
                "Start overvåkingen når jeg logger på",
                "Supportmodus (for delt skjerm)",
                "Avslutt Synkvakt"
            ]
        );
        assert_eq!(
            words(Language::Nn),
            [
                "Opna Synkvakt",
                "Manuell synkronisering …",
                "Set varsel på pause i ein time",
                "Start overvakinga når eg loggar på",
                "Supportmodus (for delt skjerm)",
                "Avslutt Synkvakt"
            ]
        );
        for action in MenuAction::ALL {
            assert_eq!(MenuAction::from_id(action.id()), Some(action));
        }
        assert_eq!(MenuAction::from_id("other"), None);
    }
}
