import Foundation
import PlanModel
import PlanStore
import SyntheticStore
import Testing

@Suite struct GeneratorTests {
    /// The bytes a seed produces: every plan's JSON and every journal line.
    func bytes(_ spec: SyntheticSpec) -> [UInt8] {
        var out: [UInt8] = []
        for i in 0..<spec.plans {
            let plan = SyntheticPlan.make(index: i, tasks: SyntheticPlan.taskCount(index: i, spec: spec), spec: spec)
            out += Array(JSONWriter.compact(plan.json).utf8)
            for e in SyntheticPlan.journal(for: plan, count: SyntheticStore.noteCount(index: i, spec: spec),
                                           seed: spec.seed &+ UInt64(i)) {
                out += Store.journalLine(e)
            }
        }
        return out
    }

    @Test func sameSeedSameBytesOtherSeedOtherBytes() {
        let spec = SyntheticSpec(plans: 3, tasks: 600, departments: 20, notes: 1800, seed: 7)
        var other = spec
        other.seed = 8
        let a = bytes(spec)
        #expect(!a.isEmpty)
        #expect(a == bytes(spec))
        #expect(a != bytes(other))
    }

    @Test func generatedStorePassesCheckAndLoads() throws {
        let dir = NSTemporaryDirectory() + "/duban-bench-test-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let spec = SyntheticSpec(plans: 1, tasks: 10_000, departments: 40, notes: 5_000, seed: 1)
        try SyntheticStore.write(spec, to: dir, tail: 1000)
        let store = try Store.open(dir, readOnly: true)
        #expect(store.check().isEmpty)
        #expect(store.planIDs() == ["synthetic-0000"])
        let plan = try store.plan("synthetic-0000")
        #expect(plan.tasks.count == 10_000)
        // The import entry, then the generated history.
        #expect(try store.journal("synthetic-0000").count == 5_001)
        #expect(store.lastChange(plan: "synthetic-0000")?.seq == 5_001)
    }
}
