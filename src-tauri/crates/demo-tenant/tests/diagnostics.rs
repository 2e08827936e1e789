//! The diagnostics bundle and the client's log folder over a demo tenant whose client wrote a
//! failed run into its log: what the bundle holds, that it holds no key and no unmasked ID
//! number or name, and that it is written only where it is saved.

use std::io::Read;
use synkvakt_api::demo_protocol::{RuntimeFile, Scenario};
use synkvakt_api::model::{ImportChange, Product};
use synkvakt_app::os::paths::AppPaths;
use synkvakt_app::os::settings_file::SettingsStore;
use synkvakt_app::session::Session;
use synkvakt_core::i18n::Language;
use synkvakt_core::masking::shows_national_id;
use synkvakt_core::profiles::TenantRef;
use synkvakt_core::settings::DemoChoice;
use synkvakt_core::settings::Settings;

fn session(home: &tempfile::TempDir, support_mode: bool) -> (Session, AppPaths) {
    let paths = AppPaths::under(home.path().to_path_buf());
    let settings = Settings {
        language: Some(Language::En),
        demo: DemoChoice {
            product: Product::EAdm,
            scenario: Scenario::StepFailed,
            ..DemoChoice::default()
        },
        active: Some(TenantRef::Demo { number: 1 }),
        support_mode,
        ..Settings::default()
    };
    SettingsStore::new(paths.settings_file())
        .save(&settings)
        .unwrap();
    let session = Session::open(&paths, env!("CARGO_BIN_EXE_synkvakt-demo-tenant").into());
    (session, paths)
}

#[tokio::test]
async fn the_bundle_holds_what_support_asks_for_and_nothing_personal_or_secret() {
    let home = tempfile::tempdir().unwrap();
    let (session, paths) = session(&home, false);
    session.status().await.unwrap();
    let demo = RuntimeFile::read(&paths.runtime_dir).expect("the demo tenant runs");

    let bundle = session.diagnostics().await.unwrap();
    let names: Vec<&str> = bundle
        .parts
        .iter()
        .map(|part| part.file_name.as_str())
        .collect();
    let today = chrono::Local::now().format("%Y-%m-%d").to_string();
    let yesterday = (chrono::Local::now() - chrono::Duration::days(1))
        .format("%Y-%m-%d")
        .to_string();
    for expected in [
        "synkvakt.txt".to_string(),
        "tenant.txt".into(),
        "cycles.txt".into(),
        "tasks.txt".into(),
        format!("client-logs/eAdm-klient-{today}.log"),
        format!("client-logs/eAdm-klient-{yesterday}.log"),
        "event-log.txt".into(),
        "synkvakt-log.txt".into(),
        "audit.txt".into(),
    ] {
        assert!(
            names.contains(&expected.as_str()),
            "{expected} in {names:?}"
        );
    }
    let part = |name: &str| {
        bundle
            .parts
            .iter()
            .find(|part| part.file_name == name)
            .unwrap_or_else(|| panic!("no {name}"))
    };
    assert!(part("synkvakt.txt")
        .text
        .contains(env!("CARGO_PKG_VERSION")));
    assert!(part("tenant.txt").text.contains("Demo kommune"));
    assert!(part("cycles.txt").text.contains("Export AD"));
    assert!(part("tasks.txt").text.contains("eAdm synkronisering"));
    let newest = part(&format!("client-logs/eAdm-klient-{today}.log"));
    assert!(newest.text.contains("Eksport AD feilet"), "{}", newest.text);
    assert_eq!(newest.error_lines.len(), 1, "the ERROR line is marked");
    // Yesterday's log is Windows-1252, read as such.
    assert!(part(&format!("client-logs/eAdm-klient-{yesterday}.log"))
        .text
        .contains("Østre domene"));
    // There is no Event Log to read here, and the bundle says so.
    assert!(part("event-log.txt")
        .text
        .contains("could not be read here"));
    assert!(bundle.summary.contains("Demo kommune") && bundle.summary.contains("Export AD"));

    // Nothing secret, and no one recognisable: the key, ID numbers, the names the log holds.
    let import = session
        .import_log(Some(ImportChange::Add), String::new(), 0, 10)
        .await
        .unwrap();
    let person = &import.entries[0].name;
    for part in &bundle.parts {
        assert!(
            !part.text.contains(&demo.api_key),
            "the key in {}",
            part.file_name
        );
        assert!(
            !shows_national_id(&part.text),
            "an ID number in {}",
            part.file_name
        );
        assert!(
            !part.text.contains(person.as_str()),
            "{person} in {}",
            part.file_name
        );
    }
    assert!(
        import.entries[0].detail.contains("national ID")
            && shows_national_id(&import.entries[0].detail),
        "support mode is off: the import log shows the number"
    );

    // Only where it is saved: the preview itself wrote no file.
    let before: Vec<_> = walk(home.path());
    assert!(!before
        .iter()
        .any(|path| path.extension().is_some_and(|e| e == "zip")));
    let saved = home.path().join("saved").join("bundle.zip");
    std::fs::create_dir_all(saved.parent().unwrap()).unwrap();
    session
        .save_diagnostics(&bundle.id, saved.clone())
        .await
        .unwrap();
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&saved).unwrap()).unwrap();
    assert_eq!(zip.len(), bundle.parts.len());
    for index in 0..zip.len() {
        let mut file = zip.by_index(index).unwrap();
        let mut text = String::new();
        file.read_to_string(&mut text).unwrap();
        let shown = bundle
            .parts
            .iter()
            .find(|part| part.file_name == file.name())
            .unwrap();
        assert_eq!(text, shown.text, "{} as shown", file.name());
    }
    let name = session.diagnostics_file_name(&bundle.id).await.unwrap();
    assert!(name.starts_with("synkvakt-diagnostics-demo-kommune-") && name.ends_with(".zip"));
    assert!(session.save_diagnostics("another", saved).await.is_err());
}

#[tokio::test]
async fn support_mode_masks_the_import_log_and_the_client_log() {
    let home = tempfile::tempdir().unwrap();
    let (session, _paths) = session(&home, true);
    session.status().await.unwrap();
    let import = session
        .import_log(Some(ImportChange::Add), String::new(), 0, 10)
        .await
        .unwrap();
    assert!(!import.entries.is_empty());
    for entry in &import.entries {
        assert!(!shows_national_id(&entry.detail), "{}", entry.detail);
        assert!(entry.name.ends_with('.'), "initials: {}", entry.name);
    }
    let folder = session.client_log_folder().await.unwrap();
    assert_eq!(folder.files.len(), 2);
    let newest = &folder.files[0].name;
    let tail = session
        .client_log(newest.clone(), None, String::new())
        .await
        .unwrap();
    let text: Vec<&str> = tail.lines.iter().map(|line| line.text.as_str()).collect();
    assert!(
        text.iter().any(|line| line.contains("Eksport AD feilet")),
        "{text:?}"
    );
    assert!(!text.iter().any(|line| shows_national_id(line)), "{text:?}");
    let found = session
        .client_log(newest.clone(), None, "eksport ad".into())
        .await
        .unwrap();
    assert_eq!(
        found.lines.len(),
        2,
        "the search keeps what it finds: {:?}",
        found.lines
    );
    let err = session
        .client_log("../settings.json".into(), None, String::new())
        .await
        .unwrap_err();
    assert_eq!(session.user_error(&err).kind, "invalid");
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            found.extend(walk(&path));
        } else {
            found.push(path);
        }
    }
    found
}
