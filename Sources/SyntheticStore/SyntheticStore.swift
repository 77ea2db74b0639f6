#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PlanModel
import PlanStore

/// Writes a synthetic store in the store's real format, through `Store`: each
/// plan is added as an import, its history appended to the journal, then a
/// checkpoint is taken before the last `tail` entries, so loading reads a
/// snapshot and replays a realistic tail.
public enum SyntheticStore {
    public static func write(_ spec: SyntheticSpec, to dir: String, tail: Int = 1000) throws {
        mkdir(dir, 0o755)
        let store = try Store.open(dir, readOnly: false)
        store.autoCheckpoint = false
        for i in 0..<max(1, spec.plans) {
            let plan = SyntheticPlan.make(index: i, tasks: SyntheticPlan.taskCount(index: i, spec: spec), spec: spec)
            try store.addPlan(plan, replace: true)
            let entries = SyntheticPlan.journal(for: plan, count: noteCount(index: i, spec: spec), seed: spec.seed &+ UInt64(i))
            let cut = max(0, entries.count - tail)
            try store.appendJournal(entries[..<cut], plan: plan.id)
            try store.compact(plan: plan.id)
            try store.appendJournal(entries[cut...], plan: plan.id)
        }
    }

    /// Journal entries of plan `index`, in proportion to its tasks.
    public static func noteCount(index: Int, spec: SyntheticSpec) -> Int {
        guard spec.tasks > 0 else { return 0 }
        let t = SyntheticPlan.taskCount(index: index, spec: spec)
        return Int((Double(spec.notes) * Double(t) / Double(spec.tasks)).rounded())
    }
}
