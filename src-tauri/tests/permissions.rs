//! The window's capability really restricts what the page may call: a granted command runs, a
//! registered command the capability does not grant is refused with Tauri's permission error.

use synkvakt_app::os::paths::AppPaths;
use synkvakt_app::session::Session;
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{get_ipc_response, mock_builder, MockRuntime, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::{WebviewWindow, WebviewWindowBuilder};

/// Each app gets a throwaway home folder, so these tests never touch a real settings file.
fn app_with_window(
    label: &str,
) -> (
    tauri::App<MockRuntime>,
    WebviewWindow<MockRuntime>,
    tempfile::TempDir,
) {
    let home = tempfile::tempdir().unwrap();
    let paths = AppPaths::under(home.path().to_path_buf());
    let app = mock_builder()
        .invoke_handler(synkvakt_shell::commands::<MockRuntime>().invoke_handler())
        .manage(Session::open(&paths, home.path().join("no-demo-tenant")))
        .build(tauri::generate_context!())
        .expect("the app builds with its real configuration and capabilities");
    let window = WebviewWindowBuilder::new(&app, label, Default::default())
        .build()
        .unwrap();
    (app, window, home)
}

fn invoke(
    window: &WebviewWindow<MockRuntime>,
    cmd: &str,
) -> Result<serde_json::Value, serde_json::Value> {
    get_ipc_response(
        window,
        InvokeRequest {
            cmd: cmd.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            // The origin the page has on Linux and macOS; a remote origin would be refused whatever it called.
            url: "tauri://localhost".parse().unwrap(),
            body: InvokeBody::default(),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        },
    )
    .map(|body| body.deserialize::<serde_json::Value>().unwrap())
}

#[test]
fn a_granted_command_runs() {
    let (_app, window, _home) = app_with_window("main");
    let info = invoke(&window, "app_info").expect("app_info is granted to the main window");
    assert_eq!(info["version"], env!("CARGO_PKG_VERSION"));
}

#[test]
fn registered_commands_the_capability_does_not_grant_are_refused() {
    let (_app, window, _home) = app_with_window("main");
    // Registered by Tauri itself; the capability grants none of the core window commands.
    for command in [
        "plugin:window|close",
        "plugin:webview|print",
        "plugin:path|resolve_directory",
    ] {
        let refusal = invoke(&window, command).expect_err(command);
        let text = refusal.as_str().unwrap_or_default();
        assert!(text.contains("not allowed"), "{command}: {refusal}");
    }
}

#[test]
fn another_window_gets_none_of_the_apps_commands() {
    let (_app, window, _home) = app_with_window("untrusted");
    let refusal =
        invoke(&window, "app_info").expect_err("app_info is granted to the main window only");
    assert!(
        refusal.as_str().unwrap_or_default().contains("not allowed"),
        "{refusal}"
    );
}
