//! The watcher's logic over the real demo server on loopback: what one look gives (the tray's
//! state, the notifications in the admin's language), nothing said twice, also after a restart,
//! and 200 tenants all looked at within one interval and their failures said as one.

use std::time::{Duration, Instant};
use synkvakt_api::demo_protocol::Scenario;
use synkvakt_api::model::Product;
use synkvakt_app::os::demo_launcher::DemoLauncher;
use synkvakt_app::os::watch_files::{read_manual_sync_mark, write_manual_sync_mark};
use synkvakt_app::watch::{TrayState, Watcher};
use synkvakt_core::alerts::{EventKind, ManualSyncMark};
use synkvakt_core::i18n::Language;
use synkvakt_core::profiles::TenantRef;
use synkvakt_core::settings::DemoChoice;
use synkvakt_core::settings::Settings;
use synkvakt_demo_tenant::{start, DemoConfig, RunningDemo};

/// The next look is due about `seconds` from now (a little less by the time it is read).
fn assert_about(next_in: Duration, seconds: u64) {
    let wanted = Duration::from_secs(seconds);
    assert!(
        next_in <= wanted && next_in > wanted - Duration::from_secs(1),
        "next look in {next_in:?}, not about {wanted:?}"
    );
}

struct Rig {
    dir: tempfile::TempDir,
    settings: Settings,
    demo: RunningDemo,
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
            active: Some(TenantRef::Demo { number: 1 }),
            ..Settings::default()
        };
        settings.watch.interval_seconds = 10;
        Rig {
            dir,
            settings,
            demo,
        }
    }

    async fn post(&self, path: &str) {
        let answer = reqwest::Client::new()
            .post(format!("{}{path}", self.demo.base_url()))
            .bearer_auth(&self.demo.api_key)
            .send()
            .await
            .unwrap();
        assert!(answer.status().is_success(), "{path}: {}", answer.status());
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
    assert_eq!(
        first.glance.tooltip,
        "Synkvakt · Demo kommune: Failed at Export AD"
    );
    assert_eq!(first.notices.len(), 1, "{:?}", first.notices);
    let notice = &first.notices[0];
    assert_eq!(notice.kind, EventKind::StepFailed);
    assert_eq!(notice.title, "Demo kommune: Export AD failed");
    assert_eq!(notice.body, "Open Synkvakt to run “eAdm synkronisering”.");
    assert_eq!(notice.step_key.as_deref(), Some("export-ad"));
    assert_about(first.next_in, 10);

    let next_look = tokio::time::Instant::now() + Duration::from_secs(11);
    let again = watcher.poll_at(&rig.settings, next_look).await;
    assert_eq!(again.glance.state, TrayState::Failed, "looked at again");
    assert!(again.notices.is_empty(), "{:?}", again.notices);
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
    // Two hundred failures at once are one notification, not two hundred.
    let titles: Vec<&str> = poll.notices.iter().map(|n| n.title.as_str()).collect();
    assert_eq!(titles, ["200 tenants: a step failed"]);
    // Each one is remembered for itself, so none is said again.
    let saved: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(rig.dir.path().join("watch.json")).unwrap())
            .unwrap();
    let remembered = saved["tenants"].as_object().unwrap();
    assert_eq!(remembered.len(), 200);
    assert!(remembered.contains_key("demo/137"));
    let next_look = tokio::time::Instant::now() + Duration::from_secs(11);
    let again = watcher.poll_at(&rig.settings, next_look).await;
    assert_eq!(
        again.glance.tooltip,
        "Synkvakt · 200 tenants: 200 need attention, 0 cannot be reached"
    );
    assert!(again.notices.is_empty(), "{:?}", again.notices);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_manual_sync_is_watched_closely_and_its_completion_said_once() {
    let mut rig = Rig::new(Scenario::Healthy, 1).await;
    rig.settings.watch.interval_seconds = 60;
    rig.settings.watch.active_interval_seconds = 5;
    let mut watcher = rig.watcher();
    let calm = watcher.poll(&rig.settings).await;
    assert_eq!(calm.glance.state, TrayState::Ok);
    assert!(calm.notices.is_empty(), "{:?}", calm.notices);
    assert_about(calm.next_in, 60);

    // The window's checklist ran the task and left its mark, as `ManualSyncRun` does.
    let runtime_dir = rig.dir.path().join("run");
    let previous = reqwest::Client::new()
        .get(format!("{}/api/v1/cycles/current", rig.demo.base_url()))
        .bearer_auth(&rig.demo.api_key)
        .send()
        .await
        .unwrap()
        .json::<serde_json::Value>()
        .await
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    write_manual_sync_mark(
        &ManualSyncMark {
            tenant: "Demo kommune".into(),
            previous_cycle_id: previous,
            started_at: chrono::Utc::now(),
        },
        &runtime_dir,
    )
    .unwrap();
    rig.post("/_demo/client-task/eAdm%20synkronisering").await;
    // The mark hurries the next look: after the active interval, not the calm one.
    let soon = tokio::time::Instant::now() + Duration::from_secs(5);
    let running = watcher.poll_at(&rig.settings, soon).await;
    assert_eq!(running.glance.state, TrayState::Running);
    assert_about(running.next_in, 5);
    assert!(running.notices.is_empty(), "{:?}", running.notices);

    rig.post("/_demo/clock/advance?seconds=7200").await;
    let done = watcher
        .poll_at(&rig.settings, soon + Duration::from_secs(5))
        .await;
    assert_eq!(done.glance.state, TrayState::Ok);
    let titles: Vec<&str> = done.notices.iter().map(|n| n.title.as_str()).collect();
    assert_eq!(titles, ["Demo kommune: the manual sync completed"]);
    assert_about(done.next_in, 60);
    assert!(read_manual_sync_mark(&runtime_dir, chrono::Utc::now()).is_none());
    let later = soon + Duration::from_secs(70);
    assert!(watcher
        .poll_at(&rig.settings, later)
        .await
        .notices
        .is_empty());
}

#[tokio::test(flavor = "multi_thread")]
async fn no_new_cycle_is_notified_as_such_never_as_a_stopped_cycle() {
    let rig = Rig::new(Scenario::NoNewCycle, 1).await;
    let mut watcher = rig.watcher();
    let first = watcher.poll(&rig.settings).await;
    assert_eq!(
        first.glance.state,
        TrayState::Failed,
        "a sync that has stalled is not OK"
    );
    assert_eq!(first.notices.len(), 1, "{:?}", first.notices);
    let notice = &first.notices[0];
    assert_eq!(notice.kind, EventKind::NoNewCycle);
    assert!(
        notice
            .title
            .starts_with("Demo kommune: no new cycle since "),
        "{}",
        notice.title
    );
    assert_eq!(
        notice.body,
        "Open Synkvakt to run the sync task with Manual sync."
    );
    for words in [&notice.title, &notice.body] {
        assert!(
            !words.contains("stopped") && !words.contains("failed"),
            "{words}"
        );
    }
    let next_look = tokio::time::Instant::now() + Duration::from_secs(11);
    assert!(watcher
        .poll_at(&rig.settings, next_look)
        .await
        .notices
        .is_empty());
}
