//! The built app, end to end: a real window under Xvfb, driven through tauri-driver and
//! WebKitWebDriver, against the demo tenant's scenarios on the test clock.

mod harness;

use harness::{Launch, Session};
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

const STATE_LABELS: [(&str, &str); 5] = [
    ("completed", "completed"),
    ("failed", "failed"),
    ("running", "running"),
    ("waiting", "waiting to start"),
    ("not-reached", "not reached"),
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
    let session = Session::start(Launch {
        product: "eAdm",
        scenario: "healthy",
        broken_demo: false,
    })
    .await;
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
    let session = Session::start(Launch {
        product: "eAdm",
        scenario: "step-failed",
        broken_demo: false,
    })
    .await;
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
    let session = Session::start(Launch {
        product: "eFeide",
        scenario: "running",
        broken_demo: false,
    })
    .await;
    let shown = shown_steps(&session.wait_for("the steps", READ_STEPS).await);
    assert_steps(
        &shown,
        &[
            ("Import SAS", "completed"),
            ("Import samAccountName", "completed"),
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
    // Import AD (two minutes) halfway. The page must follow without a reload.
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
            ("Import SAS", "completed"),
            ("Import samAccountName", "completed"),
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
        broken_demo: true,
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
