//! The machines of a municipality that Synkvakt reaches: the client server, the domain
//! controller, and the scheduled tasks that live on them.

use serde::{Deserialize, Serialize};

/// The machine a scheduled task lives on.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, specta::Type,
)]
#[serde(rename_all = "kebab-case")]
pub enum Machine {
    /// The server the vendor's client runs on.
    #[default]
    ClientServer,
    /// eFeide's Export AD is fetched by a task on the domain controller of the domain concerned.
    DomainController,
}

/// Where the client's tasks and logs are. The admin's workstation is often not the client server.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase", default)]
pub struct ClientMachines {
    /// The server the vendor's client runs on; `None` until someone says which.
    pub client_server: Option<String>,
    /// The domain controllers whose task fetches eFeide's Export AD, one per domain. Settings
    /// written before there could be several hold one name as `domainController`.
    #[serde(alias = "domainController", deserialize_with = "one_or_many")]
    #[specta(type = Vec<String>)]
    pub domain_controllers: Vec<String>,
    /// Whether this workstation may run a task on a domain controller. Off unless set: a
    /// domain controller is the most protected machine of the domain, and a workstation that
    /// can run tasks there holds rights few municipalities give one.
    pub allow_domain_controller_tasks: bool,
    /// The client's log folder as a path on the client server; empty where no guide names one.
    pub log_folder: String,
    /// The client's scheduled tasks, each with its server and role; empty means the product's
    /// tasks as the guides name them, on the client server or each domain controller above.
    pub tasks: Vec<ScheduledTask>,
}

/// A scheduled task of the client, the server it lives on (`None`: this computer), and the
/// kind of machine it has the role of.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ScheduledTask {
    pub name: String,
    pub server: Option<String>,
    /// A task with the domain-controller role is the one that fetches eFeide's Export AD,
    /// whatever it is called ("typically" eFeide Import AD, the guide says).
    #[serde(default)]
    pub role: Machine,
}

/// eAdm's client writes its logs here (the guides); eFeide's guides name no folder.
pub const EADM_LOG_FOLDER: &str = r"C:\eadm\loggfiler";

fn one_or_many<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Vec<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum OneOrMany {
        One(Option<String>),
        Many(Vec<String>),
    }
    Ok(match OneOrMany::deserialize(deserializer)? {
        OneOrMany::One(one) => one.into_iter().collect(),
        OneOrMany::Many(many) => many,
    })
}

impl Default for ClientMachines {
    fn default() -> Self {
        ClientMachines {
            client_server: None,
            domain_controllers: Vec::new(),
            allow_domain_controller_tasks: false,
            log_folder: EADM_LOG_FOLDER.to_string(),
            tasks: Vec::new(),
        }
    }
}

impl ClientMachines {
    /// What a new profile of `product` starts with: eFeide's has no log folder of eAdm's.
    pub fn for_product(product: synkvakt_api::model::Product) -> ClientMachines {
        ClientMachines {
            log_folder: match product {
                synkvakt_api::model::Product::EAdm => EADM_LOG_FOLDER.to_string(),
                synkvakt_api::model::Product::EFeide => String::new(),
            },
            ..ClientMachines::default()
        }
    }

    /// These machines as `product` uses them: eAdm's log folder is no folder of eFeide's, so an
    /// eFeide profile (or the demo of eFeide) that holds it got it from the default of a version
    /// whose default was eAdm's for both, and loses it.
    pub fn fit_for(mut self, product: synkvakt_api::model::Product) -> ClientMachines {
        if product == synkvakt_api::model::Product::EFeide && self.log_folder == EADM_LOG_FOLDER {
            self.log_folder.clear();
        }
        self
    }

    /// The client server, when someone has said which.
    pub fn client_server(&self) -> Option<String> {
        self.client_server
            .clone()
            .filter(|server| !server.is_empty())
    }

    /// The domain controllers someone has named.
    pub fn domain_controllers(&self) -> impl Iterator<Item = &str> {
        self.domain_controllers
            .iter()
            .map(String::as_str)
            .filter(|server| !server.is_empty())
    }

    /// The server of a client-server task the guides name: as configured for it, else the
    /// client server's.
    pub fn server_of_task(&self, name: &str) -> Option<String> {
        match self.tasks.iter().find(|task| task.name == name) {
            Some(task) => task.server.clone(),
            None => self.client_server(),
        }
    }

    /// Whether a log folder is known to read.
    pub fn has_log_folder(&self) -> bool {
        !self.log_folder.trim().is_empty()
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
    fn efeide_keeps_no_log_folder_of_eadms() {
        use synkvakt_api::model::Product;
        let old_default = ClientMachines::default();
        assert!(!old_default
            .clone()
            .fit_for(Product::EFeide)
            .has_log_folder());
        assert_eq!(old_default.clone().fit_for(Product::EAdm), old_default);
        let own = ClientMachines {
            log_folder: r"D:\efeide\logs".into(),
            ..ClientMachines::default()
        };
        assert_eq!(own.clone().fit_for(Product::EFeide), own);
    }

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
