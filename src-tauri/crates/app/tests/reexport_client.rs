//! The core's re-export code against the demo tenant over loopback, through a proxy that loses
//! answers on purpose: the preview pages in, and an execute whose answer was lost or late is
//! sent again with its key and still makes exactly one job.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use synkvakt_api::demo_protocol::Scenario;
use synkvakt_api::model::{Product, ReexportRequest, ReexportScope, ScopeKind};
use synkvakt_api::personal::Disclosure;
use synkvakt_app::session::reexport::download;
use synkvakt_app::tenant_client::TenantClient;
use synkvakt_core::i18n::{Language, Localizer};
use synkvakt_core::reexport::{KindOf, PreviewColumn, PreviewQuery, PreviewStore};
use synkvakt_core::Error;
use synkvakt_demo_tenant::{start, DemoConfig, RunningDemo};

mod fault_table;
mod faulty_proxy;
use fault_table::seen;
use faulty_proxy::{faulty_proxy, watching_proxy, Fault, Faults, Seen};

const REEXPORT: &str = "Changing the tenant's data: re-export";

async fn demo(users: u32) -> RunningDemo {
    let mut config = DemoConfig::new(Product::EAdm, Scenario::Healthy);
    config.users = users;
    start(config).await.unwrap()
}

fn selection(ids: &[&str]) -> ReexportScope {
    ReexportScope {
        kind: ScopeKind::Selection,
        user_ids: ids.iter().map(|id| id.to_string()).collect(),
    }
}

/// The re-export of `mail` for `scope`, naming the preview the tenant gives for it now.
async fn mail_for(demo: &RunningDemo, scope: ReexportScope) -> ReexportRequest {
    let direct = TenantClient::new(&demo.base_url(), &demo.api_key).unwrap();
    let preview = synkvakt_api::model::PreviewRequest {
        mapping_id: Some("ad-mail".into()),
        scope: scope.clone(),
        offset: 0,
        limit: 1,
    };
    ReexportRequest {
        mapping_id: Some("ad-mail".into()),
        scope,
        preview_token: direct
            .preview_page("ad", &preview)
            .await
            .unwrap()
            .preview_token,
    }
}

async fn jobs_on_the_queue(demo: &RunningDemo) -> usize {
    let direct = TenantClient::new(&demo.base_url(), &demo.api_key).unwrap();
    direct.export_queue().await.unwrap().jobs.len()
}

fn address_of(demo: &RunningDemo) -> String {
    demo.base_url().trim_start_matches("http://").to_string()
}

#[tokio::test]
async fn an_execute_whose_answer_was_lost_is_sent_again_and_makes_one_job() {
    let demo = demo(200).await;
    let faults: Faults = Arc::new(Mutex::new(VecDeque::from([(
        "/reexport",
        Fault::DropAnswer,
    )])));
    let proxy = faulty_proxy(address_of(&demo), faults.clone()).await;
    let client = TenantClient::new(&proxy, &demo.api_key).unwrap();

    let request = mail_for(&demo, selection(&["10001", "10002", "10003"])).await;
    let job = client
        .execute_reexport("ad", &request, "dialog-key-0001")
        .await
        .unwrap();
    assert!(
        faults.lock().unwrap().is_empty(),
        "the answer was dropped once"
    );
    assert_eq!(job.users, 3);
    assert_eq!(jobs_on_the_queue(&demo).await, 1, "one job, not two");
    seen(
        REEXPORT,
        "Execute: the answer lost after the tenant queued the job",
        format!(
            "sent again with the same key; jobs on the queue: {}",
            jobs_on_the_queue(&demo).await
        ),
    );
}

#[tokio::test]
async fn an_execute_that_timed_out_is_sent_again_and_makes_one_job() {
    let demo = demo(200).await;
    let faults: Faults = Arc::new(Mutex::new(VecDeque::from([(
        "/reexport",
        Fault::Delay(Duration::from_millis(2500)),
    )])));
    let proxy = faulty_proxy(address_of(&demo), faults).await;
    let client = TenantClient::with_timeout(&proxy, &demo.api_key, Duration::from_secs(1)).unwrap();

    let request = mail_for(&demo, selection(&["10004"])).await;
    let first = client
        .execute_reexport("ad", &request, "dialog-key-0002")
        .await
        .unwrap();
    let again = client
        .execute_reexport("ad", &request, "dialog-key-0002")
        .await
        .unwrap();
    assert_eq!(first.id, again.id, "a second press gives the same job");
    assert_eq!(jobs_on_the_queue(&demo).await, 1);
    seen(
        REEXPORT,
        "Execute: the answer late past the timeout, then pressed again",
        format!(
            "the same job both times; jobs on the queue: {}",
            jobs_on_the_queue(&demo).await
        ),
    );
}

#[tokio::test]
async fn without_the_same_key_the_tenant_would_make_two_jobs() {
    let demo = demo(200).await;
    let client = TenantClient::new(&demo.base_url(), &demo.api_key).unwrap();
    let request = mail_for(&demo, selection(&["10001"])).await;
    client
        .execute_reexport("ad", &request, "dialog-key-aaaa")
        .await
        .unwrap();
    client
        .execute_reexport("ad", &request, "dialog-key-bbbb")
        .await
        .unwrap();
    assert_eq!(jobs_on_the_queue(&demo).await, 2);
}

#[tokio::test]
async fn the_preview_pages_in_over_loopback_and_is_filtered_in_the_store() {
    let demo = demo(2_000).await;
    let client = TenantClient::new(&demo.base_url(), &demo.api_key).unwrap();
    let mappings = client.mappings("ad").await.unwrap().mappings;
    let store = PreviewStore::default();
    let all = ReexportScope {
        kind: ScopeKind::All,
        user_ids: Vec::new(),
    };
    download(
        &client,
        "ad",
        None,
        all,
        &KindOf::new(&mappings),
        &store,
        &Localizer::new(Language::En),
    )
    .await
    .unwrap();
    let query = |user_id: &str| PreviewQuery {
        user_id: user_id.into(),
        text: String::new(),
        sort: PreviewColumn::UserId,
        descending: false,
        offset: 0,
        limit: 100,
    };
    let window = store.window(&query(""), Disclosure::Full);
    assert!(window.complete);
    assert_eq!(window.total as usize, 2_000 * mappings.len());
    assert_eq!(
        window.loaded, window.total,
        "every page arrived, none twice"
    );
    assert_eq!(window.users, 2_000);
    let one = store.window(&query("11999"), Disclosure::Full);
    assert_eq!(one.matching_users, 1);
    assert_eq!(one.matching as usize, mappings.len());
}

#[tokio::test]
async fn a_preview_page_that_times_out_stops_the_download_with_the_reason() {
    let demo = demo(2_000).await;
    let faults: Faults = Arc::new(Mutex::new(VecDeque::from([(
        "/preview",
        Fault::Delay(Duration::from_millis(2500)),
    )])));
    let proxy = faulty_proxy(address_of(&demo), faults).await;
    let client = TenantClient::with_timeout(&proxy, &demo.api_key, Duration::from_secs(1)).unwrap();
    let store = PreviewStore::default();
    let result = download(
        &client,
        "ad",
        Some("ad-mail".into()),
        selection(&["10001", "10002"]),
        &KindOf::new(&[]),
        &store,
        &Localizer::new(Language::En),
    )
    .await;
    assert!(matches!(result, Err(Error::Timeout { .. })), "{result:?}");
    assert!(!store.is_complete());
    seen(
        REEXPORT,
        "a preview page late past the timeout",
        format!(
            "the preview stops, {}; Execute stays off until it is complete",
            fault_table::outcome_of(&result)
        ),
    );
}

#[tokio::test]
async fn closing_the_dialog_stops_its_download() {
    use synkvakt_app::session::reexport::{DialogTenant, ReexportDialog};
    let demo = demo(20_000).await;
    // Every preview page comes late, so that the download is still under way when it is closed.
    let faults: Faults = Arc::new(Mutex::new(
        (0..40)
            .map(|_| ("/preview", Fault::Delay(Duration::from_millis(300))))
            .collect(),
    ));
    let seen = Seen::default();
    let proxy = watching_proxy(address_of(&demo), faults, seen.clone()).await;
    let client = TenantClient::new(&proxy, &demo.api_key).unwrap();
    let template = client.templates().await.unwrap().templates[0].clone();
    let mappings = client.mappings(&template.id).await.unwrap().mappings;
    let all = ReexportScope {
        kind: ScopeKind::All,
        user_ids: Vec::new(),
    };
    let dialog = ReexportDialog::open(
        DialogTenant {
            client,
            name: "Demo kommune".into(),
            reference: synkvakt_core::profiles::TenantRef::Demo { number: 1 },
        },
        template,
        &mappings,
        None,
        all,
        Arc::new(Localizer::new(Language::En)),
    );
    let previews = || {
        seen.lock()
            .unwrap()
            .iter()
            .filter(|line| line.contains("/preview"))
            .count()
    };
    tokio::time::sleep(Duration::from_millis(700)).await;
    let store = dialog.store.clone();
    drop(dialog);
    let asked_when_closed = previews();
    assert!(asked_when_closed >= 1, "the download had started");
    tokio::time::sleep(Duration::from_millis(1500)).await;
    assert_eq!(
        previews(),
        asked_when_closed,
        "no page was asked for after closing"
    );
    assert!(
        !store.is_complete(),
        "20 pages of 5,000 rows were not all loaded"
    );
}
