//! "The usual time" of each step, learned per tenant from its recent cycles: how long the step
//! runs, and how long it waits after the step before it finished. A step past a multiple of its
//! median (never below a floor) is stalled.

use chrono::{DateTime, Datelike, Timelike, Utc};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use synkvakt_api::model::{Cycle, CycleKind, CycleState, StepState};

#[derive(Debug, Clone, Default, PartialEq)]
pub struct UsualTimes {
    run_seconds: HashMap<String, i64>,
    wait_seconds: HashMap<String, i64>,
    /// How long a completed delta cycle takes, start to end.
    delta_seconds: Option<i64>,
    limits: Option<WatchLimits>,
}

fn median(mut samples: Vec<i64>) -> Option<i64> {
    samples.sort_unstable();
    match samples.len() {
        0 => None,
        n if n % 2 == 1 => Some(samples[n / 2]),
        n => Some((samples[n / 2 - 1] + samples[n / 2]) / 2),
    }
}

impl UsualTimes {
    /// Learns from finished cycles; a running one says nothing yet about the steps it runs.
    pub fn learn(history: &[Cycle], limits: WatchLimits) -> UsualTimes {
        let mut runs: HashMap<String, Vec<i64>> = HashMap::new();
        let mut waits: HashMap<String, Vec<i64>> = HashMap::new();
        let mut deltas = Vec::new();
        for cycle in history {
            if let (CycleKind::Delta, CycleState::Completed, Some(finished)) =
                (cycle.kind, &cycle.state, cycle.finished_at)
            {
                deltas.push((finished - cycle.started_at).num_seconds());
            }
            let mut ready_at = Some(cycle.started_at);
            for step in &cycle.steps {
                if step.state == StepState::Skipped {
                    continue;
                }
                if let (Some(started), Some(finished)) = (step.started_at, step.finished_at) {
                    if step.state == StepState::Completed {
                        runs.entry(step.key.clone())
                            .or_default()
                            .push((finished - started).num_seconds());
                    }
                    if let Some(ready) = ready_at {
                        waits
                            .entry(step.key.clone())
                            .or_default()
                            .push((started - ready).num_seconds().max(0));
                    }
                }
                ready_at = step.finished_at;
            }
        }
        let to_medians = |samples: HashMap<String, Vec<i64>>| -> HashMap<String, i64> {
            samples
                .into_iter()
                .filter_map(|(key, values)| median(values).map(|m| (key, m)))
                .collect()
        };
        UsualTimes {
            run_seconds: to_medians(runs),
            wait_seconds: to_medians(waits),
            delta_seconds: median(deltas),
            limits: Some(limits),
        }
    }

    fn limit(&self, median: Option<i64>) -> i64 {
        let limits = self.limits.unwrap_or_default();
        let floor = i64::from(limits.stall_floor_minutes) * 60;
        match median {
            Some(median) => ((median as f64 * limits.stall_multiplier).round() as i64).max(floor),
            None => (i64::from(limits.stall_default_minutes) * 60).max(floor),
        }
    }

    /// How long the step may run before it is stalled.
    pub fn run_limit(&self, key: &str) -> i64 {
        self.limit(self.run_seconds.get(key).copied())
    }

    /// How long the step may wait after the step before it finished.
    pub fn wait_limit(&self, key: &str) -> i64 {
        self.limit(self.wait_seconds.get(key).copied())
    }

    /// How long a delta cycle may run before it is past its usual time.
    pub fn delta_limit(&self) -> i64 {
        self.limit(self.delta_seconds)
    }

    /// Whether a step has run, or waited since `since`, longer than its limit at `now`.
    pub fn is_past(limit_seconds: i64, since: DateTime<Utc>, now: DateTime<Utc>) -> bool {
        (now - since).num_seconds() > limit_seconds
    }
}

/// How long after a manual sync's task was run the new cycle usually started: the median over
/// the runs at `runs` (from the audit trail, by the tenant's clock), each matched with the
/// first cycle of `history` that started after it within two hours; `None` with no such pair.
pub fn start_delay_seconds(runs: &[DateTime<Utc>], history: &[Cycle]) -> Option<i64> {
    let window = chrono::Duration::hours(2);
    let delays = runs
        .iter()
        .filter_map(|run| {
            history
                .iter()
                .map(|cycle| cycle.started_at)
                .filter(|started| *started >= *run && *started - *run <= window)
                .min()
                .map(|started| (started - *run).num_seconds())
        })
        .collect();
    median(delays)
}

/// How long full-cycle history must reach back before its gaps are trusted: a week shows every
/// weekday's schedule and every night's pause.
pub const GAP_HISTORY_DAYS: i64 = 7;
/// A gap's time of day matches the last start's within this many minutes either way.
const SAME_TIME_OF_DAY_MINUTES: i64 = 90;

/// By when a new cycle should have started after the newest one, and where that came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NewCycleLimit {
    /// Seconds after the newest cycle's start.
    pub seconds: i64,
    /// Learned from at least a week of full cycles; else the profile's default.
    pub learned: bool,
}

/// The margin a learned gap gets before its end counts as a stall.
fn gap_margin(gap: i64) -> i64 {
    (gap / 5).max(30 * 60)
}

/// The limit for a new cycle to start after `current`, the newest cycle.
///
/// The schedule is read from full cycles only: a delta in between says nothing about when the
/// next full cycle is due. With `full_history` reaching back a week, the next full cycle is due
/// a typical gap after the newest full start: the median of the gaps that followed starts on
/// the same weekday at the same time of day (the lower one of an even count) (so Friday evening's weekend pause applies to
/// Fridays only, and each evening's night pause to evenings only), else at the same time of day
/// on any day, else of all gaps; plus a margin. With less history, `default_hours` after
/// `current` started.
pub fn new_cycle_limit(
    full_history: &[Cycle],
    current: &Cycle,
    default_hours: u32,
) -> NewCycleLimit {
    let default = NewCycleLimit {
        seconds: i64::from(default_hours) * 3600,
        learned: false,
    };
    let mut starts: Vec<DateTime<Utc>> = full_history
        .iter()
        .chain((current.kind == CycleKind::Full).then_some(current))
        .map(|cycle| cycle.started_at)
        .collect();
    starts.sort_unstable();
    starts.dedup();
    let (Some(first), Some(last)) = (starts.first(), starts.last()) else {
        return default;
    };
    if *last - *first < chrono::Duration::days(GAP_HISTORY_DAYS) {
        return default;
    }
    let Some(anchor) = starts
        .iter()
        .rev()
        .find(|start| **start <= current.started_at)
        .copied()
    else {
        return default;
    };
    let minute_of_day =
        |time: DateTime<Utc>| i64::from(time.time().num_seconds_from_midnight()) / 60;
    let near = |a: DateTime<Utc>, b: DateTime<Utc>| {
        let apart = (minute_of_day(a) - minute_of_day(b)).rem_euclid(24 * 60);
        apart.min(24 * 60 - apart) <= SAME_TIME_OF_DAY_MINUTES
    };
    let gaps: Vec<(DateTime<Utc>, i64)> = starts
        .windows(2)
        .map(|pair| (pair[0], (pair[1] - pair[0]).num_seconds()))
        .collect();
    // The lower median: with two samples, an outage in one week never sets the other's limit.
    let typical = |matches: &dyn Fn(DateTime<Utc>) -> bool| {
        let mut samples: Vec<i64> = gaps
            .iter()
            .filter(|(start, _)| matches(*start))
            .map(|(_, gap)| *gap)
            .collect();
        samples.sort_unstable();
        samples.get(samples.len().saturating_sub(1) / 2).copied()
    };
    let Some(gap) = typical(&|start| start.weekday() == anchor.weekday() && near(start, anchor))
        .or_else(|| typical(&|start| near(start, anchor)))
        .or_else(|| typical(&|_| true))
    else {
        return default;
    };
    let due = anchor + chrono::Duration::seconds(gap + gap_margin(gap));
    NewCycleLimit {
        seconds: (due - current.started_at)
            .num_seconds()
            .max(gap_margin(gap)),
        learned: true,
    }
}

/// When a step counts as stalled, and when no new cycle is a stall.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct WatchLimits {
    /// A step is past its usual time after this many times its median duration…
    pub stall_multiplier: f64,
    /// …but never sooner than this.
    pub stall_floor_minutes: u32,
    /// The usual time of a step the history says nothing about.
    pub stall_default_minutes: u32,
    /// No new cycle for this long is a stall, until the history teaches the usual gap.
    #[serde(alias = "staleHours")]
    pub new_cycle_hours: u32,
    /// How long a manual sync waits for its new cycle once the task is done.
    pub new_cycle_wait_minutes: u32,
}

impl Default for WatchLimits {
    fn default() -> Self {
        WatchLimits {
            stall_multiplier: 3.0,
            stall_floor_minutes: 10,
            stall_default_minutes: 60,
            new_cycle_hours: 26,
            new_cycle_wait_minutes: 10,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Duration;
    use synkvakt_api::model::{CycleKind, CycleState, Step};

    fn cycle(start: DateTime<Utc>, steps: &[(&str, i64, i64)]) -> Cycle {
        Cycle {
            id: start.to_rfc3339(),
            kind: CycleKind::Full,
            state: CycleState::Completed,
            started_at: start,
            finished_at: None,
            steps: steps
                .iter()
                .map(|(key, wait, run)| (key, *wait, *run))
                .scan(start, |cursor, (key, wait, run)| {
                    let started = *cursor + Duration::seconds(wait);
                    let finished = started + Duration::seconds(run);
                    *cursor = finished;
                    Some(Step {
                        key: key.to_string(),
                        display_name: key.to_string(),
                        state: StepState::Completed,
                        started_at: Some(started),
                        finished_at: Some(finished),
                        message: None,
                        error_code: None,
                    })
                })
                .collect(),
            import_filter: None,
        }
    }

    #[test]
    fn limits_are_a_multiple_of_the_median_with_a_floor() {
        let t0 = Utc::now();
        let history: Vec<Cycle> = [600, 720, 6000, 660, 700]
            .iter()
            .enumerate()
            .map(|(n, sync)| {
                cycle(
                    t0 - Duration::hours(6 * n as i64),
                    &[("import-hr", 0, 120), ("synchronization", 30, *sync)],
                )
            })
            .collect();
        let usual = UsualTimes::learn(&history, WatchLimits::default());
        // The median ignores the one slow outlier: 700 s, times three.
        assert_eq!(usual.run_limit("synchronization"), 2100);
        // Two minutes times three is under the ten-minute floor.
        assert_eq!(usual.run_limit("import-hr"), 600);
        assert_eq!(usual.wait_limit("synchronization"), 600);
        // A step the history does not know gets the default.
        assert_eq!(usual.run_limit("export-ad"), 3600);

        let strict = UsualTimes::learn(
            &history,
            WatchLimits {
                stall_multiplier: 1.5,
                stall_floor_minutes: 1,
                ..WatchLimits::default()
            },
        );
        assert_eq!(strict.run_limit("synchronization"), 1050);
        assert_eq!(strict.run_limit("import-hr"), 180);
    }

    #[test]
    fn the_start_delay_is_the_median_wait_from_a_run_to_the_next_cycle() {
        let t0 = Utc::now();
        let history: Vec<Cycle> = [5, 62, 130, 400]
            .iter()
            .map(|minutes| cycle(t0 + Duration::minutes(*minutes), &[]))
            .collect();
        let runs = [t0, t0 + Duration::minutes(60), t0 + Duration::minutes(125)];
        // 5, 2 and 5 minutes: the median is 5.
        assert_eq!(start_delay_seconds(&runs, &history), Some(300));
        // A run with no cycle within two hours teaches nothing.
        assert_eq!(
            start_delay_seconds(&[t0 + Duration::minutes(131)], &history),
            None
        );
        assert_eq!(start_delay_seconds(&[], &history), None);
    }

    /// Two weeks of full cycles at 06, 12 and 18 on weekdays, none at weekends: Friday's 18:00
    /// cycle is followed by Monday's 06:00.
    fn weekday_schedule(monday: DateTime<Utc>) -> Vec<Cycle> {
        (0..14)
            .filter(|day| day % 7 < 5)
            .flat_map(|day| {
                [6, 12, 18].map(|hour| monday + Duration::days(day) + Duration::hours(hour))
            })
            .map(|start| cycle(start, &[]))
            .collect()
    }

    fn monday() -> DateTime<Utc> {
        "2026-11-02T00:00:00Z".parse().unwrap()
    }

    fn limit_after(history: &[Cycle], start: DateTime<Utc>, kind: CycleKind) -> NewCycleLimit {
        let mut current = cycle(start, &[]);
        current.kind = kind;
        new_cycle_limit(history, &current, 26)
    }

    #[test]
    fn the_usual_gap_is_the_one_after_a_start_on_that_weekday_at_that_time() {
        let history = weekday_schedule(monday());
        let third_monday = monday() + Duration::days(14);
        let hours = |limit: NewCycleLimit| limit.seconds as f64 / 3600.0;
        // Midday: six hours to the evening cycle, plus the 72-minute margin (a fifth).
        let midday = limit_after(
            &history,
            third_monday + Duration::hours(12),
            CycleKind::Full,
        );
        assert!(midday.learned);
        assert_eq!(hours(midday), 7.2);
        // A weekday evening: the night's twelve hours, not the weekend's sixty.
        let evening = limit_after(
            &history,
            third_monday + Duration::hours(18),
            CycleKind::Full,
        );
        assert_eq!(hours(evening), 14.4);
        // A Friday evening: the weekend's sixty hours.
        let friday = limit_after(
            &history,
            third_monday + Duration::days(4) + Duration::hours(18),
            CycleKind::Full,
        );
        assert_eq!(hours(friday), 72.0);
    }

    #[test]
    fn a_delta_after_a_full_cycle_waits_for_the_full_cycles_schedule() {
        let history = weekday_schedule(monday());
        let third_monday = monday() + Duration::days(14);
        // Full cycles at 06:00 (in the history) and a delta at 09:00 that completed: the next
        // full cycle is due 06:00 + 6 h + 72 min, so 4 h 12 min after the delta started.
        let mut history = history;
        history.push(cycle(third_monday + Duration::hours(6), &[]));
        let delta = limit_after(
            &history,
            third_monday + Duration::hours(9),
            CycleKind::Delta,
        );
        assert_eq!(delta.seconds, 4 * 3600 + 12 * 60);
        // A delta long after the full cycle was due still gets the margin, not zero.
        let late = limit_after(
            &history,
            third_monday + Duration::hours(17),
            CycleKind::Delta,
        );
        assert_eq!(late.seconds, 72 * 60);
    }

    #[test]
    fn one_outage_in_the_history_does_not_become_the_usual_gap() {
        let mut history = weekday_schedule(monday());
        // The first week's Tuesday midday cycle never ran: 12:00 to 18:00 became 06:00 to 18:00.
        history
            .retain(|cycle| cycle.started_at != monday() + Duration::days(1) + Duration::hours(12));
        let third_tuesday = monday() + Duration::days(15);
        let morning = limit_after(
            &history,
            third_tuesday + Duration::hours(6),
            CycleKind::Full,
        );
        // Two Tuesday mornings: 12 h and 6 h; the lower median keeps the 6 h.
        assert_eq!(morning.seconds, 6 * 3600 + 72 * 60);
    }

    #[test]
    fn less_than_a_week_of_history_uses_the_profiles_default() {
        let history: Vec<Cycle> = weekday_schedule(monday()).into_iter().take(12).collect();
        let limit = limit_after(
            &history,
            monday() + Duration::days(4) + Duration::hours(6),
            CycleKind::Full,
        );
        assert_eq!(
            limit,
            NewCycleLimit {
                seconds: 26 * 3600,
                learned: false
            }
        );
        assert_eq!(
            limit_after(&[], monday(), CycleKind::Full).seconds,
            26 * 3600
        );
    }

    #[test]
    fn past_means_strictly_longer_than_the_limit() {
        let now = Utc::now();
        assert!(!UsualTimes::is_past(600, now - Duration::seconds(600), now));
        assert!(UsualTimes::is_past(600, now - Duration::seconds(601), now));
    }
}
