//! The keyring as Windows keeps it (the Credential Manager), run as a Windows program under
//! Wine by `.ci/windows`; Linux's Secret Service is tested in demo-tenant's `secrets` test.
#![cfg(windows)]

use synkvakt_api::model::Product;
use synkvakt_app::os::keyring::Keyring;
use synkvakt_app::os::paths::AppPaths;
use synkvakt_app::ports::{Secret, SecretKind, SecretStore};
use synkvakt_app::session::Session;
use synkvakt_core::machines::ScheduledTask;
use synkvakt_core::profiles::{ProfileInput, SecretChange};

#[test]
fn a_secret_is_stored_read_and_forgotten_in_the_credential_manager() {
    let id = format!("test-{}", std::process::id());
    assert_eq!(Keyring.read(&id, SecretKind::ApiKey).unwrap(), None);
    Keyring
        .store(&id, SecretKind::ApiKey, &Secret::new("nøkkel-æøå-123"))
        .unwrap();
    Keyring
        .store(&id, SecretKind::ServerPassword, &Secret::new("passord"))
        .unwrap();
    assert_eq!(
        Keyring.read(&id, SecretKind::ApiKey).unwrap(),
        Some(Secret::new("nøkkel-æøå-123")),
        "stored as the admin typed it"
    );
    assert!(Keyring.is_stored(&id, SecretKind::ServerPassword).unwrap());
    Keyring.forget(&id, SecretKind::ApiKey).unwrap();
    Keyring.forget(&id, SecretKind::ApiKey).unwrap();
    assert_eq!(Keyring.read(&id, SecretKind::ApiKey).unwrap(), None);
    assert!(Keyring.is_stored(&id, SecretKind::ServerPassword).unwrap());
    Keyring.forget(&id, SecretKind::ServerPassword).unwrap();
}

#[tokio::test]
async fn a_saved_profile_keeps_its_key_in_the_credential_manager_and_not_in_the_file() {
    let home = tempfile::tempdir().unwrap();
    let paths = AppPaths::under(home.path().to_path_buf());
    let session = Session::open(&paths, home.path().join("no-demo"));
    let input = ProfileInput {
        id: None,
        name: "Eksempel kommune".into(),
        product: Product::EFeide,
        service_url: "https://efeide.example.no".into(),
        tasks: vec![ScheduledTask {
            name: "eFeide synkronisering".into(),
            server: Some("efeide-klient01".into()),
            role: synkvakt_core::machines::Machine::ClientServer,
        }],
        client_server: Some("efeide-klient01".into()),
        domain_controllers: vec!["dc01".into()],
        allow_domain_controller_tasks: false,
        log_folder: r"C:\eadm\loggfiler".into(),
        server_account: Some(r"KOMMUNE\svc-efeide".into()),
        interval_seconds: 60,
        new_cycle_hours: 26,
        new_cycle_wait_minutes: 10,
        watched: true,
        api_key: SecretChange::Replace {
            value: "windows-key-51e0".into(),
        },
        server_password: SecretChange::Replace {
            value: "windows-password-9b2c".into(),
        },
    };
    let saved = session.save_profile(input).await.unwrap();
    let view = &saved.profiles[0];
    assert!(view.api_key_stored && view.server_password_stored);
    let settings = std::fs::read_to_string(paths.settings_file()).unwrap();
    assert!(settings.contains("efeide.example.no"), "{settings}");
    assert!(!settings.contains("windows-key-51e0"), "{settings}");
    assert!(!settings.contains("windows-password-9b2c"), "{settings}");
    let id = view.profile.id.clone();
    session.remove_profile(id.clone()).await.unwrap();
    assert_eq!(Keyring.read(&id, SecretKind::ApiKey).unwrap(), None);
}
