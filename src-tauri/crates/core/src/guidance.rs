//! What each step does and what the admin can do when it fails, waits too long or runs too long,
//! from the vendor's troubleshooting guides, as data. The words live in the translation catalog;
//! this module says which remedies apply where, and which task runs on which machine.

use crate::i18n::Localizer;
use crate::machines::{ClientMachines, Machine, ScheduledTask};
use serde::Serialize;
use specta::Type;
use synkvakt_api::model::Product;

/// The situation a step is in, as far as guidance is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Type)]
#[serde(rename_all = "kebab-case")]
pub enum Situation {
    Failed,
    /// Stopped by the import filter.
    Stopped,
    /// Not started within the step's usual time after the step before it.
    WaitingTooLong,
    /// Started and not finished within the step's usual time.
    RunningTooLong,
}

/// A scheduled task the guides name: running it nudges a step (the scheduled-tasks issue runs it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct GuideTask {
    pub name: &'static str,
    /// A second task that does the same, which some installations have instead.
    pub alternative: Option<&'static str>,
    pub machine: Machine,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Remedy {
    /// Run the client's task so that it delivers what the step waits for.
    RunTask(GuideTask),
    /// Read the client's log folder.
    ReadClientLogs,
    /// Read the Application log in Event Viewer on a machine.
    ReadEventLog(Machine),
    /// Check whether the change is expected, review the newest import's log, then resume.
    ReviewImportFilter,
    /// eFeide: the yearly school promotion makes the import filter stop the cycle, as expected.
    SchoolPromotion,
    /// eFeide Import SAS: schools on iSkole cannot nudge it.
    IskoleNeedsSupport,
    /// Only the vendor's support can help.
    ContactSupport,
}

const EADM_SYNC: GuideTask = GuideTask {
    name: "eAdm synkronisering",
    alternative: None,
    machine: Machine::ClientServer,
};
const EFEIDE_SYNC: &str = "eFeide synkronisering";

const fn efeide_export(name: &'static str) -> GuideTask {
    GuideTask {
        name,
        alternative: Some(EFEIDE_SYNC),
        machine: Machine::ClientServer,
    }
}

const EFEIDE_IMPORT_AD_TASK: GuideTask = GuideTask {
    name: "eFeide Import AD",
    alternative: None,
    machine: Machine::DomainController,
};

use Remedy::{
    ContactSupport, IskoleNeedsSupport, ReadClientLogs, ReadEventLog, ReviewImportFilter, RunTask,
    SchoolPromotion,
};

const SUPPORT: &[Remedy] = &[ContactSupport];
/// "Does not start: run the sync task, read Event Viewer and the log folder."
const NUDGE_EADM: &[Remedy] = &[
    RunTask(EADM_SYNC),
    ReadEventLog(Machine::ClientServer),
    ReadClientLogs,
    ContactSupport,
];
const EXPORT_AD_EADM: &[Remedy] = &[
    RunTask(EADM_SYNC),
    ReadClientLogs,
    ReadEventLog(Machine::ClientServer),
    ContactSupport,
];
const GENERAL: &[Remedy] = &[
    ReadClientLogs,
    ReadEventLog(Machine::ClientServer),
    ContactSupport,
];

/// The guidance for one step of a product's catalog.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StepGuide {
    pub failed: &'static [Remedy],
    pub stopped: &'static [Remedy],
    pub waiting_too_long: &'static [Remedy],
    pub running_too_long: &'static [Remedy],
}

impl StepGuide {
    pub fn remedies(&self, situation: Situation) -> &'static [Remedy] {
        match situation {
            Situation::Failed => self.failed,
            Situation::Stopped => self.stopped,
            Situation::WaitingTooLong => self.waiting_too_long,
            Situation::RunningTooLong => self.running_too_long,
        }
    }
}

const fn guide(
    failed: &'static [Remedy],
    waiting: &'static [Remedy],
    running: &'static [Remedy],
) -> StepGuide {
    StepGuide {
        failed,
        stopped: SUPPORT,
        waiting_too_long: waiting,
        running_too_long: running,
    }
}

/// Guidance for a step the catalog does not know.
pub const UNKNOWN_STEP: StepGuide = StepGuide {
    failed: GENERAL,
    stopped: GENERAL,
    waiting_too_long: GENERAL,
    running_too_long: GENERAL,
};

/// The product's task for a new manual synchronization.
pub fn sync_task(product: Product) -> &'static str {
    match product {
        Product::EAdm => EADM_SYNC.name,
        Product::EFeide => EFEIDE_SYNC,
    }
}

/// The client's scheduled tasks for `product`: as configured, else as the guides name them, each
/// on the machine configured for its kind.
pub fn scheduled_tasks(machines: &ClientMachines, product: Product) -> Vec<ScheduledTask> {
    if !machines.tasks.is_empty() {
        return machines.tasks.clone();
    }
    named_tasks(product)
        .into_iter()
        .map(|(name, machine)| ScheduledTask {
            name: name.to_string(),
            server: machines.server_for(machine),
        })
        .collect()
}

/// Every scheduled task the product's guides name, the sync task first, each with its machine.
pub fn named_tasks(product: Product) -> Vec<(&'static str, Machine)> {
    let mut named = vec![(sync_task(product), Machine::ClientServer)];
    let situations = [
        Situation::Failed,
        Situation::Stopped,
        Situation::WaitingTooLong,
        Situation::RunningTooLong,
    ];
    for step in synkvakt_api::catalog::steps(product) {
        let Some(guide) = for_step(product, step.key) else {
            continue;
        };
        for situation in situations {
            for remedy in guide.remedies(situation) {
                if let RunTask(task) = remedy {
                    for name in std::iter::once(task.name).chain(task.alternative) {
                        if !named.iter().any(|(known, _)| *known == name) {
                            named.push((name, task.machine));
                        }
                    }
                }
            }
        }
    }
    named
}

/// The guide for a step of the catalog, by product and key; `None` for a step it does not know.
pub fn for_step(product: Product, key: &str) -> Option<StepGuide> {
    let guide = match (product, key) {
        (Product::EAdm, "import-hr") => guide(SUPPORT, NUDGE_EADM, SUPPORT),
        (Product::EAdm, "import-hr-future") => guide(SUPPORT, SUPPORT, SUPPORT),
        (Product::EAdm, "import-hierarchy" | "import-ad") => guide(SUPPORT, NUDGE_EADM, SUPPORT),
        (Product::EAdm, "synchronization") => StepGuide {
            failed: SUPPORT,
            stopped: &[ReviewImportFilter],
            waiting_too_long: NUDGE_EADM,
            running_too_long: SUPPORT,
        },
        (Product::EAdm, "export-ad") => guide(EXPORT_AD_EADM, EXPORT_AD_EADM, EXPORT_AD_EADM),
        (Product::EAdm, "import-ad-results") => guide(
            &[ReadClientLogs, ContactSupport],
            &[ReadClientLogs, ContactSupport],
            SUPPORT,
        ),
        (Product::EAdm, "export-azure" | "export-efeide") => guide(SUPPORT, NUDGE_EADM, SUPPORT),
        (Product::EFeide, "import-sas") => {
            const NUDGE: &[Remedy] = &[
                RunTask(efeide_export("eFeide Export SAS")),
                ReadEventLog(Machine::ClientServer),
                ReadClientLogs,
                IskoleNeedsSupport,
            ];
            guide(NUDGE, NUDGE, SUPPORT)
        }
        (Product::EFeide, "import-samaccountname") => {
            const NUDGE: &[Remedy] = &[
                RunTask(efeide_export("eFeide Export samAccountName")),
                ReadEventLog(Machine::ClientServer),
                ReadClientLogs,
                ContactSupport,
            ];
            guide(NUDGE, NUDGE, SUPPORT)
        }
        (Product::EFeide, "import-flyvo") => {
            const NUDGE: &[Remedy] = &[
                RunTask(efeide_export("eFeide Export FlyVO")),
                ReadEventLog(Machine::ClientServer),
                ReadClientLogs,
                ContactSupport,
            ];
            guide(NUDGE, NUDGE, SUPPORT)
        }
        (Product::EFeide, "synchronization") => StepGuide {
            failed: SUPPORT,
            stopped: &[SchoolPromotion, ReviewImportFilter],
            waiting_too_long: SUPPORT,
            running_too_long: SUPPORT,
        },
        (Product::EFeide, "export-ad") => {
            const NUDGE: &[Remedy] = &[
                RunTask(EFEIDE_IMPORT_AD_TASK),
                ReadEventLog(Machine::DomainController),
                ContactSupport,
            ];
            guide(NUDGE, NUDGE, SUPPORT)
        }
        (
            Product::EFeide,
            "import-sas-isi"
            | "import-visma-inschool"
            | "import-visma-flyt"
            | "import-ad"
            | "export-lms"
            | "export-365"
            | "export-azure",
        ) => guide(SUPPORT, SUPPORT, SUPPORT),
        _ => return None,
    };
    Some(guide)
}

/// A remedy as the admin reads it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct RemedyView {
    pub text: String,
    /// The task to run, when the remedy is to nudge the step: the scheduled-tasks issue runs it.
    pub task: Option<TaskView>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct TaskView {
    pub name: String,
    pub alternative: Option<String>,
    pub machine: Machine,
    /// The configured server, when someone has said which.
    pub server: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct GuidanceView {
    /// What the step does.
    pub about: String,
    /// The situation the remedies are for; `None` while all is well with the step.
    pub situation: Option<Situation>,
    pub remedies: Vec<RemedyView>,
    /// Nothing the admin can do: only support can help.
    pub support_only: bool,
}

impl GuidanceView {
    pub fn build(
        product: Product,
        key: &str,
        situation: Option<Situation>,
        machines: &ClientMachines,
        this_machine: &str,
        localizer: &Localizer,
    ) -> GuidanceView {
        let known = for_step(product, key);
        let about = match known {
            Some(_) => localizer.text(&about_id(product, key)),
            None => localizer.text("about-unknown-step"),
        };
        let guide = known.unwrap_or(UNKNOWN_STEP);
        let remedies: &[Remedy] = situation
            .map(|situation| guide.remedies(situation))
            .unwrap_or_default();
        let server_of = |name: &str, machine: Machine| machines.server_of_task(name, machine);
        let machine_words = |server: Option<String>, machine: Machine| {
            server.unwrap_or_else(|| match machine {
                Machine::ClientServer => localizer.text("machine-client-server"),
                Machine::DomainController => localizer.text("machine-domain-controller"),
            })
        };
        let views = remedies
            .iter()
            .map(|remedy| match remedy {
                RunTask(task) => RemedyView {
                    text: match task.alternative {
                        Some(alternative) => localizer.format(
                            "remedy-run-task-or",
                            &[
                                ("task", task.name.into()),
                                ("alternative", alternative.into()),
                                (
                                    "server",
                                    machine_words(server_of(task.name, task.machine), task.machine)
                                        .into(),
                                ),
                            ],
                        ),
                        None => localizer.format(
                            "remedy-run-task",
                            &[
                                ("task", task.name.into()),
                                (
                                    "server",
                                    machine_words(server_of(task.name, task.machine), task.machine)
                                        .into(),
                                ),
                            ],
                        ),
                    },
                    task: Some(TaskView {
                        name: task.name.to_string(),
                        alternative: task.alternative.map(str::to_string),
                        machine: task.machine,
                        server: server_of(task.name, task.machine),
                    }),
                },
                ReadClientLogs => RemedyView {
                    text: match machines.client_server {
                        Some(_) => localizer.format(
                            "remedy-read-logs",
                            &[("path", machines.log_folder_from(this_machine).into())],
                        ),
                        // Which server is not known yet: name the folder as a path on it.
                        None => localizer.format(
                            "remedy-read-logs-on",
                            &[
                                ("path", machines.log_folder.as_str().into()),
                                ("server", localizer.text("machine-client-server").into()),
                            ],
                        ),
                    },
                    task: None,
                },
                ReadEventLog(machine) => RemedyView {
                    text: localizer.format(
                        "remedy-event-log",
                        &[(
                            "server",
                            machine_words(machines.server_for(*machine), *machine).into(),
                        )],
                    ),
                    task: None,
                },
                ReviewImportFilter => RemedyView {
                    // eFeide's source is the school administrative system, not an HR system.
                    text: localizer.text(match product {
                        Product::EAdm => "remedy-review-import-filter",
                        Product::EFeide => "remedy-review-import-filter-school",
                    }),
                    task: None,
                },
                SchoolPromotion => RemedyView {
                    text: localizer.text("remedy-school-promotion"),
                    task: None,
                },
                IskoleNeedsSupport => RemedyView {
                    text: localizer.text("remedy-iskole"),
                    task: None,
                },
                ContactSupport => RemedyView {
                    text: localizer.text("remedy-contact-support"),
                    task: None,
                },
            })
            .collect();
        GuidanceView {
            about,
            situation,
            remedies: views,
            support_only: remedies == [ContactSupport],
        }
    }
}

/// The catalog message that says what a known step does.
pub fn about_id(product: Product, key: &str) -> String {
    format!("about-{}-{}", product.as_str().to_ascii_lowercase(), key)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn task(name: &str, server: Option<&str>) -> ScheduledTask {
        ScheduledTask {
            name: name.into(),
            server: server.map(str::to_string),
        }
    }
    #[test]
    fn the_tasks_default_to_the_guides_on_the_machines_configured() {
        let machines = ClientMachines {
            client_server: Some("efeide-klient01".into()),
            domain_controller: Some("dc01".into()),
            ..ClientMachines::default()
        };
        assert_eq!(
            scheduled_tasks(&machines, Product::EFeide),
            [
                task("eFeide synkronisering", Some("efeide-klient01")),
                task("eFeide Export SAS", Some("efeide-klient01")),
                task("eFeide Export samAccountName", Some("efeide-klient01")),
                task("eFeide Export FlyVO", Some("efeide-klient01")),
                task("eFeide Import AD", Some("dc01")),
            ]
        );
        // Nothing configured: this computer, as on the client server itself.
        assert_eq!(
            scheduled_tasks(&ClientMachines::default(), Product::EAdm),
            [task("eAdm synkronisering", None)]
        );
    }

    #[test]
    fn configured_tasks_replace_the_defaults_and_name_their_own_servers() {
        let machines = ClientMachines {
            client_server: Some("klient01".into()),
            tasks: vec![task("eAdm synkronisering", Some("klient02"))],
            ..ClientMachines::default()
        };
        assert_eq!(
            scheduled_tasks(&machines, Product::EAdm),
            [task("eAdm synkronisering", Some("klient02"))]
        );
        assert_eq!(
            machines.server_of_task("eAdm synkronisering", Machine::ClientServer),
            Some("klient02".into())
        );
        assert_eq!(
            machines.server_of_task("other", Machine::ClientServer),
            Some("klient01".into())
        );
    }
    use crate::i18n::{Localizer, CATALOG};
    use synkvakt_api::catalog::{EADM_STEPS, EFEIDE_STEPS};

    const SITUATIONS: [Situation; 4] = [
        Situation::Failed,
        Situation::Stopped,
        Situation::WaitingTooLong,
        Situation::RunningTooLong,
    ];

    fn tasks(product: Product, key: &str, situation: Situation) -> Vec<GuideTask> {
        for_step(product, key)
            .unwrap()
            .remedies(situation)
            .iter()
            .filter_map(|remedy| match remedy {
                RunTask(task) => Some(*task),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn every_catalog_step_has_guidance_for_every_situation_in_every_language() {
        for step in EADM_STEPS.iter().chain(EFEIDE_STEPS) {
            let guide = for_step(step.product, step.key)
                .unwrap_or_else(|| panic!("no guide for {}", step.key));
            for situation in SITUATIONS {
                assert!(
                    !guide.remedies(situation).is_empty(),
                    "{} {situation:?}",
                    step.key
                );
            }
            for (language, _) in CATALOG {
                assert!(
                    Localizer::new(language).has(&about_id(step.product, step.key)),
                    "{language:?} {}",
                    step.key
                );
            }
        }
    }

    #[test]
    fn the_guides_remedies_and_task_names_are_there() {
        // eFeide Import SAS: run "eFeide Export SAS" (or "eFeide synkronisering"); iSkole needs support.
        let sas = tasks(Product::EFeide, "import-sas", Situation::WaitingTooLong);
        assert_eq!(sas[0].name, "eFeide Export SAS");
        assert_eq!(sas[0].alternative, Some("eFeide synkronisering"));
        assert!(for_step(Product::EFeide, "import-sas")
            .unwrap()
            .waiting_too_long
            .contains(&IskoleNeedsSupport));
        assert_eq!(
            tasks(
                Product::EFeide,
                "import-samaccountname",
                Situation::WaitingTooLong
            )[0]
            .name,
            "eFeide Export samAccountName"
        );
        assert_eq!(
            tasks(Product::EFeide, "import-flyvo", Situation::WaitingTooLong)[0].name,
            "eFeide Export FlyVO"
        );
        // eFeide Export AD: the task on the domain controller.
        let export_ad = tasks(Product::EFeide, "export-ad", Situation::WaitingTooLong);
        assert_eq!(
            (export_ad[0].name, export_ad[0].machine),
            ("eFeide Import AD", Machine::DomainController)
        );
        // eAdm Import HR Future: only support can help, in every situation.
        let future = for_step(Product::EAdm, "import-hr-future").unwrap();
        for situation in SITUATIONS {
            assert_eq!(future.remedies(situation), SUPPORT);
        }
        // eAdm Export AD: the sync task is a remedy even when it failed.
        assert_eq!(
            tasks(Product::EAdm, "export-ad", Situation::Failed)[0].name,
            "eAdm synkronisering"
        );
        // eAdm Import HR failed: support; not started: the sync task.
        assert!(tasks(Product::EAdm, "import-hr", Situation::Failed).is_empty());
        assert_eq!(
            tasks(Product::EAdm, "import-hr", Situation::WaitingTooLong)[0].name,
            "eAdm synkronisering"
        );
        // Import AD Results failed: the transfer to AD went wrong: logs, then support; no nudge.
        assert_eq!(
            for_step(Product::EAdm, "import-ad-results").unwrap().failed,
            &[ReadClientLogs, ContactSupport]
        );
        // Synchronization stopped: the import filter review; for eFeide the school promotion first.
        assert_eq!(
            for_step(Product::EAdm, "synchronization").unwrap().stopped,
            &[ReviewImportFilter]
        );
        assert_eq!(
            for_step(Product::EFeide, "synchronization")
                .unwrap()
                .stopped[0],
            SchoolPromotion
        );
        // Steps only support can help with offer no task anywhere.
        for key in [
            "import-sas-isi",
            "import-visma-inschool",
            "import-visma-flyt",
            "import-ad",
            "export-lms",
            "export-365",
            "export-azure",
        ] {
            for situation in SITUATIONS {
                assert!(tasks(Product::EFeide, key, situation).is_empty(), "{key}");
            }
        }
        assert!(for_step(Product::EAdm, "import-payroll").is_none());
    }
}
