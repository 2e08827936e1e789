//! Where the window opens: what the watcher asks for on its command line (a clicked
//! notification, the tray menu) and what the window app reads from its own.

use crate::profiles::TenantRef;
use serde::Serialize;
use specta::Type;

/// The place the window shows first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(tag = "place", rename_all = "kebab-case")]
pub enum OpenAt {
    /// The status view, at the step that needs attention.
    Status,
    /// The status view at this step, with its guidance open.
    #[serde(rename_all = "camelCase")]
    Step { step_key: String },
    /// The manual-sync checklist.
    ManualSync,
}

const TENANT_FLAG: &str = "--tenant";
const STEP_FLAG: &str = "--step";
const MANUAL_SYNC_FLAG: &str = "--manual-sync";
const DEMO_FLAG: &str = "--demo";

/// A place to open the window at, and the tenant it is about: a notification names its own,
/// so that its step is never looked for in whichever tenant happens to be in view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenRequest {
    /// `None`: the tenant in view (the tray's "Open", the Start menu).
    pub tenant: Option<TenantRef>,
    pub at: OpenAt,
}

impl OpenRequest {
    /// The window app's arguments for this request.
    pub fn args(&self) -> Vec<String> {
        let mut args = Vec::new();
        if let Some(tenant) = &self.tenant {
            args.extend([TENANT_FLAG.to_string(), tenant.key()]);
        }
        args.extend(self.at.args());
        args
    }

    /// The request a command line makes (the program's name first). A tenant that is not one
    /// is dropped with its place, which could only be about it: the status view opens.
    pub fn from_args<I: IntoIterator<Item = String>>(args: I) -> OpenRequest {
        let args: Vec<String> = args.into_iter().collect();
        let named = args
            .iter()
            .skip(1)
            .position(|arg| arg == TENANT_FLAG)
            .map(|at| args.get(at + 2).and_then(|key| TenantRef::from_key(key)));
        match named {
            Some(None) => OpenRequest {
                tenant: None,
                at: OpenAt::Status,
            },
            Some(tenant) => OpenRequest {
                tenant,
                at: OpenAt::from_args(args),
            },
            None => OpenRequest {
                tenant: None,
                at: OpenAt::from_args(args),
            },
        }
    }
}

/// What the window app's command line asks for, every flag of it read here and nowhere else.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Launch {
    /// Where the window opens first, and for which tenant.
    pub open: OpenRequest,
    /// `--demo` (the README's first command): put the embedded demo tenant in view.
    pub demo: bool,
}

impl Launch {
    /// The launch a command line asks for, the program's name first.
    pub fn from_args<I: IntoIterator<Item = String>>(args: I) -> Launch {
        let args: Vec<String> = args.into_iter().collect();
        Launch {
            demo: args.iter().skip(1).any(|arg| arg == DEMO_FLAG),
            open: OpenRequest::from_args(args),
        }
    }
}

/// A step key as the tenant gives them: short, and nothing a command line could mistake.
fn is_step_key(key: &str) -> bool {
    !key.is_empty()
        && key.len() <= 100
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

impl OpenAt {
    /// The window app's arguments for this place.
    pub fn args(&self) -> Vec<String> {
        match self {
            OpenAt::Status => Vec::new(),
            OpenAt::Step { step_key } => vec![STEP_FLAG.to_string(), step_key.clone()],
            OpenAt::ManualSync => vec![MANUAL_SYNC_FLAG.to_string()],
        }
    }

    /// The place a command line asks for (the program's name first); anything else, or a step
    /// key that is not one, opens the status view.
    pub fn from_args<I: IntoIterator<Item = String>>(args: I) -> OpenAt {
        let mut args = args.into_iter().skip(1);
        while let Some(arg) = args.next() {
            match arg.as_str() {
                STEP_FLAG => {
                    return match args.next() {
                        Some(step_key) if is_step_key(&step_key) => OpenAt::Step { step_key },
                        _ => OpenAt::Status,
                    }
                }
                MANUAL_SYNC_FLAG => return OpenAt::ManualSync,
                _ => {}
            }
        }
        OpenAt::Status
    }
}

/// The places asked for, oldest first: the window's own command line, then each later launch
/// that the running window took over (a clicked notification, the tray menu). The page waits
/// for the next one.
pub struct OpenRequests {
    pending: std::sync::Mutex<std::collections::VecDeque<OpenRequest>>,
    arrived: tokio::sync::Notify,
}

impl OpenRequests {
    pub fn new(first: OpenRequest) -> OpenRequests {
        OpenRequests {
            pending: std::sync::Mutex::new([first].into()),
            arrived: tokio::sync::Notify::new(),
        }
    }

    pub fn push(&self, place: OpenRequest) {
        self.pending
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .push_back(place);
        self.arrived.notify_one();
    }

    /// The next place asked for, once there is one.
    pub async fn next(&self) -> OpenRequest {
        loop {
            let arrived = self.arrived.notified();
            if let Some(place) = self
                .pending
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .pop_front()
            {
                return place;
            }
            arrived.await;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_flag_and_the_place_are_read_together() {
        let args = |list: &[&str]| list.iter().map(|arg| arg.to_string()).collect::<Vec<_>>();
        assert_eq!(
            Launch::from_args(args(&["synkvakt", "--demo", "--step", "export-ad"])),
            Launch {
                open: OpenRequest {
                    tenant: None,
                    at: OpenAt::Step {
                        step_key: "export-ad".into()
                    }
                },
                demo: true
            }
        );
        let plain = Launch::from_args(args(&["synkvakt"]));
        assert!(!plain.demo);
        assert_eq!(plain.open.at, OpenAt::Status);
        assert!(
            !Launch::from_args(args(&["--demo"])).demo,
            "the program's name is not a flag"
        );
    }

    fn parsed(args: &[&str]) -> OpenAt {
        OpenAt::from_args(args.iter().map(|arg| arg.to_string()))
    }

    #[test]
    fn each_place_survives_the_command_line() {
        for place in [
            OpenAt::Status,
            OpenAt::Step {
                step_key: "export-ad".into(),
            },
            OpenAt::ManualSync,
        ] {
            let mut args = vec!["synkvakt".to_string()];
            args.extend(place.args());
            assert_eq!(OpenAt::from_args(args), place);
        }
    }

    #[test]
    fn a_request_keeps_its_tenant_through_the_command_line() {
        for tenant in [
            TenantRef::Demo { number: 2 },
            TenantRef::Profile {
                id: "3fa9c1d2e4b5".into(),
            },
        ] {
            let request = OpenRequest {
                tenant: Some(tenant),
                at: OpenAt::Step {
                    step_key: "export-ad".into(),
                },
            };
            let mut args = vec!["synkvakt".to_string()];
            args.extend(request.args());
            assert_eq!(OpenRequest::from_args(args), request);
        }
    }

    #[test]
    fn a_tenant_that_is_not_one_opens_the_status_view_of_none() {
        let args = |list: &[&str]| list.iter().map(|arg| arg.to_string()).collect::<Vec<_>>();
        for bad in ["demo/x", "profile/a b", "other/1", "demo/0", ""] {
            assert_eq!(
                OpenRequest::from_args(args(&["synkvakt", "--tenant", bad, "--step", "export-ad"])),
                OpenRequest {
                    tenant: None,
                    at: OpenAt::Status
                },
                "{bad}"
            );
        }
        assert_eq!(
            OpenRequest::from_args(args(&["synkvakt", "--tenant"])).at,
            OpenAt::Status
        );
    }

    #[tokio::test]
    async fn the_page_gets_each_place_asked_for_in_turn() {
        let here = |at| OpenRequest { tenant: None, at };
        let requests = std::sync::Arc::new(OpenRequests::new(here(OpenAt::Status)));
        assert_eq!(requests.next().await, here(OpenAt::Status));
        let waiting = tokio::spawn({
            let requests = requests.clone();
            async move { requests.next().await }
        });
        tokio::task::yield_now().await;
        requests.push(here(OpenAt::ManualSync));
        assert_eq!(waiting.await.unwrap(), here(OpenAt::ManualSync));
    }

    #[test]
    fn anything_else_opens_the_status_view() {
        assert_eq!(parsed(&["synkvakt"]), OpenAt::Status);
        assert_eq!(parsed(&["synkvakt", "--step"]), OpenAt::Status);
        assert_eq!(parsed(&["synkvakt", "--step", "a b;rm"]), OpenAt::Status);
        assert_eq!(parsed(&["synkvakt", "--other"]), OpenAt::Status);
    }
}
