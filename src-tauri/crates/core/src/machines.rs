//! The machines of a municipality that Synkvakt reaches: the client server, the domain
//! controller, and the scheduled tasks that live on them.

use serde::{Deserialize, Serialize};
use specta::Type;

/// The machine a scheduled task lives on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Type)]
#[serde(rename_all = "kebab-case")]
pub enum Machine {
    /// The server the vendor's client runs on.
    ClientServer,
    /// eFeide's Export AD is picked up by a task on a domain controller.
    DomainController,
}

/// Where the client's tasks and logs are. The admin's workstation is often not the client server.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase", default)]
pub struct ClientMachines {
    /// The server the vendor's client runs on; `None` until someone says which.
    pub client_server: Option<String>,
    /// The domain controller that picks up eFeide's Export AD.
    pub domain_controller: Option<String>,
    /// The client's log folder as a path on the client server.
    pub log_folder: String,
    /// The client's scheduled tasks, each with its server; empty means the product's tasks as
    /// the guides name them, on the client server or the domain controller above.
    pub tasks: Vec<ScheduledTask>,
}

/// A scheduled task of the client and the server it lives on (`None`: this computer).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ScheduledTask {
    pub name: String,
    pub server: Option<String>,
}

impl Default for ClientMachines {
    fn default() -> Self {
        ClientMachines {
            client_server: None,
            domain_controller: None,
            log_folder: r"C:\eadm\loggfiler".to_string(),
            tasks: Vec::new(),
        }
    }
}

impl ClientMachines {
    /// The server configured for a kind of machine, when someone has said which.
    pub fn server_for(&self, machine: Machine) -> Option<String> {
        match machine {
            Machine::ClientServer => self.client_server.clone(),
            Machine::DomainController => self.domain_controller.clone(),
        }
        .filter(|server| !server.is_empty())
    }

    /// The server of a task the guides name: as configured for it, else its kind of machine's.
    pub fn server_of_task(&self, name: &str, machine: Machine) -> Option<String> {
        match self.tasks.iter().find(|task| task.name == name) {
            Some(task) => task.server.clone(),
            None => self.server_for(machine),
        }
    }

    /// The log folder as this workstation reaches it: the local path on the client server itself,
    /// its administrative share (`\\server\c$\eadm\loggfiler`) from anywhere else.
    pub fn log_folder_from(&self, this_machine: &str) -> String {
        let Some(server) = self
            .client_server
            .as_deref()
            .filter(|server| !server.is_empty())
        else {
            return self.log_folder.clone();
        };
        let short = |name: &str| name.split('.').next().unwrap_or(name).to_ascii_lowercase();
        if short(server) == short(this_machine) {
            return self.log_folder.clone();
        }
        match self.log_folder.split_once(r":\") {
            Some((drive, rest)) => format!(r"\\{server}\{}$\{rest}", drive.to_ascii_lowercase()),
            None => self.log_folder.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn the_log_folder_is_given_as_this_workstation_reaches_it() {
        let mut client = ClientMachines::default();
        assert_eq!(client.log_folder_from("ws01"), r"C:\eadm\loggfiler");
        client.client_server = Some("eadm-klient01".into());
        assert_eq!(
            client.log_folder_from("ws01"),
            r"\\eadm-klient01\c$\eadm\loggfiler"
        );
        assert_eq!(
            client.log_folder_from("EADM-KLIENT01.kommune.local"),
            r"C:\eadm\loggfiler"
        );
        client.log_folder = r"D:\eadm\logg".into();
        assert_eq!(
            client.log_folder_from("ws01"),
            r"\\eadm-klient01\d$\eadm\logg"
        );
    }
}
