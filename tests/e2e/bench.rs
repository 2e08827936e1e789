//! The re-export preview with 200,000 rows, measured in the built app (WebDriver on the real
//! window, not jsdom): how soon the first rows show, how long a filter keystroke takes to the
//! updated rows, the longest stall of the page while rows load, and the memory of the app's
//! process tree against the same view with 50 rows. A benchmark, not a test: `bash .ci/bench`
//! runs it on a release build and writes the figures to `tests/BENCHMARKS.md`.

// The harness serves the end-to-end tests too; the benchmark uses part of it.
#[allow(dead_code)]
#[path = "harness.rs"]
mod harness;

use harness::{marked_processes, Launch, Session, Watching};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::time::Duration;

const RUNS: usize = 3;
const KEYSTROKES: &str = "1234";

/// Opens the AD template's `mail` mapping for all users and returns, measured in the page:
/// the time from the Preview click to the first rows drawn, and the longest gap between two
/// animation frames until every row was loaded.
const OPEN_AND_MEASURE: &str = r#"
const done = arguments[arguments.length - 1];
const button = document.querySelector('[data-testid=preview-button]');
let longestGap = 0, last = performance.now(), firstRows = null, start = performance.now();
const frame = (now) => {
  longestGap = Math.max(longestGap, now - last);
  last = now;
  if (firstRows === null && document.querySelector('[data-testid=preview] [role=row][data-user-id]')) {
    firstRows = performance.now() - start;
  }
  const counts = document.querySelector('[data-testid=preview-counts]');
  const loaded = counts && !counts.textContent.includes('loading') && firstRows !== null;
  if (loaded) { done([firstRows, longestGap, counts.textContent.trim()]); } else { requestAnimationFrame(frame); }
};
start = performance.now();
button.click();
requestAnimationFrame(frame);
"#;

/// Types one character into the user-ID filter and returns the milliseconds until the rows and
/// counts shown are the ones for the new filter.
const KEYSTROKE: &str = r#"
const [character] = arguments;
const done = arguments[arguments.length - 1];
const input = document.querySelector('[data-testid=filter-user-id]');
const counts = document.querySelector('[data-testid=preview-counts]');
const before = counts.textContent;
const start = performance.now();
input.value = input.value + character;
input.dispatchEvent(new Event('input', { bubbles: true }));
const check = () => {
  const rows = [...document.querySelectorAll('[data-testid=preview] [role=row][data-user-id]')];
  const fits = rows.every(r => r.dataset.userId.includes(input.value));
  if (counts.textContent !== before && fits) { done(performance.now() - start); } else { requestAnimationFrame(check); }
};
requestAnimationFrame(check);
"#;

const CLEAR_FILTER: &str = r#"
const done = arguments[arguments.length - 1];
const input = document.querySelector('[data-testid=filter-user-id]');
input.value = '';
input.dispatchEvent(new Event('input', { bubbles: true }));
setTimeout(() => done(true), 300);
"#;

/// Whether a process is Synkvakt's own: the window app, its WebKit processes, the watcher. Not
/// the demo tenant (the window and the watcher share it), nor the test's drivers and D-Bus.
fn is_synkvakt(process: &Path) -> bool {
    let name = std::fs::read_to_string(process.join("comm")).unwrap_or_default();
    let name = name.trim();
    // The kernel cuts names to 15 characters: "synkvakt-watcher" reads "synkvakt-watche".
    name == "synkvakt"
        || name.starts_with("synkvakt-watch")
        || (name.starts_with("WebKit") && name != "WebKitWebDriver")
}

/// The sum of one `/proc/PID/<file>` field (in kB) over `processes`, in MiB.
fn sum_mib(processes: &[PathBuf], file: &str, field: &str) -> f64 {
    let kib: u64 = processes
        .iter()
        .filter_map(|process| std::fs::read_to_string(process.join(file)).ok())
        .filter_map(|text| {
            text.lines()
                .find_map(|line| line.strip_prefix(field))
                .and_then(|value| value.split_whitespace().next()?.parse::<u64>().ok())
        })
        .sum();
    kib as f64 / 1024.0
}

/// The resident memory of the app and its WebKit processes, in MiB.
fn app_memory_mib(home: &Path) -> f64 {
    let processes: Vec<PathBuf> = marked_processes(home)
        .into_iter()
        .filter(|process| {
            std::fs::read_to_string(process.join("comm")).is_ok_and(|name| {
                let name = name.trim();
                name == "synkvakt" || (name.starts_with("WebKit") && name != "WebKitWebDriver")
            })
        })
        .collect();
    sum_mib(&processes, "status", "VmRSS:")
}

/// The proportional memory (PSS: shared pages divided among their users) of all of Synkvakt's
/// processes of a test, in MiB.
fn synkvakt_pss_mib(home: &Path) -> f64 {
    let processes: Vec<PathBuf> = marked_processes(home)
        .into_iter()
        .filter(|process| is_synkvakt(process))
        .collect();
    sum_mib(&processes, "smaps_rollup", "Pss:")
}

async fn open_all_users_preview(session: &Session) -> (f64, f64, String) {
    session.click("[data-testid=nav-reexport]").await;
    session
        .click("section[data-template=ad] tr[data-mapping=ad-mail] [data-testid=export-mapping]")
        .await;
    session.text_of("[data-testid=preview-button]").await;
    let measured = tokio::time::timeout(
        Duration::from_secs(120),
        session.client.execute_async(OPEN_AND_MEASURE, vec![]),
    )
    .await
    .expect("the preview loads within two minutes")
    .expect("the page measures");
    (
        measured[0].as_f64().unwrap(),
        measured[1].as_f64().unwrap(),
        measured[2].as_str().unwrap_or_default().to_string(),
    )
}

fn median(values: &[f64]) -> f64 {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    sorted[sorted.len() / 2]
}

fn summary(values: &mut [f64]) -> String {
    values.sort_by(f64::total_cmp);
    let median = values[values.len() / 2];
    format!(
        "{:.0} / {:.0} / {:.0}",
        values[0],
        median,
        values[values.len() - 1]
    )
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "a benchmark: bash .ci/bench runs it on a release build"]
async fn reexport_preview_with_200000_rows() {
    let mut first_rows = Vec::new();
    let mut longest_stall = Vec::new();
    let mut keystrokes = Vec::new();
    let mut memory_large = Vec::new();
    let mut counts_large = String::new();
    for _ in 0..RUNS {
        let session = Session::start(Launch {
            users: 200_000,
            ..Launch::demo("eAdm", "healthy")
        })
        .await;
        session.text_of("[data-testid=overall]").await;
        let (first, stall, counts) = open_all_users_preview(&session).await;
        first_rows.push(first);
        longest_stall.push(stall);
        counts_large = counts;
        tokio::time::sleep(Duration::from_secs(2)).await;
        memory_large.push(app_memory_mib(session.home()));
        for _ in 0..2 {
            for character in KEYSTROKES.chars() {
                let took = session
                    .client
                    .execute_async(KEYSTROKE, vec![Value::String(character.to_string())])
                    .await
                    .expect("the page measures the keystroke");
                keystrokes.push(took.as_f64().unwrap());
            }
            session
                .client
                .execute_async(CLEAR_FILTER, vec![])
                .await
                .unwrap();
        }
        session.close().await;
    }

    let mut memory_small = Vec::new();
    for _ in 0..RUNS {
        let session = Session::start(Launch {
            users: 50,
            ..Launch::demo("eAdm", "healthy")
        })
        .await;
        session.text_of("[data-testid=overall]").await;
        open_all_users_preview(&session).await;
        tokio::time::sleep(Duration::from_secs(2)).await;
        memory_small.push(app_memory_mib(session.home()));
        session.close().await;
    }

    println!("keystrokes (ms), in order: {keystrokes:.0?}");
    let report = format!(
        "| figure | min / median / max | goal |\n|---|---|---|\n\
         | first rows visible after Preview is clicked (ms) | {} | < 300 after the first page arrives |\n\
         | filter keystroke to updated rows (ms, {} keystrokes) | {} | < 50 |\n\
         | longest stall of the page while rows load (ms) | {} | < 100 |\n\
         | memory of the app's process tree, 200,000 rows (MiB) | {} | reported |\n\
         | memory of the app's process tree, 50 rows (MiB) | {} | reported |\n\n\
         The preview: {counts_large}.\n",
        summary(&mut first_rows),
        keystrokes.len(),
        summary(&mut keystrokes),
        summary(&mut longest_stall),
        summary(&mut memory_large),
        summary(&mut memory_small),
    );
    println!("{report}");
    if let Some(path) = std::env::var_os("SYNKVAKT_BENCH_REPORT") {
        std::fs::write(path, report).expect("the report is written");
    }
}

/// The watcher alone, following `tenants` tenants, once it has settled.
async fn watcher_alone_pss_mib(tenants: u32) -> f64 {
    let watching = Watching::start_with("eAdm", "healthy", tenants);
    watching
        .wait_for_process("the watcher", |args| {
            args.first()
                .is_some_and(|p| p.ends_with("synkvakt-watcher"))
        })
        .await;
    tokio::time::sleep(SETTLE).await;
    let running = harness::processes_of(watching.home());
    assert!(
        !running.iter().any(|args| args[0].contains("WebKit")),
        "the watcher loads no WebKit: {running:?}"
    );
    synkvakt_pss_mib(watching.home())
}

/// How long each setup settles before it is measured: a few of the watcher's looks.
const SETTLE: Duration = Duration::from_secs(12);

#[tokio::test(flavor = "multi_thread")]
#[ignore = "a benchmark: bash .ci/bench runs it on a release build"]
async fn watching_all_day_costs_little() {
    let mut window_open = Vec::new();
    for _ in 0..RUNS {
        let session = Session::start(Launch::demo("eAdm", "healthy")).await;
        session.text_of("[data-testid=overall]").await;
        tokio::time::sleep(SETTLE).await;
        window_open.push(synkvakt_pss_mib(session.home()));
        session.close().await;
    }
    let mut one_tenant = Vec::new();
    let mut many_tenants = Vec::new();
    for _ in 0..RUNS {
        one_tenant.push(watcher_alone_pss_mib(1).await);
        many_tenants.push(watcher_alone_pss_mib(200).await);
    }
    let ratio = median(&one_tenant) / median(&window_open) * 100.0;
    let report = format!(
        "| figure | min / median / max | goal |\n|---|---|---|\n\
         | window open and idle: app, WebKit and watcher (PSS, MiB) | {} | |\n\
         | window closed, the watcher alone, one tenant (PSS, MiB) | {} | ≤ 10 % of the window open |\n\
         | window closed, the watcher alone, 200 tenants of one demo server (PSS, MiB) | {} | reported |\n\n\
         The watcher alone costs {ratio:.1} % of the window open (medians).\n",
        summary(&mut window_open),
        summary(&mut one_tenant),
        summary(&mut many_tenants),
    );
    println!("{report}");
    if let Some(path) = std::env::var_os("SYNKVAKT_BENCH_WATCH_REPORT") {
        std::fs::write(path, report).expect("the report is written");
    }
}
