//! Starting the window app, which focuses itself when it runs already (single instance) and
//! opens at the place it is asked for.

use std::path::PathBuf;
use std::process::Command;
use synkvakt_app::os::companion;
use synkvakt_core::launch::OpenRequest;

#[derive(Debug, Clone)]
pub struct WindowApp {
    pub program: PathBuf,
}

impl WindowApp {
    /// The window app installed beside this program, or the one `SYNKVAKT_APP_BIN` names.
    pub fn beside_this_program() -> WindowApp {
        WindowApp {
            program: companion::program_beside_this_one("SYNKVAKT_APP_BIN", "synkvakt"),
        }
    }

    pub fn command(&self, place: &OpenRequest) -> Command {
        let mut command = Command::new(&self.program);
        command.args(place.args());
        command
    }

    /// Starts the window app at `place`; it runs on its own, and this process does not wait.
    pub fn open(&self, place: &OpenRequest) {
        match companion::spawn_on_its_own(&mut self.command(place)) {
            Ok(pid) => tracing::info!(pid, ?place, "window app started"),
            Err(err) => tracing::error!(
                program = %self.program.display(),
                "the window app cannot be started: {err}"
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_step_opens_the_window_app_with_its_tenant_and_step_as_arguments() {
        use synkvakt_core::launch::OpenAt;
        use synkvakt_core::profiles::TenantRef;
        let app = WindowApp {
            program: PathBuf::from("/opt/synkvakt/synkvakt"),
        };
        let command = app.command(&OpenRequest {
            tenant: Some(TenantRef::Demo { number: 2 }),
            at: OpenAt::Step {
                step_key: "export-ad".into(),
            },
        });
        assert_eq!(command.get_program(), "/opt/synkvakt/synkvakt");
        let args: Vec<_> = command.get_args().collect();
        assert_eq!(args, ["--tenant", "demo/2", "--step", "export-ad"]);
        let open = OpenRequest {
            tenant: None,
            at: OpenAt::Status,
        };
        assert_eq!(app.command(&open).get_args().count(), 0);
    }
}
