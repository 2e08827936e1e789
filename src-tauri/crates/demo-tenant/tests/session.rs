//! The window app's session over the real demo tenant process: status with guidance, history,
//! the import log, and resume through the action path with its guard and audit line.
//! The session starts the demo tenant's program, which these tests find as a Unix build.
#![cfg(unix)]

use synkvakt_api::demo_protocol::{RuntimeFile, Scenario};
use synkvakt_api::model::{ImportChange, ImportCounts, Product};
use synkvakt_app::os::paths::AppPaths;
use synkvakt_app::os::settings_file::SettingsStore;
use synkvakt_app::session::Session;
use synkvakt_core::actions::Outcome;
use synkvakt_core::guidance::Situation;
use synkvakt_core::i18n::Language;
use synkvakt_core::profiles::TenantRef;
use synkvakt_core::settings::DemoChoice;
use synkvakt_core::settings::Settings;
use synkvakt_core::status::{DisplayState, OverallState};
use synkvakt_core::Error;

struct Demo {
    session: Session,
    paths: AppPaths,
    _home: tempfile::TempDir,
}

impl Drop for Demo {
    fn drop(&mut self) {
        if let Some(file) = RuntimeFile::read(&self.paths.runtime_dir) {
            let _ = std::process::Command::new("kill")
                .arg(file.pid.to_string())
                .status();
        }
    }
}

fn open(product: Product, scenario: Scenario) -> Demo {
    let home = tempfile::tempdir().unwrap();
    let paths = AppPaths::under(home.path().to_path_buf());
    let settings = Settings {
        language: Some(Language::En),
        demo: DemoChoice {
            product,
            scenario,
            ..DemoChoice::default()
        },
        active: Some(TenantRef::Demo { number: 1 }),
        ..Settings::default()
    };
    SettingsStore::new(paths.settings_file())
        .save(&settings)
        .unwrap();
    let session = Session::open(&paths, env!("CARGO_BIN_EXE_synkvakt-demo-tenant").into());
    Demo {
        session,
        paths,
        _home: home,
    }
}

#[tokio::test]
async fn resume_is_guarded_audited_and_leaves_the_cycle_resumed() {
    let demo = open(Product::EFeide, Scenario::ImportFilter);
    let status = demo.session.status().await.unwrap();
    assert_eq!(status.cycle.state, OverallState::Stopped);
    let stopped = &status.cycle.steps[status.cycle.attention.unwrap() as usize];
    assert_eq!(stopped.guidance.situation, Some(Situation::Stopped));
    assert!(
        stopped.guidance.remedies[0].text.contains("skoleopprykk"),
        "{:?}",
        stopped.guidance
    );

    let log = demo
        .session
        .import_log(Some(ImportChange::Delete), String::new(), 0, 20)
        .await
        .unwrap();
    assert_eq!(
        log.counts,
        ImportCounts {
            add: 19,
            edit: 149,
            delete: 683
        }
    );
    assert_eq!((log.total, log.entries.len()), (683, 20));
    assert!(log
        .entries
        .iter()
        .all(|entry| entry.kind == ImportChange::Delete));
    let first_name = log.entries[0].name.clone();
    let found = demo
        .session
        .import_log(None, first_name.clone(), 0, 500)
        .await
        .unwrap();
    assert!(
        found.entries.iter().all(|entry| entry.name == first_name),
        "search by name"
    );

    // Counts other than the import's are refused before anything is sent.
    let wrong = ImportCounts {
        add: 19,
        edit: 149,
        delete: 600,
    };
    let refused = demo
        .session
        .resume(status.cycle.id.clone(), wrong)
        .await
        .unwrap_err();
    assert!(matches!(refused, Error::Refused { .. }), "{refused:?}");
    assert_eq!(
        demo.session.status().await.unwrap().cycle.state,
        OverallState::Stopped
    );

    let resumed = demo
        .session
        .resume(status.cycle.id.clone(), log.counts)
        .await
        .unwrap();
    assert_eq!(resumed.cycle.state, OverallState::Resumed);
    assert_eq!(resumed.cycle.headline, "Resumed after the import filter");

    // Again: the cycle is no longer stopped.
    let again = demo
        .session
        .resume(status.cycle.id.clone(), log.counts)
        .await
        .unwrap_err();
    assert!(matches!(again, Error::Refused { .. }));

    let audit = synkvakt_app::os::audit_file::action_path(demo.paths.audit_file())
        .recent(10)
        .unwrap();
    let outcomes: Vec<Outcome> = audit.iter().map(|entry| entry.outcome).collect();
    assert_eq!(
        outcomes,
        [
            Outcome::Refused,
            Outcome::Started,
            Outcome::Done,
            Outcome::Refused
        ]
    );
    assert!(audit
        .iter()
        .all(|entry| entry.tenant == "Demo fylkeskommune"));
}

#[tokio::test]
async fn a_stuck_step_is_past_its_usual_time_and_history_is_newest_first() {
    let demo = open(Product::EFeide, Scenario::Stuck);
    let status = demo.session.status().await.unwrap();
    let stuck = &status.cycle.steps[status.cycle.attention.unwrap() as usize];
    assert_eq!(
        (stuck.key.as_str(), stuck.state),
        ("import-samaccountname", DisplayState::Running)
    );
    assert!(stuck.overdue);
    assert_eq!(stuck.guidance.situation, Some(Situation::RunningTooLong));
    // The step waits on the client's task: running past its usual time is the same case, and
    // running that task is the guide's remedy before support.
    assert!(!stuck.guidance.support_only, "{:?}", stuck.guidance);
    assert!(
        stuck.guidance.remedies.iter().any(|remedy| remedy
            .tasks
            .iter()
            .any(|task| task.name == "eFeide Export samAccountName")),
        "{:?}",
        stuck.guidance.remedies
    );
    assert!(status.no_new_cycle.is_none(), "a cycle is running");

    let history = demo.session.history().await.unwrap();
    assert_eq!(history.cycles[0].id, status.cycle.id);
    assert!(history
        .cycles
        .windows(2)
        .all(|pair| pair[0].started_at > pair[1].started_at));
    assert!(history.cycles.len() > 3);
}

#[tokio::test]
async fn a_failed_eadm_export_ad_names_the_sync_task_and_the_log_folder() {
    let demo = open(Product::EAdm, Scenario::StepFailed);
    let status = demo.session.status().await.unwrap();
    let failed = &status.cycle.steps[status.cycle.attention.unwrap() as usize];
    assert_eq!(failed.key, "export-ad");
    let task = failed.guidance.remedies[0]
        .tasks
        .first()
        .expect("a task to run");
    assert_eq!(task.name, "eAdm synkronisering");
    assert!(failed
        .guidance
        .remedies
        .iter()
        .any(|remedy| remedy.text.contains(r"C:\eadm\loggfiler")));
    for fact in [
        "Demo kommune",
        &status.cycle.id,
        "export-ad",
        "EXP-AD-0412",
        env!("CARGO_PKG_VERSION"),
    ] {
        assert!(
            failed.support_details.contains(fact),
            "{fact} missing in {}",
            failed.support_details
        );
    }
}

#[tokio::test]
async fn the_history_teaches_the_gap_that_no_new_cycle_has_outlasted() {
    let demo = open(Product::EAdm, Scenario::NoNewCycle);
    let status = demo.session.status().await.unwrap();
    assert_eq!(status.cycle.state, OverallState::Completed);
    let stall = status
        .no_new_cycle
        .expect("no new cycle for longer than the usual gap");
    assert!(stall.stall.learned, "learned from a week of full cycles");
    // The night after the evening cycle, with a margin, and not the profile's 26 h.
    assert!(
        (12 * 3600..20 * 3600).contains(&stall.stall.limit_seconds),
        "{}",
        stall.stall.limit_seconds
    );
    drop(demo);

    let healthy = open(Product::EAdm, Scenario::Healthy);
    let status = healthy.session.status().await.unwrap();
    assert_eq!(status.cycle.state, OverallState::Completed);
    assert!(status.no_new_cycle.is_none(), "{:?}", status.no_new_cycle);
}
