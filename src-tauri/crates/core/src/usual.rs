//! "The usual time" of each step, learned per tenant from its recent cycles: how long the step
//! runs, and how long it waits after the step before it finished. A step past a multiple of its
//! median (never below a floor) is stalled.

use chrono::{DateTime, Timelike, Utc};
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

/// How long after the last cycle started a new one should have started, and where that came
/// from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NewCycleLimit {
    pub seconds: i64,
    /// Learned from at least a week of full cycles; else the profile's default.
    pub learned: bool,
}

/// The limit for a new cycle to start after one that started at `last_start`: the longest gap
/// that followed a full cycle started at the same time of day (so the night's pause after the
/// evening cycle is known), else the longest gap of all, with a margin: learned from
/// `full_history` when it reaches back a week, else `default_hours`.
pub fn new_cycle_limit(
    full_history: &[Cycle],
    last_start: DateTime<Utc>,
    default_hours: u32,
) -> NewCycleLimit {
    let mut starts: Vec<DateTime<Utc>> =
        full_history.iter().map(|cycle| cycle.started_at).collect();
    starts.sort_unstable();
    starts.dedup();
    let default = NewCycleLimit {
        seconds: i64::from(default_hours) * 3600,
        learned: false,
    };
    let (Some(first), Some(last)) = (starts.first(), starts.last()) else {
        return default;
    };
    if *last - *first < chrono::Duration::days(GAP_HISTORY_DAYS) {
        return default;
    }
    let minute_of_day =
        |time: DateTime<Utc>| i64::from(time.time().num_seconds_from_midnight()) / 60;
    let near = |a: i64, b: i64| {
        let apart = (a - b).rem_euclid(24 * 60);
        apart.min(24 * 60 - apart) <= SAME_TIME_OF_DAY_MINUTES
    };
    let gaps: Vec<(DateTime<Utc>, i64)> = starts
        .windows(2)
        .map(|pair| (pair[0], (pair[1] - pair[0]).num_seconds()))
        .collect();
    let wanted = minute_of_day(last_start);
    let base = gaps
        .iter()
        .filter(|(start, _)| near(minute_of_day(*start), wanted))
        .map(|(_, gap)| *gap)
        .max()
        .or_else(|| gaps.iter().map(|(_, gap)| *gap).max())
        .unwrap_or(default.seconds);
    NewCycleLimit {
        seconds: base + (base / 5).max(30 * 60),
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

    #[test]
    fn past_means_strictly_longer_than_the_limit() {
        let now = Utc::now();
        assert!(!UsualTimes::is_past(600, now - Duration::seconds(600), now));
        assert!(UsualTimes::is_past(600, now - Duration::seconds(601), now));
    }
}
