//! The built app, end to end: a real window under Xvfb, driven through tauri-driver and
//! WebKitWebDriver, against the demo tenant's scenarios on the test clock.

mod harness;

use harness::{marked_processes, processes_of, Launch, Session, Watching};
use serde_json::Value;
use std::collections::BTreeMap;
use tokio::sync::Mutex;

/// One app at a time: two WebKit processes at once would only slow each other down.
static ONE_AT_A_TIME: Mutex<()> = Mutex::const_new(());

/// What the page shows of each step: key, name, drawn state and the drawn icon's path data.
const READ_STEPS: &str = r#"
const rows = [...document.querySelectorAll('li[role=option]')];
if (rows.length === 0) return null;
return rows.map(row => {
  const svg = row.querySelector('svg[data-state]');
  return {
    key: row.dataset.stepKey,
    name: row.querySelector('.name').textContent.trim(),
    state: svg ? svg.dataset.state : null,
    label: svg ? svg.getAttribute('aria-label') : null,
    paths: svg ? [...svg.querySelectorAll('path')].map(p => p.getAttribute('d')) : [],
    selected: row.getAttribute('aria-selected') === 'true',
  };
});
"#;

#[derive(Debug)]
struct ShownStep {
    key: String,
    name: String,
    state: String,
    label: String,
    paths: Vec<String>,
    selected: bool,
}

fn shown_steps(value: &Value) -> Vec<ShownStep> {
    value
        .as_array()
        .expect("a list of steps")
        .iter()
        .map(|step| ShownStep {
            key: step["key"].as_str().unwrap_or_default().to_string(),
            name: step["name"].as_str().unwrap_or_default().to_string(),
            state: step["state"].as_str().unwrap_or_default().to_string(),
            label: step["label"].as_str().unwrap_or_default().to_string(),
            paths: step["paths"]
                .as_array()
                .map(|paths| {
                    paths
                        .iter()
                        .filter_map(|p| p.as_str().map(String::from))
                        .collect()
                })
                .unwrap_or_default(),
            selected: step["selected"].as_bool().unwrap_or(false),
        })
        .collect()
}

/// The icons' source: the file the page draws them from.
fn icon_source() -> BTreeMap<String, Vec<String>> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../ui/src/lib/step-icons.json");
    let icons: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    icons
        .as_object()
        .unwrap()
        .iter()
        .map(|(state, paths)| {
            let d = paths
                .as_array()
                .unwrap()
                .iter()
                .map(|p| p["d"].as_str().unwrap().to_string())
                .collect();
            (state.clone(), d)
        })
        .collect()
}

const STATE_LABELS: [(&str, &str); 6] = [
    ("completed", "completed"),
    ("failed", "failed"),
    ("running", "running"),
    ("waiting", "waiting to start"),
    ("not-reached", "not reached"),
    ("skipped", "skipped"),
];

/// Each step shows the expected name and state, drawn with that state's own icon and label.
fn assert_steps(shown: &[ShownStep], expected: &[(&str, &str)]) {
    let icons = icon_source();
    let names: Vec<&str> = shown.iter().map(|step| step.name.as_str()).collect();
    let expected_names: Vec<&str> = expected.iter().map(|(name, _)| *name).collect();
    assert_eq!(names, expected_names, "step names in order");
    for (step, (name, state)) in shown.iter().zip(expected) {
        assert_eq!(step.state, *state, "the state of {name} ({})", step.key);
        assert_eq!(
            &step.paths, &icons[*state],
            "{name} is drawn with the {state} icon"
        );
        let label = STATE_LABELS
            .iter()
            .find(|(s, _)| s == state)
            .map(|(_, l)| *l)
            .unwrap();
        assert_eq!(step.label, label, "{name}'s icon is labelled in words");
    }
}

async fn header(session: &Session) -> String {
    session
        .wait_for("the header", "const h = document.querySelector('[data-testid=overall] .headline'); return h && h.textContent.trim() ? h.textContent.trim() : null;")
        .await
        .as_str()
        .unwrap()
        .to_string()
}

async fn demo_is_labelled(session: &Session) {
    let badge = session
        .wait_for("the demo badge", "const b = document.querySelector('[data-testid=demo-badge]'); return b ? b.textContent : null;")
        .await;
    assert_eq!(badge.as_str().unwrap().trim(), "Demo tenant");
}

#[tokio::test(flavor = "multi_thread")]
async fn eadm_healthy_shows_every_step_completed() {
    let _one = ONE_AT_A_TIME.lock().await;
    let session = Session::start(Launch::demo("eAdm", "healthy")).await;
    let shown = shown_steps(&session.wait_for("the steps", READ_STEPS).await);
    assert_steps(
        &shown,
        &[
            ("Import HR", "completed"),
            ("Import HR Future", "completed"),
            ("Import Hierarchy", "completed"),
            ("Import AD", "completed"),
            ("Synchronization", "completed"),
            ("Export AD", "completed"),
            ("Import AD Results", "completed"),
            ("Export Azure", "completed"),
        ],
    );
    assert_eq!(header(&session).await, "Completed");
    demo_is_labelled(&session).await;
    session.screenshot("eadm-healthy").await;
    session.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn eadm_step_failed_selects_the_failed_step_and_shows_its_message() {
    let _one = ONE_AT_A_TIME.lock().await;
    let session = Session::start(Launch::demo("eAdm", "step-failed")).await;
    let shown = shown_steps(&session.wait_for("the steps", READ_STEPS).await);
    assert_steps(
        &shown,
        &[
            ("Import HR", "completed"),
            ("Import HR Future", "completed"),
            ("Import Hierarchy", "completed"),
            ("Import AD", "completed"),
            ("Synchronization", "completed"),
            ("Export AD", "failed"),
            ("Import AD Results", "not-reached"),
            ("Export Azure", "not-reached"),
        ],
    );
    let selected: Vec<&str> = shown
        .iter()
        .filter(|s| s.selected)
        .map(|s| s.name.as_str())
        .collect();
    assert_eq!(
        selected,
        ["Export AD"],
        "the failed step is selected on open"
    );
    assert_eq!(header(&session).await, "Failed at Export AD");
    let details = session
        .wait_for(
            "the details",
            "const d = document.querySelector('.details'); return d ? d.textContent : null;",
        )
        .await;
    let details = details.as_str().unwrap();
    assert!(details.contains("EXP-AD-0412"), "{details}");
    assert!(
        details.contains("no contact with the client server"),
        "{details}"
    );
    demo_is_labelled(&session).await;
    session.screenshot("eadm-step-failed").await;
    session.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn efeide_running_moves_on_when_the_clock_does() {
    let _one = ONE_AT_A_TIME.lock().await;
    let session = Session::start(Launch::demo("eFeide", "running")).await;
    let shown = shown_steps(&session.wait_for("the steps", READ_STEPS).await);
    // A delta cycle: the imports before Synchronization are skipped; the feedback from AD
    // after Export AD runs, as the real service does.
    assert_steps(
        &shown,
        &[
            ("Import SAS", "skipped"),
            ("Import samAccountName", "skipped"),
            ("Synchronization", "completed"),
            ("Export AD", "running"),
            ("Import AD", "waiting"),
            ("Export LMS", "waiting"),
            ("Export 365", "waiting"),
        ],
    );
    assert_eq!(header(&session).await, "Running: Export AD");
    demo_is_labelled(&session).await;
    session.screenshot("efeide-running").await;

    // Export AD runs four minutes and is a third through: four more minutes finish it and put
    // Import AD (two minutes) under way. The page must follow without a reload.
    session.demo().advance(240).await;
    let moved = session
        .wait_for(
            "Export AD to complete",
            &format!(
                "const steps = (() => {{ {READ_STEPS} }})(); \
                 return steps && steps[3].state === 'completed' ? steps : null;"
            ),
        )
        .await;
    assert_steps(
        &shown_steps(&moved),
        &[
            ("Import SAS", "skipped"),
            ("Import samAccountName", "skipped"),
            ("Synchronization", "completed"),
            ("Export AD", "completed"),
            ("Import AD", "running"),
            ("Export LMS", "waiting"),
            ("Export 365", "waiting"),
        ],
    );
    session.screenshot("efeide-running-later").await;
    session.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_demo_tenant_that_cannot_start_is_explained_not_blank() {
    let _one = ONE_AT_A_TIME.lock().await;
    let session = Session::start(Launch {
        product: "eAdm",
        scenario: "healthy",
        start_demo: false,
        app_may_start_demo: false,
        ..Launch::demo("eAdm", "healthy")
    })
    .await;
    let alert = session
        .wait_for(
            "the error",
            "const a = document.querySelector('[role=alert][data-error-kind]'); return a ? {kind: a.dataset.errorKind, text: a.textContent} : null;",
        )
        .await;
    assert_eq!(alert["kind"], "demo-tenant");
    let text = alert["text"].as_str().unwrap();
    assert!(text.contains("The demo tenant could not start."), "{text}");
    assert!(
        text.contains("no-such-demo-tenant"),
        "the detail names the program: {text}"
    );
    session.screenshot("demo-tenant-cannot-start").await;
    session.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn efeide_import_filter_stop_shows_thresholds_and_log_and_resumes() {
    let _one = ONE_AT_A_TIME.lock().await;
    let session = Session::start(Launch::demo("eFeide", "import-filter")).await;
    let shown = shown_steps(&session.wait_for("the steps", READ_STEPS).await);
    let selected: Vec<&str> = shown
        .iter()
        .filter(|s| s.selected)
        .map(|s| s.name.as_str())
        .collect();
    assert_eq!(
        selected,
        ["Synchronization"],
        "the stopped step is selected on open"
    );
    assert_eq!(
        header(&session).await,
        "Stopped by the import filter at Synchronization"
    );

    // Every threshold with its figures; only the deleted accounts tripped it.
    let checks = session
        .wait_for(
            "the thresholds",
            "const rows = [...document.querySelectorAll('tr[data-check]')]; \
             return rows.length ? rows.map(r => [r.dataset.check, r.dataset.exceeded, r.textContent]) : null;",
        )
        .await;
    let checks = checks.as_array().unwrap();
    let kinds: Vec<&str> = checks.iter().map(|c| c[0].as_str().unwrap()).collect();
    assert_eq!(kinds, ["new", "changed", "deleted", "anomaly"]);
    let tripped: Vec<&str> = checks
        .iter()
        .filter(|c| c[1] == "true")
        .map(|c| c[0].as_str().unwrap())
        .collect();
    assert_eq!(tripped, ["deleted"]);
    assert!(
        checks[2][2].as_str().unwrap().contains("14.2 %"),
        "{}",
        checks[2][2]
    );
    assert!(
        checks[2][2].as_str().unwrap().contains("threshold 5 %"),
        "{}",
        checks[2][2]
    );

    // The school promotion is named for eFeide.
    let guidance = session.text_of("[data-testid=guidance]").await;
    assert!(guidance.contains("skoleopprykk"), "{guidance}");

    // The newest import's log: counts, and a filter by kind.
    assert_eq!(
        session.text_of("[data-testid=log-counts]").await,
        "19 new, 149 changed, 683 to be deleted"
    );
    session.click("button[data-kind=delete]").await;
    let kinds = session
        .wait_for(
            "only deletions",
            "const rows = [...document.querySelectorAll('tr[data-entry-kind]')]; \
             const kinds = [...new Set(rows.map(r => r.dataset.entryKind))]; \
             return rows.length && kinds.length === 1 && kinds[0] === 'delete' ? rows.length : null;",
        )
        .await;
    assert_eq!(kinds, 50, "a first page of deletions");
    assert!(session.text_of(".showing").await.contains("50 of 683"));

    // Resume asks first, naming the counts, and leaves the cycle resumed.
    session.click("[data-testid=resume]").await;
    let confirmation = session.text_of("[role=alertdialog]").await;
    assert!(
        confirmation.contains("19 new accounts, 149 changes and 683 accounts deleted"),
        "{confirmation}"
    );
    session.screenshot("efeide-import-filter-confirm").await;
    session.click("[data-testid=resume-confirm]").await;
    session.text_of("[data-testid=resumed-note]").await;
    assert_eq!(header(&session).await, "Resumed after the import filter");
    let cycle: Value = reqwest::Client::new()
        .get(format!(
            "{}/api/v1/cycles/current",
            session.demo().base_url()
        ))
        .bearer_auth(&session.demo().file.api_key)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(cycle["state"], "resumed", "the tenant itself says resumed");
    session.screenshot("efeide-import-filter-resumed").await;
    session.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn eadm_stuck_step_is_marked_past_its_usual_time() {
    let _one = ONE_AT_A_TIME.lock().await;
    let session = Session::start(Launch::demo("eAdm", "stuck")).await;
    let shown = shown_steps(&session.wait_for("the steps", READ_STEPS).await);
    let sync = shown.iter().find(|s| s.key == "synchronization").unwrap();
    assert_eq!(sync.state, "running");
    assert!(sync.selected, "the stalled step is selected on open");
    assert_eq!(
        header(&session).await,
        "Past its usual time: Synchronization"
    );
    let row = session
        .text_of("li[data-step-key=synchronization] .note")
        .await;
    assert!(row.contains("past its usual time"), "{row}");
    let overdue = session.text_of("[data-testid=overdue]").await;
    assert!(
        overdue.starts_with("Past its usual time: this step is usually done within"),
        "{overdue}"
    );
    // eAdm Synchronization running too long: only support can help.
    session.text_of("[data-testid=support-only]").await;
    session.screenshot("eadm-stuck").await;
    session.close().await;
}

/// The nudge's watch line once it has seen its step move.
async fn nudge_moved(session: &Session) -> serde_json::Value {
    session
        .wait_for(
            "the nudge to be seen moving",
            "const w = document.querySelector('[data-testid=nudge-watch]'); return w && w.dataset.outcome === 'moved' ? w.textContent : null;",
        )
        .await
}

/// The kinds of the remedies the guidance panel lists, in order.
async fn remedy_kinds(session: &Session) -> Vec<String> {
    let kinds = session
        .wait_for(
            "the remedies",
            "const items = [...document.querySelectorAll('[data-testid=guidance] .remedies li')]; \
             return items.length ? items.map(li => li.dataset.kind) : null;",
        )
        .await;
    serde_json::from_value(kinds).unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn efeide_stuck_step_that_waits_on_the_client_offers_its_task_not_support() {
    let _one = ONE_AT_A_TIME.lock().await;
    let session = Session::start(Launch::demo("eFeide", "stuck")).await;
    let shown = shown_steps(&session.wait_for("the steps", READ_STEPS).await);
    let step = shown
        .iter()
        .find(|s| s.key == "import-samaccountname")
        .unwrap();
    assert_eq!(step.state, "running");
    assert!(step.selected, "the stalled step is selected on open");
    assert_eq!(
        header(&session).await,
        "Past its usual time: Import samAccountName"
    );
    // The portal's one spinner: running past its usual time is the guide's "waits for", and
    // its remedy is the client's task, then support if that does not help.
    assert_eq!(
        remedy_kinds(&session).await,
        ["run-task", "support-if-no-help"]
    );
    let waits = session.text_of("[data-testid=waits-for]").await;
    assert!(waits.contains("“eFeide Export samAccountName”"), "{waits}");
    let offered = session
        .wait_for(
            "the nudges",
            "const b = [...document.querySelectorAll('[data-testid=nudge]')]; return b.length ? b.map(x => x.dataset.nudgeTask) : null;",
        )
        .await;
    assert_eq!(
        offered,
        serde_json::json!(["eFeide Export samAccountName", "eFeide synkronisering"])
    );
    let page = session.text_of("[data-testid=guidance]").await;
    assert!(!page.contains("Only support can help"), "{page}");
    assert!(
        page.contains("If this does not help, contact support"),
        "{page}"
    );
    session.screenshot("efeide-stuck").await;

    // End to end: the client's task runs from the nudge, and the step runs anew.
    session
        .click("[data-testid=nudge][data-nudge-task='eFeide Export samAccountName']")
        .await;
    session.text_of("[data-testid=nudge-confirm] p").await;
    session.click("[data-testid=nudge-run]").await;
    let watched = nudge_moved(&session).await;
    assert!(
        watched
            .as_str()
            .unwrap()
            .contains("Import samAccountName has moved."),
        "{watched}"
    );
    session.screenshot("efeide-stuck-moved").await;
    session.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn efeide_export_ad_says_from_the_start_of_its_wait_that_the_domain_controller_fetches_it() {
    let _one = ONE_AT_A_TIME.lock().await;
    let session = Session::start(Launch::demo("eFeide", "waiting")).await;
    let shown = shown_steps(&session.wait_for("the steps", READ_STEPS).await);
    let export = shown.iter().find(|s| s.key == "export-ad").unwrap();
    assert_eq!(export.state, "waiting");
    session.click("li[data-step-key=export-ad]").await;
    let waits = session.text_of("[data-testid=waits-for]").await;
    assert!(
        waits.starts_with("From the moment this step waits, a scheduled task on the domain controller fetches the export: typically “eFeide Import AD”"),
        "{waits}"
    );
    // Past its usual wait: the guide's remedy names the task and the domain controller, and
    // this profile does not let the workstation run it there.
    session.demo().advance(15 * 60).await;
    let remedy = session
        .wait_for(
            "the remedy for the wait",
            "const li = document.querySelector('[data-testid=guidance] .remedies li[data-kind=run-task]'); return li ? li.textContent : null;",
        )
        .await;
    let remedy = remedy.as_str().unwrap();
    assert!(
        remedy.contains("on the domain controller of the domain concerned")
            && remedy.contains("does not let Synkvakt run tasks on a domain controller"),
        "{remedy}"
    );
    assert!(
        !page_says(
            &session,
            "return !!document.querySelector('[data-testid=nudge]');"
        )
        .await,
        "no button runs a task on a domain controller the profile does not allow"
    );
    session.screenshot("efeide-export-ad-waits-for-dc").await;
    session.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn eadm_no_new_cycle_says_so_and_leads_to_the_guarded_manual_sync() {
    let _one = ONE_AT_A_TIME.lock().await;
    let session = Session::start(Launch::demo("eAdm", "no-new-cycle")).await;
    let banner = session.text_of("[data-testid=stale]").await;
    assert!(
        banner.starts_with("No new cycle has started since "),
        "{banner}"
    );
    // A week of history with a nightly pause teaches the gap: the night's twelve hours and a
    // fifth more, so the next full cycle was due 14 h 24 min after the last one started, twenty
    // hours ago.
    let due = banner
        .split("Here the next full cycle usually starts by ")
        .nth(1)
        .and_then(|rest| rest.split('.').next())
        // A time on another day is shown with its date before it: "3 Dec, 01:00".
        .and_then(|shown| shown.get(shown.len().saturating_sub(5)..))
        .unwrap_or_else(|| panic!("no due time in {banner}"));
    let expected = chrono::Local::now() - chrono::Duration::minutes(20 * 60 - (14 * 60 + 24));
    let near: Vec<String> = (-1..=1)
        .map(|minutes| {
            (expected + chrono::Duration::minutes(minutes))
                .format("%H:%M")
                .to_string()
        })
        .collect();
    assert!(
        near.iter().any(|time| time == due),
        "{due} not near {near:?}: {banner}"
    );
    assert!(
        !banner.contains("stopped") && !banner.contains("failed"),
        "{banner}"
    );
    assert_eq!(
        session.text_of("[data-testid=stale-flag]").await,
        "No new cycle"
    );
    assert_eq!(
        remedy_kinds(&session).await,
        [
            "manual-sync",
            "read-event-log",
            "read-client-logs",
            "support-if-no-help"
        ]
    );
    session.screenshot("eadm-no-new-cycle").await;

    session.click("[data-testid=open-manual-sync]").await;
    session.text_of("[data-testid=manual-sync-begin]").await;
    session.click("[data-testid=manual-sync-begin]").await;
    let run = session.text_of("[data-testid=manual-sync-run]").await;
    assert_eq!(run, "Run “eAdm synkronisering” on this computer");
    session.click("[data-testid=manual-sync-run]").await;
    checklist_when(&session, "watch-cycle", "doing").await;
    tick_the_portal_cache(&session).await;
    session.demo().advance(3 * 3600).await;
    checklist_when(&session, "watch-cycle", "done").await;
    session.click("[data-testid=nav-status]").await;
    assert_eq!(header(&session).await, "Completed");
    assert!(
        !page_says(
            &session,
            "return !!document.querySelector('[data-testid=stale]');"
        )
        .await,
        "a new cycle started: the banner is gone"
    );
    session.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_tenant_that_goes_away_shows_the_last_cycle_with_its_age_and_recovers() {
    let _one = ONE_AT_A_TIME.lock().await;
    // A running delta cycle, which the window asks about every few seconds.
    let mut session = Session::start(Launch {
        product: "eAdm",
        scenario: "running",
        start_demo: true,
        app_may_start_demo: false,
        ..Launch::demo("eAdm", "running")
    })
    .await;
    session.wait_for("the steps", READ_STEPS).await;
    assert_eq!(header(&session).await, "Running: Export AD");

    let gone = session.stop_demo();
    let banner = session.text_of("[data-testid=offline]").await;
    assert!(
        banner.starts_with("Cannot reach the tenant. Showing the cycle as of"),
        "{banner}"
    );
    assert!(
        banner.contains("just now") || banner.contains("min ago"),
        "the age is shown: {banner}"
    );
    let kept = shown_steps(&session.wait_for("the steps", READ_STEPS).await);
    assert_eq!(kept.len(), 8, "the last known cycle stays on screen");
    session.screenshot("tenant-gone").await;

    session.restart_demo(gone);
    session
        .wait_for(
            "recovery",
            "return document.querySelector('[data-testid=offline]') ? null : true;",
        )
        .await;
    assert_eq!(header(&session).await, "Running: Export AD");
    session.close().await;
}

/// Waits until the checklist's `item` is in `state`, and returns every item's state then.
async fn checklist_when(session: &Session, item: &str, state: &str) -> Vec<(String, String)> {
    let script = format!(
        "const items = [...document.querySelectorAll('[data-testid=checklist] li')]; \
         const states = items.map(li => [li.dataset.item, li.dataset.state]); \
         return states.some(([i, s]) => i === '{item}' && s === '{state}') ? states : null;"
    );
    let shown = session
        .wait_for(&format!("{item} to be {state}"), &script)
        .await;
    shown
        .as_array()
        .unwrap()
        .iter()
        .map(|pair| {
            (
                pair[0].as_str().unwrap().to_string(),
                pair[1].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn items(expected: &[(&str, &str)]) -> Vec<(String, String)> {
    expected
        .iter()
        .map(|(item, state)| (item.to_string(), state.to_string()))
        .collect()
}

/// The audit log as (action, purpose, outcome) lines.
fn audited(session: &Session) -> Vec<(String, String, String)> {
    session
        .audit()
        .into_iter()
        .map(|entry| {
            let action = serde_json::to_value(&entry.action).unwrap();
            let field = |name: &str| action[name].as_str().unwrap_or_default().to_string();
            let (kind, purpose) = (field("kind"), field("purpose"));
            let outcome = serde_json::to_value(entry.outcome).unwrap();
            (kind, purpose, outcome.as_str().unwrap().to_string())
        })
        .collect()
}

async fn begin_manual_sync(session: &Session) {
    session.click("[data-testid=nav-manual-sync]").await;
    session.click("[data-testid=manual-sync-begin]").await;
    session.click("[data-testid=manual-sync-run]").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_manual_sync_refuses_after_a_failed_cycle_with_the_reason() {
    let _one = ONE_AT_A_TIME.lock().await;
    let session = Session::start(Launch::demo("eAdm", "step-failed")).await;
    header(&session).await;
    begin_manual_sync(&session).await;
    let shown = checklist_when(&session, "check-status", "blocked").await;
    assert_eq!(
        shown,
        items(&[
            ("check-status", "blocked"),
            ("run-task", "todo"),
            ("clear-cache", "todo"),
            ("watch-cycle", "todo"),
        ])
    );
    let reason = session.text_of("[data-testid=checklist-detail]").await;
    assert!(
        reason.contains("the last cycle failed at Export AD"),
        "{reason}"
    );
    assert!(reason.contains("contact support"), "{reason}");
    assert!(session
        .text_of("[data-testid=manual-sync-outcome]")
        .await
        .starts_with("Nothing was started."));
    session.screenshot("manual-sync-refused").await;
    assert_eq!(
        audited(&session),
        [(
            "run-task".to_string(),
            "manual-sync".to_string(),
            "refused".to_string()
        )]
    );
    session.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_manual_sync_waits_for_a_running_delta_cycle_then_runs_to_a_new_completed_cycle() {
    let _one = ONE_AT_A_TIME.lock().await;
    let session = Session::start(Launch::demo("eAdm", "running")).await;
    header(&session).await;
    begin_manual_sync(&session).await;
    checklist_when(&session, "check-status", "doing").await;
    let waiting = session.text_of("[data-testid=checklist-detail]").await;
    assert!(
        waiting.starts_with("Delta cycle eadm-")
            && waiting.contains("Synkvakt waits for it for up to"),
        "{waiting}"
    );
    assert!(audited(&session).is_empty(), "nothing ran while it waits");
    session.screenshot("manual-sync-waiting").await;

    // The delta cycle finishes: the checklist checks again and runs the task.
    session.demo().advance(3600).await;
    let shown = checklist_when(&session, "run-task", "doing").await;
    assert_eq!(shown[0], ("check-status".into(), "done".into()));
    let live = session.text_of("[data-testid=task-live]").await;
    assert!(
        live.contains("Task “eAdm synkronisering”: Running"),
        "{live}"
    );
    assert!(live.contains("so far"), "{live}");
    session.screenshot("manual-sync-task-running").await;

    // The demo task runs a few seconds; then the admin clears their own cache in the portal, as
    // this tenant cannot, and ticks it; the new cycle appears.
    checklist_when(&session, "watch-cycle", "doing").await;
    tick_the_portal_cache(&session).await;
    session.demo().advance(3 * 3600).await;
    let done = checklist_when(&session, "watch-cycle", "done").await;
    assert!(done.iter().all(|(_, state)| state == "done"), "{done:?}");
    assert!(session
        .text_of("[data-testid=manual-sync-outcome]")
        .await
        .starts_with("The new cycle completed."));
    session.screenshot("manual-sync-completed").await;
    assert_eq!(header(&session).await, "Completed");
    assert_eq!(
        audited(&session),
        [
            ("run-task".into(), "manual-sync".into(), "started".into()),
            ("run-task".into(), "manual-sync".into(), "done".into()),
        ]
    );
    session.close().await;
}

/// The checklist asks the admin to clear their cache in the portal: they do, and tick it.
async fn tick_the_portal_cache(session: &Session) {
    let asked = session
        .wait_for(
            "the cache item to ask for the portal",
            "const li = document.querySelector('[data-item=clear-cache]'); \
             return li && li.querySelector('[data-testid=cache-tick]') ? li.textContent : null;",
        )
        .await;
    let asked = asked.as_str().unwrap();
    assert!(
        asked.contains(
            "click your profile icon at the top right, choose Settings, then Clear Cache"
        ),
        "{asked}"
    );
    session.screenshot("manual-sync-cache-in-portal").await;
    session.click("[data-testid=cache-tick] input").await;
    checklist_when(session, "clear-cache", "done").await;
    let detail = session
        .text_of("[data-item=clear-cache] [data-testid=checklist-detail]")
        .await;
    assert_eq!(detail, "You cleared the cache in the portal.");
}

#[tokio::test(flavor = "multi_thread")]
async fn the_manual_sync_on_a_healthy_tenant_runs_all_four_steps() {
    let _one = ONE_AT_A_TIME.lock().await;
    let session = Session::start(Launch::demo("eAdm", "healthy")).await;
    assert_eq!(header(&session).await, "Completed");
    begin_manual_sync(&session).await;
    checklist_when(&session, "run-task", "doing").await;
    checklist_when(&session, "watch-cycle", "doing").await;
    tick_the_portal_cache(&session).await;
    // The new cycle's steps show under the checklist as they progress.
    let first = session
        .wait_for(
            "the new cycle's first step running",
            &format!(
                "const steps = (() => {{ {READ_STEPS} }})(); \
                 return steps && steps[0].state === 'running' ? steps : null;"
            ),
        )
        .await;
    assert_eq!(shown_steps(&first)[0].name, "Import HR");
    session.demo().advance(3 * 3600).await;
    let done = checklist_when(&session, "watch-cycle", "done").await;
    assert!(done.iter().all(|(_, state)| state == "done"), "{done:?}");
    let outcomes: Vec<String> = audited(&session)
        .into_iter()
        .map(|(action, _, outcome)| format!("{action} {outcome}"))
        .collect();
    assert_eq!(
        outcomes,
        ["run-task started", "run-task done"],
        "the tenant cannot clear the admin's cache: Synkvakt sent nothing for it"
    );

    // The audit view shows the same, newest first, in words.
    session.click("[data-testid=nav-audit]").await;
    let rows = session
        .wait_for(
            "the audit log",
            "const rows = [...document.querySelectorAll('[data-testid=audit] tbody tr')]; \
             return rows.length ? rows.map(r => [...r.querySelectorAll('td')].slice(2).map(c => c.textContent.trim())) : null;",
        )
        .await;
    let rows: Vec<Vec<String>> = serde_json::from_value(rows).unwrap();
    let expected = |action: &str, outcome: &str| {
        vec!["Demo kommune".to_string(), action.into(), outcome.into()]
    };
    let run = "Ran “eAdm synkronisering” on this computer for a manual sync";
    assert_eq!(rows, [expected(run, "done"), expected(run, "started")]);
    session.screenshot("audit-log").await;
    // The app writes its own log into its log folder.
    assert!(
        log_says(&session.home().join("logs"), "Synkvakt starting"),
        "the window app logs to its log folder"
    );
    session.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_waiting_step_is_nudged_only_past_its_usual_time_and_then_starts() {
    let _one = ONE_AT_A_TIME.lock().await;
    let session = Session::start(Launch::demo("eAdm", "waiting")).await;
    let shown = shown_steps(&session.wait_for("the steps", READ_STEPS).await);
    let export = shown.iter().find(|step| step.key == "export-ad").unwrap();
    assert_eq!(export.state, "waiting");
    session.click("li[data-step-key=export-ad]").await;
    session.text_of("[data-testid=guidance]").await;
    let offered = session
        .client
        .execute(
            "return document.querySelectorAll('[data-testid=nudge]').length;",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(offered, 0, "no nudge within the step's usual time");

    // Ten minutes is the shortest usual wait; fifteen more put the step past it.
    session.demo().advance(15 * 60).await;
    let task = session
        .wait_for(
            "the nudge to be offered",
            "const b = document.querySelector('[data-testid=nudge]'); return b ? b.dataset.nudgeTask : null;",
        )
        .await;
    assert_eq!(task, "eAdm synkronisering");
    session.click("[data-testid=nudge]").await;
    let confirm = session.text_of("[data-testid=nudge-confirm] p").await;
    assert!(
        confirm.contains("It does not start a new cycle"),
        "{confirm}"
    );
    session.screenshot("nudge-confirm").await;
    session.click("[data-testid=nudge-run]").await;

    session
        .wait_for(
            "Export AD to start",
            &format!(
                "const steps = (() => {{ {READ_STEPS} }})(); \
                 const step = steps && steps.find(s => s.key === 'export-ad'); \
                 return step && step.state === 'running' ? step : null;"
            ),
        )
        .await;
    let watched = nudge_moved(&session).await;
    assert!(
        watched.as_str().unwrap().contains("Export AD has moved."),
        "{watched}"
    );
    session.screenshot("nudge-moved").await;
    assert_eq!(
        audited(&session),
        [
            (
                "run-task".into(),
                "nudge export-ad".into(),
                "started".into()
            ),
            ("run-task".into(), "nudge export-ad".into(), "done".into()),
        ]
    );
    session.close().await;
}

/// Opens the re-export dialog for the AD template's `mail` mapping with users 10001–10003.
async fn preview_three_users(session: &Session) {
    session.click("[data-testid=nav-reexport]").await;
    session
        .click("section[data-template=ad] tr[data-mapping=ad-mail] [data-testid=export-mapping]")
        .await;
    session.click("[data-testid=scope-selection]").await;
    let search = session
        .client
        .find(fantoccini::Locator::Css("[data-testid=user-search]"))
        .await
        .unwrap();
    search.send_keys("1000").await.unwrap();
    for id in ["10001", "10002", "10003"] {
        session
            .click(&format!("[data-testid=add-user][data-user-id='{id}']"))
            .await;
    }
    session.click("[data-testid=preview-button]").await;
}

/// The preview's rows as (user ID, attribute), once the whole preview is loaded.
async fn preview_rows(session: &Session) -> Vec<(String, String)> {
    let rows = session
        .wait_for(
            "the complete preview",
            "const counts = document.querySelector('[data-testid=preview-counts]'); \
             if (!counts || counts.textContent.includes('loading')) return null; \
             const rows = [...document.querySelectorAll('[data-testid=preview] [role=row][data-user-id]')]; \
             return rows.length ? rows.map(r => [r.dataset.userId, r.dataset.attribute]) : null;",
        )
        .await;
    rows.as_array()
        .unwrap()
        .iter()
        .map(|pair| {
            (
                pair[0].as_str().unwrap().to_string(),
                pair[1].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_preview_of_one_mapping_for_three_users_shows_exactly_those_rows() {
    let _one = ONE_AT_A_TIME.lock().await;
    let session = Session::start(Launch::demo("eAdm", "healthy")).await;
    header(&session).await;
    preview_three_users(&session).await;
    assert_eq!(
        preview_rows(&session).await,
        [
            ("10001".to_string(), "mail".to_string()),
            ("10002".into(), "mail".into()),
            ("10003".into(), "mail".into()),
        ]
    );
    let counts = session.text_of("[data-testid=preview-counts]").await;
    assert!(counts.starts_with("3 users · 3 values"), "{counts}");
    session.screenshot("reexport-preview").await;
    session.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_double_clicked_execute_puts_one_job_on_the_queue_and_it_completes() {
    let _one = ONE_AT_A_TIME.lock().await;
    let session = Session::start(Launch::demo("eAdm", "healthy")).await;
    header(&session).await;
    preview_three_users(&session).await;
    preview_rows(&session).await;
    session.click("[data-testid=execute-button]").await;
    let confirm = session.text_of("[data-testid=reexport-confirm]").await;
    assert!(confirm.contains("Re-export on Demo kommune"), "{confirm}");
    assert!(
        confirm
            .contains("This overwrites mail for 3 selected users (3 values) in Active Directory."),
        "{confirm}"
    );
    // Two clicks in the same moment, as an impatient double click gives.
    session
        .client
        .execute(
            "const b = document.querySelector('[data-testid=execute-confirm]'); b.click(); b.click(); return true;",
            vec![],
        )
        .await
        .unwrap();
    let queued = session.text_of("[data-testid=reexport-queued]").await;
    assert!(queued.contains("job-0001"), "{queued}");
    let jobs = session.demo().get("/api/v1/export-queue").await;
    assert_eq!(jobs["jobs"].as_array().unwrap().len(), 1, "{jobs}");

    session.click("[data-testid=nav-export-queue]").await;
    session.text_of("[data-job=job-0001]").await;
    session.demo().advance(60).await;
    session
        .wait_for(
            "the job to complete",
            "const job = document.querySelector('[data-job=job-0001]'); \
             return job && job.dataset.state === 'completed' ? job.textContent : null;",
        )
        .await;
    let reexports: Vec<String> = audited(&session)
        .into_iter()
        .map(|(action, _, outcome)| format!("{action} {outcome}"))
        .collect();
    assert_eq!(reexports, ["reexport started", "reexport done"]);
    session.screenshot("export-queue").await;
    session.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_confirmation_states_the_whole_reexport_with_the_table_filtered_to_one_user() {
    let _one = ONE_AT_A_TIME.lock().await;
    let session = Session::start(Launch::demo("eAdm", "healthy")).await;
    header(&session).await;
    session.click("[data-testid=nav-reexport]").await;
    session
        .click("section[data-template=ad] tr[data-mapping=ad-mail] [data-testid=export-mapping]")
        .await;
    session.click("[data-testid=preview-button]").await;
    preview_rows(&session).await;
    let whole = session.text_of("[data-testid=preview-counts]").await;
    let changes: u32 = whole
        .rsplit(" · ")
        .next()
        .and_then(|last| last.strip_suffix(" would change"))
        .and_then(|number| number.replace(',', "").parse().ok())
        .unwrap_or_else(|| panic!("{whole}"));
    assert!(changes > 1, "the demo has values to change: {whole}");
    // As the guide advises, the admin looks at one user's row before executing.
    session
        .client
        .find(fantoccini::Locator::Css("[data-testid=filter-user-id]"))
        .await
        .unwrap()
        .send_keys("10002")
        .await
        .unwrap();
    session
        .wait_for(
            "the table filtered to one user",
            "const c = document.querySelector('[data-testid=preview-counts]'); \
             return c && c.textContent.startsWith('1 user · 1 value') ? c.textContent : null;",
        )
        .await;
    session.click("[data-testid=execute-button]").await;
    let confirm = session.text_of("[data-testid=reexport-confirm]").await;
    assert!(confirm.contains("Re-export on Demo kommune"), "{confirm}");
    assert!(
        confirm
            .contains("This overwrites mail for all 500 users (500 values) in Active Directory."),
        "{confirm}"
    );
    assert!(
        confirm.contains(&format!(
            "{changes} of these values differ from what Active Directory holds now"
        )),
        "{confirm}"
    );
    session.screenshot("reexport-confirm-filtered").await;
    session.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn an_execute_on_data_changed_since_the_preview_shows_the_new_counts_to_confirm() {
    let _one = ONE_AT_A_TIME.lock().await;
    let session = Session::start(Launch::demo("eAdm", "healthy")).await;
    header(&session).await;
    preview_three_users(&session).await;
    preview_rows(&session).await;
    session.click("[data-testid=execute-button]").await;
    session.text_of("[data-testid=reexport-confirm]").await;
    // Meanwhile someone clears values by hand in Active Directory.
    session.demo().clear_by_hand(2).await;
    session.click("[data-testid=execute-confirm]").await;
    let dialog = session
        .wait_for(
            "the refusal",
            "const d = document.querySelector('[data-testid=reexport-dialog]'); \
             return d && d.textContent.includes('nothing was put on the export queue') ? d.textContent : null;",
        )
        .await;
    assert!(
        dialog
            .as_str()
            .unwrap()
            .contains("The data changed since the preview, and nothing was put on the export queue. The re-export would now write 3 values for 3 users."),
        "{dialog}"
    );
    let jobs = session.demo().get("/api/v1/export-queue").await;
    assert_eq!(jobs["jobs"].as_array().unwrap().len(), 0, "{jobs}");
    preview_rows(&session).await;
    session.screenshot("reexport-preview-outdated").await;
    session.click("[data-testid=execute-button]").await;
    session.click("[data-testid=execute-confirm]").await;
    let counts = session.text_of("[data-testid=reexport-job-counts]").await;
    assert!(
        counts.contains("The job writes 3 values for 3 users, as you confirmed."),
        "{counts}"
    );
    let jobs = session.demo().get("/api/v1/export-queue").await;
    assert_eq!(jobs["jobs"].as_array().unwrap().len(), 1, "{jobs}");
    session.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_reexport_sent_before_a_crash_is_shown_at_start_and_sent_again_once_confirmed() {
    let _one = ONE_AT_A_TIME.lock().await;
    let session = Session::start(Launch {
        sent_before: true,
        ..Launch::demo("eAdm", "healthy")
    })
    .await;
    header(&session).await;
    let notice = session.text_of("[data-testid=sent-reexports-notice]").await;
    assert!(
        notice.contains("was sent, but no answer came before Synkvakt stopped or lost the connection, and it is not on the export queue."),
        "{notice}"
    );
    session.screenshot("sent-reexport-at-start").await;
    session
        .click("[data-testid=sent-reexports-notice] button")
        .await;
    let shown = session
        .text_of("[data-testid=sent-reexport][data-outcome=never-arrived]")
        .await;
    assert!(shown.contains("Send it again…"), "{shown}");
    session.click("[data-testid=sent-reexport-again]").await;
    let confirm = session.text_of("[data-testid=sent-reexport-confirm]").await;
    assert!(
        confirm.contains("Send it again to Demo kommune? It overwrites mail for 3 users (3 values) in Active Directory."),
        "{confirm}"
    );
    let jobs = session.demo().get("/api/v1/export-queue").await;
    assert_eq!(
        jobs["jobs"].as_array().unwrap().len(),
        0,
        "nothing sent on its own: {jobs}"
    );
    session.screenshot("sent-reexport-confirm").await;
    session.click("[data-testid=sent-reexport-send]").await;
    session
        .wait_for(
            "the job",
            "const e = document.querySelector('[data-testid=sent-reexport]'); \
             return e && e.dataset.outcome === 'queued' ? e.textContent : null;",
        )
        .await;
    let jobs = session.demo().get("/api/v1/export-queue").await;
    assert_eq!(jobs["jobs"].as_array().unwrap().len(), 1, "{jobs}");
    session.close().await;
}

fn comm_of(process: &std::path::Path) -> String {
    std::fs::read_to_string(process.join("comm"))
        .unwrap_or_default()
        .trim()
        .to_string()
}

/// The watcher's `/proc` folder; there is exactly one.
fn the_watcher(home: &std::path::Path) -> std::path::PathBuf {
    let watchers: Vec<_> = marked_processes(home)
        .into_iter()
        .filter(|process| comm_of(process).starts_with("synkvakt-watch"))
        .collect();
    assert_eq!(watchers.len(), 1, "one watcher: {watchers:?}");
    watchers[0].clone()
}

/// The tray icon's tooltip once it holds `words`.
async fn wait_for_tooltip(tray: &zbus::Proxy<'_>, words: &str) -> String {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    loop {
        let (_, _, _, description): (String, Vec<(i32, i32, Vec<u8>)>, String, String) =
            tray.get_property("ToolTip").await.unwrap();
        if description.contains(words) {
            return description;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the tray says {description:?}, not {words:?}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
}

async fn menu_of<'a>(bus: &'a zbus::Connection, tray: &zbus::Proxy<'a>) -> zbus::Proxy<'a> {
    let path: zbus::zvariant::OwnedObjectPath = tray.get_property("Menu").await.unwrap();
    zbus::Proxy::new(
        bus,
        tray.destination().to_owned(),
        path,
        "com.canonical.dbusmenu",
    )
    .await
    .unwrap()
}

/// The tray menu's items with words (not the separators), as (id, label), in order.
async fn tray_menu(bus: &zbus::Connection, tray: &zbus::Proxy<'_>) -> Vec<(i32, String)> {
    use zbus::zvariant::OwnedValue;
    type Item = (
        i32,
        std::collections::HashMap<String, OwnedValue>,
        Vec<OwnedValue>,
    );
    let menu = menu_of(bus, tray).await;
    let (_revision, (_root, _properties, children)): (u32, Item) = menu
        .call("GetLayout", &(0i32, -1i32, Vec::<String>::new()))
        .await
        .unwrap();
    children
        .into_iter()
        .filter_map(|child| {
            let (id, properties, _): Item = child.try_into().ok()?;
            let label: String = properties.get("label")?.try_clone().ok()?.try_into().ok()?;
            (!label.is_empty()).then_some((id, label))
        })
        .collect()
}

async fn click_tray_item(bus: &zbus::Connection, tray: &zbus::Proxy<'_>, id: i32) {
    let menu = menu_of(bus, tray).await;
    let _: () = menu
        .call(
            "Event",
            &(id, "clicked", zbus::zvariant::Value::I32(0), 0u32),
        )
        .await
        .unwrap();
}

/// Whether any log file in `logs` has this line.
fn log_says(logs: &std::path::Path, line: &str) -> bool {
    std::fs::read_dir(logs)
        .into_iter()
        .flatten()
        .flatten()
        .any(|file| std::fs::read_to_string(file.path()).is_ok_and(|text| text.contains(line)))
}

/// Whether a command line is a WebKit process's (the window's web and network processes).
fn is_webkit(args: &[String]) -> bool {
    args.first()
        .is_some_and(|program| program.contains("WebKit"))
}

#[tokio::test(flavor = "multi_thread")]
async fn the_watcher_notifies_each_failure_once_and_its_click_opens_the_window_at_the_step() {
    let _one = ONE_AT_A_TIME.lock().await;
    let mut watching = Watching::start("eAdm", "healthy");
    watching
        .wait_for_process("the watcher", |args| {
            args.first()
                .is_some_and(|p| p.ends_with("synkvakt-watcher"))
        })
        .await;
    // A few looks at a healthy tenant: nothing to say.
    tokio::time::sleep(std::time::Duration::from_secs(6)).await;
    assert_eq!(watching.notifications(), Vec::<Value>::new());

    // The next cycle fails at Export AD, with no window open.
    watching.switch_scenario("eAdm", "step-failed");
    let shown = watching.wait_for_notifications(1).await;
    assert_eq!(shown[0]["summary"], "Demo kommune: Export AD failed");
    assert_eq!(
        shown[0]["body"],
        "Open Synkvakt to run “eAdm synkronisering”."
    );
    assert_eq!(shown[0]["appName"], "Synkvakt");
    assert_eq!(shown[0]["actions"][0], "default", "{shown:?}");
    // More looks at the same failure say nothing more.
    tokio::time::sleep(std::time::Duration::from_secs(6)).await;
    assert_eq!(
        watching.notifications().len(),
        1,
        "{:?}",
        watching.notifications()
    );
    let running = processes_of(watching.home());
    assert!(
        !running.iter().any(|args| is_webkit(args)),
        "no window, no WebKit: {running:?}"
    );
    let watcher = the_watcher(watching.home());
    let maps = std::fs::read_to_string(watcher.join("maps")).expect("the watcher's memory map");
    assert!(
        !maps.contains("libwebkit2gtk"),
        "the watcher never loads WebKit"
    );
    assert!(!maps.contains("libgtk"), "nor GTK");

    // The tray icon, as the desktop's panel sees it on the bus: the state in words, its menu.
    let (bus, item) = watching.tray().await;
    let tray = zbus::Proxy::new(
        &bus,
        item.as_str(),
        "/StatusNotifierItem",
        "org.kde.StatusNotifierItem",
    )
    .await
    .unwrap();
    let tooltip = wait_for_tooltip(&tray, "Demo kommune: Failed at Export AD").await;
    assert!(tooltip.starts_with("Synkvakt"), "{tooltip}");
    let icon: Vec<(i32, i32, Vec<u8>)> = tray.get_property("IconPixmap").await.unwrap();
    assert_eq!((icon[0].0, icon[0].1), (32, 32), "the drawn 32 px icon");
    let menu = tray_menu(&bus, &tray).await;
    let labels: Vec<&str> = menu.iter().map(|(_, label)| label.as_str()).collect();
    assert_eq!(
        labels,
        [
            "Open Synkvakt",
            "Manual sync…",
            "Pause notifications for an hour",
            "Start watching when I sign in",
            "Support mode (for a shared screen)",
            "Quit Synkvakt"
        ]
    );
    // Support mode from the tray: remembered in the settings, where the window reads it.
    let support_mode = menu
        .iter()
        .find(|(_, label)| label.starts_with("Support mode"))
        .unwrap()
        .0;
    click_tray_item(&bus, &tray, support_mode).await;
    let settings_file =
        synkvakt_app::os::paths::AppPaths::under(watching.home().to_path_buf()).settings_file();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while !std::fs::read_to_string(&settings_file)
        .unwrap_or_default()
        .contains("\"supportMode\": true")
    {
        assert!(
            std::time::Instant::now() < deadline,
            "the tray's support mode did not reach the settings"
        );
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }

    // Clicking it starts the window app at that step, of the notification's own tenant.
    watching.click(shown[0]["id"].as_u64().unwrap());
    let window = watching
        .wait_for_process("the window app at Export AD", |args| {
            args.first().is_some_and(|p| p.ends_with("/synkvakt"))
                && args[1..] == ["--tenant", "demo/1", "--step", "export-ad"]
        })
        .await;
    println!("started by the click: {window:?}");
    // The window app starts a watcher too, which finds this one and stops: never two.
    let logs = watching.home().join("logs");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while !log_says(&logs, "a watcher runs already: this one stops") {
        assert!(
            std::time::Instant::now() < deadline,
            "the window app's watcher did not stop"
        );
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    assert_eq!(
        the_watcher(watching.home()),
        watcher,
        "still the first watcher"
    );

    // The window goes; the watcher stays and tells of the next trouble.
    for process in marked_processes(watching.home()) {
        if comm_of(&process) == "synkvakt" {
            let pid = process.file_name().unwrap().to_string_lossy().into_owned();
            let _ = std::process::Command::new("kill").arg(pid).status();
        }
    }
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while processes_of(watching.home())
        .iter()
        .any(|args| is_webkit(args))
    {
        assert!(
            std::time::Instant::now() < deadline,
            "WebKit outlived the window: {:?}",
            processes_of(watching.home())
        );
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    // The tray's "Manual sync…" opens the window at the checklist.
    let manual_sync = menu
        .iter()
        .find(|(_, label)| label == "Manual sync…")
        .unwrap()
        .0;
    click_tray_item(&bus, &tray, manual_sync).await;
    watching
        .wait_for_process("the window app at the checklist", |args| {
            args.first().is_some_and(|p| p.ends_with("/synkvakt")) && args[1..] == ["--manual-sync"]
        })
        .await;
    for process in marked_processes(watching.home()) {
        if comm_of(&process) == "synkvakt" {
            let pid = process.file_name().unwrap().to_string_lossy().into_owned();
            let _ = std::process::Command::new("kill").arg(pid).status();
        }
    }

    watching.switch_scenario("eAdm", "import-filter");
    let shown = watching.wait_for_notifications(2).await;
    assert_eq!(
        shown[1]["summary"], "Demo kommune: the import filter stopped the cycle at Synchronization",
        "{shown:?}"
    );
    assert!(processes_of(watching.home()).iter().any(|args| args
        .first()
        .is_some_and(|p| p.ends_with("synkvakt-watcher"))));
}

#[tokio::test(flavor = "multi_thread")]
async fn the_window_started_at_a_step_opens_at_that_step() {
    let _one = ONE_AT_A_TIME.lock().await;
    // Export AD failed and needs attention; the notification the admin clicked named Import HR.
    let session = Session::start(Launch {
        args: &["--tenant", "demo/1", "--step", "import-hr"],
        ..Launch::demo("eAdm", "step-failed")
    })
    .await;
    let shown = shown_steps(&session.wait_for("the steps", READ_STEPS).await);
    let selected: Vec<&str> = shown
        .iter()
        .filter(|step| step.selected)
        .map(|step| step.key.as_str())
        .collect();
    assert_eq!(selected, ["import-hr"]);
    // The heading holds the step's icon, its name and its state in words.
    let heading = session.text_of("#step-details-title").await;
    assert!(heading.contains("Import HR"), "{heading}");
    assert!(!heading.contains("Export AD"), "{heading}");
    session.screenshot("opened-at-a-step").await;
    session.close().await;
}

/// Types `text` into the field `css`.
async fn type_into(session: &Session, css: &str, text: &str) {
    let field = session
        .client
        .find(fantoccini::Locator::Css(css))
        .await
        .unwrap_or_else(|err| panic!("no field {css}: {err}"));
    field.clear().await.unwrap();
    field.send_keys(text).await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn a_tenant_added_on_the_first_run_keeps_its_key_out_of_the_page_and_the_files() {
    let _one = ONE_AT_A_TIME.lock().await;
    let session = Session::start(Launch {
        first_run: true,
        ..Launch::demo("eAdm", "healthy")
    })
    .await;
    // The demo server stands in for the municipality's tenant, reached by its address and key.
    let url = session.demo().base_url();
    let key = session.demo().file.api_key.clone();
    session.text_of("[data-testid=first-run]").await;
    session.screenshot("first-run").await;
    type_into(&session, "[data-testid=profile-name]", "Eksempel kommune").await;
    type_into(&session, "[data-testid=profile-url]", &url).await;
    type_into(&session, "[data-testid=profile-api-key]", &key).await;
    session.click("[data-testid=profile-test]").await;
    let report = session.text_of("[data-testid=connection-report]").await;
    for said in [
        "The service answers.",
        "Plain http to this computer",
        "The API key is accepted.",
        "The service is eAdm, as the profile says.",
        "cannot be checked from this computer",
    ] {
        assert!(report.contains(said), "{said} in {report}");
    }
    session.screenshot("first-run-connection-tested").await;
    session.click("[data-testid=profile-save]").await;

    // The tenant is in view, as a real one: its name from the service, no demo badge.
    let overall = session.text_of("[data-testid=overall]").await;
    assert!(overall.contains("Completed"), "{overall}");
    assert_eq!(
        session.text_of("[data-testid=tenant-name]").await,
        "Demo kommune"
    );
    let demo_badge = session
        .client
        .execute(
            "return document.querySelector('[data-testid=demo-badge]') !== null;",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(demo_badge, Value::Bool(false));
    session.click("[data-testid=nav-settings]").await;
    let badge = session.text_of("[data-testid=key-badge]").await;
    assert!(badge.contains("stored"), "{badge}");
    session.click("[data-testid=nav-tenants]").await;
    let overview = session.text_of("[data-testid=overview]").await;
    assert!(overview.contains("Demo kommune"), "{overview}");

    // Nowhere in the page: not its markup, not a field's value.
    let page = session.client.source().await.unwrap();
    assert!(
        page.contains("Demo kommune"),
        "the page searched is the app's"
    );
    assert!(!page.contains(&key), "the key is in the page's markup");
    let values = session
        .client
        .execute(
            "return [...document.querySelectorAll('input, textarea')].map(f => f.value).join('\\n');",
            vec![],
        )
        .await
        .unwrap();
    assert!(!values.as_str().unwrap_or_default().contains(&key));
    // Nor in any file the app wrote: settings, logs, the audit trail, the watcher's memory.
    let mut searched = 0;
    let mut folders = vec![session.home().to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).unwrap().flatten() {
            let path = entry.path();
            // The keyring's own store is where the key belongs (encrypted by gnome-keyring);
            // the demo server's runtime file is the stand-in tenant's own, not the app's.
            if path.ends_with("keyring") || path.ends_with("demo-tenant.json") {
                continue;
            }
            if path.is_dir() {
                folders.push(path);
            } else if let Ok(bytes) = std::fs::read(&path) {
                searched += 1;
                assert!(
                    !String::from_utf8_lossy(&bytes).contains(&key),
                    "{} holds the key",
                    path.display()
                );
            }
        }
    }
    assert!(
        searched >= 3,
        "settings, log and audit files were searched ({searched})"
    );
    assert!(session
        .audit()
        .iter()
        .any(|entry| format!("{:?}", entry.action).contains("tenant-profile")));
    session.close().await;
}

/// Whether the page shows a national ID number: in its text, or anywhere in its markup.
const SHOWS_NATIONAL_ID: &str = r"return /\b\d{6} ?\d{5}\b/.test(document.body.innerText);";
const MARKUP_HOLDS_NATIONAL_ID: &str =
    r"return /(^|[^\d])\d{6} ?\d{5}([^\d]|$)/.test(document.documentElement.outerHTML);";

async fn page_says(session: &Session, script: &str) -> bool {
    session.client.execute(script, vec![]).await.unwrap() == Value::Bool(true)
}

/// The import log's new employees, whose entries name their national ID number.
async fn show_new_employees(session: &Session) {
    session.click("[data-testid=nav-status]").await;
    session.text_of("[data-testid=log-counts]").await;
    session.click("button[data-kind=add]").await;
    session
        .wait_for(
            "only new employees",
            "const rows = [...document.querySelectorAll('tr[data-entry-kind]')]; \
             return rows.length && rows.every(r => r.dataset.entryKind === 'add') ? rows.length : null;",
        )
        .await;
}

/// The preview of every user's national ID number in Feide.
async fn preview_national_ids(session: &Session) {
    session.click("[data-testid=nav-reexport]").await;
    session
        .click(
            "section[data-template=feide] tr[data-mapping=feide-noredupersonnin] [data-testid=export-mapping]",
        )
        .await;
    session.click("[data-testid=scope-all]").await;
    session.click("[data-testid=preview-button]").await;
    preview_rows(session).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn support_mode_leaves_no_national_id_number_anywhere_in_the_page() {
    let _one = ONE_AT_A_TIME.lock().await;
    let session = Session::start(Launch::demo("eFeide", "import-filter")).await;
    header(&session).await;

    // Support mode off: the import log and the re-export preview show the numbers.
    show_new_employees(&session).await;
    assert!(
        page_says(&session, SHOWS_NATIONAL_ID).await,
        "the import log shows ID numbers"
    );
    preview_national_ids(&session).await;
    assert!(
        page_says(&session, SHOWS_NATIONAL_ID).await,
        "the preview shows ID numbers"
    );

    // On, from the header, with the preview still open: the page is drawn again, masked.
    session.click("[data-testid=support-mode-toggle]").await;
    let badge = session.text_of("[data-testid=support-badge]").await;
    assert!(badge.contains("Support mode"), "{badge}");
    assert!(!page_says(&session, MARKUP_HOLDS_NATIONAL_ID).await);
    preview_national_ids(&session).await;
    assert!(
        !page_says(&session, MARKUP_HOLDS_NATIONAL_ID).await,
        "the preview holds an ID number in support mode"
    );
    let masked = session
        .client
        .execute(
            "return document.querySelector('[data-testid=preview]').innerText.includes('•••••• •••••');",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(
        masked,
        Value::Bool(true),
        "the preview shows the masked numbers"
    );
    session.screenshot("support-mode-preview").await;
    show_new_employees(&session).await;
    assert!(
        !page_says(&session, MARKUP_HOLDS_NATIONAL_ID).await,
        "the import log holds an ID number in support mode"
    );
    session.screenshot("support-mode-import-log").await;

    // It is remembered, and the app's own log never held a number.
    let settings = std::fs::read_to_string(
        synkvakt_app::os::paths::AppPaths::under(session.home().to_path_buf()).settings_file(),
    )
    .unwrap();
    assert!(settings.contains("\"supportMode\": true"), "{settings}");
    let logs = synkvakt_app::os::paths::AppPaths::under(session.home().to_path_buf()).log_dir;
    let mut searched = 0;
    for entry in std::fs::read_dir(&logs).unwrap().flatten() {
        let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
        searched += 1;
        assert!(
            !synkvakt_core::masking::shows_national_id(&text),
            "{} holds an ID number",
            entry.path().display()
        );
    }
    assert!(searched > 0, "the app's log was searched");
    session.close().await;
}
