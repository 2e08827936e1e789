//! The Linux package as built by `bash .ci/deb` (`SYNKVAKT_DEB`): the three programs, the
//! desktop entry and its icons, and the watcher's start at login, which the package does not
//! switch on for everyone: the watcher writes the user's own autostart entry when the setting
//! says so, and takes it away when it no longer does.
#![cfg(unix)]

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;
use std::time::Duration;
use synkvakt_installer_tests::{desktop_entry, eventually, given, png_size, run_within};

const HOW: &str = "bash .ci/deb builds the .deb and runs these tests with it";
/// The sizes of the app's icon in the hicolor theme: 48 px is the one the icon theme
/// specification requires, the others are what menus, docks and the Alt-Tab switcher ask for.
const ICON_SIZES: [u32; 8] = [16, 24, 32, 48, 64, 128, 256, 512];

fn deb() -> PathBuf {
    given("SYNKVAKT_DEB", HOW)
}

/// The package's files, unpacked once for all the tests.
fn unpacked() -> &'static Path {
    static ROOT: OnceLock<tempfile::TempDir> = OnceLock::new();
    ROOT.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let status = Command::new("dpkg-deb")
            .arg("-x")
            .arg(deb())
            .arg(dir.path())
            .status()
            .unwrap();
        assert!(status.success(), "dpkg-deb -x");
        dir
    })
    .path()
}

fn field(control: &str, name: &str) -> String {
    control
        .lines()
        .find_map(|line| line.strip_prefix(&format!("{name}: ")))
        .unwrap_or_else(|| panic!("the package has no {name}:\n{control}"))
        .to_string()
}

#[test]
fn the_package_says_what_it_is_and_needs() {
    let output = Command::new("dpkg-deb")
        .arg("-f")
        .arg(deb())
        .output()
        .unwrap();
    let control = String::from_utf8_lossy(&output.stdout);
    assert_eq!(field(&control, "Package"), "synkvakt");
    assert_eq!(field(&control, "Architecture"), "amd64");
    let depends = field(&control, "Depends");
    for library in ["libwebkit2gtk-4.1-0", "libgtk-3-0"] {
        assert!(
            depends.contains(library),
            "it depends on {library}: {depends}"
        );
    }
    assert!(field(&control, "Description").contains("eAdm"));
}

/// The shared libraries an ELF program asks for.
fn needed(program: &Path) -> Vec<String> {
    let output = Command::new("readelf")
        .arg("-d")
        .arg(program)
        .output()
        .expect("readelf (binutils)");
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .filter(|line| line.contains("(NEEDED)"))
        .filter_map(|line| {
            line.split('[')
                .nth(1)?
                .split(']')
                .next()
                .map(str::to_string)
        })
        .collect()
}

#[test]
fn the_window_app_the_watcher_and_the_demo_tenant_are_in_usr_bin() {
    for name in ["synkvakt", "synkvakt-watcher", "synkvakt-demo-tenant"] {
        let program = unpacked().join("usr/bin").join(name);
        let bytes = std::fs::read(&program).unwrap_or_else(|err| panic!("usr/bin/{name}: {err}"));
        assert_eq!(&bytes[..4], b"\x7fELF", "{name} is a Linux program");
        let mode = std::fs::metadata(&program).unwrap().permissions().mode();
        assert_eq!(mode & 0o755, 0o755, "{name} is executable by all");
    }
    // The watcher runs all day and never loads WebKit or GTK; the window app does.
    let watcher = needed(&unpacked().join("usr/bin/synkvakt-watcher"));
    assert!(
        !watcher
            .iter()
            .any(|lib| lib.contains("webkit") || lib.contains("gtk")),
        "the watcher links {watcher:?}"
    );
    let app = needed(&unpacked().join("usr/bin/synkvakt"));
    assert!(
        app.iter().any(|lib| lib.contains("webkit2gtk-4.1")),
        "the window app links {app:?}"
    );
}

#[test]
fn the_desktop_entry_starts_the_window_app_with_its_icon_in_every_size() {
    let entries: Vec<PathBuf> = std::fs::read_dir(unpacked().join("usr/share/applications"))
        .expect("usr/share/applications")
        .flatten()
        .map(|e| e.path())
        .collect();
    assert_eq!(entries.len(), 1, "one desktop entry: {entries:?}");
    let text = std::fs::read_to_string(&entries[0]).unwrap();
    let entry = desktop_entry(&text);
    assert_eq!(
        entry.get("Type").map(String::as_str),
        Some("Application"),
        "{text}"
    );
    assert_eq!(
        entry.get("Name").map(String::as_str),
        Some("Synkvakt"),
        "{text}"
    );
    let exec = entry.get("Exec").expect("Exec");
    assert_eq!(
        exec.split_whitespace().next(),
        Some("synkvakt"),
        "Exec starts the window app: {text}"
    );
    assert!(unpacked().join("usr/bin/synkvakt").exists());
    let categories: Vec<&str> = entry
        .get("Categories")
        .expect("Categories")
        .split(';')
        .collect();
    for category in ["System", "Monitor"] {
        assert!(
            categories.contains(&category),
            "Categories has {category}: {text}"
        );
    }
    assert!(entry.contains_key("Comment"), "{text}");
    assert_eq!(entry.get("Terminal").map(String::as_str), Some("false"));

    // The validator the desktops' own packaging uses, where it is installed.
    if let Ok(output) = Command::new("desktop-file-validate")
        .arg(&entries[0])
        .output()
    {
        let said = String::from_utf8_lossy(&output.stdout).to_string()
            + &String::from_utf8_lossy(&output.stderr);
        assert!(
            output.status.success() && !said.contains("error"),
            "desktop-file-validate: {said}"
        );
    }

    // Every icon in the package lies in the folder of its own size.
    let hicolor = unpacked().join("usr/share/icons/hicolor");
    for dir in std::fs::read_dir(&hicolor).unwrap().flatten() {
        let name = dir.file_name().to_string_lossy().into_owned();
        let size: u32 = name
            .split_once('x')
            .filter(|(w, h)| w == h)
            .and_then(|(w, _)| w.parse().ok())
            .unwrap_or_else(|| panic!("hicolor/{name} is not a size's folder"));
        for png in std::fs::read_dir(dir.path().join("apps"))
            .unwrap()
            .flatten()
        {
            let bytes = std::fs::read(png.path()).unwrap();
            assert_eq!(
                png_size(&bytes),
                Some((size, size)),
                "{}",
                png.path().display()
            );
        }
    }

    let icon = entry.get("Icon").expect("Icon");
    assert_eq!(icon, "synkvakt", "a theme icon name, found in hicolor");
    for size in ICON_SIZES {
        let path = unpacked().join(format!(
            "usr/share/icons/hicolor/{size}x{size}/apps/{icon}.png"
        ));
        let bytes = std::fs::read(&path).unwrap_or_else(|err| panic!("{}: {err}", path.display()));
        assert_eq!(
            png_size(&bytes),
            Some((size, size)),
            "{} is {size} px",
            path.display()
        );
    }
}

#[test]
fn the_package_does_not_start_the_watcher_for_everyone() {
    assert!(
        !unpacked().join("etc/xdg/autostart").exists(),
        "start at login is each admin's choice: the package ships no autostart entry"
    );
}

/// The packaged watcher, run for one user in a home of its own, with no desktop session: it
/// follows the demo tenant without a tray.
struct Watcher {
    child: Child,
    home: PathBuf,
}

impl Watcher {
    fn start(home: &Path, start_at_login: bool) -> Watcher {
        let synkvakt_home = home.join("synkvakt");
        std::fs::create_dir_all(synkvakt_home.join("config")).unwrap();
        let settings = serde_json::json!({
            "version": 2,
            "active": {"kind": "demo", "number": 1},
            "watch": {"startAtLogin": start_at_login}
        });
        std::fs::write(
            synkvakt_home.join("config/settings.json"),
            settings.to_string(),
        )
        .unwrap();
        let child = Command::new(unpacked().join("usr/bin/synkvakt-watcher"))
            .env_clear()
            .env("PATH", "/usr/bin:/bin")
            .env("HOME", home)
            .env("SYNKVAKT_HOME", &synkvakt_home)
            // No session bus and no display: nothing on this machine's desktop is touched.
            .env("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("the packaged watcher starts");
        Watcher {
            child,
            home: synkvakt_home,
        }
    }

    /// The demo tenant this watcher started, from its runtime file.
    fn demo_tenant_pid(&self) -> Option<u32> {
        let text = std::fs::read_to_string(self.home.join("run/demo-tenant.json")).ok()?;
        let file: serde_json::Value = serde_json::from_str(&text).ok()?;
        file["pid"].as_u64().map(|pid| pid as u32)
    }
}

impl Drop for Watcher {
    fn drop(&mut self) {
        self.child.kill().ok();
        self.child.wait().ok();
        if let Some(pid) = self.demo_tenant_pid() {
            Command::new("kill").arg(pid.to_string()).status().ok();
        }
    }
}

#[test]
fn the_watcher_writes_the_users_autostart_entry_when_the_setting_is_on() {
    let home = tempfile::tempdir().unwrap();
    let entry = home.path().join(".config/autostart/Synkvakt.desktop");
    let watcher_program = unpacked().join("usr/bin/synkvakt-watcher");

    let mut watcher = Watcher::start(home.path(), true);
    let text = eventually(Duration::from_secs(30), || {
        std::fs::read_to_string(&entry).ok()
    })
    .expect("the watcher writes ~/.config/autostart/Synkvakt.desktop when start at login is on");
    let keys = desktop_entry(&text);
    assert_eq!(
        keys.get("Type").map(String::as_str),
        Some("Application"),
        "{text}"
    );
    assert_eq!(
        keys.get("Exec")
            .and_then(|exec| exec.split_whitespace().next()),
        Some(watcher_program.to_str().unwrap()),
        "the entry starts the watcher, never the window: {text}"
    );
    // It goes on watching without a desktop: the packaged demo tenant beside it answers.
    let pid = eventually(Duration::from_secs(30), || watcher.demo_tenant_pid())
        .expect("the watcher starts the packaged demo tenant");
    let exe = std::fs::read_link(format!("/proc/{pid}/exe")).unwrap_or_default();
    assert_eq!(exe, unpacked().join("usr/bin/synkvakt-demo-tenant"));
    assert!(
        watcher.child.try_wait().unwrap().is_none(),
        "the watcher keeps running"
    );
    drop(watcher);

    // Turned off, the next start takes the entry away.
    let _watcher = Watcher::start(home.path(), false);
    assert!(
        eventually(Duration::from_secs(30), || (!entry.exists()).then_some(())).is_some(),
        "the watcher removes the entry when start at login is off"
    );
}

#[test]
fn the_packaged_demo_tenant_runs() {
    let output = run_within(
        Command::new(unpacked().join("usr/bin/synkvakt-demo-tenant")).arg("--help"),
        Duration::from_secs(30),
    );
    let said = String::from_utf8_lossy(&output.stdout).to_string()
        + &String::from_utf8_lossy(&output.stderr);
    assert!(said.contains("--scenario"), "{said}");
}
