//! "Test connection" on a municipal network: a tenant behind TLS whose certificate comes from a
//! CA this test makes, trusted nowhere at first, then through the OS trust store, then through
//! the extra-CA setting alone; through a proxy, and a proxy that wants a sign-in.

use std::net::SocketAddr;
use std::path::Path;
use std::sync::Arc;
use synkvakt_api::demo_protocol::Scenario;
use synkvakt_api::model::Product;
use synkvakt_app::os::paths::AppPaths;
use synkvakt_app::session::{CheckOutcome, CheckSubject, ConnectionReport, Session};
use synkvakt_core::machines::ScheduledTask;
use synkvakt_core::profiles::{ProfileInput, SecretChange};
use synkvakt_core::settings::NetworkSettings;
use synkvakt_demo_tenant::{start, DemoConfig, RunningDemo};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};

/// The name the tenant's certificate is for, as a municipality's would be; only the proxy
/// knows where it is, as on a network where the workstation resolves nothing outside.
const TENANT_HOST: &str = "eadm.kommune.test";

struct TestCa {
    pem: String,
    server: tokio_rustls::TlsAcceptor,
}

/// A CA of the test's own and a server certificate it signed for `localhost` and TENANT_HOST.
fn make_ca() -> TestCa {
    let mut ca_params = rcgen::CertificateParams::new(Vec::<String>::new()).unwrap();
    ca_params
        .distinguished_name
        .push(rcgen::DnType::CommonName, "Synkvakt test CA");
    ca_params.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
    let ca_key = rcgen::KeyPair::generate().unwrap();
    let ca = ca_params.self_signed(&ca_key).unwrap();
    let server_params =
        rcgen::CertificateParams::new(vec!["localhost".to_string(), TENANT_HOST.to_string()])
            .unwrap();
    let server_key = rcgen::KeyPair::generate().unwrap();
    let server = server_params.signed_by(&server_key, &ca, &ca_key).unwrap();
    let config = tokio_rustls::rustls::ServerConfig::builder_with_provider(Arc::new(
        tokio_rustls::rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .unwrap()
    .with_no_client_auth()
    .with_single_cert(
        vec![server.der().clone()],
        tokio_rustls::rustls::pki_types::PrivateKeyDer::Pkcs8(server_key.serialize_der().into()),
    )
    .unwrap();
    TestCa {
        pem: ca.pem(),
        server: tokio_rustls::TlsAcceptor::from(Arc::new(config)),
    }
}

/// TLS in front of the demo tenant: what a real tenant's https endpoint looks like.
async fn tls_in_front_of(demo: &RunningDemo, acceptor: tokio_rustls::TlsAcceptor) -> SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    let plain = demo.addr;
    tokio::spawn(async move {
        while let Ok((stream, _)) = listener.accept().await {
            let acceptor = acceptor.clone();
            tokio::spawn(async move {
                // A client that refuses the certificate ends the handshake: nothing to serve.
                let Ok(mut secured) = acceptor.accept(stream).await else {
                    return;
                };
                let Ok(mut inner) = TcpStream::connect(plain).await else {
                    return;
                };
                let _ = tokio::io::copy_bidirectional(&mut secured, &mut inner).await;
            });
        }
    });
    address
}

/// A small HTTP proxy: CONNECT to any host is tunnelled to `target`; with `sign_in` it answers
/// as a proxy that wants NTLM or Kerberos does.
async fn proxy_to(
    target: SocketAddr,
    sign_in: bool,
) -> (SocketAddr, Arc<std::sync::Mutex<Vec<String>>>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    let asked = Arc::new(std::sync::Mutex::new(Vec::new()));
    let seen = asked.clone();
    tokio::spawn(async move {
        while let Ok((stream, _)) = listener.accept().await {
            let seen = seen.clone();
            tokio::spawn(async move {
                let mut reader = BufReader::new(stream);
                let mut request = String::new();
                if reader.read_line(&mut request).await.is_err() {
                    return;
                }
                loop {
                    let mut header = String::new();
                    match reader.read_line(&mut header).await {
                        Ok(0) | Err(_) => return,
                        Ok(_) if header == "\r\n" => break,
                        Ok(_) => {}
                    }
                }
                seen.lock().unwrap().push(request.trim().to_string());
                let mut stream = reader.into_inner();
                if sign_in {
                    let _ = stream
                        .write_all(
                            b"HTTP/1.1 407 Proxy Authentication Required\r\n\
                              Proxy-Authenticate: NTLM\r\nProxy-Authenticate: Negotiate\r\n\
                              Content-Length: 0\r\n\r\n",
                        )
                        .await;
                    return;
                }
                let Ok(mut inner) = TcpStream::connect(target).await else {
                    return;
                };
                if stream
                    .write_all(b"HTTP/1.1 200 Connection established\r\n\r\n")
                    .await
                    .is_err()
                {
                    return;
                }
                let _ = tokio::io::copy_bidirectional(&mut stream, &mut inner).await;
            });
        }
    });
    (address, asked)
}

fn profile(url: String, key: &str) -> ProfileInput {
    ProfileInput {
        id: None,
        name: "Kommune".into(),
        product: Product::EAdm,
        service_url: url,
        tasks: vec![ScheduledTask {
            name: "eAdm synkronisering".into(),
            server: Some("eadm-klient01".into()),
            role: synkvakt_core::machines::Machine::ClientServer,
        }],
        client_server: Some("eadm-klient01".into()),
        domain_controllers: Vec::new(),
        allow_domain_controller_tasks: false,
        log_folder: r"C:\eadm\loggfiler".into(),
        server_account: None,
        interval_seconds: 60,
        new_cycle_hours: 26,
        new_cycle_wait_minutes: 10,
        watched: true,
        api_key: SecretChange::Replace { value: key.into() },
        server_password: SecretChange::Keep,
    }
}

fn outcome(report: &ConnectionReport, subject: &CheckSubject) -> CheckOutcome {
    report
        .checks
        .iter()
        .find(|check| &check.subject == subject)
        .unwrap_or_else(|| panic!("no check of {subject:?} in {report:?}"))
        .outcome
}

fn assert_all_passed(report: &ConnectionReport) {
    for subject in [
        CheckSubject::Reachable,
        CheckSubject::Tls,
        CheckSubject::Authentication,
        CheckSubject::Product,
    ] {
        assert_eq!(
            outcome(report, &subject),
            CheckOutcome::Passed,
            "{report:#?}"
        );
    }
    assert_eq!(report.tenant_name.as_deref(), Some("Demo kommune"));
}

/// The OS trust store as Debian keeps it: a certificate in /usr/local/share/ca-certificates,
/// taken in by update-ca-certificates. Root only, as CI runs.
struct TrustedByTheOs(std::path::PathBuf);

impl TrustedByTheOs {
    fn add(pem: &str) -> TrustedByTheOs {
        let path = Path::new("/usr/local/share/ca-certificates")
            .join(format!("synkvakt-test-{}.crt", std::process::id()));
        std::fs::write(&path, pem).unwrap_or_else(|err| {
            panic!("adding a CA to the OS trust store needs root (CI runs as root): {err}")
        });
        update_ca_certificates();
        TrustedByTheOs(path)
    }
}

impl Drop for TrustedByTheOs {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
        update_ca_certificates();
    }
}

fn update_ca_certificates() {
    let status = std::process::Command::new("update-ca-certificates")
        .arg("--fresh")
        .stdout(std::process::Stdio::null())
        .status()
        .expect("update-ca-certificates runs (Debian's ca-certificates)");
    assert!(status.success());
}

#[tokio::test]
async fn test_connection_trusts_only_what_the_os_or_the_extra_ca_setting_trusts() {
    let demo = start(DemoConfig::new(Product::EAdm, Scenario::Healthy))
        .await
        .unwrap();
    let ca = make_ca();
    let tls = tls_in_front_of(&demo, ca.server.clone()).await;
    let home = tempfile::tempdir().unwrap();
    let paths = AppPaths::under(home.path().to_path_buf());
    let session = Session::open(&paths, home.path().join("no-demo"));
    let url = format!("https://localhost:{}", tls.port());

    // Trusted nowhere: refused, and said to be the certificate.
    let refused = session
        .test_connection(profile(url.clone(), &demo.api_key))
        .await
        .unwrap();
    assert_eq!(
        outcome(&refused, &CheckSubject::Reachable),
        CheckOutcome::Passed
    );
    assert_eq!(
        outcome(&refused, &CheckSubject::Tls),
        CheckOutcome::Failed,
        "{refused:#?}"
    );
    assert_eq!(
        outcome(&refused, &CheckSubject::Authentication),
        CheckOutcome::NotChecked
    );
    let tls_check = &refused.checks[1];
    assert_eq!(tls_check.problem.as_ref().unwrap().kind, "tls");

    // In the OS's trust store: accepted with no setting of Synkvakt's own.
    {
        let _trusted = TrustedByTheOs::add(&ca.pem);
        let accepted = session
            .test_connection(profile(url.clone(), &demo.api_key))
            .await
            .unwrap();
        assert_all_passed(&accepted);
    }
    let again = session
        .test_connection(profile(url.clone(), &demo.api_key))
        .await
        .unwrap();
    assert_eq!(
        outcome(&again, &CheckSubject::Tls),
        CheckOutcome::Failed,
        "out of the store again"
    );

    // The extra-CA setting alone.
    let ca_file = home.path().join("kommune-ca.pem");
    std::fs::write(&ca_file, &ca.pem).unwrap();
    session
        .set_network(NetworkSettings {
            extra_ca_file: Some(ca_file.display().to_string()),
            proxy: None,
        })
        .await
        .unwrap();
    let with_extra_ca = session
        .test_connection(profile(url.clone(), &demo.api_key))
        .await
        .unwrap();
    assert_all_passed(&with_extra_ca);
    // Off Windows the client's tasks cannot be looked at, and the report says so.
    let task = CheckSubject::Task {
        name: "eAdm synkronisering".into(),
        server: Some("eadm-klient01".into()),
    };
    assert_eq!(outcome(&with_extra_ca, &task), CheckOutcome::NotChecked);

    // A wrong key: reached and trusted, refused by the service.
    let wrong_key = session
        .test_connection(profile(url.clone(), "not-the-key"))
        .await
        .unwrap();
    assert_eq!(
        outcome(&wrong_key, &CheckSubject::Tls),
        CheckOutcome::Passed
    );
    assert_eq!(
        outcome(&wrong_key, &CheckSubject::Authentication),
        CheckOutcome::Failed
    );

    // A file that is not a certificate is refused as a setting.
    let not_pem = home.path().join("not.pem");
    std::fs::write(&not_pem, "hello").unwrap();
    let err = session
        .set_network(NetworkSettings {
            extra_ca_file: Some(not_pem.display().to_string()),
            proxy: None,
        })
        .await
        .unwrap_err();
    assert_eq!(session.user_error(&err).kind, "extra-ca");

    // Through a proxy, to a tenant by a name only the proxy can reach.
    let (proxy, asked) = proxy_to(tls, false).await;
    session
        .set_network(NetworkSettings {
            extra_ca_file: Some(ca_file.display().to_string()),
            proxy: Some(format!("http://{proxy}")),
        })
        .await
        .unwrap();
    let far = format!("https://{TENANT_HOST}:{}", tls.port());
    let proxied = session
        .test_connection(profile(far.clone(), &demo.api_key))
        .await
        .unwrap();
    assert_all_passed(&proxied);
    assert_eq!(
        asked.lock().unwrap().first().map(String::as_str),
        Some(format!("CONNECT {TENANT_HOST}:{} HTTP/1.1", tls.port()).as_str())
    );

    // A proxy that wants NTLM or Kerberos: said plainly.
    let (signing_proxy, _) = proxy_to(tls, true).await;
    session
        .set_network(NetworkSettings {
            extra_ca_file: Some(ca_file.display().to_string()),
            proxy: Some(format!("http://{signing_proxy}")),
        })
        .await
        .unwrap();
    let blocked = session
        .test_connection(profile(far, &demo.api_key))
        .await
        .unwrap();
    assert_eq!(
        outcome(&blocked, &CheckSubject::Reachable),
        CheckOutcome::Failed
    );
    let problem = blocked.checks[0].problem.as_ref().unwrap();
    assert_eq!(problem.kind, "proxy-auth");
    assert!(problem.hint.contains("NTLM"), "{}", problem.hint);

    // Plain http is for this computer only.
    let err = session
        .test_connection(profile(format!("http://{TENANT_HOST}"), &demo.api_key))
        .await
        .unwrap_err();
    assert_eq!(session.user_error(&err).kind, "insecure-url");

    // Each network change went through the audit log.
    let audit = std::fs::read_to_string(paths.audit_file()).unwrap();
    assert!(audit.contains("\"network\""), "{audit}");
}
