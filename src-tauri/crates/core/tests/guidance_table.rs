//! `tests/GUIDANCE.md`: for each product, step and situation, the remedies the app shows, in
//! order, beside the guide's sentence they follow. Written from the code by this test and
//! checked against the committed file, as the bindings are, so the table cannot drift; where
//! the vendor's guides are at hand (`SYNKVAKT_GUIDES`, or the seed folder beside the project),
//! each quoted sentence is checked to be on the line it names. Below, one test per row checks
//! the kinds and order of that row's remedies.

use synkvakt_api::catalog;
use synkvakt_api::model::Product;
use synkvakt_core::guidance::{self, Advice, RemedyKind, Situation};

/// A step no catalog knows, to show what such a step gets.
const OTHER_EXPORT: &str = "export-public360";
const UNKNOWN: &str = "import-payroll";

struct Row {
    product: Product,
    step: String,
    situation: Situation,
    advice: Advice,
}

fn rows() -> Vec<Row> {
    let mut rows = Vec::new();
    for product in [Product::EAdm, Product::EFeide] {
        let mut keys: Vec<&str> = catalog::steps(product)
            .iter()
            .map(|step| step.key)
            .collect();
        if product == Product::EAdm {
            keys.push(OTHER_EXPORT);
        }
        keys.push(UNKNOWN);
        for key in keys {
            let guide = guidance::guide_of(product, key);
            for situation in Situation::OF_A_STEP {
                rows.push(Row {
                    product,
                    step: key.to_string(),
                    situation,
                    advice: *guide.advice(situation).expect("a step's situation"),
                });
            }
        }
        rows.push(Row {
            product,
            step: "(the whole sync)".to_string(),
            situation: Situation::NoNewCycle,
            advice: guidance::no_new_cycle(product),
        });
    }
    rows
}

fn situation_words(situation: Situation) -> &'static str {
    match situation {
        Situation::Failed => "failed",
        Situation::Stopped => "stopped",
        Situation::WaitingTooLong => "waiting too long",
        Situation::RunningTooLong => "running too long",
        Situation::NoNewCycle => "no new cycle starts",
    }
}

fn step_words(key: &str) -> String {
    match key {
        OTHER_EXPORT => format!("any other `export-*` (e.g. `{OTHER_EXPORT}`)"),
        UNKNOWN => format!("a step no guide names (e.g. `{UNKNOWN}`)"),
        key if key.starts_with('(') => key.to_string(),
        key => format!("`{key}`"),
    }
}

fn table() -> String {
    let mut out = String::from(
        "# Guidance, as the vendor's guides give it\n\n\
         Written by `cargo test -p synkvakt-core --test guidance_table` from \
         `src-tauri/crates/core/src/guidance.rs` (set `SYNKVAKT_WRITE_GUIDANCE=1` to write it \
         again); the test fails when this file and the code differ. For each product, step and \
         situation: the remedies the status view shows, in order, and the guide's sentence they \
         follow (the guide's file in the vendor's seed folder, its line, a few of its words). \
         Where the guide has no sentence for the case, the note says which one the advice \
         follows and why.\n\n\
         Guides: `000_…` the manual sync; `001_…` eAdm troubleshooting (Norwegian); `002_…` \
         eAdm troubleshooting (English); `003_…` eFeide troubleshooting (Norwegian).\n\n\
         | Product | Step | Situation | Remedies, in order | The guide | Note |\n\
         |---|---|---|---|---|---|\n",
    );
    for row in rows() {
        let remedies: Vec<&str> = row
            .advice
            .remedies
            .iter()
            .map(|remedy| remedy.kind().as_str())
            .collect();
        let source = row.advice.source;
        out.push_str(&format!(
            "| {} | {} | {} | {} | `{}` line {}: “{}” | {} |\n",
            row.product,
            step_words(&row.step),
            situation_words(row.situation),
            remedies.join(" → "),
            source.guide,
            source.line,
            source.quote.replace('|', "\\|"),
            source.note.unwrap_or(""),
        ));
    }
    out
}

fn repo_root() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../..")
}

#[test]
fn the_committed_guidance_table_is_the_codes() {
    let path = repo_root().join("tests/GUIDANCE.md");
    let written = table();
    if std::env::var_os("SYNKVAKT_WRITE_GUIDANCE").is_some() {
        std::fs::write(&path, &written).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == written,
        "tests/GUIDANCE.md differs from the guidance in the code: run \
         `SYNKVAKT_WRITE_GUIDANCE=1 cargo test -p synkvakt-core --test guidance_table`, \
         read the change against the guides and commit it"
    );
}

#[test]
fn every_quoted_sentence_is_on_the_line_it_names_in_the_guides_at_hand() {
    let folder = std::env::var_os("SYNKVAKT_GUIDES")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| repo_root().join("../shared/seeds"));
    if !folder.is_dir() {
        // A clone without the vendor's guides beside it: the table is still checked above.
        eprintln!(
            "the guides are not at {}: quotes not checked",
            folder.display()
        );
        return;
    }
    let normal = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut checked = 0;
    for row in rows() {
        let source = row.advice.source;
        let text = std::fs::read_to_string(folder.join(source.guide))
            .unwrap_or_else(|err| panic!("{}: {err}", source.guide));
        let line = text
            .lines()
            .nth(source.line as usize - 1)
            .unwrap_or_else(|| panic!("{} has no line {}", source.guide, source.line));
        assert!(
            normal(line).contains(&normal(source.quote)),
            "{} line {} does not say “{}”: {line}",
            source.guide,
            source.line,
            source.quote
        );
        checked += 1;
    }
    assert!(checked > 90, "{checked} rows");
}

/// The remedies' kinds of one row, in order.
fn kinds(product: Product, step: &str, situation: Situation) -> Vec<RemedyKind> {
    let advice = match situation {
        Situation::NoNewCycle => guidance::no_new_cycle(product),
        situation => *guidance::guide_of(product, step).advice(situation).unwrap(),
    };
    advice.remedies.iter().map(|remedy| remedy.kind()).collect()
}

macro_rules! row {
    ($name:ident: $product:ident $step:literal $situation:ident => [$($kind:ident),*]) => {
        #[test]
        fn $name() {
            assert_eq!(
                kinds(Product::$product, $step, Situation::$situation),
                [$(RemedyKind::$kind),*],
            );
        }
    };
}

row!(eadm_import_hr_failed: EAdm "import-hr" Failed => [ContactSupport]);
row!(eadm_import_hr_stopped: EAdm "import-hr" Stopped => [ContactSupport]);
row!(eadm_import_hr_waiting_too_long: EAdm "import-hr" WaitingTooLong => [RunTask, ReadEventLog, ReadClientLogs, SupportIfNoHelp]);
row!(eadm_import_hr_running_too_long: EAdm "import-hr" RunningTooLong => [ContactSupport]);
row!(eadm_import_hr_future_failed: EAdm "import-hr-future" Failed => [ContactSupport]);
row!(eadm_import_hr_future_stopped: EAdm "import-hr-future" Stopped => [ContactSupport]);
row!(eadm_import_hr_future_waiting_too_long: EAdm "import-hr-future" WaitingTooLong => [ContactSupport]);
row!(eadm_import_hr_future_running_too_long: EAdm "import-hr-future" RunningTooLong => [ContactSupport]);
row!(eadm_import_hierarchy_failed: EAdm "import-hierarchy" Failed => [ContactSupport]);
row!(eadm_import_hierarchy_stopped: EAdm "import-hierarchy" Stopped => [ContactSupport]);
row!(eadm_import_hierarchy_waiting_too_long: EAdm "import-hierarchy" WaitingTooLong => [RunTask, ReadEventLog, ReadClientLogs, SupportIfNoHelp]);
row!(eadm_import_hierarchy_running_too_long: EAdm "import-hierarchy" RunningTooLong => [ContactSupport]);
row!(eadm_import_ad_failed: EAdm "import-ad" Failed => [ContactSupport]);
row!(eadm_import_ad_stopped: EAdm "import-ad" Stopped => [ContactSupport]);
row!(eadm_import_ad_waiting_too_long: EAdm "import-ad" WaitingTooLong => [RunTask, ReadEventLog, ReadClientLogs, SupportIfNoHelp]);
row!(eadm_import_ad_running_too_long: EAdm "import-ad" RunningTooLong => [ContactSupport]);
row!(eadm_synchronization_failed: EAdm "synchronization" Failed => [ContactSupport]);
row!(eadm_synchronization_stopped: EAdm "synchronization" Stopped => [ReviewImportFilter, SupportIfUnsure]);
row!(eadm_synchronization_waiting_too_long: EAdm "synchronization" WaitingTooLong => [RunTask, ReadEventLog, ReadClientLogs, SupportIfNoHelp]);
row!(eadm_synchronization_running_too_long: EAdm "synchronization" RunningTooLong => [ContactSupport]);
row!(eadm_export_ad_failed: EAdm "export-ad" Failed => [RunTask, ReadEventLog, ReadClientLogs, SupportIfNoHelp]);
row!(eadm_export_ad_stopped: EAdm "export-ad" Stopped => [ContactSupport]);
row!(eadm_export_ad_waiting_too_long: EAdm "export-ad" WaitingTooLong => [RunTask, ReadEventLog, ReadClientLogs, SupportIfNoHelp]);
row!(eadm_export_ad_running_too_long: EAdm "export-ad" RunningTooLong => [RunTask, ReadEventLog, ReadClientLogs, SupportIfNoHelp]);
row!(eadm_import_ad_results_failed: EAdm "import-ad-results" Failed => [ReadClientLogs, SupportIfNoHelp]);
row!(eadm_import_ad_results_stopped: EAdm "import-ad-results" Stopped => [ContactSupport]);
row!(eadm_import_ad_results_waiting_too_long: EAdm "import-ad-results" WaitingTooLong => [ReadClientLogs, SupportIfNoHelp]);
row!(eadm_import_ad_results_running_too_long: EAdm "import-ad-results" RunningTooLong => [ReadClientLogs, SupportIfNoHelp]);
row!(eadm_export_azure_failed: EAdm "export-azure" Failed => [ContactSupport]);
row!(eadm_export_azure_stopped: EAdm "export-azure" Stopped => [ContactSupport]);
row!(eadm_export_azure_waiting_too_long: EAdm "export-azure" WaitingTooLong => [RunTask, ReadEventLog, ReadClientLogs, SupportIfNoHelp]);
row!(eadm_export_azure_running_too_long: EAdm "export-azure" RunningTooLong => [ContactSupport]);
row!(eadm_export_efeide_failed: EAdm "export-efeide" Failed => [ContactSupport]);
row!(eadm_export_efeide_stopped: EAdm "export-efeide" Stopped => [ContactSupport]);
row!(eadm_export_efeide_waiting_too_long: EAdm "export-efeide" WaitingTooLong => [RunTask, ReadEventLog, ReadClientLogs, SupportIfNoHelp]);
row!(eadm_export_efeide_running_too_long: EAdm "export-efeide" RunningTooLong => [ContactSupport]);
row!(eadm_export_public360_failed: EAdm "export-public360" Failed => [ContactSupport]);
row!(eadm_export_public360_stopped: EAdm "export-public360" Stopped => [ContactSupport]);
row!(eadm_export_public360_waiting_too_long: EAdm "export-public360" WaitingTooLong => [RunTask, ReadEventLog, ReadClientLogs, SupportIfNoHelp]);
row!(eadm_export_public360_running_too_long: EAdm "export-public360" RunningTooLong => [ContactSupport]);
row!(eadm_import_payroll_failed: EAdm "import-payroll" Failed => [ContactSupport]);
row!(eadm_import_payroll_stopped: EAdm "import-payroll" Stopped => [ContactSupport]);
row!(eadm_import_payroll_waiting_too_long: EAdm "import-payroll" WaitingTooLong => [ContactSupport]);
row!(eadm_import_payroll_running_too_long: EAdm "import-payroll" RunningTooLong => [ContactSupport]);
row!(eadm_cycle_no_new_cycle: EAdm "" NoNewCycle => [ManualSync, ReadEventLog, ReadClientLogs, SupportIfNoHelp]);
row!(efeide_import_sas_isi_failed: EFeide "import-sas-isi" Failed => [ContactSupport]);
row!(efeide_import_sas_isi_stopped: EFeide "import-sas-isi" Stopped => [ContactSupport]);
row!(efeide_import_sas_isi_waiting_too_long: EFeide "import-sas-isi" WaitingTooLong => [ContactSupport]);
row!(efeide_import_sas_isi_running_too_long: EFeide "import-sas-isi" RunningTooLong => [ContactSupport]);
row!(efeide_import_sas_failed: EFeide "import-sas" Failed => [RunTask, IskoleNeedsSupport, SupportIfNoHelp]);
row!(efeide_import_sas_stopped: EFeide "import-sas" Stopped => [ContactSupport]);
row!(efeide_import_sas_waiting_too_long: EFeide "import-sas" WaitingTooLong => [RunTask, IskoleNeedsSupport, SupportIfNoHelp]);
row!(efeide_import_sas_running_too_long: EFeide "import-sas" RunningTooLong => [RunTask, IskoleNeedsSupport, SupportIfNoHelp]);
row!(efeide_import_visma_inschool_failed: EFeide "import-visma-inschool" Failed => [ContactSupport]);
row!(efeide_import_visma_inschool_stopped: EFeide "import-visma-inschool" Stopped => [ContactSupport]);
row!(efeide_import_visma_inschool_waiting_too_long: EFeide "import-visma-inschool" WaitingTooLong => [ContactSupport]);
row!(efeide_import_visma_inschool_running_too_long: EFeide "import-visma-inschool" RunningTooLong => [ContactSupport]);
row!(efeide_import_visma_flyt_failed: EFeide "import-visma-flyt" Failed => [ContactSupport]);
row!(efeide_import_visma_flyt_stopped: EFeide "import-visma-flyt" Stopped => [ContactSupport]);
row!(efeide_import_visma_flyt_waiting_too_long: EFeide "import-visma-flyt" WaitingTooLong => [ContactSupport]);
row!(efeide_import_visma_flyt_running_too_long: EFeide "import-visma-flyt" RunningTooLong => [ContactSupport]);
row!(efeide_import_samaccountname_failed: EFeide "import-samaccountname" Failed => [RunTask, SupportIfNoHelp]);
row!(efeide_import_samaccountname_stopped: EFeide "import-samaccountname" Stopped => [ContactSupport]);
row!(efeide_import_samaccountname_waiting_too_long: EFeide "import-samaccountname" WaitingTooLong => [RunTask, SupportIfNoHelp]);
row!(efeide_import_samaccountname_running_too_long: EFeide "import-samaccountname" RunningTooLong => [RunTask, SupportIfNoHelp]);
row!(efeide_import_flyvo_failed: EFeide "import-flyvo" Failed => [RunTask, SupportIfNoHelp]);
row!(efeide_import_flyvo_stopped: EFeide "import-flyvo" Stopped => [ContactSupport]);
row!(efeide_import_flyvo_waiting_too_long: EFeide "import-flyvo" WaitingTooLong => [RunTask, SupportIfNoHelp]);
row!(efeide_import_flyvo_running_too_long: EFeide "import-flyvo" RunningTooLong => [RunTask, SupportIfNoHelp]);
row!(efeide_synchronization_failed: EFeide "synchronization" Failed => [ContactSupport]);
row!(efeide_synchronization_stopped: EFeide "synchronization" Stopped => [SchoolPromotion, ReviewImportFilter, SupportIfOtherCause]);
row!(efeide_synchronization_waiting_too_long: EFeide "synchronization" WaitingTooLong => [ContactSupport]);
row!(efeide_synchronization_running_too_long: EFeide "synchronization" RunningTooLong => [ContactSupport]);
row!(efeide_export_ad_failed: EFeide "export-ad" Failed => [RunTask, SupportIfNoHelp]);
row!(efeide_export_ad_stopped: EFeide "export-ad" Stopped => [ContactSupport]);
row!(efeide_export_ad_waiting_too_long: EFeide "export-ad" WaitingTooLong => [RunTask, SupportIfNoHelp]);
row!(efeide_export_ad_running_too_long: EFeide "export-ad" RunningTooLong => [RunTask, SupportIfNoHelp]);
row!(efeide_import_ad_failed: EFeide "import-ad" Failed => [ContactSupport]);
row!(efeide_import_ad_stopped: EFeide "import-ad" Stopped => [ContactSupport]);
row!(efeide_import_ad_waiting_too_long: EFeide "import-ad" WaitingTooLong => [ContactSupport]);
row!(efeide_import_ad_running_too_long: EFeide "import-ad" RunningTooLong => [ContactSupport]);
row!(efeide_export_lms_failed: EFeide "export-lms" Failed => [ContactSupport]);
row!(efeide_export_lms_stopped: EFeide "export-lms" Stopped => [ContactSupport]);
row!(efeide_export_lms_waiting_too_long: EFeide "export-lms" WaitingTooLong => [ContactSupport]);
row!(efeide_export_lms_running_too_long: EFeide "export-lms" RunningTooLong => [ContactSupport]);
row!(efeide_export_365_failed: EFeide "export-365" Failed => [ContactSupport]);
row!(efeide_export_365_stopped: EFeide "export-365" Stopped => [ContactSupport]);
row!(efeide_export_365_waiting_too_long: EFeide "export-365" WaitingTooLong => [ContactSupport]);
row!(efeide_export_365_running_too_long: EFeide "export-365" RunningTooLong => [ContactSupport]);
row!(efeide_export_azure_failed: EFeide "export-azure" Failed => [ContactSupport]);
row!(efeide_export_azure_stopped: EFeide "export-azure" Stopped => [ContactSupport]);
row!(efeide_export_azure_waiting_too_long: EFeide "export-azure" WaitingTooLong => [ContactSupport]);
row!(efeide_export_azure_running_too_long: EFeide "export-azure" RunningTooLong => [ContactSupport]);
row!(efeide_import_payroll_failed: EFeide "import-payroll" Failed => [ContactSupport]);
row!(efeide_import_payroll_stopped: EFeide "import-payroll" Stopped => [ContactSupport]);
row!(efeide_import_payroll_waiting_too_long: EFeide "import-payroll" WaitingTooLong => [ContactSupport]);
row!(efeide_import_payroll_running_too_long: EFeide "import-payroll" RunningTooLong => [ContactSupport]);
row!(efeide_cycle_no_new_cycle: EFeide "" NoNewCycle => [ManualSync, SupportIfNoHelp]);
