//! The Windows installer as built by `bash .ci/windows`: its tables, its signatures, and under
//! Wine its install, upgrade and uninstall, each in a Wine prefix of its own.
//!
//! Given by the build (all required):
//! - `SYNKVAKT_MSI`: the MSI that ships;
//! - `SYNKVAKT_MSI_OLDER`: the same, built at an older version (for the upgrade);
//! - `SYNKVAKT_MSI_REBUILD`: the same version built again (a new ProductCode);
//! - `SYNKVAKT_MSI_FILES`: the signed files that went into the MSI;
//! - `SYNKVAKT_SIGNING_CA`: the certificates the signatures are verified against.
//!
//! Wine differs from Windows in three ways these tests meet, each said where it is met: it
//! puts a per-machine install's Start menu shortcut in the user's Start menu folder, it ignores
//! the MsiShortcutProperty table (so the AppUserModelID is checked in the MSI, not on the
//! shortcut), and it shows a launch condition's message only in a message box, which the tests
//! read from Wine's trace of MessageBoxW.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::Duration;
use synkvakt_installer_tests::{given, repository, run_within, wine_path, ShellLink};

const HOW: &str = "bash .ci/windows builds the MSI and runs these tests with it";
const UPGRADE_CODE: &str = "{4BB5C70F-D136-471E-9616-3E7652EEDFD1}";
const WEBVIEW2_KEY: &str = r"HKLM\SOFTWARE\WOW6432Node\Microsoft\EdgeUpdate\Clients\{F3017226-FE2A-4295-8BDF-00C3A9A7E4C5}";
/// System.AppUserModel.ID's property key.
const APP_USER_MODEL_ID_KEY: &str = "{9F4C2855-9F79-4B39-A8D0-E1D42DE1D5F3}, 5";
const INSTALLED_FILES: [&str; 4] = [
    "synkvakt.exe",
    "synkvakt-watcher.exe",
    "synkvakt-demo-tenant.exe",
    "WebView2Loader.dll",
];
/// msiexec's ERROR_INSTALL_FAILURE, as Wine hands a Windows exit code to Unix: its low byte.
const INSTALL_FAILURE: i32 = 1603 & 0xff;

fn msi() -> PathBuf {
    given("SYNKVAKT_MSI", HOW)
}

fn msi_older() -> PathBuf {
    given("SYNKVAKT_MSI_OLDER", HOW)
}

fn msi_rebuild() -> PathBuf {
    given("SYNKVAKT_MSI_REBUILD", HOW)
}

fn signed_files() -> PathBuf {
    given("SYNKVAKT_MSI_FILES", HOW)
}

/// One table of an MSI, as msitools' msiinfo exports it: its rows, each split at tabs.
fn table(msi: &Path, name: &str) -> Vec<Vec<String>> {
    let output = Command::new("msiinfo")
        .args(["export"])
        .arg(msi)
        .arg(name)
        .output()
        .expect("msiinfo (msitools) runs");
    assert!(
        output.status.success(),
        "msiinfo export {name}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout)
        .split("\r\n")
        .flat_map(|line| line.split('\n'))
        .skip(3) // column names, column types, table name and keys
        .filter(|line| !line.is_empty())
        .map(|line| line.split('\t').map(str::to_string).collect())
        .collect()
}

fn property(msi: &Path, name: &str) -> String {
    table(msi, "Property")
        .into_iter()
        .find(|row| row[0] == name)
        .map(|row| row[1].clone())
        .unwrap_or_else(|| panic!("{} has no property {name}", msi.display()))
}

/// The AppUserModelID the watcher gives its notifications, from its source.
fn app_user_model_id() -> String {
    let source =
        std::fs::read_to_string(repository().join("src-tauri/crates/watcher/src/notifier.rs"))
            .expect("the watcher's notifier source");
    let line = source
        .lines()
        .find(|line| line.contains("APP_USER_MODEL_ID: &str"))
        .expect("notifier.rs declares APP_USER_MODEL_ID");
    line.split('"').nth(1).expect("a quoted id").to_string()
}

#[test]
fn the_msi_is_per_machine_with_the_shortcut_its_id_and_an_upgrade_code() {
    let msi = msi();
    assert_eq!(property(&msi, "ALLUSERS"), "1", "per machine");
    assert_eq!(property(&msi, "UpgradeCode"), UPGRADE_CODE);
    let secure = property(&msi, "SecureCustomProperties");
    for name in [
        "TENANT_URL",
        "TENANT_NAME",
        "PRODUCT",
        "WIX_UPGRADE_DETECTED",
    ] {
        assert!(
            secure.split(';').any(|p| p == name),
            "{name} is not a secure property: {secure}"
        );
    }

    // Shortcut: Shortcut, Directory_, Name, Component_, Target, Arguments, Description, Hotkey,
    // Icon_, IconIndex, ShowCmd, WkDir, …
    let shortcuts = table(&msi, "Shortcut");
    assert_eq!(shortcuts.len(), 1, "one shortcut: {shortcuts:?}");
    let shortcut = &shortcuts[0];
    assert_eq!(shortcut[1], "ProgramMenuFolder");
    assert_eq!(shortcut[2], "Synkvakt");
    assert_eq!(
        shortcut[4], "[#SynkvaktExe]",
        "the shortcut starts the window app"
    );
    assert_eq!(shortcut[8], "SynkvaktIcon");
    assert_eq!(shortcut[11], "INSTALLDIR");

    // Wine ignores this table (its msi.dll has no MsiShortcutProperty), Windows Installer 5
    // sets the property on the shortcut it creates: so it is checked here.
    let properties = table(&msi, "MsiShortcutProperty");
    let id = app_user_model_id();
    assert_eq!(id, "no.synkvakt.desktop");
    assert!(
        properties
            .iter()
            .any(|row| row[1] == shortcut[0] && row[2] == APP_USER_MODEL_ID_KEY && row[3] == id),
        "the shortcut's System.AppUserModel.ID is {id}: {properties:?}"
    );

    // The icon the shortcut and Programs and Features show is the app's.
    // (Its stream is read with msiinfo extract: exporting the Icon table would write it to disk.)
    let packed = Command::new("msiinfo")
        .arg("extract")
        .arg(&msi)
        .arg("Icon.SynkvaktIcon")
        .output()
        .expect("msiinfo runs");
    assert!(packed.status.success(), "the MSI has the icon SynkvaktIcon");
    assert!(
        packed.stdout == std::fs::read(repository().join("icons/icon.ico")).unwrap(),
        "the MSI's icon is icons/icon.ico"
    );
    assert_eq!(property(&msi, "ARPPRODUCTICON"), "SynkvaktIcon");

    // Upgrade: older versions are replaced, the same version too (a rebuild), newer ones refuse.
    let upgrades = table(&msi, "Upgrade");
    let version = property(&msi, "ProductVersion");
    let has = |min: &str, max: &str, property: &str| {
        upgrades.iter().any(|row| {
            row[0] == UPGRADE_CODE && row[1] == min && row[2] == max && row[6] == property
        })
    };
    assert!(has("", &version, "WIX_UPGRADE_DETECTED"), "{upgrades:?}");
    assert!(
        has(&version, &version, "WIX_SAME_VERSION_UPGRADE_DETECTED"),
        "{upgrades:?}"
    );
    assert!(has(&version, "", "WIX_DOWNGRADE_DETECTED"), "{upgrades:?}");
    // The older version goes before this one's transaction begins; the defaults are made from
    // the properties (or the file kept) before that, written and removed inside it.
    let sequence = table(&msi, "InstallExecuteSequence");
    let at = |action: &str| -> i64 {
        sequence
            .iter()
            .find(|row| row[0] == action)
            .and_then(|row| row[2].parse().ok())
            .unwrap_or_else(|| {
                panic!("{action} is not in the InstallExecuteSequence: {sequence:?}")
            })
    };
    assert!(at("InstallValidate") < at("PrepareMachineDefaults"));
    assert!(at("PrepareMachineDefaults") < at("RemoveExistingProducts"));
    assert!(at("RemoveExistingProducts") < at("InstallInitialize"));
    for deferred in ["WriteMachineDefaults", "RemoveMachineDefaults"] {
        assert!(
            at("InstallFiles") < at(deferred) && at(deferred) < at("InstallFinalize"),
            "{deferred}"
        );
    }

    // The WebView2 Runtime's key is what the launch condition looks at.
    let locator = table(&msi, "RegLocator");
    assert!(
        locator
            .iter()
            .any(|row| format!(r"HKLM\{}", row[2]) == WEBVIEW2_KEY && row[3] == "pv"),
        "{locator:?}"
    );
}

/// `osslsigncode verify` of `file` against the build's certificates.
fn verify(file: &Path) -> Output {
    let ca = given("SYNKVAKT_SIGNING_CA", HOW);
    Command::new("osslsigncode")
        .args(["verify", "-CAfile"])
        .arg(&ca)
        .arg("-in")
        .arg(file)
        .output()
        .expect("osslsigncode runs")
}

#[test]
fn the_programs_and_the_msi_are_signed() {
    let files = signed_files();
    for name in [
        "synkvakt.exe",
        "synkvakt-watcher.exe",
        "synkvakt-demo-tenant.exe",
        "synkvakt-actions.dll",
    ] {
        let output = verify(&files.join(name));
        let text = String::from_utf8_lossy(&output.stdout);
        assert!(
            output.status.success() && text.contains("Signature verification: ok"),
            "{name}: {text}"
        );
    }
    for msi in [msi(), msi_older(), msi_rebuild()] {
        let output = verify(&msi);
        assert!(
            output.status.success(),
            "{}: {}",
            msi.display(),
            String::from_utf8_lossy(&output.stdout)
        );
    }

    // The verification is real: one changed byte and it fails.
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = std::fs::read(files.join("synkvakt-demo-tenant.exe")).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0xff;
    let tampered = dir.path().join("tampered.exe");
    std::fs::write(&tampered, bytes).unwrap();
    assert!(
        !verify(&tampered).status.success(),
        "a changed program still verifies"
    );

    // WebView2Loader.dll is Microsoft's, shipped as Microsoft signed it: its digest is intact.
    // (Its chain ends in Microsoft's code-signing root, which Debian's trust store lacks.)
    let output = Command::new("osslsigncode")
        .args(["verify", "-in"])
        .arg(files.join("WebView2Loader.dll"))
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(text.contains("O=Microsoft Corporation"), "{text}");
    let digest = |label: &str| {
        text.lines()
            .find(|line| line.starts_with(label))
            .and_then(|line| line.split(':').nth(1))
            .map(|d| d.trim().to_string())
    };
    assert!(digest("Current message digest").is_some());
    assert_eq!(
        digest("Current message digest"),
        digest("Calculated message digest")
    );
}

/// A Wine prefix of the test's own, made afresh.
struct Wine {
    prefix: PathBuf,
    wine: PathBuf,
    logs: PathBuf,
}

impl Wine {
    fn fresh(name: &str) -> Wine {
        let root = std::env::var_os("SYNKVAKT_WINE_ROOT")
            .map(PathBuf::from)
            .unwrap_or_else(|| repository().join("target/windows/installer-tests"));
        let prefix = root.join(name);
        let logs = root.join(format!("{name}-logs"));
        for dir in [&prefix, &logs] {
            if dir.exists() {
                std::fs::remove_dir_all(dir).unwrap();
            }
            std::fs::create_dir_all(dir).unwrap();
        }
        let wine = std::env::var_os("WINE")
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from("/usr/lib/wine/wine64"));
        let wine = Wine { prefix, wine, logs };
        wine.stop();
        let output = run_within(
            wine.command().args(["wineboot", "-i"]),
            Duration::from_secs(300),
        );
        assert!(
            output.status.success(),
            "wineboot: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        wine.settle();
        wine
    }

    fn command(&self) -> Command {
        let mut command = Command::new(&self.wine);
        command
            .env("WINEPREFIX", &self.prefix)
            .env("WINEARCH", "win64")
            .env("WINEDEBUG", "-all")
            // No menu entries on the host for the shortcuts, no Gecko or Mono to offer.
            .env("WINEDLLOVERRIDES", "winemenubuilder.exe=d;mscoree=;mshtml=")
            // No window can open: a message box returns at once instead of waiting for a click.
            .env_remove("DISPLAY")
            .env_remove("WAYLAND_DISPLAY");
        command
    }

    fn wineserver(&self, flag: &str) {
        Command::new("wineserver")
            .arg(flag)
            .env("WINEPREFIX", &self.prefix)
            .status()
            .ok();
    }

    /// Waits until Wine's processes are gone and the registry is written to disk.
    fn settle(&self) {
        self.wineserver("-w");
    }

    fn stop(&self) {
        self.wineserver("-k");
    }

    fn drive_c(&self) -> PathBuf {
        self.prefix.join("drive_c")
    }

    fn install_dir(&self) -> PathBuf {
        self.drive_c().join("Program Files/Synkvakt")
    }

    fn machine_defaults(&self) -> PathBuf {
        self.drive_c().join("ProgramData/Synkvakt/settings.json")
    }

    fn reg(&self, args: &[&str]) -> Output {
        run_within(
            self.command().arg("reg").args(args),
            Duration::from_secs(60),
        )
    }

    fn add_webview2_runtime(&self) {
        let output = self.reg(&[
            "add",
            WEBVIEW2_KEY,
            "/v",
            "pv",
            "/t",
            "REG_SZ",
            "/d",
            "131.0.2903.86",
            "/f",
        ]);
        assert!(
            output.status.success(),
            "reg add: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    }

    /// The installed product's entry in Programs and Features, if there is one.
    fn uninstall_entry(&self, product_code: &str) -> Option<String> {
        let key =
            format!(r"HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall\{product_code}");
        let output = self.reg(&["query", &key]);
        output
            .status
            .success()
            .then(|| String::from_utf8_lossy(&output.stdout).into_owned())
    }

    /// `msiexec` silently (`/qn`) with a verbose log; its exit code and the log.
    fn msiexec(
        &self,
        action: &str,
        package: &str,
        properties: &[&str],
        log: &str,
    ) -> (i32, String) {
        let log = self.logs.join(log);
        let output = run_within(
            self.command()
                .args(["msiexec", action, package, "/qn", "/l*v"])
                .arg(wine_path(&log))
                .args(properties),
            Duration::from_secs(300),
        );
        self.settle();
        let text = std::fs::read(&log).map(|b| String::from_utf8_lossy(&b).into_owned());
        (output.status.code().unwrap_or(-1), text.unwrap_or_default())
    }

    fn install(&self, msi: &Path, properties: &[&str], log: &str) -> (i32, String) {
        self.msiexec("/i", &wine_path(msi), properties, log)
    }

    /// `msiexec /i` with its basic UI, as an admin who double-clicks it sees it: its exit code
    /// and the texts of the message boxes it showed. Wine shows a failed launch condition only
    /// in a message box; its relay trace of MessageBoxW gives the text (up to 256 characters).
    fn install_showing(&self, msi: &Path, properties: &[&str]) -> (i32, Vec<String>) {
        let output = self.reg(&[
            "add",
            r"HKCU\Software\Wine\Debug",
            "/v",
            "RelayInclude",
            "/t",
            "REG_SZ",
            "/d",
            "user32.MessageBoxW",
            "/f",
        ]);
        assert!(output.status.success());
        let output = run_within(
            self.command()
                .env("WINEDEBUG", "+relay")
                .args(["msiexec", "/i"])
                .arg(wine_path(msi))
                .arg("/qb")
                .args(properties),
            Duration::from_secs(300),
        );
        self.settle();
        let trace = String::from_utf8_lossy(&output.stderr);
        let messages = trace
            .lines()
            .filter(|line| line.contains("Call user32.MessageBoxW("))
            .filter_map(|line| line.split(" L\"").nth(1))
            .map(|text| text.split("\"...").next().unwrap_or(text))
            .map(|text| text.split("\",").next().unwrap_or(text).to_string())
            .collect();
        (output.status.code().unwrap_or(-1), messages)
    }

    /// Every file and folder below drive_c, but for temporary files and logs.
    fn snapshot(&self) -> BTreeSet<String> {
        fn walk(root: &Path, dir: &Path, into: &mut BTreeSet<String>) {
            let Ok(entries) = std::fs::read_dir(dir) else {
                return;
            };
            for entry in entries.flatten() {
                let path = entry.path();
                let relative = path
                    .strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .to_lowercase();
                // Windows Installer's own cache folder, which every Windows has.
                if relative == "windows/installer" {
                    continue;
                }
                if relative.starts_with("windows/temp")
                    || relative.contains("/appdata/local/temp")
                    || relative.starts_with("windows/logs")
                {
                    continue;
                }
                into.insert(relative);
                if entry.file_type().map(|t| t.is_dir()).unwrap_or(false) {
                    walk(root, &path, into);
                }
            }
        }
        let mut found = BTreeSet::new();
        walk(&self.drive_c(), &self.drive_c(), &mut found);
        found
    }

    /// The registry's files, as Wine wrote them.
    fn registry(&self) -> String {
        ["system.reg", "user.reg", "userdef.reg"]
            .iter()
            .map(|name| {
                std::fs::read(self.prefix.join(name))
                    .map(|b| String::from_utf8_lossy(&b).into_owned())
            })
            .filter_map(Result::ok)
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// The folder a property resolved to during an install, from its verbose log.
    fn folder_from_log(&self, log: &str, property: &str) -> PathBuf {
        let prefix = format!("Property(S): {property} = ");
        let value = log
            .lines()
            .find_map(|line| line.strip_prefix(&prefix))
            .unwrap_or_else(|| panic!("the log names no {property}"));
        let relative = value.trim().trim_start_matches("C:\\").replace('\\', "/");
        self.drive_c().join(relative)
    }
}

impl Drop for Wine {
    /// Ends the prefix's wineserver; a prefix whose test passed is removed (some 700 MB), a
    /// failed test's stays for a look, beside its msiexec logs.
    fn drop(&mut self) {
        self.stop();
        if !std::thread::panicking() {
            self.settle();
            std::fs::remove_dir_all(&self.prefix).ok();
        }
    }
}

fn launch_message(msi: &Path, starts: &str) -> String {
    table(msi, "LaunchCondition")
        .into_iter()
        .map(|row| row[1].clone())
        .find(|message| message.starts_with(starts))
        .unwrap_or_else(|| panic!("no launch condition says {starts:?}"))
}

/// The message boxes showed `expected` (as far as Wine's trace shows it).
fn assert_shown(messages: &[String], expected: &str) {
    assert!(
        messages
            .iter()
            .any(|shown| !shown.is_empty() && expected.starts_with(shown.as_str())),
        "expected the message {expected:?}, the installer showed {messages:?}"
    );
}

#[test]
fn without_the_webview2_runtime_the_install_stops_with_its_message() {
    let msi = msi();
    let wine = Wine::fresh("no-webview2");
    let expected = launch_message(&msi, "Synkvakt needs the Microsoft Edge WebView2 Runtime");
    assert!(
        expected.contains("Install the WebView2 Runtime"),
        "the message says what to do: {expected}"
    );

    let (code, messages) =
        wine.install_showing(&msi, &["TENANT_URL=https://baerum.eadm.no", "PRODUCT=eAdm"]);
    assert_eq!(code, INSTALL_FAILURE, "the install stops");
    assert_shown(&messages, &expected);

    // Silently, as Intune or group policy run it: it stops too, and says why in its log.
    let (code, log) = wine.install(
        &msi,
        &["TENANT_URL=https://baerum.eadm.no", "PRODUCT=eAdm"],
        "silent.log",
    );
    assert_eq!(code, INSTALL_FAILURE);
    assert!(log.contains("LaunchConditions"), "{log}");
    assert!(!wine.install_dir().exists(), "nothing is installed");
    assert!(!wine.machine_defaults().exists());
    assert_eq!(wine.uninstall_entry(&property(&msi, "ProductCode")), None);
}

#[test]
fn properties_that_do_not_describe_a_tenant_stop_the_install() {
    let msi = msi();
    let wine = Wine::fresh("bad-properties");
    wine.add_webview2_runtime();

    let (code, messages) = wine.install_showing(
        &msi,
        &["TENANT_URL=https://baerum.eadm.no", "PRODUCT=Visma"],
    );
    assert_eq!(code, INSTALL_FAILURE);
    assert_shown(
        &messages,
        &launch_message(&msi, "With TENANT_URL, set PRODUCT"),
    );

    let (code, messages) =
        wine.install_showing(&msi, &["TENANT_URL=http://baerum.eadm.no", "PRODUCT=eAdm"]);
    assert_eq!(code, INSTALL_FAILURE);
    assert_shown(
        &messages,
        &launch_message(&msi, "TENANT_URL must be the tenant's https:// address"),
    );

    assert!(!wine.install_dir().exists(), "nothing is installed");
    assert!(!wine.machine_defaults().exists());
}

fn assert_installed(wine: &Wine, log: &str) {
    let files = signed_files();
    for name in INSTALLED_FILES {
        let installed = std::fs::read(wine.install_dir().join(name))
            .unwrap_or_else(|err| panic!("{name} is not in Program Files\\Synkvakt: {err}"));
        let built = std::fs::read(files.join(name)).unwrap();
        assert!(
            installed == built,
            "{name} is installed as it was built and signed"
        );
    }

    // The Start menu shortcut. Windows puts a per-machine shortcut in the Start menu of all
    // users (C:\ProgramData\Microsoft\Windows\Start Menu\Programs); Wine resolves
    // ProgramMenuFolder to the user's even then, so the shortcut is looked for where the log
    // says the folder was.
    let start_menu = wine.folder_from_log(log, "ProgramMenuFolder");
    let bytes = std::fs::read(start_menu.join("Synkvakt.lnk"))
        .unwrap_or_else(|err| panic!("no shortcut Synkvakt in {}: {err}", start_menu.display()));
    let link = ShellLink::parse(&bytes).unwrap();
    assert_eq!(
        link.target.as_deref(),
        Some(r"C:\Program Files\Synkvakt\synkvakt.exe"),
        "{link:?}"
    );
    assert_eq!(
        link.working_dir.as_deref(),
        Some(r"C:\Program Files\Synkvakt\"),
        "{link:?}"
    );
    let icon = link
        .icon_location
        .as_deref()
        .expect("the shortcut has an icon");
    let icon = wine
        .drive_c()
        .join(icon.trim_start_matches("C:\\").replace('\\', "/"));
    assert_eq!(
        std::fs::read(&icon).unwrap_or_default(),
        std::fs::read(repository().join("icons/icon.ico")).unwrap(),
        "the shortcut shows the app's icon ({})",
        icon.display()
    );
    assert!(
        !link.has_property_store,
        "Wine set a property store: check the AppUserModelID on the shortcut too"
    );
}

/// A GUID as Windows Installer keys its registry entries: each part's hex digits reversed,
/// the last two parts byte by byte.
fn squashed(guid: &str) -> String {
    let hex: String = guid
        .chars()
        .filter(char::is_ascii_hexdigit)
        .collect::<String>()
        .to_lowercase();
    let reversed = |part: &str| part.chars().rev().collect::<String>();
    let mut squashed = reversed(&hex[0..8]) + &reversed(&hex[8..12]) + &reversed(&hex[12..16]);
    for byte in 0..8 {
        squashed += &reversed(&hex[16 + 2 * byte..18 + 2 * byte]);
    }
    squashed
}

fn installed_version(wine: &Wine, msi: &Path) -> Option<String> {
    let entry = wine.uninstall_entry(&property(msi, "ProductCode"))?;
    entry
        .lines()
        .find(|line| line.trim_start().starts_with("DisplayVersion"))
        .and_then(|line| line.split_whitespace().last())
        .map(str::to_string)
}

#[test]
fn a_silent_install_writes_the_defaults_an_upgrade_keeps_them_and_uninstall_leaves_only_the_users_settings(
) {
    let (msi, older, rebuild) = (msi(), msi_older(), msi_rebuild());
    let wine = Wine::fresh("install");
    wine.add_webview2_runtime();
    wine.settle();
    let before = wine.snapshot();

    // A silent install of the older build, as Intune runs it, with the tenant's properties.
    let (code, log) = wine.install(
        &older,
        &[
            "TENANT_URL=https://baerum.eadm.no/",
            "TENANT_NAME=Bærum kommune",
            "PRODUCT=eadm",
        ],
        "older.log",
    );
    assert_eq!(code, 0, "the install succeeds:\n{log}");
    assert_installed(&wine, &log);
    assert_eq!(
        installed_version(&wine, &older),
        Some(property(&older, "ProductVersion"))
    );
    let defaults =
        std::fs::read_to_string(wine.machine_defaults()).expect("the machine-wide defaults");
    let defaults: serde_json::Value = serde_json::from_str(&defaults).expect("valid JSON");
    assert_eq!(
        defaults,
        serde_json::json!({
            "version": 2,
            "tenants": [{
                "id": "deployed",
                "name": "Bærum kommune",
                "product": "eAdm",
                "serviceUrl": "https://baerum.eadm.no"
            }]
        }),
        "the settings' shape: a tenant profile, the product as the app spells it, no trailing slash"
    );

    // An admin's own settings, in the folder the app keeps them in (%APPDATA%).
    let users = wine.drive_c().join("users");
    let user = std::fs::read_dir(&users)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .find(|p| p.join("AppData/Roaming").is_dir())
        .expect("Wine's user");
    let own_settings = user.join("AppData/Roaming/Synkvakt/Synkvakt/config/settings.json");
    std::fs::create_dir_all(own_settings.parent().unwrap()).unwrap();
    std::fs::write(&own_settings, r#"{"version":2,"language":"nn"}"#).unwrap();

    // The newer build replaces the older one; without properties the defaults stay.
    let (code, log) = wine.install(&msi, &[], "upgrade.log");
    assert_eq!(code, 0, "the upgrade succeeds:\n{log}");
    assert_eq!(
        installed_version(&wine, &older),
        None,
        "the older version is gone"
    );
    assert_eq!(
        installed_version(&wine, &msi),
        Some(property(&msi, "ProductVersion"))
    );
    assert_installed(&wine, &log);
    let kept: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(wine.machine_defaults()).unwrap()).unwrap();
    assert_eq!(
        kept, defaults,
        "the upgrade keeps the machine-wide defaults"
    );

    // A rebuild of the same version (a new ProductCode) replaces it too: no two side by side.
    let (code, log) = wine.install(&rebuild, &[], "rebuild.log");
    assert_eq!(code, 0, "the same version again:\n{log}");
    assert_eq!(installed_version(&wine, &msi), None);
    assert_eq!(
        installed_version(&wine, &rebuild),
        Some(property(&msi, "ProductVersion"))
    );

    // An older build refuses to replace a newer one, and says so.
    let (code, messages) = wine.install_showing(&older, &[]);
    assert_eq!(code, INSTALL_FAILURE);
    assert_shown(
        &messages,
        &launch_message(&older, "A newer version of Synkvakt is already installed"),
    );
    assert!(
        installed_version(&wine, &rebuild).is_some(),
        "the newer one stays"
    );

    // Uninstall: nothing left but the admin's own settings.
    let product_code = property(&rebuild, "ProductCode");
    let (code, log) = wine.msiexec("/x", &product_code, &[], "uninstall.log");
    assert_eq!(code, 0, "the uninstall succeeds:\n{log}");
    assert_eq!(wine.uninstall_entry(&product_code), None);
    assert!(
        !wine.install_dir().exists(),
        "Program Files\\Synkvakt is gone"
    );
    assert!(
        !wine.machine_defaults().parent().unwrap().exists(),
        "ProgramData\\Synkvakt is gone"
    );
    assert_eq!(
        std::fs::read_to_string(&own_settings).ok().as_deref(),
        Some(r#"{"version":2,"language":"nn"}"#),
        "the admin's own settings stay"
    );
    std::fs::remove_dir_all(user.join("AppData/Roaming/Synkvakt")).unwrap();
    let after = wine.snapshot();
    let left: Vec<_> = after.difference(&before).collect();
    assert!(
        left.is_empty(),
        "the uninstall left files behind: {left:#?}"
    );
    let registry = wine.registry().to_lowercase();
    for trace in [
        "synkvakt",
        &product_code.to_lowercase()[1..37],
        &squashed(&product_code),
    ] {
        let lines: Vec<_> = registry
            .lines()
            .filter(|line| line.contains(trace))
            .collect();
        assert!(
            lines.is_empty(),
            "the uninstall left {trace} in the registry: {lines:#?}"
        );
    }
}
