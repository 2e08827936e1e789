//! What each step does and what the admin can do when it fails, waits too long or runs too long,
//! and what to do when no new cycle starts, from the vendor's troubleshooting guides, as data.
//! Each piece of advice carries the guide's sentence it follows, so that `tests/GUIDANCE.md`
//! can be written from it and read beside the guides. The words live in the translation
//! catalog; this module says which remedies apply where, and which task runs on which machine.

use crate::i18n::Localizer;
use crate::machines::{ClientMachines, Machine, ScheduledTask};
use serde::Serialize;
use specta::Type;
use synkvakt_api::model::Product;

/// The situation a step (or, for `NoNewCycle`, the whole sync) is in, as far as guidance is
/// concerned.
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
    /// The last cycle completed, and no new one has started within the usual gap.
    NoNewCycle,
}

impl Situation {
    pub const OF_A_STEP: [Situation; 4] = [
        Situation::Failed,
        Situation::Stopped,
        Situation::WaitingTooLong,
        Situation::RunningTooLong,
    ];
}

/// A scheduled task the guides name: running it nudges a step.
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
    /// Start a new cycle with the guarded manual sync.
    ManualSync,
    /// Read the Application log in Event Viewer on a machine.
    ReadEventLog(Machine),
    /// Read the client's log folder.
    ReadClientLogs,
    /// Check whether the change is expected, review the newest import's log, then resume.
    ReviewImportFilter,
    /// eFeide: the yearly school promotion makes the import filter stop the cycle, as expected;
    /// the vendor's how-to says what to do.
    SchoolPromotion,
    /// eFeide Import SAS: schools on iSkole cannot nudge it.
    IskoleNeedsSupport,
    /// Ends a list of what the admin can do: support, if none of it helped.
    SupportIfNoHelp,
    /// Ends the eAdm import-filter review: support, when unsure.
    SupportIfUnsure,
    /// Ends eFeide's import-filter stop: support, when the cycle stopped for another reason.
    SupportIfOtherCause,
    /// Nothing the admin can do: only the vendor's support can help.
    ContactSupport,
}

/// A remedy's kind, as the page draws it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Type)]
#[serde(rename_all = "kebab-case")]
pub enum RemedyKind {
    RunTask,
    ManualSync,
    ReadEventLog,
    ReadClientLogs,
    ReviewImportFilter,
    SchoolPromotion,
    IskoleNeedsSupport,
    SupportIfNoHelp,
    SupportIfUnsure,
    SupportIfOtherCause,
    ContactSupport,
}

impl Remedy {
    pub fn kind(&self) -> RemedyKind {
        match self {
            RunTask(_) => RemedyKind::RunTask,
            ManualSync => RemedyKind::ManualSync,
            ReadEventLog(_) => RemedyKind::ReadEventLog,
            ReadClientLogs => RemedyKind::ReadClientLogs,
            ReviewImportFilter => RemedyKind::ReviewImportFilter,
            SchoolPromotion => RemedyKind::SchoolPromotion,
            IskoleNeedsSupport => RemedyKind::IskoleNeedsSupport,
            SupportIfNoHelp => RemedyKind::SupportIfNoHelp,
            SupportIfUnsure => RemedyKind::SupportIfUnsure,
            SupportIfOtherCause => RemedyKind::SupportIfOtherCause,
            ContactSupport => RemedyKind::ContactSupport,
        }
    }
}

impl RemedyKind {
    /// The kind's name, as the guidance table writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            RemedyKind::RunTask => "run-task",
            RemedyKind::ManualSync => "manual-sync",
            RemedyKind::ReadEventLog => "read-event-log",
            RemedyKind::ReadClientLogs => "read-client-logs",
            RemedyKind::ReviewImportFilter => "review-import-filter",
            RemedyKind::SchoolPromotion => "school-promotion",
            RemedyKind::IskoleNeedsSupport => "iskole-needs-support",
            RemedyKind::SupportIfNoHelp => "support-if-no-help",
            RemedyKind::SupportIfUnsure => "support-if-unsure",
            RemedyKind::SupportIfOtherCause => "support-if-other-cause",
            RemedyKind::ContactSupport => "contact-support",
        }
    }
}

/// The vendor's how-to for the school promotion, which eFeide's import-filter stop links to:
/// the one address the window opens in the system browser.
pub const SCHOOL_PROMOTION_HOWTO: &str =
    "https://mega.efeide.no/docs/#/md/howto?id=hvordan-kjorer-jeg-skoleopprykk";

/// The guides, by the name of their file in the vendor's seed folder.
pub mod guides {
    pub const MANUAL_SYNC: &str = "000_f0433adffbb305ce.txt";
    pub const EADM_NB: &str = "001_a3801aafe5b90ff7.txt";
    pub const EADM_EN: &str = "002_425c74b09970b948.txt";
    pub const EFEIDE_NB: &str = "003_2c6c010a5660e77e.txt";
}

/// The guide's sentence a piece of advice follows: its file, its line, a few of its words;
/// and, where the guide has no sentence for the case, why this advice is the one given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Source {
    pub guide: &'static str,
    pub line: u32,
    pub quote: &'static str,
    pub note: Option<&'static str>,
}

/// What the admin is told to do in one situation, and the guide's sentence it follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Advice {
    pub remedies: &'static [Remedy],
    pub source: Source,
}

const fn said(
    remedies: &'static [Remedy],
    guide: &'static str,
    line: u32,
    quote: &'static str,
) -> Advice {
    Advice {
        remedies,
        source: Source {
            guide,
            line,
            quote,
            note: None,
        },
    }
}

/// Advice for a case the guide has no sentence of its own for: `note` says which it follows.
const fn inferred(
    remedies: &'static [Remedy],
    guide: &'static str,
    line: u32,
    quote: &'static str,
    note: &'static str,
) -> Advice {
    Advice {
        remedies,
        source: Source {
            guide,
            line,
            quote,
            note: Some(note),
        },
    }
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

/// The guide's "typically" named task on the domain controller that fetches Export AD.
pub const EFEIDE_IMPORT_AD_TASK: GuideTask = GuideTask {
    name: "eFeide Import AD",
    alternative: None,
    machine: Machine::DomainController,
};
const EFEIDE_EXPORT_SAS: GuideTask = efeide_export("eFeide Export SAS");
const EFEIDE_EXPORT_SAMACCOUNTNAME: GuideTask = efeide_export("eFeide Export samAccountName");
const EFEIDE_EXPORT_FLYVO: GuideTask = efeide_export("eFeide Export FlyVO");

use Remedy::{
    ContactSupport, IskoleNeedsSupport, ManualSync, ReadClientLogs, ReadEventLog,
    ReviewImportFilter, RunTask, SchoolPromotion, SupportIfNoHelp, SupportIfOtherCause,
    SupportIfUnsure,
};

const SUPPORT: &[Remedy] = &[ContactSupport];
/// "Run the eAdm sync script … and check for errors in the Event Viewer and c:/eadm/logg files.
/// Contact support if you cannot find a solution."
const NUDGE_EADM: &[Remedy] = &[
    RunTask(EADM_SYNC),
    ReadEventLog(Machine::ClientServer),
    ReadClientLogs,
    SupportIfNoHelp,
];

/// A step that runs past its usual time, where the guide names only failures and starts.
const SLOW_LIKE_CRASHED: &str =
    "The guide names no remedy for a step that runs too long; a step far past its usual time \
     is treated as one that crashed.";
/// The import filter stops a cycle only at Synchronization.
const STOP_ELSEWHERE: &str =
    "Only Synchronization is stopped by the import filter; a stop at another step is not one \
     the guide describes, so it goes to support as the step's failure does.";
/// Import HR is the cycle's first step: while it waits, the cycle has not begun.
const FIRST_STEP_WAITS: &str =
    "Import HR is the first step: a cycle whose Import HR still waits has not begun, which is \
     the guide's case of a new cycle that does not start.";
/// The portal shows one spinner for waiting and running.
const WAITS_ONE_STATE: &str =
    "The portal shows one spinner for waiting and running: where the guide says the step \
     waits for a task, the same remedy applies running past its usual time.";

/// The guidance for one step of a product's catalog.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StepGuide {
    pub failed: Advice,
    pub stopped: Advice,
    pub waiting_too_long: Advice,
    pub running_too_long: Advice,
    /// The task whose run the step waits for, where the guide says it waits on one: said while
    /// it waits or runs, before it is late.
    pub waits_for: Option<GuideTask>,
}

impl StepGuide {
    pub fn advice(&self, situation: Situation) -> Option<&Advice> {
        match situation {
            Situation::Failed => Some(&self.failed),
            Situation::Stopped => Some(&self.stopped),
            Situation::WaitingTooLong => Some(&self.waiting_too_long),
            Situation::RunningTooLong => Some(&self.running_too_long),
            Situation::NoNewCycle => None,
        }
    }

    pub fn remedies(&self, situation: Situation) -> &'static [Remedy] {
        self.advice(situation).map_or(&[], |advice| advice.remedies)
    }
}

/// A step only support can help with, in every situation, as the guide's line says.
const fn support_only(guide: &'static str, line: u32, quote: &'static str) -> StepGuide {
    StepGuide {
        failed: said(SUPPORT, guide, line, quote),
        stopped: said(SUPPORT, guide, line, quote),
        waiting_too_long: said(SUPPORT, guide, line, quote),
        running_too_long: said(SUPPORT, guide, line, quote),
        waits_for: None,
    }
}

/// A step that waits on a task: the same remedy whether the service reports it failed,
/// waiting or running, as the guide gives one remedy for the step.
const fn waits_on(
    task: GuideTask,
    remedies: &'static [Remedy],
    line: u32,
    quote: &'static str,
) -> StepGuide {
    let guide = guides::EFEIDE_NB;
    StepGuide {
        failed: inferred(
            remedies,
            guide,
            line,
            quote,
            "The guide gives one remedy for the step, whatever the portal shows.",
        ),
        stopped: inferred(SUPPORT, guide, line, quote, STOP_ELSEWHERE),
        waiting_too_long: said(remedies, guide, line, quote),
        running_too_long: inferred(remedies, guide, line, quote, WAITS_ONE_STATE),
        waits_for: Some(task),
    }
}

/// An eAdm step that "does not start: run the sync task, read the logs; crashed: support".
const fn eadm_nudged(
    failed_line: u32,
    failed_quote: &'static str,
    start_line: u32,
    start_quote: &'static str,
) -> StepGuide {
    let guide = guides::EADM_EN;
    StepGuide {
        failed: said(SUPPORT, guide, failed_line, failed_quote),
        stopped: inferred(SUPPORT, guide, failed_line, failed_quote, STOP_ELSEWHERE),
        waiting_too_long: said(NUDGE_EADM, guide, start_line, start_quote),
        running_too_long: inferred(SUPPORT, guide, failed_line, failed_quote, SLOW_LIKE_CRASHED),
        waits_for: None,
    }
}

/// eAdm's "other integrations": export steps to other target systems, known or not.
const EADM_OTHER_EXPORT: StepGuide = eadm_nudged(
    90,
    "If it has crashed with an error: Contact support.",
    88,
    "If it does not start: Run the eAdm sync script",
);

/// Guidance for a step the catalog does not know, and which no guide row covers.
pub const UNKNOWN_STEP: StepGuide = {
    const QUOTE: &str = "If failed: Contact support.";
    const UNGUIDED: Advice = inferred(
        SUPPORT,
        guides::EADM_EN,
        36,
        QUOTE,
        "No guide describes this step, so nothing is told that a guide does not say.",
    );
    StepGuide {
        failed: UNGUIDED,
        stopped: inferred(SUPPORT, guides::EADM_EN, 36, QUOTE, STOP_ELSEWHERE),
        waiting_too_long: UNGUIDED,
        running_too_long: UNGUIDED,
        waits_for: None,
    }
};

/// The product's task for a new manual synchronization.
pub fn sync_task(product: Product) -> &'static str {
    match product {
        Product::EAdm => EADM_SYNC.name,
        Product::EFeide => EFEIDE_SYNC,
    }
}

/// The client's scheduled tasks for `product`: as configured, else as the guides name them:
/// the client server's on it, the domain controller's on each domain controller.
pub fn scheduled_tasks(machines: &ClientMachines, product: Product) -> Vec<ScheduledTask> {
    if !machines.tasks.is_empty() {
        return machines.tasks.clone();
    }
    let mut tasks = Vec::new();
    for (name, machine) in named_tasks(product) {
        match machine {
            Machine::ClientServer => tasks.push(ScheduledTask {
                name: name.to_string(),
                server: machines.client_server(),
                role: machine,
            }),
            Machine::DomainController => {
                tasks.extend(machines.domain_controllers().map(|server| ScheduledTask {
                    name: name.to_string(),
                    server: Some(server.to_string()),
                    role: machine,
                }))
            }
        }
    }
    tasks
}

/// Every scheduled task the product's guides name, the sync task first, each with its machine.
pub fn named_tasks(product: Product) -> Vec<(&'static str, Machine)> {
    let mut named = vec![(sync_task(product), Machine::ClientServer)];
    for step in synkvakt_api::catalog::steps(product) {
        let Some(guide) = for_step(product, step.key) else {
            continue;
        };
        for situation in Situation::OF_A_STEP {
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
    use guides::{EADM_EN, EFEIDE_NB};
    let guide = match (product, key) {
        (Product::EAdm, "import-hr") => StepGuide {
            failed: said(SUPPORT, EADM_EN, 36, "If failed: Contact support."),
            stopped: inferred(SUPPORT, EADM_EN, 36, "If failed: Contact support.", STOP_ELSEWHERE),
            waiting_too_long: inferred(
                NUDGE_EADM,
                EADM_EN,
                38,
                "If a new cycle does not start (all steps show as complete): Run the eAdm sync script",
                FIRST_STEP_WAITS,
            ),
            running_too_long: inferred(
                SUPPORT,
                EADM_EN,
                36,
                "If failed: Contact support.",
                SLOW_LIKE_CRASHED,
            ),
            waits_for: None,
        },
        (Product::EAdm, "import-hr-future") => {
            support_only(EADM_EN, 44, "You cannot resolve this yourself.")
        }
        (Product::EAdm, "import-hierarchy") => eadm_nudged(
            52,
            "If it has crashed with an error: Contact support.",
            50,
            "If it does not start: Run the eAdm sync script from the Task Scheduler",
        ),
        (Product::EAdm, "import-ad") => eadm_nudged(
            58,
            "If it has crashed with an error:<br> • Contact support.",
            58,
            "If it does not start:<br> • Run the eAdm sync script",
        ),
        (Product::EAdm, "synchronization") => StepGuide {
            failed: said(SUPPORT, EADM_EN, 70, "If stopped with any other error message: Contact support."),
            stopped: said(
                &[ReviewImportFilter, SupportIfUnsure],
                EADM_EN,
                64,
                "If stopped with a safety threshold error",
            ),
            waiting_too_long: said(
                NUDGE_EADM,
                EADM_EN,
                66,
                "If it has not started after the previous step: Run the eAdm sync script",
            ),
            running_too_long: said(SUPPORT, EADM_EN, 68, "If it has started but never completes: Contact support."),
            waits_for: None,
        },
        (Product::EAdm, "export-ad") => {
            let quote = "If failed: Run the eAdm sync script and check for errors in the Event Viewer";
            StepGuide {
                failed: said(NUDGE_EADM, EADM_EN, 76, quote),
                stopped: inferred(SUPPORT, EADM_EN, 76, quote, STOP_ELSEWHERE),
                waiting_too_long: inferred(
                    NUDGE_EADM,
                    EADM_EN,
                    76,
                    quote,
                    "The client's sync task fetches the export: until it has run, the step waits on it.",
                ),
                running_too_long: inferred(NUDGE_EADM, EADM_EN, 76, quote, WAITS_ONE_STATE),
                waits_for: Some(EADM_SYNC),
            }
        }
        (Product::EAdm, "import-ad-results") => {
            let quote = "If failed: Check the log files in c:/eadm/logg and contact Identum support.";
            let remedies: &[Remedy] = &[ReadClientLogs, SupportIfNoHelp];
            StepGuide {
                failed: said(remedies, EADM_EN, 82, quote),
                stopped: inferred(SUPPORT, EADM_EN, 82, quote, STOP_ELSEWHERE),
                waiting_too_long: inferred(
                    remedies,
                    EADM_EN,
                    82,
                    quote,
                    "The client's report of the transfer has not come: the guide's reading of a failure applies.",
                ),
                running_too_long: inferred(
                    remedies,
                    EADM_EN,
                    82,
                    quote,
                    "The client's report of the transfer has not come: the guide's reading of a failure applies.",
                ),
                waits_for: None,
            }
        }
        (Product::EAdm, key) if key.starts_with("export-") => EADM_OTHER_EXPORT,
        (Product::EFeide, "import-sas-isi") => support_only(
            EFEIDE_NB,
            18,
            "Dette synksteget kan du ikke gjøre noe med selv.",
        ),
        (Product::EFeide, "import-sas") => waits_on(
            EFEIDE_EXPORT_SAS,
            &[RunTask(EFEIDE_EXPORT_SAS), IskoleNeedsSupport, SupportIfNoHelp],
            26,
            "kjør den planlagte oppgaven \"eFeide Export SAS\" eller \"eFeide synkronisering\"",
        ),
        (Product::EFeide, "import-visma-inschool") => support_only(
            EFEIDE_NB,
            38,
            "Dette synksteget kan du ikke gjøre noe med selv.",
        ),
        (Product::EFeide, "import-visma-flyt") => support_only(
            EFEIDE_NB,
            42,
            "Dette synksteget kan du ikke gjøre noe med selv.",
        ),
        (Product::EFeide, "import-samaccountname") => waits_on(
            EFEIDE_EXPORT_SAMACCOUNTNAME,
            &[RunTask(EFEIDE_EXPORT_SAMACCOUNTNAME), SupportIfNoHelp],
            46,
            "kjør den planlagte oppgaven \"eFeide Export samAccountName\"",
        ),
        (Product::EFeide, "import-flyvo") => waits_on(
            EFEIDE_EXPORT_FLYVO,
            &[RunTask(EFEIDE_EXPORT_FLYVO), SupportIfNoHelp],
            50,
            "kjør den planlagte oppgaven \"eFeide Export FlyVO\"",
        ),
        (Product::EFeide, "synchronization") => {
            let quote = "Kontakt Identum sin support dersom Syncronization har stanset av andre årsaker.";
            StepGuide {
                failed: said(SUPPORT, EFEIDE_NB, 54, quote),
                stopped: said(
                    &[SchoolPromotion, ReviewImportFilter, SupportIfOtherCause],
                    EFEIDE_NB,
                    54,
                    "importfilteret vårt har stanset importen",
                ),
                waiting_too_long: inferred(
                    SUPPORT,
                    EFEIDE_NB,
                    54,
                    quote,
                    "The guide names no task for a Synchronization that does not start.",
                ),
                running_too_long: inferred(SUPPORT, EFEIDE_NB, 54, quote, SLOW_LIKE_CRASHED),
                waits_for: None,
            }
        }
        (Product::EFeide, "export-ad") => waits_on(
            EFEIDE_IMPORT_AD_TASK,
            &[RunTask(EFEIDE_IMPORT_AD_TASK), SupportIfNoHelp],
            58,
            "Du må starte en planlagt oppgave (se Task Scheduler på domenekontroller",
        ),
        (Product::EFeide, "import-ad") => support_only(
            EFEIDE_NB,
            62,
            "Dette synksteget kan du ikke gjøre noe med selv.",
        ),
        (Product::EFeide, "export-lms") => support_only(
            EFEIDE_NB,
            66,
            "Dette synksteget kan du ikke gjøre noe med selv.",
        ),
        (Product::EFeide, "export-365") => support_only(
            EFEIDE_NB,
            70,
            "Dette synksteget kan du ikke gjøre noe med selv.",
        ),
        (Product::EFeide, "export-azure") => support_only(
            EFEIDE_NB,
            74,
            "Dette synksteget kan du ikke gjøre noe med selv.",
        ),
        _ => return None,
    };
    Some(guide)
}

/// The guide for any step the service reports: the catalog's, eAdm's "other integrations" for
/// an export it does not know, else only support.
pub fn guide_of(product: Product, key: &str) -> StepGuide {
    for_step(product, key).unwrap_or(UNKNOWN_STEP)
}

/// What to do when the last cycle completed and no new one starts.
pub fn no_new_cycle(product: Product) -> Advice {
    match product {
        Product::EAdm => said(
            &[
                ManualSync,
                ReadEventLog(Machine::ClientServer),
                ReadClientLogs,
                SupportIfNoHelp,
            ],
            guides::EADM_EN,
            38,
            "If a new cycle does not start (all steps show as complete): Run the eAdm sync script",
        ),
        Product::EFeide => inferred(
            &[ManualSync, SupportIfNoHelp],
            guides::EFEIDE_NB,
            26,
            "\"eFeide synkronisering\" i Task Scheduler",
            "eFeide's guide has no row for a cycle that does not start; it names \"eFeide \
             synkronisering\" as the task that delivers the data, and no log folder or Event \
             Viewer.",
        ),
    }
}

/// A remedy as the admin reads it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct RemedyView {
    pub kind: RemedyKind,
    pub text: String,
    /// The tasks to run, when the remedy is to nudge the step: one per machine it lives on.
    pub tasks: Vec<TaskView>,
    /// The one address the remedy links to, opened in the system browser.
    pub link: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct TaskView {
    pub name: String,
    pub alternative: Option<String>,
    pub machine: Machine,
    /// The configured server, when someone has said which.
    pub server: Option<String>,
    /// Whether Synkvakt may run it from here: a task on a domain controller only where the
    /// profile allows it, and only on a named one.
    pub may_run: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct GuidanceView {
    /// What the step does.
    pub about: String,
    /// What the step waits for, said while it waits or runs: the task that delivers it.
    pub waits_for: Option<String>,
    /// The situation the remedies are for; `None` while all is well with the step.
    pub situation: Option<Situation>,
    pub remedies: Vec<RemedyView>,
    /// Nothing the admin can do: only support can help.
    pub support_only: bool,
}

/// Whether the step is, in the service's words, waiting or running now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Underway {
    WaitingOrRunning,
    Not,
}

/// Where the client's machines are, and the computer Synkvakt runs on: what a remedy names.
pub struct Where<'a> {
    pub machines: &'a ClientMachines,
    pub this_machine: &'a str,
}

impl GuidanceView {
    pub fn build(
        product: Product,
        key: &str,
        underway: Underway,
        situation: Option<Situation>,
        place: &Where<'_>,
        localizer: &Localizer,
    ) -> GuidanceView {
        let known = for_step(product, key);
        let about = match (product, known) {
            (Product::EAdm, Some(_)) if synkvakt_api::catalog::lookup(product, key).is_none() => {
                localizer.text("about-eadm-other-export")
            }
            (_, Some(_)) => localizer.text(&about_id(product, key)),
            (_, None) => localizer.text("about-unknown-step"),
        };
        let guide = known.unwrap_or(UNKNOWN_STEP);
        let remedies: &[Remedy] = situation
            .map(|situation| guide.remedies(situation))
            .unwrap_or_default();
        let waits_for = guide
            .waits_for
            .filter(|_| underway == Underway::WaitingOrRunning)
            .map(|task| waits_for_text(task, place, localizer));
        GuidanceView {
            about,
            waits_for,
            situation,
            remedies: remedy_views(product, remedies, place, localizer),
            support_only: remedies == [ContactSupport],
        }
    }

    /// The guidance for a sync in which no new cycle has started within the usual gap.
    pub fn no_new_cycle(
        product: Product,
        resumed: bool,
        place: &Where<'_>,
        localizer: &Localizer,
    ) -> GuidanceView {
        GuidanceView {
            about: localizer.text(if resumed {
                "about-no-new-cycle-resumed"
            } else {
                "about-no-new-cycle"
            }),
            waits_for: None,
            situation: Some(Situation::NoNewCycle),
            remedies: remedy_views(product, no_new_cycle(product).remedies, place, localizer),
            support_only: false,
        }
    }
}

/// The servers a guide's task runs on, as configured: one for a client-server task, one per
/// domain controller for a domain controller's, each with whether it may run from here.
fn task_views(task: GuideTask, place: &Where<'_>) -> Vec<TaskView> {
    let machines = place.machines;
    let view = |name: &str, server: Option<String>| TaskView {
        name: name.to_string(),
        alternative: task.alternative.map(str::to_string),
        machine: task.machine,
        may_run: match task.machine {
            Machine::ClientServer => true,
            Machine::DomainController => machines.allow_domain_controller_tasks && server.is_some(),
        },
        server,
    };
    match task.machine {
        Machine::ClientServer => vec![view(task.name, machines.server_of_task(task.name))],
        Machine::DomainController => {
            let assigned: Vec<TaskView> = machines
                .tasks
                .iter()
                .filter(|configured| configured.role == Machine::DomainController)
                .map(|configured| view(&configured.name, configured.server.clone()))
                .collect();
            if !assigned.is_empty() {
                return assigned;
            }
            let named: Vec<TaskView> = machines
                .domain_controllers()
                .map(|server| view(task.name, Some(server.to_string())))
                .collect();
            if named.is_empty() {
                vec![view(task.name, None)]
            } else {
                named
            }
        }
    }
}

/// The machines in words: the servers named, else the kind of machine.
fn servers_words(tasks: &[TaskView], machine: Machine, localizer: &Localizer) -> String {
    let named: Vec<&str> = tasks
        .iter()
        .filter_map(|task| task.server.as_deref())
        .collect();
    if named.is_empty() {
        localizer.text(match machine {
            Machine::ClientServer => "machine-client-server",
            Machine::DomainController => "machine-domain-controller",
        })
    } else {
        named.join(", ")
    }
}

fn waits_for_text(task: GuideTask, place: &Where<'_>, localizer: &Localizer) -> String {
    let tasks = task_views(task, place);
    let server = servers_words(&tasks, task.machine, localizer);
    match task.machine {
        Machine::ClientServer => {
            let name = tasks
                .first()
                .map_or(task.name.to_string(), |first| first.name.clone());
            localizer.format(
                "waits-for-client-task",
                &[("task", name.into()), ("server", server.into())],
            )
        }
        // The guide only says what the task is "typically" called; a profile that assigns its
        // own tasks to the role is named as it is, each with its domain controller.
        Machine::DomainController if tasks.iter().all(|view| view.name == task.name) => localizer
            .format(
                "waits-for-domain-controller-task",
                &[("task", task.name.into()), ("server", server.into())],
            ),
        Machine::DomainController => {
            let named: Vec<String> = tasks
                .iter()
                .map(|view| match &view.server {
                    Some(server) => localizer.format(
                        "task-on-server",
                        &[
                            ("task", view.name.as_str().into()),
                            ("server", server.as_str().into()),
                        ],
                    ),
                    None => localizer.format("task-quoted", &[("task", view.name.as_str().into())]),
                })
                .collect();
            localizer.format(
                "waits-for-domain-controller-task-assigned",
                &[("tasks", named.join(", ").into())],
            )
        }
    }
}

fn remedy_views(
    product: Product,
    remedies: &[Remedy],
    place: &Where<'_>,
    localizer: &Localizer,
) -> Vec<RemedyView> {
    let machines = place.machines;
    let plain = |remedy: &Remedy, text: String| RemedyView {
        kind: remedy.kind(),
        text,
        tasks: Vec::new(),
        link: None,
    };
    remedies
        .iter()
        .map(|remedy| match remedy {
            RunTask(task) => {
                let tasks = task_views(*task, place);
                let server = servers_words(&tasks, task.machine, localizer);
                let name = tasks
                    .first()
                    .map_or(task.name.to_string(), |first| first.name.clone());
                let text = match (task.machine, task.alternative) {
                    (Machine::DomainController, _) => {
                        let run = localizer.format(
                            "remedy-run-task-dc",
                            &[("task", name.into()), ("server", server.into())],
                        );
                        if tasks.iter().any(|task| task.may_run) {
                            run
                        } else {
                            format!("{run} {}", localizer.text("remedy-run-task-dc-not-here"))
                        }
                    }
                    (Machine::ClientServer, Some(alternative)) => localizer.format(
                        "remedy-run-task-or",
                        &[
                            ("task", name.into()),
                            ("alternative", alternative.into()),
                            ("server", server.into()),
                        ],
                    ),
                    (Machine::ClientServer, None) => localizer.format(
                        "remedy-run-task",
                        &[("task", name.into()), ("server", server.into())],
                    ),
                };
                RemedyView {
                    kind: remedy.kind(),
                    text,
                    tasks,
                    link: None,
                }
            }
            ManualSync => {
                let server = machines
                    .server_of_task(sync_task(product))
                    .unwrap_or_else(|| localizer.text("machine-client-server"));
                plain(
                    remedy,
                    localizer.format(
                        "remedy-manual-sync",
                        &[
                            ("task", sync_task(product).into()),
                            ("server", server.into()),
                        ],
                    ),
                )
            }
            ReadClientLogs => plain(
                remedy,
                match machines.client_server() {
                    Some(_) => localizer.format(
                        "remedy-read-logs",
                        &[("path", machines.log_folder_from(place.this_machine).into())],
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
            ),
            ReadEventLog(machine) => {
                let server = match machine {
                    Machine::ClientServer => machines.client_server(),
                    Machine::DomainController => {
                        machines.domain_controllers().next().map(str::to_string)
                    }
                }
                .unwrap_or_else(|| {
                    localizer.text(match machine {
                        Machine::ClientServer => "machine-client-server",
                        Machine::DomainController => "machine-domain-controller",
                    })
                });
                plain(
                    remedy,
                    localizer.format("remedy-event-log", &[("server", server.into())]),
                )
            }
            ReviewImportFilter => plain(
                remedy,
                // eFeide's source is the school administrative system, not an HR system.
                localizer.text(match product {
                    Product::EAdm => "remedy-review-import-filter",
                    Product::EFeide => "remedy-review-import-filter-school",
                }),
            ),
            SchoolPromotion => RemedyView {
                link: Some(SCHOOL_PROMOTION_HOWTO.to_string()),
                ..plain(remedy, localizer.text("remedy-school-promotion"))
            },
            IskoleNeedsSupport => plain(remedy, localizer.text("remedy-iskole")),
            SupportIfNoHelp => plain(remedy, localizer.text("remedy-support-if-no-help")),
            SupportIfUnsure => plain(remedy, localizer.text("remedy-support-if-unsure")),
            SupportIfOtherCause => plain(remedy, localizer.text("remedy-support-if-other-cause")),
            ContactSupport => plain(remedy, localizer.text("remedy-contact-support")),
        })
        .collect()
}

/// The catalog message that says what a known step does.
pub fn about_id(product: Product, key: &str) -> String {
    format!("about-{}-{}", product.as_str().to_ascii_lowercase(), key)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Language, Localizer, CATALOG};
    use synkvakt_api::catalog::{EADM_STEPS, EFEIDE_STEPS};

    fn task(name: &str, server: Option<&str>, role: Machine) -> ScheduledTask {
        ScheduledTask {
            name: name.into(),
            server: server.map(str::to_string),
            role,
        }
    }

    #[test]
    fn the_tasks_default_to_the_guides_on_the_machines_configured() {
        let machines = ClientMachines {
            client_server: Some("efeide-klient01".into()),
            domain_controllers: vec!["dc01".into(), "dc02".into()],
            ..ClientMachines::default()
        };
        use Machine::{ClientServer as Cs, DomainController as Dc};
        assert_eq!(
            scheduled_tasks(&machines, Product::EFeide),
            [
                task("eFeide synkronisering", Some("efeide-klient01"), Cs),
                task("eFeide Export SAS", Some("efeide-klient01"), Cs),
                task("eFeide Export samAccountName", Some("efeide-klient01"), Cs),
                task("eFeide Export FlyVO", Some("efeide-klient01"), Cs),
                task("eFeide Import AD", Some("dc01"), Dc),
                task("eFeide Import AD", Some("dc02"), Dc),
            ]
        );
        // Nothing configured: this computer, as on the client server itself.
        assert_eq!(
            scheduled_tasks(&ClientMachines::default(), Product::EAdm),
            [task("eAdm synkronisering", None, Cs)]
        );
    }

    #[test]
    fn configured_tasks_replace_the_defaults_and_name_their_own_servers() {
        let machines = ClientMachines {
            client_server: Some("klient01".into()),
            tasks: vec![task(
                "eAdm synkronisering",
                Some("klient02"),
                Machine::ClientServer,
            )],
            ..ClientMachines::default()
        };
        assert_eq!(
            scheduled_tasks(&machines, Product::EAdm),
            [task(
                "eAdm synkronisering",
                Some("klient02"),
                Machine::ClientServer
            )]
        );
        assert_eq!(
            machines.server_of_task("eAdm synkronisering"),
            Some("klient02".into())
        );
        assert_eq!(machines.server_of_task("other"), Some("klient01".into()));
    }

    #[test]
    fn every_catalog_step_has_guidance_for_every_situation_in_every_language() {
        for step in EADM_STEPS.iter().chain(EFEIDE_STEPS) {
            let guide = for_step(step.product, step.key)
                .unwrap_or_else(|| panic!("no guide for {}", step.key));
            for situation in Situation::OF_A_STEP {
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

    fn view(
        product: Product,
        key: &str,
        situation: Situation,
        machines: &ClientMachines,
    ) -> GuidanceView {
        GuidanceView::build(
            product,
            key,
            Underway::WaitingOrRunning,
            Some(situation),
            &Where {
                machines,
                this_machine: "ws01",
            },
            &Localizer::new(Language::En),
        )
    }

    #[test]
    fn a_domain_controllers_task_runs_from_here_only_where_the_profile_allows_it() {
        let mut machines = ClientMachines {
            domain_controllers: vec!["dc01".into(), "dc02".into()],
            ..ClientMachines::default()
        };
        let run = |machines: &ClientMachines| {
            view(
                Product::EFeide,
                "export-ad",
                Situation::WaitingTooLong,
                machines,
            )
            .remedies[0]
                .clone()
        };
        let off = run(&machines);
        assert_eq!(off.kind, RemedyKind::RunTask);
        assert_eq!(
            off.tasks
                .iter()
                .map(|task| (task.server.as_deref(), task.may_run))
                .collect::<Vec<_>>(),
            [(Some("dc01"), false), (Some("dc02"), false)]
        );
        assert!(
            off.text.contains("eFeide Import AD") && off.text.contains("dc01, dc02"),
            "{}",
            off.text
        );
        machines.allow_domain_controller_tasks = true;
        assert!(run(&machines).tasks.iter().all(|task| task.may_run));
        // The task the profile gives the domain-controller role is the one, whatever its name.
        machines.tasks = vec![
            task(
                "eFeide synkronisering",
                Some("klient01"),
                Machine::ClientServer,
            ),
            task(
                "Hent eFeide-eksport",
                Some("dc03"),
                Machine::DomainController,
            ),
        ];
        let assigned = run(&machines);
        assert_eq!(assigned.tasks.len(), 1);
        assert_eq!(assigned.tasks[0].name, "Hent eFeide-eksport");
        assert!(assigned.text.contains("Hent eFeide-eksport") && assigned.text.contains("dc03"));
        // No domain controller named: the task is named, and nothing runs.
        let unnamed = run(&ClientMachines {
            allow_domain_controller_tasks: true,
            ..ClientMachines::default()
        });
        assert_eq!(unnamed.tasks[0].server, None);
        assert!(!unnamed.tasks[0].may_run);
    }

    #[test]
    fn efeide_export_ad_says_from_the_moment_it_waits_that_the_domain_controller_fetches_it() {
        let machines = ClientMachines {
            domain_controllers: vec!["dc01".into()],
            ..ClientMachines::default()
        };
        let place = Where {
            machines: &machines,
            this_machine: "ws01",
        };
        let localizer = Localizer::new(Language::En);
        let waiting = GuidanceView::build(
            Product::EFeide,
            "export-ad",
            Underway::WaitingOrRunning,
            None,
            &place,
            &localizer,
        );
        let hint = waiting.waits_for.expect("a hint while it waits");
        assert!(
            hint.contains("eFeide Import AD") && hint.contains("dc01"),
            "{hint}"
        );
        assert!(waiting.remedies.is_empty(), "not late yet: no remedies");
        let done = GuidanceView::build(
            Product::EFeide,
            "export-ad",
            Underway::Not,
            None,
            &place,
            &localizer,
        );
        assert_eq!(done.waits_for, None);
    }

    #[test]
    fn an_eadm_export_the_catalog_does_not_know_gets_the_other_integrations_guidance() {
        let machines = ClientMachines::default();
        let unknown = view(
            Product::EAdm,
            "export-public360",
            Situation::WaitingTooLong,
            &machines,
        );
        assert_eq!(
            unknown.about,
            Localizer::new(Language::En).text("about-eadm-other-export")
        );
        assert_eq!(
            unknown
                .remedies
                .iter()
                .map(|remedy| remedy.kind)
                .collect::<Vec<_>>(),
            [
                RemedyKind::RunTask,
                RemedyKind::ReadEventLog,
                RemedyKind::ReadClientLogs,
                RemedyKind::SupportIfNoHelp
            ]
        );
        assert!(
            view(
                Product::EAdm,
                "export-public360",
                Situation::Failed,
                &machines
            )
            .support_only
        );
        assert!(
            view(
                Product::EFeide,
                "export-public360",
                Situation::WaitingTooLong,
                &machines
            )
            .support_only
        );
    }

    #[test]
    fn the_school_promotion_links_to_the_vendors_how_to_only() {
        let stopped = view(
            Product::EFeide,
            "synchronization",
            Situation::Stopped,
            &ClientMachines::default(),
        );
        let links: Vec<_> = stopped
            .remedies
            .iter()
            .filter_map(|remedy| remedy.link.as_deref())
            .collect();
        assert_eq!(links, [SCHOOL_PROMOTION_HOWTO]);
    }

    #[test]
    fn no_efeide_remedy_names_a_log_folder_or_event_viewer() {
        for step in EFEIDE_STEPS {
            let guide = for_step(Product::EFeide, step.key).unwrap();
            for situation in Situation::OF_A_STEP {
                for remedy in guide.remedies(situation) {
                    assert!(
                        !matches!(remedy, ReadClientLogs | ReadEventLog(_)),
                        "{} {situation:?}",
                        step.key
                    );
                }
            }
        }
        assert!(!ClientMachines::for_product(Product::EFeide).has_log_folder());
        assert_eq!(
            ClientMachines::for_product(Product::EAdm).log_folder,
            crate::machines::EADM_LOG_FOLDER
        );
    }
}
