//! Starting a cycle, resuming one and clearing the cache through the tenant's API, against the
//! demo tenant behind a proxy that loses answers or makes them late: each is sent again with its
//! idempotency key, and the tenant acts once.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use synkvakt_api::demo_protocol::Scenario;
use synkvakt_api::model::{CycleState, Product};
use synkvakt_app::tenant_client::TenantClient;
use synkvakt_core::Error;
use synkvakt_demo_tenant::{start, DemoConfig, RunningDemo};

mod fault_table;
mod faulty_proxy;
use fault_table::seen;
use faulty_proxy::{faulty_proxy, Fault, Faults};

const CYCLES: &str = "Changing the tenant's data: cycles and the cache";

async fn demo(scenario: Scenario) -> RunningDemo {
    let mut config = DemoConfig::new(Product::EAdm, scenario);
    config.can_start_cycle = true;
    config.test_clock = true;
    start(config).await.unwrap()
}

/// A client through a proxy that applies `faults`, with a timeout of one second.
async fn through(demo: &RunningDemo, faults: &[(&'static str, Fault)]) -> TenantClient {
    let faults: Faults = Arc::new(Mutex::new(VecDeque::from(faults.to_vec())));
    let upstream = demo.base_url().trim_start_matches("http://").to_string();
    let proxy = faulty_proxy(upstream, faults).await;
    TenantClient::with_timeout(&proxy, &demo.api_key, Duration::from_secs(1)).unwrap()
}

async fn cycles_started(demo: &RunningDemo) -> usize {
    let direct = TenantClient::new(&demo.base_url(), &demo.api_key).unwrap();
    direct.cycle_history(50).await.unwrap().cycles.len()
}

#[tokio::test]
async fn a_start_whose_answers_were_lost_or_late_starts_one_cycle() {
    let demo = demo(Scenario::Healthy).await;
    let before = cycles_started(&demo).await;
    let client = through(
        &demo,
        &[
            ("POST /api/v1/cycles", Fault::DropAnswer),
            (
                "POST /api/v1/cycles",
                Fault::Delay(Duration::from_millis(1500)),
            ),
        ],
    )
    .await;
    let cycle = client.start_cycle("start-key-0001").await.unwrap();
    assert_eq!(cycle.state, CycleState::Running);
    assert_eq!(
        cycles_started(&demo).await,
        before + 1,
        "one cycle, not two"
    );

    // The admin's second press of the same confirmed start: the same cycle, no refusal.
    let again = client.start_cycle("start-key-0001").await.unwrap();
    assert_eq!(again.id, cycle.id);
    assert_eq!(cycles_started(&demo).await, before + 1);

    // Another start is another key: the guides' rule refuses it while the cycle runs.
    match client.start_cycle("start-key-0002").await {
        Err(Error::Status {
            status: 409, code, ..
        }) => assert_eq!(code, "cycle-running"),
        other => panic!("expected the running cycle's refusal, got {other:?}"),
    }
    seen(
        CYCLES,
        "POST /cycles: the answer lost, then late past the timeout",
        format!(
            "sent again with the same key; cycles started: {}; a second press gives the same cycle",
            cycles_started(&demo).await - before
        ),
    );
}

#[tokio::test]
async fn without_its_key_a_lost_start_asked_again_would_be_refused_as_a_second() {
    let demo = demo(Scenario::Healthy).await;
    let client = TenantClient::new(&demo.base_url(), &demo.api_key).unwrap();
    client.start_cycle("start-key-aaaa").await.unwrap();
    assert!(matches!(
        client.start_cycle("start-key-bbbb").await,
        Err(Error::Status { status: 409, .. })
    ));
}

#[tokio::test]
async fn a_resume_and_a_cache_clear_whose_answers_were_lost_are_done_once() {
    let demo = demo(Scenario::ImportFilter).await;
    let client = through(
        &demo,
        &[
            ("/resume", Fault::DropAnswer),
            ("/api/v1/cache/clear", Fault::DropAnswer),
        ],
    )
    .await;
    let stopped = client.current_cycle().await.unwrap();
    assert_eq!(stopped.state, CycleState::Stopped);
    let resumed = client.resume(&stopped.id, "resume-key-0001").await.unwrap();
    assert_eq!(resumed.state, CycleState::Resumed);
    let first = client.clear_cache("clear-key-0001").await.unwrap();
    let again = client.clear_cache("clear-key-0001").await.unwrap();
    assert_eq!(
        first.cleared_at, again.cleared_at,
        "cleared once, answered twice"
    );
    seen(
        CYCLES,
        "resume and cache clear: the answer lost",
        format!(
            "sent again with the same key; the cycle is `{}`, the cache cleared once",
            resumed.state.as_wire()
        ),
    );
}
