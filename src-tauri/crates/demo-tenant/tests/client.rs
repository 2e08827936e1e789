//! The core client and the demo launcher against the demo tenant over real loopback HTTP.

#[path = "../../app/tests/fault_table/mod.rs"]
mod fault_table;
use std::time::Duration;
use synkvakt_api::demo_protocol::{RuntimeFile, Scenario};
use synkvakt_api::model::{CycleState, Product, StepState};
use synkvakt_app::os::demo_launcher::DemoLauncher;
use synkvakt_app::tenant_client::TenantClient;
use synkvakt_core::Error;
use synkvakt_demo_tenant::{start, DemoConfig};

async fn advance(base: &str, key: &str, seconds: i64) {
    let response = reqwest::Client::new()
        .post(format!("{base}/_demo/clock/advance?seconds={seconds}"))
        .bearer_auth(key)
        .send()
        .await
        .unwrap();
    assert!(response.status().is_success());
}

#[tokio::test]
async fn the_client_follows_a_running_cycle_on_the_test_clock() {
    let mut config = DemoConfig::new(Product::EFeide, Scenario::Running);
    config.test_clock = true;
    let demo = start(config).await.unwrap();
    let client = TenantClient::new(&demo.base_url(), &demo.api_key).unwrap();

    let tenant = client.tenant_info().await.unwrap();
    assert_eq!(tenant.product, Product::EFeide);
    let before = client.current_cycle().await.unwrap();
    assert_eq!(before.state, CycleState::Running);
    let running = before
        .steps
        .iter()
        .position(|step| step.state == StepState::Running)
        .unwrap();

    // The test clock stands still until told.
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(client.current_cycle().await.unwrap(), before);

    advance(&demo.base_url(), &demo.api_key, 3600 * 3).await;
    let after = client.current_cycle().await.unwrap();
    assert_eq!(after.state, CycleState::Completed);
    assert_eq!(after.steps[running].state, StepState::Completed);
    let history = client.cycle_history(5).await.unwrap();
    assert_eq!(history.cycles.len(), 5);
    assert_eq!(history.cycles[0].id, after.id);
}

#[tokio::test]
async fn the_clients_task_starts_a_new_cycle_once_the_last_one_finished() {
    let mut config = DemoConfig::new(Product::EAdm, Scenario::Healthy);
    config.test_clock = true;
    let demo = start(config).await.unwrap();
    let client = TenantClient::new(&demo.base_url(), &demo.api_key).unwrap();
    let before = client.current_cycle().await.unwrap();
    assert_eq!(before.state, CycleState::Completed);

    let ran = |name: &str| {
        reqwest::Client::new()
            .post(format!("{}/_demo/client-task/{name}", demo.base_url()))
            .bearer_auth(&demo.api_key)
            .send()
    };
    assert!(ran("eAdm%20synkronisering")
        .await
        .unwrap()
        .status()
        .is_success());
    let new = client.current_cycle().await.unwrap();
    assert_ne!(new.id, before.id);
    assert_eq!(new.state, CycleState::Running);
    // While it runs, the task's data waits for it: no second cycle.
    assert_eq!(
        ran("eAdm%20synkronisering")
            .await
            .unwrap()
            .status()
            .as_u16(),
        409
    );

    advance(&demo.base_url(), &demo.api_key, 3 * 3600).await;
    assert_eq!(
        client.current_cycle().await.unwrap().state,
        CycleState::Completed
    );
    let history = client.cycle_history(3).await.unwrap();
    assert_eq!(
        (history.cycles[0].id.as_str(), history.cycles[1].id.as_str()),
        (new.id.as_str(), before.id.as_str())
    );
    let cleared = client.clear_cache("clear-0001").await.unwrap();
    assert!(cleared.cleared_at >= new.started_at);
}

#[tokio::test]
async fn a_wrong_key_is_refused() {
    let demo = start(DemoConfig::new(Product::EAdm, Scenario::Healthy))
        .await
        .unwrap();
    let client = TenantClient::new(&demo.base_url(), "not-the-key").unwrap();
    assert!(matches!(
        client.current_cycle().await,
        Err(Error::Unauthorized { status: 401 })
    ));
}

#[tokio::test]
async fn the_failed_scenario_carries_message_and_code() {
    let demo = start(DemoConfig::new(Product::EAdm, Scenario::StepFailed))
        .await
        .unwrap();
    let client = TenantClient::new(&demo.base_url(), &demo.api_key).unwrap();
    let cycle = client.current_cycle().await.unwrap();
    assert_eq!(cycle.state, CycleState::Failed);
    let failed = cycle
        .steps
        .iter()
        .find(|step| step.state == StepState::Failed)
        .unwrap();
    assert_eq!(failed.key, "export-ad");
    assert!(failed.message.as_deref().is_some_and(|m| !m.is_empty()));
    assert_eq!(failed.error_code.as_deref(), Some("EXP-AD-0412"));
}

#[tokio::test]
async fn an_on_demand_server_lives_while_leases_are_renewed() {
    let dir = tempfile::tempdir().unwrap();
    let mut config = DemoConfig::new(Product::EAdm, Scenario::Healthy);
    config.on_demand = true;
    config.lease_expiry = Duration::from_millis(800);
    config.runtime_dir = Some(dir.path().to_path_buf());
    let demo = start(config).await.unwrap();
    let file = RuntimeFile::read(dir.path()).unwrap();
    let launcher = DemoLauncher::new("unused".into(), dir.path().into(), dir.path().into());
    for _ in 0..8 {
        tokio::time::sleep(Duration::from_millis(300)).await;
        assert!(
            launcher.renew_lease(&file).await,
            "stopped although its lease was renewed"
        );
    }
    tokio::time::timeout(Duration::from_secs(5), demo.wait())
        .await
        .expect("stops once no lease is renewed")
        .unwrap();
    assert!(
        RuntimeFile::read(dir.path()).is_none(),
        "its runtime file is removed"
    );
}

#[cfg(unix)]
#[tokio::test]
async fn the_launcher_starts_one_demo_tenant_and_shares_it() {
    use synkvakt_core::settings::DemoChoice;
    let dir = tempfile::tempdir().unwrap();
    let launcher = DemoLauncher::new(
        env!("CARGO_BIN_EXE_synkvakt-demo-tenant").into(),
        dir.path().join("run"),
        dir.path().join("logs"),
    );
    let choice = DemoChoice {
        product: Product::EFeide,
        scenario: Scenario::Stuck,
        ..DemoChoice::default()
    };
    let first = launcher.ensure(choice).await.unwrap();
    assert_eq!(
        (first.product, first.scenario),
        (Product::EFeide, Scenario::Stuck)
    );
    let file = RuntimeFile::read(&dir.path().join("run")).expect("the runtime file is written");

    // A second user finds the same server through the runtime file, whatever it would choose.
    let second = launcher.ensure(DemoChoice::default()).await.unwrap();
    assert_eq!(second, first);

    let client = TenantClient::new(&first.base_url, &first.api_key).unwrap();
    assert_eq!(client.tenant_info().await.unwrap().product, Product::EFeide);

    // Gone (e.g. killed): the next start takes the same port again.
    kill(file.pid);
    tokio::time::sleep(Duration::from_millis(300)).await;
    let third = launcher.ensure(choice).await.unwrap();
    assert_eq!(third.base_url, first.base_url, "restarted on the same port");
    assert_ne!(third.api_key, first.api_key);
    kill(RuntimeFile::read(&dir.path().join("run")).unwrap().pid);
}

#[cfg(unix)]
fn kill(pid: u32) {
    let status = std::process::Command::new("kill")
        .arg(pid.to_string())
        .status()
        .unwrap();
    assert!(status.success());
}

#[tokio::test]
async fn step_times_are_judged_by_the_tenants_clock_from_its_date_header() {
    let mut config = DemoConfig::new(Product::EAdm, Scenario::Waiting);
    config.test_clock = true;
    let demo = start(config).await.unwrap();
    let client = TenantClient::new(&demo.base_url(), &demo.api_key).unwrap();
    client.current_cycle().await.unwrap();
    let skew = (client.tenant_now() - chrono::Utc::now()).num_seconds();
    assert!(skew.abs() <= 1, "the clocks agree at first: {skew} s");

    advance(&demo.base_url(), &demo.api_key, 3600).await;
    client.current_cycle().await.unwrap();
    let ahead = (client.tenant_now() - chrono::Utc::now()).num_seconds();
    assert!(
        (3598..=3602).contains(&ahead),
        "the tenant's clock is an hour ahead: {ahead} s"
    );
}

#[tokio::test]
async fn an_unchanged_cycle_costs_a_304_and_a_changed_one_comes_whole() {
    use synkvakt_app::tenant_client::Conditional;
    let mut config = DemoConfig::new(Product::EAdm, Scenario::Running);
    config.test_clock = true;
    let demo = start(config).await.unwrap();
    let client = TenantClient::new(&demo.base_url(), &demo.api_key).unwrap();

    let Conditional::Changed { value: first, etag } =
        client.current_cycle_if_changed(None).await.unwrap()
    else {
        panic!("the first read has a body");
    };
    let etag = etag.expect("the answer names its content");
    assert_eq!(
        client.current_cycle_if_changed(Some(&etag)).await.unwrap(),
        Conditional::Unchanged
    );

    advance(&demo.base_url(), &demo.api_key, 3600).await;
    match client.current_cycle_if_changed(Some(&etag)).await.unwrap() {
        Conditional::Changed { value, etag: newer } => {
            assert_eq!(value.id, first.id);
            assert_ne!(value, first, "the cycle moved on");
            assert_ne!(newer.as_deref(), Some(etag.as_str()));
        }
        Conditional::Unchanged => panic!("a changed cycle came back as unchanged"),
    }
}

#[tokio::test]
async fn a_restarted_demo_tenant_still_knows_the_keys_it_acted_on() {
    use synkvakt_api::model::{PreviewRequest, ReexportRequest, ReexportScope, ScopeKind};
    let runtime = tempfile::tempdir().unwrap();
    let config = {
        let mut config = DemoConfig::new(Product::EAdm, Scenario::Healthy);
        config.runtime_dir = Some(runtime.path().to_path_buf());
        config
    };
    let scope = ReexportScope {
        kind: ScopeKind::Selection,
        user_ids: vec!["10001".into()],
    };
    let first = start(config.clone()).await.unwrap();
    let client = TenantClient::new(&first.base_url(), &first.api_key).unwrap();
    let preview = PreviewRequest {
        mapping_id: Some("ad-mail".into()),
        scope: scope.clone(),
        offset: 0,
        limit: 10,
    };
    let request = ReexportRequest {
        mapping_id: Some("ad-mail".into()),
        scope,
        preview_token: client
            .preview_page("ad", &preview)
            .await
            .unwrap()
            .preview_token,
    };
    let job = client
        .execute_reexport("ad", &request, "dialog-key-restart")
        .await
        .unwrap();
    first.stop();

    let second = start(config).await.unwrap();
    let client = TenantClient::new(&second.base_url(), &second.api_key).unwrap();
    let found = client.job_of_key("dialog-key-restart").await.unwrap();
    assert_eq!(found.map(|found| found.id), Some(job.id.clone()));
    let again = client
        .execute_reexport("ad", &request, "dialog-key-restart")
        .await
        .unwrap();
    assert_eq!(again.id, job.id, "the first answer, again");
    // The restarted demo's queue starts empty: a second job for the key would be on it.
    let queued = client.export_queue().await.unwrap().jobs.len();
    assert_eq!(
        queued, 0,
        "the same key after a restart makes no second job"
    );
    assert_eq!(client.job_of_key("never-sent-key").await.unwrap(), None);
    fault_table::seen(
        "Changing the tenant's data: re-export",
        "the demo tenant restarted between an Execute and the same Execute again",
        format!(
            "its keys are on disk: the first answer again ({}); jobs made after the restart: {queued}",
            again.id
        ),
    );
}
