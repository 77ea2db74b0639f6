import Foundation
import PlanModel
@testable import PlanStore
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

@Suite struct SnapshotDecodingTests {
    /// Every task of a generated plan is found by bisecting its snapshot, and
    /// read alone it is the task the whole plan holds.
    @Test func everyTaskIsFoundByBisecting() throws {
        let dir = NSTemporaryDirectory() + "/duban-bench-locate-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try SyntheticStore.write(SyntheticSpec(plans: 1, tasks: 600, departments: 30, notes: 1800, seed: 5), to: dir, tail: 200)
        let id = try Store.open(dir, readOnly: true).planIDs()[0]
        let whole = try Store.open(dir, readOnly: true).plan(id)
        let reader = try Store.open(dir, readOnly: true)
        for t in whole.tasks {
            guard case .found(let f) = try TaskLocator.find(dir + "/" + id + ".json", key: t.key, window: 1024) else {
                Issue.record("\(t.key) not found by bisecting"); continue
            }
            #expect(f.task.task.key == t.key)
            let one = try #require(try reader.plan(id, onlyTask: t.key).task(t.key))
            #expect(one.status == t.status && one.progress == t.progress && one.noteCount == t.noteCount && one.title == t.title)
        }
    }

    /// Lines written otherwise than Duban writes them (escapes, a whole
    /// number with a fraction, keys in another order) still load.
    @Test func unusualLinesFallBack() throws {
        let line = Array(#"{"section": 0, "group": null, "key": "1.1", "number": "1", "title": "a\"b", "text": "x", "due": "2014-05-01", "status": "done", "progress": 100.0}"#.utf8)
        let names = NameTable()
        let t = try line.withUnsafeBufferPointer { b in try SnapshotReader.taskLine(b, 2, names) }
        #expect(t.task.title == "a\"b" && t.task.progress == 100 && t.notesAt == nil)
    }
}
