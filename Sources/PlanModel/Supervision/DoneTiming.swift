/// How a done task met its deadline: the one rule the lights, the progress
/// report and the assessment share.
public enum DoneTiming: Hashable, Sendable, CaseIterable {
    /// By the due date it had before any extension, or on a day not on record
    /// (imported as done).
    case onTime
    /// After the original due date, by the date of an extension the office granted.
    case withinExtension
    /// After its due date, extended or not.
    case late

    /// `doneOn`: the day it was done; `originalDue`: the due date before a
    /// granted extension, nil when none was granted.
    public init(doneOn: Day?, due: Day, originalDue: Day?) {
        guard let day = doneOn, day > (originalDue ?? due) else { self = .onTime; return }
        self = originalDue != nil && day <= due ? .withinExtension : .late
    }

    /// The light of a done task: late work shows yellow, so a board tells it
    /// from work done on time or by a granted extension (green).
    public var light: Light { self == .late ? .yellow : .green }
}

extension Plan {
    /// The day a done task was done: the approval of the closure that closed
    /// it, else `marked` (the day the journal last set it done), else unknown.
    public func doneDay(task key: String, marked: Day? = nil) -> Day? {
        guard !reviews.isEmpty, let day = reviews.closedOn(task: key) else { return marked }
        return day
    }

    /// When task `t` was done against its deadline; nil while it is not done.
    /// `doneDays`: the days tasks were marked done, from the journal.
    public func doneTiming(of t: PlanTask, doneDays: [String: Day] = [:]) -> DoneTiming? {
        guard t.status == .done else { return nil }
        let original = reviews.isEmpty ? nil : reviews.originalDue(task: t.key)
        return DoneTiming(doneOn: doneDay(task: t.key, marked: doneDays[t.key]), due: t.due, originalDue: original)
    }

    /// A task's light with its done timing: the one place lights are decided
    /// for a task read alone (the dashboard and reports count them in `Rollup`).
    public func light(of t: PlanTask, _ e: Evaluation, doneDays: [String: Day] = [:]) -> Light {
        LightClock(e, periodStart: period.start)
            .light(status: t.status, due: t.due, progress: t.progress, done: doneTiming(of: t, doneDays: doneDays))
    }
}
