//! The watcher's logic over the real demo server on loopback: what one look gives (the tray's
//! state, the notifications in the admin's language), nothing said twice, also after a restart,
//! and 200 tenants all looked at within one interval.

use std::time::{Duration, Instant};
use synkvakt_core::demo::{DemoChoice, DemoLauncher, Scenario};
use synkvakt_core::i18n::Language;
use synkvakt_core::model::Product;
use synkvakt_core::settings::Settings;
use synkvakt_core::watch::EventKind;
use synkvakt_core::watching::{TrayState, Watcher};
use synkvakt_demo_tenant::{start, DemoConfig, RunningDemo};

struct Rig {
    dir: tempfile::TempDir,
    settings: Settings,
    _demo: RunningDemo,
}

impl Rig {
    async fn new(scenario: Scenario, tenants: u32) -> Rig {
        let dir = tempfile::tempdir().unwrap();
        let mut config = DemoConfig::new(Product::EAdm, scenario);
        config.test_clock = true;
        config.tenants = tenants;
        config.runtime_dir = Some(dir.path().join("run"));
        let demo = start(config).await.unwrap();
        let mut settings = Settings {
            language: Some(Language::En),
            demo: DemoChoice {
                product: Product::EAdm,
                scenario,
                tenants,
                ..DemoChoice::default()
            },
            ..Settings::default()
        };
        settings.watch.interval_seconds = 10;
        Rig {
            dir,
            settings,
            _demo: demo,
        }
    }

    /// A watcher as the watcher process makes it; the demo server's program is never needed,
    /// since the server runs already.
    fn watcher(&self) -> Watcher {
        let launcher = DemoLauncher::new(
            self.dir.path().join("no-demo-program"),
            self.dir.path().join("run"),
            self.dir.path().join("logs"),
        );
        Watcher::new(launcher.into(), self.dir.path().join("watch.json"))
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_failed_step_is_notified_once_in_words_and_not_again_after_a_restart() {
    let rig = Rig::new(Scenario::StepFailed, 1).await;
    let mut watcher = rig.watcher();
    let first = watcher.poll(&rig.settings).await;
    assert_eq!(first.glance.state, TrayState::Failed);
    assert_eq!(first.glance.tooltip, "Synkvakt · Demo kommune: Failed at Export AD");
    assert_eq!(first.notices.len(), 1, "{:?}", first.notices);
    let notice = &first.notices[0];
    assert_eq!(notice.kind, EventKind::StepFailed);
    assert_eq!(notice.title, "Demo kommune: Export AD failed");
    assert_eq!(notice.body, "Open Synkvakt to run “eAdm synkronisering”.");
    assert_eq!(notice.step_key.as_deref(), Some("export-ad"));
    assert_eq!(first.next_in, Duration::from_secs(10));

    assert!(watcher.poll(&rig.settings).await.notices.is_empty());
    drop(watcher);
    let mut restarted = rig.watcher();
    let again = restarted.poll(&rig.settings).await;
    assert_eq!(again.glance.state, TrayState::Failed);
    assert!(again.notices.is_empty(), "{:?}", again.notices);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_kind_turned_off_in_the_settings_is_not_notified() {
    let mut rig = Rig::new(Scenario::StepFailed, 1).await;
    rig.settings.watch.notify.step_failed = false;
    let poll = rig.watcher().poll(&rig.settings).await;
    assert_eq!(poll.glance.state, TrayState::Failed);
    assert!(poll.notices.is_empty(), "{:?}", poll.notices);
}

#[tokio::test(flavor = "multi_thread")]
async fn two_hundred_tenants_are_all_looked_at_within_one_interval() {
    let rig = Rig::new(Scenario::StepFailed, 200).await;
    let mut watcher = rig.watcher();
    let started = Instant::now();
    let poll = watcher.poll(&rig.settings).await;
    let took = started.elapsed();
    assert!(
        took < rig.settings.watch.interval(),
        "200 tenants took {took:?}"
    );
    println!("200 tenants looked at in {took:?}");
    assert_eq!(poll.glance.state, TrayState::Failed);
    assert_eq!(
        poll.glance.tooltip,
        "Synkvakt · 200 tenants: 200 need attention, 0 cannot be reached"
    );
    let mut titles: Vec<&str> = poll.notices.iter().map(|n| n.title.as_str()).collect();
    titles.sort_unstable();
    titles.dedup();
    assert_eq!(titles.len(), 200, "one notification per tenant");
    assert!(titles.contains(&"Demo kommune 137: Export AD failed"));
    assert!(watcher.poll(&rig.settings).await.notices.is_empty());
}
