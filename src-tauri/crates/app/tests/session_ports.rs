//! The session over fakes of its ports: settings, secrets and the audit trail in memory, the
//! demo tenant served in this process (no program, no keyring, no D-Bus), and a loopback
//! proxy that holds a tenant's answers back for as long as a test says.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use synkvakt_api::demo_protocol::Scenario;
use synkvakt_api::model::Product;
use synkvakt_app::demo_connection::DemoConnection;
use synkvakt_app::ports::{
    DemoTenants, Schedulers, Secret, SecretKind, SecretStore, SettingsStorage,
};
use synkvakt_app::session::{Session, SessionPorts};
use synkvakt_app::Error;
use synkvakt_core::actions::{AuditSink, MemoryAudit, Outcome};
use synkvakt_core::i18n::Language;
use synkvakt_core::machines::{ClientMachines, ScheduledTask};
use synkvakt_core::profiles::{TenantProfile, TenantRef};
use synkvakt_core::settings::{DemoChoice, Settings};
use synkvakt_demo_tenant::{start, DemoConfig, RunningDemo};
use synkvakt_taskschd::TaskScheduler;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

mod fault_table;
mod faulty_proxy;
use fault_table::seen;
use faulty_proxy::{faulty_proxy, Fault, Faults};

const REEXPORT: &str = "Changing the tenant's data: re-export";
const VIEW: &str = "The tenant in view and its secrets";

#[derive(Default)]
struct MemorySettings(Mutex<Settings>);

impl SettingsStorage for MemorySettings {
    fn load(&self) -> synkvakt_app::Result<Settings> {
        Ok(self.0.lock().unwrap().clone())
    }

    fn save(&self, settings: &Settings) -> synkvakt_app::Result<()> {
        *self.0.lock().unwrap() = settings.clone();
        Ok(())
    }

    fn set_aside(&self) -> synkvakt_app::Result<()> {
        Ok(())
    }
}

#[derive(Default)]
struct MemorySecrets(Mutex<HashMap<(String, &'static str), Secret>>);

impl SecretStore for MemorySecrets {
    fn read(&self, profile_id: &str, kind: SecretKind) -> synkvakt_app::Result<Option<Secret>> {
        let key = (profile_id.to_string(), kind.suffix());
        Ok(self.0.lock().unwrap().get(&key).cloned())
    }

    fn store(
        &self,
        profile_id: &str,
        kind: SecretKind,
        secret: &Secret,
    ) -> synkvakt_app::Result<()> {
        let key = (profile_id.to_string(), kind.suffix());
        self.0.lock().unwrap().insert(key, secret.clone());
        Ok(())
    }

    fn forget(&self, profile_id: &str, kind: SecretKind) -> synkvakt_app::Result<()> {
        let key = (profile_id.to_string(), kind.suffix());
        self.0.lock().unwrap().remove(&key);
        Ok(())
    }
}

/// The demo server, started in this test's process instead of as a program of its own.
struct InProcessDemo {
    server: RunningDemo,
    config: DemoConfig,
}

impl DemoTenants for InProcessDemo {
    fn ensure(
        &self,
        _choice: DemoChoice,
    ) -> futures_util::future::BoxFuture<'_, synkvakt_app::Result<DemoConnection>> {
        Box::pin(async move {
            Ok(DemoConnection {
                base_url: self.server.base_url(),
                api_key: self.server.api_key.clone(),
                product: self.config.product,
                scenario: self.config.scenario,
                tenants: self.config.tenants,
                client_log_folder: None,
            })
        })
    }

    fn keep_alive(&self) -> futures_util::future::BoxFuture<'static, ()> {
        Box::pin(std::future::pending())
    }
}

/// A stand-in Task Scheduler holding the profile's sync task, whose runs go nowhere.
struct StandInSchedulers;

impl Schedulers for StandInSchedulers {
    fn signed_in_as(
        &self,
        _account: Option<&str>,
        _password: Option<String>,
    ) -> synkvakt_app::Result<Arc<dyn TaskScheduler>> {
        let nowhere: synkvakt_taskschd::demo::RunEnded = Arc::new(|_| {});
        Ok(Arc::new(synkvakt_taskschd::demo::DemoScheduler::new(
            [synkvakt_taskschd::TaskRef::new("eAdm synkronisering", None)],
            Duration::from_secs(1),
            nowhere,
        )))
    }
}

/// A loopback proxy in front of `upstream` that holds every answer back by `delay`.
struct SlowProxy {
    url: String,
    delay_ms: Arc<AtomicU64>,
}

impl SlowProxy {
    async fn start(upstream: std::net::SocketAddr) -> SlowProxy {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        let delay_ms = Arc::new(AtomicU64::new(0));
        let delay = delay_ms.clone();
        tokio::spawn(async move {
            while let Ok((client, _)) = listener.accept().await {
                let delay = delay.clone();
                tokio::spawn(async move {
                    let Ok(server) = tokio::net::TcpStream::connect(upstream).await else {
                        return;
                    };
                    let (mut client_read, mut client_write) = client.into_split();
                    let (mut server_read, mut server_write) = server.into_split();
                    tokio::spawn(async move {
                        let _ = tokio::io::copy(&mut client_read, &mut server_write).await;
                    });
                    let mut buffer = vec![0u8; 16 * 1024];
                    while let Ok(read) = server_read.read(&mut buffer).await {
                        if read == 0 {
                            break;
                        }
                        let wait = delay.load(Ordering::SeqCst);
                        tokio::time::sleep(Duration::from_millis(wait)).await;
                        if client_write.write_all(&buffer[..read]).await.is_err() {
                            break;
                        }
                    }
                });
            }
        });
        SlowProxy { url, delay_ms }
    }

    fn hold_answers(&self, delay: Duration) {
        self.delay_ms
            .store(delay.as_millis() as u64, Ordering::SeqCst);
    }
}

struct Rig {
    session: Arc<Session>,
    audit: Arc<MemoryAudit>,
    proxy: SlowProxy,
    demo: Arc<InProcessDemo>,
    /// The session's data folder, removed with the rig.
    data_dir: tempfile::TempDir,
}

const SLOW_PROFILE: &str = "slow0000kommune";

/// A session with two tenants: demo tenant 2 of an in-process demo server, and a profile that
/// reaches the same server's tenant 1 through the slow proxy.
async fn rig(in_view: TenantRef) -> Rig {
    let mut config = DemoConfig::new(Product::EAdm, Scenario::Healthy);
    config.tenants = 2;
    config.test_clock = true;
    let server = start(config.clone()).await.unwrap();
    let proxy = SlowProxy::start(server.addr).await;
    let secrets = Arc::new(MemorySecrets::default());
    secrets
        .store(
            SLOW_PROFILE,
            SecretKind::ApiKey,
            &Secret::new(server.api_key.clone()),
        )
        .unwrap();
    let settings = Settings {
        language: Some(Language::En),
        demo: DemoChoice {
            tenants: 2,
            ..DemoChoice::default()
        },
        tenants: vec![TenantProfile {
            id: SLOW_PROFILE.into(),
            name: "Treig kommune".into(),
            product: Product::EAdm,
            service_url: proxy.url.clone(),
            client: ClientMachines {
                tasks: vec![ScheduledTask {
                    name: "eAdm synkronisering".into(),
                    server: None,
                    role: synkvakt_core::machines::Machine::ClientServer,
                }],
                ..ClientMachines::default()
            },
            server_account: None,
            interval_seconds: 60,
            new_cycle_hours: 26,
            new_cycle_wait_minutes: 10,
            watched: false,
        }],
        active: Some(in_view),
        ..Settings::default()
    };
    let audit = Arc::new(MemoryAudit::default());
    let data_dir = tempfile::tempdir().unwrap();
    let demo = Arc::new(InProcessDemo { server, config });
    let session = Session::from_ports(SessionPorts {
        settings: Arc::new(MemorySettings(Mutex::new(settings))),
        secrets,
        audit: audit.clone(),
        demo: demo.clone(),
        schedulers: Arc::new(StandInSchedulers),
        os_user: "kari".into(),
        this_machine: "ws01".into(),
        runtime_dir: std::env::temp_dir().join(format!("synkvakt-ports-{}", std::process::id())),
        log_dir: std::env::temp_dir(),
        data_dir: data_dir.path().to_path_buf(),
    });
    Rig {
        session: Arc::new(session),
        audit,
        proxy,
        demo,
        data_dir,
    }
}

fn slow() -> TenantRef {
    TenantRef::Profile {
        id: SLOW_PROFILE.into(),
    }
}

#[tokio::test]
async fn the_session_runs_on_its_ports_alone() {
    let rig = rig(TenantRef::Demo { number: 2 }).await;
    let status = rig.session.status().await.unwrap();
    assert_eq!(status.tenant.name, "Demo kommune 2");
    assert_eq!(status.tenant.reference, TenantRef::Demo { number: 2 });
    let history = rig.session.history().await.unwrap();
    assert!(!history.cycles.is_empty());
    rig.session.set_language(Some(Language::Nb)).await.unwrap();
    let audited: Vec<Outcome> = rig
        .audit
        .recent(10)
        .unwrap()
        .iter()
        .map(|entry| entry.outcome)
        .collect();
    assert_eq!(audited, [Outcome::Started, Outcome::Done]);
    assert_eq!(rig.audit.recent(1).unwrap()[0].os_user, "kari");
}

#[tokio::test]
async fn a_stalled_tenant_answer_delays_no_other_command() {
    let rig = rig(slow()).await;
    rig.session.status().await.unwrap();
    rig.proxy.hold_answers(Duration::from_secs(30));
    let stalled = tokio::spawn({
        let session = rig.session.clone();
        async move { session.status().await }
    });
    tokio::time::sleep(Duration::from_millis(300)).await;
    let started = Instant::now();
    rig.session
        .audit_log(synkvakt_core::audit_view::AuditQuery {
            search: String::new(),
            outcome: None,
            offset: 0,
            limit: 10,
        })
        .unwrap();
    rig.session.tenants().await.unwrap();
    rig.session
        .switch_tenant(TenantRef::Demo { number: 2 })
        .await
        .unwrap();
    let other = rig.session.status().await.unwrap();
    assert_eq!(other.tenant.name, "Demo kommune 2");
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "the other commands waited {:?} behind the stalled answer",
        started.elapsed()
    );
    assert!(
        !stalled.is_finished(),
        "the stalled answer is still on its way"
    );
    stalled.abort();
}

#[tokio::test]
async fn a_slow_answer_of_a_tenant_no_longer_in_view_is_dropped() {
    let rig = rig(slow()).await;
    let first = rig.session.status().await.unwrap();
    assert_eq!(first.tenant.reference, slow());
    rig.proxy.hold_answers(Duration::from_millis(1500));
    let late = tokio::spawn({
        let session = rig.session.clone();
        async move { session.status().await }
    });
    tokio::time::sleep(Duration::from_millis(200)).await;
    rig.session
        .switch_tenant(TenantRef::Demo { number: 2 })
        .await
        .unwrap();
    let now_in_view = rig.session.status().await.unwrap();
    assert_eq!(now_in_view.tenant.name, "Demo kommune 2");
    let late = late.await.unwrap();
    assert!(
        matches!(late, Err(Error::TenantSwitched)),
        "the slow tenant's answer came after the switch and must be dropped: {late:?}"
    );
    // Nothing of the slow tenant took the place of the one in view.
    let again = rig.session.status().await.unwrap();
    assert_eq!(again.tenant.reference, TenantRef::Demo { number: 2 });
    assert_eq!(again.tenant.name, "Demo kommune 2");
}

/// The jobs on the export queue of demo tenant `number`, asked of the demo server directly.
async fn queue_of(rig: &Rig, number: u32) -> Vec<String> {
    let url = match number {
        1 => rig.demo.server.base_url(),
        _ => format!("{}/tenants/{number}/", rig.demo.server.base_url()),
    };
    let client =
        synkvakt_app::tenant_client::TenantClient::new(&url, &rig.demo.server.api_key).unwrap();
    let queue = client.export_queue().await.unwrap();
    queue.jobs.into_iter().map(|job| job.id).collect()
}

#[tokio::test]
async fn execute_goes_to_the_dialogs_tenant_when_the_view_switches_under_it() {
    use synkvakt_api::model::{ReexportScope, ScopeKind};
    use synkvakt_core::reexport::{ConfirmedCounts, PreviewColumn, PreviewQuery};
    let rig = rig(slow()).await;
    rig.session.status().await.unwrap();
    let template = rig.session.reexport_templates().await.unwrap()[0].clone();
    let opened = rig
        .session
        .open_preview(
            template.id.clone(),
            None,
            ReexportScope {
                kind: ScopeKind::All,
                user_ids: Vec::new(),
            },
        )
        .await
        .unwrap();
    let query = PreviewQuery {
        user_id: String::new(),
        text: String::new(),
        sort: PreviewColumn::UserId,
        descending: false,
        offset: 0,
        limit: 10,
    };
    let window = loop {
        let window = rig
            .session
            .preview_window(opened.preview_id.clone(), query.clone())
            .await
            .unwrap();
        if window.complete {
            break window;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    let other_before = queue_of(&rig, 2).await;

    // A status answer is in flight, slow, when the admin's Execute and a switch race.
    rig.proxy.hold_answers(Duration::from_millis(800));
    let refresh = tokio::spawn({
        let session = rig.session.clone();
        async move { session.status().await }
    });
    let execute = tokio::spawn({
        let session = rig.session.clone();
        let preview_id = opened.preview_id.clone();
        let confirmed = ConfirmedCounts {
            users: window.users,
            values: window.total,
            changes: window.changes,
        };
        async move { session.execute_reexport(preview_id, confirmed).await }
    });
    tokio::time::sleep(Duration::from_millis(100)).await;
    assert!(
        rig.session.reexport_under_way(),
        "closing the window now waits for the answer"
    );
    rig.session
        .switch_tenant(TenantRef::Demo { number: 2 })
        .await
        .unwrap();
    assert!(
        rig.session.reexport_under_way(),
        "with another tenant in view, the Execute still holds the window open"
    );
    let job = execute.await.unwrap().expect("the re-export is executed");
    assert!(!rig.session.reexport_under_way());
    let _ = refresh.await;
    rig.proxy.hold_answers(Duration::ZERO);

    assert!(
        queue_of(&rig, 1).await.contains(&job.id),
        "the job is on the queue of the tenant the dialog was opened on"
    );
    assert_eq!(
        queue_of(&rig, 2).await,
        other_before,
        "nothing reached the tenant put in view during Execute"
    );
    let audited = rig.audit.recent(10).unwrap();
    let reexports: Vec<&str> = audited
        .iter()
        .filter(|entry| {
            matches!(
                entry.action,
                synkvakt_core::actions::Action::Reexport { .. }
            )
        })
        .map(|entry| entry.tenant.as_str())
        .collect();
    assert_eq!(
        reexports,
        ["Demo kommune", "Demo kommune"],
        "started and done, on tenant 1"
    );
    seen(
        REEXPORT,
        "another tenant put in view while Execute waits behind a slow status answer",
        format!(
            "the job is on the dialog's tenant's queue; jobs that reached the other tenant: {}",
            queue_of(&rig, 2).await.len() - other_before.len()
        ),
    );
}

#[tokio::test]
async fn a_switch_closes_the_dialog_so_a_later_execute_reaches_no_tenant() {
    let rig = rig(slow()).await;
    let opened = rig
        .session
        .open_preview("ad".into(), Some("ad-mail".into()), mail_of_all())
        .await
        .unwrap();
    let window = complete_window(&rig.session, &opened.preview_id).await;
    let other_before = queue_of(&rig, 2).await;
    rig.session
        .switch_tenant(TenantRef::Demo { number: 2 })
        .await
        .unwrap();
    let refused = rig
        .session
        .execute_reexport(opened.preview_id, counts_of(&window))
        .await;
    assert!(matches!(refused, Err(Error::Refused { .. })), "{refused:?}");
    assert!(
        queue_of(&rig, 1).await.is_empty(),
        "not the dialog's tenant either"
    );
    assert_eq!(
        queue_of(&rig, 2).await,
        other_before,
        "not the tenant in view"
    );
}

/// A loopback listener that records every request it is sent and answers none of them well.
async fn recording_listener() -> (String, Arc<Mutex<Vec<String>>>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let requests = Arc::new(Mutex::new(Vec::new()));
    let recorded = requests.clone();
    tokio::spawn(async move {
        while let Ok((mut socket, _)) = listener.accept().await {
            let mut buffer = vec![0u8; 16 * 1024];
            let read = socket.read(&mut buffer).await.unwrap_or(0);
            recorded
                .lock()
                .unwrap()
                .push(String::from_utf8_lossy(&buffer[..read]).into_owned());
            let _ = socket
                .write_all(
                    b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
                )
                .await;
        }
    });
    (url, requests)
}

#[tokio::test]
async fn a_kept_key_is_never_sent_to_an_address_it_was_not_saved_for() {
    let rig = rig(slow()).await;
    let (elsewhere, requests) = recording_listener().await;
    let form = |service_url: String| synkvakt_core::profiles::ProfileInput {
        id: Some(SLOW_PROFILE.into()),
        name: "Treig kommune".into(),
        product: Product::EAdm,
        service_url,
        tasks: vec![ScheduledTask {
            name: "eAdm synkronisering".into(),
            server: None,
            role: synkvakt_core::machines::Machine::ClientServer,
        }],
        client_server: None,
        domain_controllers: Vec::new(),
        allow_domain_controller_tasks: false,
        log_folder: ClientMachines::default().log_folder,
        server_account: None,
        interval_seconds: 60,
        new_cycle_hours: 26,
        new_cycle_wait_minutes: 10,
        watched: false,
        api_key: synkvakt_core::profiles::SecretChange::Keep,
        server_password: synkvakt_core::profiles::SecretChange::Keep,
    };
    let refused_for_the_key = |result: synkvakt_app::Result<_>| {
        matches!(
            result,
            Err(Error::Invalid {
                field: "api-key",
                rule: "kept-for-another-address",
                ..
            })
        )
    };
    assert!(refused_for_the_key(
        rig.session
            .test_connection(form(elsewhere.clone()))
            .await
            .map(|_| ())
    ));
    assert!(refused_for_the_key(
        rig.session
            .save_profile(form(elsewhere.clone()))
            .await
            .map(|_| ())
    ));
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert_eq!(
        requests.lock().unwrap().len(),
        0,
        "nothing, least of all the key, went to the other address"
    );
    let tenants = rig.session.tenants().await.unwrap();
    assert_eq!(
        tenants.profiles[0].profile.service_url, rig.proxy.url,
        "the profile keeps its address"
    );

    seen(
        VIEW,
        "Test connection and Save with the stored key kept and another address typed",
        format!(
            "refused as `invalid` (api-key kept-for-another-address); requests at the other address: {}",
            requests.lock().unwrap().len()
        ),
    );

    // The same form, with the key typed again, may go there: and only then does a key travel.
    let mut typed_again = form(elsewhere);
    typed_again.api_key = synkvakt_core::profiles::SecretChange::Replace {
        value: "typed-again".into(),
    };
    rig.session.test_connection(typed_again).await.unwrap();
    let sent = requests.lock().unwrap().clone();
    assert!(!sent.is_empty());
    assert!(sent.iter().all(
        |request| request.contains("authorization: Bearer typed-again")
            || request.contains("Authorization: Bearer typed-again")
    ));
}

#[tokio::test]
async fn a_notification_opens_its_own_tenant_or_says_it_is_gone() {
    use synkvakt_core::launch::{OpenAt, OpenRequest};
    let rig = rig(TenantRef::Demo { number: 2 }).await;
    let step = OpenAt::Step {
        step_key: "export-ad".into(),
    };
    let opening = rig
        .session
        .open_request(OpenRequest {
            tenant: Some(slow()),
            at: step.clone(),
        })
        .await;
    assert_eq!(opening.at, step);
    assert_eq!(opening.problem, None);
    assert_eq!(opening.tenants.unwrap().active, Some(slow()));
    assert_eq!(
        rig.session.status().await.unwrap().tenant.reference,
        slow(),
        "the step is looked for in the notification's tenant"
    );

    let gone = rig
        .session
        .open_request(OpenRequest {
            tenant: Some(TenantRef::Profile {
                id: "removed0000".into(),
            }),
            at: step,
        })
        .await;
    assert_eq!(gone.at, OpenAt::Status);
    let gone_at = gone.at.clone();
    assert!(gone.tenants.is_none());
    assert!(gone
        .problem
        .unwrap()
        .message
        .contains("no longer in Synkvakt's settings"),);
    assert_eq!(
        rig.session.tenants().await.unwrap().active,
        Some(slow()),
        "the tenant in view stays"
    );
    seen(
        VIEW,
        "a notification of a tenant since removed is clicked",
        format!(
            "the window opens at {:?} of the tenant in view ({}), saying the tenant is gone",
            gone_at,
            rig.session
                .tenants()
                .await
                .unwrap()
                .active
                .map(|tenant| tenant.key())
                .unwrap_or_default()
        ),
    );
}

/// The whole preview's window, once every row is in.
async fn complete_window(
    session: &Session,
    preview_id: &str,
) -> synkvakt_core::reexport::PreviewWindow {
    use synkvakt_core::reexport::{PreviewColumn, PreviewQuery};
    let query = PreviewQuery {
        user_id: String::new(),
        text: String::new(),
        sort: PreviewColumn::UserId,
        descending: false,
        offset: 0,
        limit: 10,
    };
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let window = session
            .preview_window(preview_id.to_string(), query.clone())
            .await
            .unwrap();
        if window.complete {
            return window;
        }
        assert!(
            Instant::now() < deadline,
            "the preview did not finish loading"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

fn counts_of(
    window: &synkvakt_core::reexport::PreviewWindow,
) -> synkvakt_core::reexport::ConfirmedCounts {
    synkvakt_core::reexport::ConfirmedCounts {
        users: window.users,
        values: window.total,
        changes: window.changes,
    }
}

fn mail_of_all() -> synkvakt_api::model::ReexportScope {
    synkvakt_api::model::ReexportScope {
        kind: synkvakt_api::model::ScopeKind::All,
        user_ids: Vec::new(),
    }
}

#[tokio::test]
async fn an_execute_on_data_changed_since_the_preview_queues_nothing_and_is_confirmed_again() {
    let rig = rig(slow()).await;
    let opened = rig
        .session
        .open_preview("ad".into(), Some("ad-mail".into()), mail_of_all())
        .await
        .unwrap();
    let before = complete_window(&rig.session, &opened.preview_id).await;
    // Someone clears five users' mail by hand in the target system.
    let cleared = reqwest::Client::new()
        .post(format!(
            "{}/_demo/directory/clear?users=5",
            rig.demo.server.base_url()
        ))
        .bearer_auth(&rig.demo.server.api_key)
        .send()
        .await
        .unwrap();
    assert!(cleared.status().is_success());

    let refused = rig
        .session
        .execute_reexport(opened.preview_id.clone(), counts_of(&before))
        .await;
    assert!(
        matches!(refused, Err(Error::PreviewOutdated { users, values }) if users == before.users && values == before.total),
        "{refused:?}"
    );
    assert!(queue_of(&rig, 1).await.is_empty(), "nothing was queued");
    let after = complete_window(&rig.session, &opened.preview_id).await;
    assert!(
        after.changes > before.changes,
        "the preview loaded again shows the new values"
    );
    assert!(
        rig.session
            .execute_reexport(opened.preview_id.clone(), counts_of(&before))
            .await
            .is_err(),
        "the old counts are not the preview's any more"
    );
    let job = rig
        .session
        .execute_reexport(opened.preview_id.clone(), counts_of(&after))
        .await
        .unwrap();
    assert_eq!(queue_of(&rig, 1).await, [job.id]);
    let sent =
        synkvakt_app::os::pending_reexports::PendingReexports::in_data_dir(rig.data_dir.path());
    assert!(
        sent.all().is_empty(),
        "no key is kept once the tenant answered"
    );
    seen(
        REEXPORT,
        "the data changed between the preview and Execute",
        format!(
            "refused as `preview-outdated` with nothing queued; the preview loads again ({} then {} values that change); confirmed anew, jobs on the queue: {}",
            before.changes,
            after.changes,
            queue_of(&rig, 1).await.len()
        ),
    );
}

#[tokio::test]
async fn a_sent_reexport_that_never_arrived_is_shown_and_sent_again_once_confirmed() {
    use synkvakt_app::os::pending_reexports::{PendingReexport, PendingReexports};
    use synkvakt_app::session::sent_reexports::SentOutcome;
    let rig = rig(slow()).await;
    let opened = rig
        .session
        .open_preview("ad".into(), Some("ad-mail".into()), mail_of_all())
        .await
        .unwrap();
    let window = complete_window(&rig.session, &opened.preview_id).await;
    let direct = synkvakt_app::tenant_client::TenantClient::new(
        &rig.demo.server.base_url(),
        &rig.demo.server.api_key,
    )
    .unwrap();
    let token = direct
        .preview_page(
            "ad",
            &synkvakt_api::model::PreviewRequest {
                mapping_id: Some("ad-mail".into()),
                scope: mail_of_all(),
                offset: 0,
                limit: 1,
            },
        )
        .await
        .unwrap()
        .preview_token;
    // As a killed app leaves it: the key on disk, the request never answered.
    let sent = PendingReexports::in_data_dir(rig.data_dir.path());
    sent.write(&PendingReexport {
        idempotency_key: "5e1d0a7f00c24b1e9d3a44aa01b2c3d4".into(),
        tenant: slow(),
        service_url: format!("{}/", rig.proxy.url),
        tenant_name: "Demo kommune".into(),
        template_id: "ad".into(),
        template_name: "Active Directory".into(),
        target_system: "Active Directory".into(),
        attributes: vec!["mail".into()],
        request: synkvakt_api::model::ReexportRequest {
            mapping_id: Some("ad-mail".into()),
            scope: mail_of_all(),
            preview_token: token,
        },
        confirmed: counts_of(&window),
        sent_at: chrono::Utc::now(),
    })
    .unwrap();

    let shown = rig.session.sent_reexports().await.unwrap();
    assert_eq!(shown.len(), 1);
    assert_eq!(shown[0].outcome, SentOutcome::NeverArrived);
    assert!(
        queue_of(&rig, 1).await.is_empty(),
        "nothing is sent on its own"
    );
    let job = rig
        .session
        .send_reexport_again(shown[0].key.clone(), counts_of(&window))
        .await
        .unwrap();
    assert_eq!(queue_of(&rig, 1).await, [job.id]);
    assert!(rig.session.sent_reexports().await.unwrap().is_empty());
    assert!(
        rig.session
            .send_reexport_again(shown[0].key.clone(), counts_of(&window))
            .await
            .is_err(),
        "sent and answered: there is nothing to send again"
    );
    assert_eq!(queue_of(&rig, 1).await.len(), 1);
    seen(
        REEXPORT,
        "a kept key whose Execute never reached the tenant",
        format!(
            "shown as not on the queue, nothing sent on its own; sent again once confirmed, jobs on the queue: {}",
            queue_of(&rig, 1).await.len()
        ),
    );
}

/// No demo server: a session of one real tenant.
struct NoDemo;

impl DemoTenants for NoDemo {
    fn ensure(
        &self,
        _choice: DemoChoice,
    ) -> futures_util::future::BoxFuture<'_, synkvakt_app::Result<DemoConnection>> {
        Box::pin(async {
            Err(Error::DemoTenant {
                detail: "not in this test".into(),
            })
        })
    }

    fn keep_alive(&self) -> futures_util::future::BoxFuture<'static, ()> {
        Box::pin(std::future::pending())
    }
}

/// A session with one profile, reaching `service_url` with `api_key`, keeping its data in
/// `data_dir`: what the app is, minus the window.
fn session_of_one_tenant(service_url: &str, api_key: &str, data_dir: &std::path::Path) -> Session {
    let secrets = Arc::new(MemorySecrets::default());
    secrets
        .store(
            SLOW_PROFILE,
            SecretKind::ApiKey,
            &Secret::new(api_key.to_string()),
        )
        .unwrap();
    let settings = Settings {
        language: Some(Language::En),
        tenants: vec![TenantProfile {
            id: SLOW_PROFILE.into(),
            name: "Treig kommune".into(),
            product: Product::EAdm,
            service_url: service_url.into(),
            client: ClientMachines::default(),
            server_account: None,
            interval_seconds: 60,
            new_cycle_hours: 26,
            new_cycle_wait_minutes: 10,
            watched: false,
        }],
        active: Some(slow()),
        ..Settings::default()
    };
    Session::from_ports(SessionPorts {
        settings: Arc::new(MemorySettings(Mutex::new(settings))),
        secrets,
        audit: Arc::new(MemoryAudit::default()),
        demo: Arc::new(NoDemo),
        schedulers: Arc::new(StandInSchedulers),
        os_user: "kari".into(),
        this_machine: "ws01".into(),
        runtime_dir: data_dir.join("runtime"),
        log_dir: data_dir.join("logs"),
        data_dir: data_dir.to_path_buf(),
    })
}

const KILLED_CHILD: &str = "SYNKVAKT_TEST_KILLED_EXECUTE";

/// In the process a test starts as the app it kills: opens the preview, executes, and waits
/// to be killed. Elsewhere it returns at once.
async fn be_the_killed_app_if_asked() {
    let Ok(service) = std::env::var(KILLED_CHILD) else {
        return;
    };
    let [url, key, data_dir] =
        <[&str; 3]>::try_from(service.split('\n').collect::<Vec<_>>()).expect("three lines");
    let session = session_of_one_tenant(url, key, std::path::Path::new(data_dir));
    let opened = session
        .open_preview("ad".into(), Some("ad-mail".into()), mail_of_all())
        .await
        .unwrap();
    let window = complete_window(&session, &opened.preview_id).await;
    let _ = session
        .execute_reexport(opened.preview_id, counts_of(&window))
        .await;
    unreachable!("the parent kills this process while Execute waits");
}

/// Starts this test binary as the app, running `test`, against a demo tenant behind a proxy
/// with `fault` on the Execute; kills it with SIGKILL once its key is on disk and `queued`
/// jobs are on the queue. The demo tenant and the data folder stay for the next start.
async fn kill_the_app_during_execute(
    test: &str,
    fault: Fault,
    queued: usize,
) -> (RunningDemo, String, tempfile::TempDir) {
    let mut config = DemoConfig::new(Product::EAdm, Scenario::Healthy);
    config.test_clock = true;
    let server = start(config).await.unwrap();
    let faults: Faults = Arc::new(Mutex::new([("/reexport", fault)].into_iter().collect()));
    let proxy = faulty_proxy(server.addr.to_string(), faults).await;
    let data_dir = tempfile::tempdir().unwrap();
    let mut child = std::process::Command::new(std::env::current_exe().unwrap())
        .args(["--exact", test, "--test-threads=1"])
        .env(
            KILLED_CHILD,
            format!("{proxy}\n{}\n{}", server.api_key, data_dir.path().display()),
        )
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let sent = synkvakt_app::os::pending_reexports::PendingReexports::in_data_dir(data_dir.path());
    let direct =
        synkvakt_app::tenant_client::TenantClient::new(&server.base_url(), &server.api_key)
            .unwrap();
    let deadline = Instant::now() + Duration::from_secs(60);
    while sent.all().is_empty() || direct.export_queue().await.unwrap().jobs.len() < queued {
        assert!(Instant::now() < deadline, "the app never sent its Execute");
        assert!(
            child.try_wait().unwrap().is_none(),
            "the app ended before it was killed"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    // Between send and answer: SIGKILL, as a crash or the task manager gives.
    child.kill().unwrap();
    child.wait().unwrap();
    (server, proxy, data_dir)
}

#[tokio::test]
async fn an_app_killed_during_execute_finds_its_reexport_on_the_next_start_and_queues_it_once() {
    use synkvakt_app::session::sent_reexports::SentOutcome;
    be_the_killed_app_if_asked().await;
    // The Execute never reaches the tenant: the app waits for its answer when it is killed.
    let (server, proxy, data_dir) = kill_the_app_during_execute(
        "an_app_killed_during_execute_finds_its_reexport_on_the_next_start_and_queues_it_once",
        Fault::HoldUntilClosed,
        0,
    )
    .await;

    // Started again, at the same address.
    let restarted = session_of_one_tenant(&proxy, &server.api_key, data_dir.path());
    let shown = restarted.sent_reexports().await.unwrap();
    assert_eq!(shown.len(), 1, "the key outlived the process");
    assert_eq!(shown[0].outcome, SentOutcome::NeverArrived);
    let direct =
        synkvakt_app::tenant_client::TenantClient::new(&server.base_url(), &server.api_key)
            .unwrap();
    assert!(
        direct.export_queue().await.unwrap().jobs.is_empty(),
        "nothing was sent on its own"
    );
    let job = restarted
        .send_reexport_again(shown[0].key.clone(), shown[0].confirmed)
        .await
        .unwrap();
    let again = restarted
        .send_reexport_again(shown[0].key.clone(), shown[0].confirmed)
        .await;
    assert!(again.is_err(), "{again:?}");
    let jobs = direct.export_queue().await.unwrap().jobs;
    assert_eq!(jobs.len(), 1, "exactly one job");
    assert_eq!(jobs[0].id, job.id);
    seen(
        REEXPORT,
        "the app killed (SIGKILL) after sending Execute, before the tenant got it",
        format!(
            "the key outlives the process; the next start finds it not queued and sends nothing on its own; sent again after a fresh confirmation, jobs on the queue: {}",
            jobs.len()
        ),
    );
}

#[tokio::test]
async fn an_app_killed_after_the_tenant_queued_its_reexport_shows_that_job_and_sends_nothing() {
    use synkvakt_app::session::sent_reexports::SentOutcome;
    be_the_killed_app_if_asked().await;
    // The tenant queues the job; its answer is held back until the app is gone.
    let (server, proxy, data_dir) = kill_the_app_during_execute(
        "an_app_killed_after_the_tenant_queued_its_reexport_shows_that_job_and_sends_nothing",
        Fault::Delay(Duration::from_secs(60)),
        1,
    )
    .await;

    // Started again, at the same address.
    let restarted = session_of_one_tenant(&proxy, &server.api_key, data_dir.path());
    let shown = restarted.sent_reexports().await.unwrap();
    assert_eq!(shown.len(), 1, "the key outlived the process");
    let direct =
        synkvakt_app::tenant_client::TenantClient::new(&server.base_url(), &server.api_key)
            .unwrap();
    let jobs = direct.export_queue().await.unwrap().jobs;
    assert_eq!(
        shown[0].outcome,
        SentOutcome::Queued {
            job: jobs[0].clone()
        }
    );
    assert!(
        restarted.sent_reexports().await.unwrap().is_empty(),
        "shown once, then forgotten"
    );
    assert!(restarted
        .send_reexport_again(shown[0].key.clone(), shown[0].confirmed)
        .await
        .is_err());
    let jobs = direct.export_queue().await.unwrap().jobs;
    assert_eq!(jobs.len(), 1, "exactly one job");
    seen(
        REEXPORT,
        "the app killed (SIGKILL) after the tenant queued its Execute, before the answer",
        format!(
            "the next start finds the job by its key and shows it ({}); nothing is sent again, jobs on the queue: {}",
            jobs[0].id,
            jobs.len()
        ),
    );
}
