//! The simulated tenant's cycles: a pure function of the scenario and the simulated time, so
//! that the same clock reading always gives the same answer.

use chrono::{DateTime, Duration, Utc};
use synkvakt_api::catalog::{self, StepKind};
use synkvakt_api::demo_protocol::Scenario;
use synkvakt_api::model::{
    Cycle, CycleKind, CycleState, FilterCheck, FilterCheckKind, ImportFilter, Product, Step,
    StepState, TenantInfo,
};

/// The steps a demo tenant of each product has bought, in order, with their usual duration in
/// simulated seconds. Real tenants differ: the app takes each tenant's list as it comes.
fn plan(product: Product) -> &'static [(&'static str, i64)] {
    match product {
        Product::EAdm => &[
            ("import-hr", 240),
            ("import-hr-future", 60),
            ("import-hierarchy", 30),
            ("import-ad", 240),
            ("synchronization", 720),
            ("export-ad", 300),
            ("import-ad-results", 120),
            ("export-azure", 180),
        ],
        Product::EFeide => &[
            ("import-sas", 180),
            ("import-samaccountname", 120),
            ("synchronization", 600),
            ("export-ad", 240),
            ("import-ad", 120),
            ("export-lms", 300),
            ("export-365", 240),
        ],
    }
}

/// The step each scenario is about.
fn scenario_step(product: Product, scenario: Scenario) -> &'static str {
    match (product, scenario) {
        (_, Scenario::StepFailed | Scenario::Waiting) => "export-ad",
        (_, Scenario::ImportFilter) => "synchronization",
        (Product::EAdm, Scenario::Stuck) => "synchronization",
        (Product::EFeide, Scenario::Stuck) => "import-samaccountname",
        (_, Scenario::Healthy | Scenario::Running | Scenario::NoNewCycle) => "",
    }
}

/// The tenant's daily schedule, in hours of its day: full cycles at 06, 12 and 18 (6 h, 6 h,
/// then a 12 h night), and a delta cycle halfway between the daytime full cycles. The hours
/// are the schedule's own, counted from where the current cycle sits in it, so that the current
/// cycle can stand wherever each scenario needs it around the demo's start.
///
/// Few delta cycles, so that the newest 50 cycles of any kind still include a cycle started
/// later on top of the whole history.
const FULL_HOURS: [i64; 3] = [6, 12, 18];
const DELTA_HOURS: [i64; 2] = [9, 15];
/// How far the history reaches back before the current cycle: more than a week of full cycles,
/// enough for a client to learn the usual gaps, and fewer than 100 of them (the contract's
/// largest page), so that one page of full cycles holds them all.
const HISTORY_HOURS: i64 = 8 * 24;
/// How long ago the `no-new-cycle` scenario's cycle started: far longer than the 12 h night,
/// the longest usual gap.
const NO_NEW_CYCLE_FOR: i64 = 20 * 3600;
/// How long the `waiting` scenario's step has waited when the demo starts: less than any usual
/// time, so that it becomes overdue only later.
const WAITED_AT_START: i64 = 120;

/// Where the scenario's current cycle sits in the daily schedule: the evening full cycle, after
/// which the night is the longest usual gap; `running`'s delta cycle the afternoon's.
fn schedule_hour(scenario: Scenario) -> i64 {
    match scenario {
        Scenario::Running => 15,
        _ => 18,
    }
}

/// The kind of cycle the schedule starts at `hour` of its day, if any.
fn scheduled_kind(hour: i64) -> Option<CycleKind> {
    let hour = hour.rem_euclid(24);
    if FULL_HOURS.contains(&hour) {
        Some(CycleKind::Full)
    } else if DELTA_HOURS.contains(&hour) {
        Some(CycleKind::Delta)
    } else {
        None
    }
}

pub struct Simulation {
    pub product: Product,
    pub scenario: Scenario,
    /// The product's steps with their durations in seconds, already divided by the time scale.
    steps: Vec<(&'static str, i64)>,
    /// When the current cycle started, in simulated time.
    current_start: DateTime<Utc>,
}

impl Simulation {
    /// Places the current cycle around `now` so that each scenario shows what it is about at
    /// once: `running` is in its fourth step, the others have reached their state.
    ///
    /// `time_scale` shortens every step (60 makes a four-minute import take four seconds) while
    /// the clock stays the real one, so that times and ages shown are true.
    pub fn new(
        product: Product,
        scenario: Scenario,
        now: DateTime<Utc>,
        time_scale: f64,
    ) -> Simulation {
        let steps: Vec<(&'static str, i64)> = plan(product)
            .iter()
            .map(|(key, seconds)| (*key, ((*seconds as f64 / time_scale).round() as i64).max(1)))
            .collect();
        let offset_of = |index: usize| {
            steps[..index]
                .iter()
                .map(|(_, seconds)| seconds)
                .sum::<i64>()
        };
        let total = offset_of(steps.len());
        let lead = match scenario {
            Scenario::Healthy => total + 2 * 3600,
            // Completed long ago, and nothing since.
            Scenario::NoNewCycle => NO_NEW_CYCLE_FOR,
            // A delta cycle skips the imports before synchronization: a third into its second
            // step.
            Scenario::Running => {
                let keys: Vec<&str> = steps.iter().map(|(key, _)| *key).collect();
                let ran: Vec<i64> = steps
                    .iter()
                    .enumerate()
                    .filter(|(index, _)| !skipped_in_delta(product, &keys, *index))
                    .map(|(_, (_, seconds))| *seconds)
                    .collect();
                ran[0] + ran[1] / 3
            }
            Scenario::StepFailed | Scenario::ImportFilter | Scenario::Stuck | Scenario::Waiting => {
                let index = steps
                    .iter()
                    .position(|(key, _)| *key == scenario_step(product, scenario))
                    .unwrap_or(0);
                match scenario {
                    // Running for two hours: far past any step's usual time.
                    Scenario::Stuck => offset_of(index) + 2 * 3600,
                    Scenario::Waiting => offset_of(index) + WAITED_AT_START,
                    _ => offset_of(index + 1) + 25 * 60,
                }
            }
        };
        Simulation {
            product,
            scenario,
            current_start: now - Duration::seconds(lead),
            steps,
        }
    }

    pub fn tenant(&self) -> TenantInfo {
        TenantInfo {
            name: match self.product {
                Product::EAdm => "Demo kommune".to_string(),
                Product::EFeide => "Demo fylkeskommune".to_string(),
            },
            product: self.product,
            can_start_cycle: false,
            can_clear_cache: false,
            api_version: "1.0".to_string(),
        }
    }

    pub fn current_cycle_id(&self) -> String {
        self.cycle_id(self.current_start)
    }

    fn cycle_id(&self, start: DateTime<Utc>) -> String {
        format!(
            "{}-{}",
            self.product.as_str().to_lowercase(),
            start.format("%Y%m%d-%H%M%S")
        )
    }

    /// The scenario's cycle; `released` is when the client's task delivered what the `waiting`
    /// scenario's step (or eFeide's `stuck` one) waits for.
    pub fn current_cycle(&self, now: DateTime<Utc>, released: Option<DateTime<Utc>>) -> Cycle {
        let kind = match self.scenario {
            Scenario::Running => CycleKind::Delta,
            _ => CycleKind::Full,
        };
        let trouble = Trouble {
            scenario: self.scenario,
            released,
        };
        self.cycle_at(self.current_start, kind, Some(trouble), 1.0, now)
    }

    /// The current cycle and earlier ones, newest first, `kind` only when asked: earlier ones
    /// completed on the daily schedule (see [`FULL_HOURS`]) reaching back [`HISTORY_HOURS`]
    /// before the current cycle, with durations that vary a little as real ones do.
    pub fn history(
        &self,
        now: DateTime<Utc>,
        released: Option<DateTime<Utc>>,
        limit: usize,
        kind: Option<CycleKind>,
    ) -> Vec<Cycle> {
        let current = self.current_cycle(now, released);
        let current = kind
            .is_none_or(|kind| kind == current.kind)
            .then_some(current);
        let earlier = self
            .earlier_starts()
            .filter(|(_, earlier)| kind.is_none_or(|kind| kind == *earlier))
            .map(|(hours_before, kind)| {
                let start = self.current_start - Duration::hours(hours_before);
                let pace = 0.8 + ((hours_before * 37) % 40) as f64 / 100.0;
                self.cycle_at(start, kind, None, pace, now)
            });
        current.into_iter().chain(earlier).take(limit).collect()
    }

    /// The schedule's cycles before the current one, newest first: how many hours before it
    /// each started, and its kind.
    fn earlier_starts(&self) -> impl Iterator<Item = (i64, CycleKind)> {
        let hour = schedule_hour(self.scenario);
        (1..=HISTORY_HOURS)
            .filter_map(move |before| scheduled_kind(hour - before).map(|kind| (before, kind)))
    }

    /// A cycle the client's task started at `start`: every step at its usual pace, no trouble.
    pub fn started_cycle(&self, start: DateTime<Utc>, now: DateTime<Utc>) -> Cycle {
        self.cycle_at(start, CycleKind::Full, None, 1.0, now)
    }

    fn cycle_at(
        &self,
        start: DateTime<Utc>,
        kind: CycleKind,
        trouble: Option<Trouble>,
        pace: f64,
        now: DateTime<Utc>,
    ) -> Cycle {
        let scenario = trouble.map(|trouble| trouble.scenario);
        let trouble_key = scenario
            .map(|s| scenario_step(self.product, s))
            .unwrap_or("");
        let mut steps = Vec::new();
        let mut cursor = start;
        let mut halted: Option<CycleState> = None;
        let mut import_filter = None;
        let keys: Vec<&str> = self.steps.iter().map(|(key, _)| *key).collect();
        for (index, (key, seconds)) in self.steps.iter().enumerate() {
            let display_name = display_name(self.product, key);
            let skipped = kind == CycleKind::Delta && skipped_in_delta(self.product, &keys, index);
            if skipped {
                steps.push(step(key, display_name, StepState::Skipped, None, None));
                continue;
            }
            if halted.is_some() || now < cursor {
                steps.push(step(key, display_name, StepState::Waiting, None, None));
                continue;
            }
            let is_trouble = *key == trouble_key;
            let started = match trouble {
                Some(Trouble {
                    scenario: Scenario::Waiting,
                    released,
                }) if is_trouble => match released {
                    Some(released) if released <= now => released.max(cursor),
                    _ => {
                        steps.push(step(key, display_name, StepState::Waiting, None, None));
                        halted = Some(CycleState::Running);
                        continue;
                    }
                },
                // eFeide's stuck step waits on the client's data under the portal's one
                // spinner: the client's task delivers it, and the step then runs.
                Some(Trouble {
                    scenario: Scenario::Stuck,
                    released: Some(released),
                }) if is_trouble && released <= now => released.max(cursor),
                _ => cursor,
            };
            let finished = started + Duration::seconds((*seconds as f64 * pace).round() as i64);
            let released_now = trouble
                .and_then(|trouble| trouble.released)
                .is_some_and(|released| released <= now);
            let stuck = is_trouble && scenario == Some(Scenario::Stuck) && !released_now;
            if stuck || now < finished {
                steps.push(step(
                    key,
                    display_name,
                    StepState::Running,
                    Some(started),
                    None,
                ));
                halted = Some(CycleState::Running);
                continue;
            }
            let mut done = step(
                key,
                display_name,
                StepState::Completed,
                Some(started),
                Some(finished),
            );
            if is_trouble && scenario == Some(Scenario::StepFailed) {
                done.state = StepState::Failed;
                done.message = Some(failure_message(self.product).to_string());
                done.error_code = Some("EXP-AD-0412".to_string());
                halted = Some(CycleState::Failed);
            } else if is_trouble && scenario == Some(Scenario::ImportFilter) {
                done.state = StepState::Stopped;
                done.message =
                    Some("Import filter: deleted accounts 14.2 % (threshold 5 %)".to_string());
                done.error_code = Some("IMPORT-FILTER".to_string());
                halted = Some(CycleState::Stopped);
                import_filter = Some(stopped_filter());
            }
            steps.push(done);
            cursor = finished;
        }
        let state = halted.unwrap_or(CycleState::Completed);
        let finished_at = match state {
            CycleState::Running => None,
            _ => steps.iter().filter_map(|step| step.finished_at).max(),
        };
        Cycle {
            id: format!(
                "{}-{}",
                self.product.as_str().to_lowercase(),
                start.format("%Y%m%d-%H%M%S")
            ),
            kind,
            state,
            started_at: start,
            finished_at,
            steps,
            import_filter,
        }
    }
}

fn kind_of(product: Product, key: &str) -> Option<StepKind> {
    catalog::lookup(product, key).map(|step| step.kind)
}

/// Whether a delta cycle skips the step at `index` of `keys`: the imports before
/// synchronization. The imports after it (eAdm's Import AD Results, eFeide's Import AD) are the
/// feedback from local AD after Export AD, and run in a delta cycle as well.
fn skipped_in_delta(product: Product, keys: &[&str], index: usize) -> bool {
    let synchronization = keys
        .iter()
        .position(|key| kind_of(product, key) == Some(StepKind::Synchronization))
        .unwrap_or(keys.len());
    index < synchronization && kind_of(product, keys[index]) == Some(StepKind::Import)
}

/// The scenario's trouble, for the scenario's own cycle.
#[derive(Debug, Clone, Copy)]
struct Trouble {
    scenario: Scenario,
    released: Option<DateTime<Utc>>,
}

/// The service's own step names: English words as its portal shows them.
fn display_name(product: Product, key: &str) -> String {
    let name = match (product, key) {
        (_, "import-hr") => "Import HR",
        (_, "import-hr-future") => "Import HR Future",
        (_, "import-hierarchy") => "Import Hierarchy",
        (_, "import-ad") => "Import AD",
        (Product::EAdm, "synchronization") => "Synchronization",
        (Product::EFeide, "synchronization") => "Syncronization",
        (_, "export-ad") => "Export AD",
        (_, "import-ad-results") => "Import AD Results",
        (_, "export-azure") => "Export Azure",
        (_, "import-sas") => "Import SAS",
        (_, "import-samaccountname") => "Import samAccountName",
        (_, "export-lms") => "Export LMS",
        (_, "export-365") => "Export 365",
        _ => key,
    };
    name.to_string()
}

fn failure_message(product: Product) -> &'static str {
    match product {
        Product::EAdm => "The client did not fetch the export: no contact with the client server within 30 minutes",
        Product::EFeide => "The export to AD was not picked up by the domain controller within 30 minutes",
    }
}

fn step(
    key: &str,
    display_name: String,
    state: StepState,
    started_at: Option<DateTime<Utc>>,
    finished_at: Option<DateTime<Utc>>,
) -> Step {
    Step {
        key: key.to_string(),
        display_name,
        state,
        started_at,
        finished_at,
        message: None,
        error_code: None,
    }
}

fn stopped_filter() -> ImportFilter {
    let check = |kind, threshold_percent, observed_percent, count| FilterCheck {
        kind,
        threshold_percent,
        observed_percent,
        count,
        exceeded: observed_percent > threshold_percent,
    };
    ImportFilter {
        previous_count: 4812,
        checks: vec![
            check(FilterCheckKind::New, 5.0, 0.4, 19),
            check(FilterCheckKind::Changed, 10.0, 3.1, 149),
            check(FilterCheckKind::Deleted, 5.0, 14.2, 683),
            check(FilterCheckKind::Anomaly, 5.0, 0.2, 10),
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn states(cycle: &Cycle) -> Vec<&str> {
        cycle
            .steps
            .iter()
            .map(|step| step.state.as_wire())
            .collect()
    }

    #[test]
    fn a_running_delta_cycle_advances_to_completed() {
        let now = Utc::now();
        let simulation = Simulation::new(Product::EAdm, Scenario::Running, now, 1.0);
        let cycle = simulation.current_cycle(now, None);
        assert_eq!(cycle.state, CycleState::Running);
        assert_eq!(cycle.kind, CycleKind::Delta);
        assert_eq!(
            states(&cycle),
            [
                "skipped",
                "skipped",
                "skipped",
                "skipped",
                "completed",
                "running",
                "waiting",
                "waiting"
            ]
        );
        let later = simulation.current_cycle(now + Duration::hours(2), None);
        assert_eq!(later.state, CycleState::Completed);
        assert!(later.finished_at.is_some());
    }

    #[test]
    fn scenarios_reach_their_state() {
        let now = Utc::now();
        for (product, scenario, state, step_state, key) in [
            (
                Product::EAdm,
                Scenario::StepFailed,
                CycleState::Failed,
                StepState::Failed,
                "export-ad",
            ),
            (
                Product::EFeide,
                Scenario::ImportFilter,
                CycleState::Stopped,
                StepState::Stopped,
                "synchronization",
            ),
            (
                Product::EFeide,
                Scenario::Stuck,
                CycleState::Running,
                StepState::Running,
                "import-samaccountname",
            ),
        ] {
            let simulation = Simulation::new(product, scenario, now, 60.0);
            let cycle = simulation.current_cycle(now + Duration::days(3), None);
            assert_eq!(cycle.state, state, "{scenario:?}");
            let trouble = cycle.steps.iter().find(|step| step.key == key).unwrap();
            assert_eq!(trouble.state, step_state, "{scenario:?}");
            assert_eq!(
                cycle.import_filter.is_some(),
                scenario == Scenario::ImportFilter
            );
        }
    }

    #[test]
    fn history_is_newest_first_and_delta_cycles_skip_imports() {
        let now = Utc::now();
        let simulation = Simulation::new(Product::EAdm, Scenario::Healthy, now, 1.0);
        let history = simulation.history(now, None, 500, None);
        // 8 days of 3 full and 2 delta cycles, and the current one.
        assert_eq!(history.len(), 8 * 5 + 1);
        assert!(history
            .windows(2)
            .all(|pair| pair[0].started_at > pair[1].started_at));
        let delta = history
            .iter()
            .find(|cycle| cycle.kind == CycleKind::Delta)
            .unwrap();
        assert_eq!(delta.state, CycleState::Completed);
        assert_eq!(delta.steps[0].state, StepState::Skipped);
        assert!(history[1..]
            .iter()
            .all(|cycle| cycle.state == CycleState::Completed));
        assert_eq!(simulation.history(now, None, 3, None).len(), 3);
    }

    /// The hours between the starts of consecutive full cycles, newest first.
    fn full_gaps(history: &[Cycle]) -> Vec<i64> {
        history
            .windows(2)
            .map(|pair| (pair[0].started_at - pair[1].started_at).num_hours())
            .collect()
    }

    #[test]
    fn the_history_teaches_a_daily_schedule_of_full_cycles_with_a_night() {
        let now = Utc::now();
        for product in [Product::EAdm, Product::EFeide] {
            for scenario in Scenario::ALL {
                let context = format!("{product} {}", scenario.as_str());
                let simulation = Simulation::new(product, scenario, now, 60.0);
                let full = simulation.history(now, None, 100, Some(CycleKind::Full));
                assert!(full.iter().all(|cycle| cycle.kind == CycleKind::Full));
                assert!(full.len() < 100, "{context}: one page holds them all");
                let everything = simulation.history(now, None, 1_000, None);
                let all_full = everything
                    .iter()
                    .filter(|cycle| cycle.kind == CycleKind::Full)
                    .count();
                assert_eq!(full.len(), all_full, "{context}");
                let span = full[0].started_at - full.last().unwrap().started_at;
                assert!(
                    span >= Duration::hours(7 * 24 + 12),
                    "{context}: full cycles reach back {} h",
                    span.num_hours()
                );
                // Before the current cycle: 6 h, 6 h, then the 12 h night, day after day.
                let gaps = full_gaps(&full);
                assert!(
                    gaps.iter().all(|gap| [6, 12].contains(gap)),
                    "{context}: {gaps:?}"
                );
                assert!(
                    gaps.iter().filter(|gap| **gap == 12).count() >= 7,
                    "{context}: a night every day: {gaps:?}"
                );
                assert!(
                    gaps.windows(3).any(|three| three == [12, 6, 6])
                        || gaps.windows(3).any(|three| three == [6, 6, 12]),
                    "{context}: {gaps:?}"
                );
                // Delta cycles run between the daytime full cycles, never at night.
                for delta in everything.iter().filter(|c| c.kind == CycleKind::Delta) {
                    let after = full
                        .iter()
                        .find(|f| f.started_at < delta.started_at)
                        .map(|f| delta.started_at - f.started_at);
                    if let Some(after) = after {
                        assert!(after < Duration::hours(6), "{context}: {}", delta.id);
                    }
                }
                let deltas = simulation.history(now, None, 100, Some(CycleKind::Delta));
                assert!(!deltas.is_empty());
                assert!(deltas.iter().all(|cycle| cycle.kind == CycleKind::Delta));
            }
        }
    }

    #[test]
    fn delta_cycles_run_the_feedback_from_ad_and_skip_the_imports_before_synchronization() {
        let now = Utc::now();
        for (product, skipped, ran) in [
            (
                Product::EAdm,
                &[
                    "import-hr",
                    "import-hr-future",
                    "import-hierarchy",
                    "import-ad",
                ][..],
                &[
                    "synchronization",
                    "export-ad",
                    "import-ad-results",
                    "export-azure",
                ][..],
            ),
            (
                Product::EFeide,
                &["import-sas", "import-samaccountname"][..],
                &[
                    "synchronization",
                    "export-ad",
                    "import-ad",
                    "export-lms",
                    "export-365",
                ][..],
            ),
        ] {
            let simulation = Simulation::new(product, Scenario::Healthy, now, 60.0);
            let deltas = simulation.history(now, None, 5, Some(CycleKind::Delta));
            assert_eq!(deltas.len(), 5);
            for delta in &deltas {
                assert_eq!(delta.state, CycleState::Completed, "{}", delta.id);
                for step in &delta.steps {
                    let wanted = if skipped.contains(&step.key.as_str()) {
                        StepState::Skipped
                    } else {
                        assert!(ran.contains(&step.key.as_str()), "{}", step.key);
                        StepState::Completed
                    };
                    assert_eq!(step.state, wanted, "{product} {}", step.key);
                }
                let feedback = delta.steps.iter().find(|step| step.key == ran[2]).unwrap();
                let export = delta.steps.iter().find(|step| step.key == "export-ad");
                assert!(feedback.started_at >= export.unwrap().finished_at);
            }
            // A full cycle runs every step.
            let full = simulation.history(now, None, 2, Some(CycleKind::Full));
            assert!(full[1]
                .steps
                .iter()
                .all(|step| step.state == StepState::Completed));
        }
    }

    #[test]
    fn no_new_cycle_has_started_since_a_completed_one_long_ago() {
        let now = Utc::now();
        for product in [Product::EAdm, Product::EFeide] {
            let simulation = Simulation::new(product, Scenario::NoNewCycle, now, 60.0);
            let history = simulation.history(now, None, 100, None);
            let current = &history[0];
            assert_eq!(current.id, simulation.current_cycle_id());
            assert_eq!(current.kind, CycleKind::Full);
            assert_eq!(current.state, CycleState::Completed);
            assert!(current
                .steps
                .iter()
                .all(|step| step.state == StepState::Completed));
            let since = now - current.started_at;
            assert!(
                (Duration::hours(18)..=Duration::hours(22)).contains(&since),
                "{} h",
                since.num_hours()
            );
            // Far longer than the longest gap the history teaches.
            let full = simulation.history(now, None, 100, Some(CycleKind::Full));
            let longest = full_gaps(&full).into_iter().max().unwrap();
            assert_eq!(longest, 12);
            assert!(since > Duration::hours(longest) * 3 / 2);
            assert!(history[1..]
                .iter()
                .all(|cycle| cycle.started_at < current.started_at));
            // It stays so: nothing starts on its own.
            let later = simulation.history(now + Duration::hours(6), None, 2, None);
            assert_eq!(later[0].id, current.id);
        }
    }

    #[test]
    fn the_waiting_step_starts_only_once_the_clients_task_ran() {
        let now = Utc::now();
        let simulation = Simulation::new(Product::EAdm, Scenario::Waiting, now, 60.0);
        let export = |cycle: &Cycle| {
            cycle
                .steps
                .iter()
                .find(|step| step.key == "export-ad")
                .cloned()
                .unwrap()
        };
        let waiting = simulation.current_cycle(now + Duration::hours(5), None);
        assert_eq!(waiting.state, CycleState::Running);
        assert_eq!(export(&waiting).state, StepState::Waiting);
        assert_eq!(states(&waiting)[4], "completed", "the step before is done");

        let released = now + Duration::minutes(20);
        let before = simulation.current_cycle(now + Duration::minutes(10), Some(released));
        assert_eq!(export(&before).state, StepState::Waiting);
        let after = simulation.current_cycle(released + Duration::seconds(1), Some(released));
        assert_eq!(export(&after).state, StepState::Running);
        assert_eq!(export(&after).started_at, Some(released));
        let done = simulation.current_cycle(released + Duration::hours(1), Some(released));
        assert_eq!(done.state, CycleState::Completed);
    }

    #[test]
    fn efeides_stuck_step_runs_once_the_clients_task_delivered_its_data() {
        let now = Utc::now();
        let simulation = Simulation::new(Product::EFeide, Scenario::Stuck, now, 60.0);
        let sam = |cycle: &Cycle| {
            cycle
                .steps
                .iter()
                .find(|step| step.key == "import-samaccountname")
                .cloned()
                .unwrap()
        };
        let stuck = simulation.current_cycle(now + Duration::hours(5), None);
        assert_eq!(sam(&stuck).state, StepState::Running);
        let first_start = sam(&stuck).started_at;

        let released = now + Duration::hours(5);
        let after = simulation.current_cycle(released + Duration::seconds(1), Some(released));
        assert_eq!(
            sam(&after).started_at,
            Some(released),
            "it runs anew from the delivery"
        );
        assert_ne!(sam(&after).started_at, first_start);
        let done = simulation.current_cycle(released + Duration::hours(1), Some(released));
        assert_eq!(sam(&done).state, StepState::Completed);
        assert_eq!(done.state, CycleState::Completed);
    }
}
