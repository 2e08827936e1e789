//! The guard of Resume after an import-filter stop: the admin confirmed the counts of one stopped
//! cycle, and only that cycle, with those counts, may be released.

use synkvakt_api::model::{Cycle, CycleState, ImportCounts};

/// Why a confirmed resume may not go ahead.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResumeRefusal {
    /// The cycle confirmed is not the stopped one any more (resumed elsewhere, or replaced).
    NotStopped,
    /// The newest import's counts differ from those the admin confirmed.
    CountsChanged,
}

impl ResumeRefusal {
    /// The catalog key of the reason, for the admin.
    pub fn key(self) -> &'static str {
        match self {
            ResumeRefusal::NotStopped => "refused-not-stopped",
            ResumeRefusal::CountsChanged => "refused-counts-changed",
        }
    }
}

/// Whether `current`, with the newest import's `counts`, is still what the admin confirmed.
pub fn resume_check(
    current: &Cycle,
    confirmed_cycle_id: &str,
    counts: ImportCounts,
    confirmed: ImportCounts,
) -> Result<(), ResumeRefusal> {
    if current.id != confirmed_cycle_id || current.state != CycleState::Stopped {
        return Err(ResumeRefusal::NotStopped);
    }
    if counts != confirmed {
        return Err(ResumeRefusal::CountsChanged);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Utc;
    use synkvakt_api::model::CycleKind;

    fn cycle(id: &str, state: CycleState) -> Cycle {
        Cycle {
            id: id.into(),
            kind: CycleKind::Full,
            state,
            started_at: Utc::now(),
            finished_at: None,
            steps: Vec::new(),
            import_filter: None,
        }
    }

    fn counts(add: u32, edit: u32, delete: u32) -> ImportCounts {
        ImportCounts { add, edit, delete }
    }

    #[test]
    fn only_the_confirmed_stopped_cycle_with_the_confirmed_counts_resumes() {
        let stopped = cycle("c7", CycleState::Stopped);
        assert_eq!(
            resume_check(&stopped, "c7", counts(3, 40, 900), counts(3, 40, 900)),
            Ok(())
        );
        assert_eq!(
            resume_check(&stopped, "c6", counts(3, 40, 900), counts(3, 40, 900)),
            Err(ResumeRefusal::NotStopped),
            "another cycle than the one confirmed"
        );
        assert_eq!(
            resume_check(
                &cycle("c7", CycleState::Resumed),
                "c7",
                counts(3, 40, 900),
                counts(3, 40, 900)
            ),
            Err(ResumeRefusal::NotStopped),
            "resumed already"
        );
        assert_eq!(
            resume_check(&stopped, "c7", counts(3, 40, 901), counts(3, 40, 900)),
            Err(ResumeRefusal::CountsChanged)
        );
    }
}
