import Foundation
import PlanModel
import PlanStore
import Testing

/// `duban indicator`: recording actual values through the store's journal,
/// and what export, log and the access rules make of them.
@Suite struct IndicatorCommandTests {
    /// The e2e store with one goal indicator and one task indicator.
    func store() throws -> String {
        let dir = try makeE2EStore()
        let s = try Store.open(dir, readOnly: false)
        var p = try s.plan("e2e")
        p.indicators = [
            Indicator(id: "goal.1", name: "主要农产品例行监测合格率", target: 98, unit: "%", source: "合格率达到98%以上"),
            Indicator(id: "1.2.1", taskKey: "1.2", name: "省级示范基地", target: 20, unit: "家", source: "建设省级示范基地20家"),
        ]
        try s.addPlan(p, replace: true)
        return dir
    }

    func exported(_ dir: String) throws -> [JSON] {
        let r = try Duban.run(["export", "e2e", "--json", "--store", dir])
        #expect(r.status == 0, "\(r.err)")
        return try #require(try JSONParser.parse(r.out)["indicators"]?.array)
    }

    @Test func recordsListsExportsAndClears() throws {
        let dir = try store()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var r = try Duban.run(["indicator", "e2e", "goal.1", "97.5%", "--lang", "en", "--store", dir])
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out == "e2e indicator:goal.1: null → 97.5 (#3)\n")
        r = try Duban.run(["indicator", "e2e", "1.2.1", "21家", "--store", dir])
        #expect(r.status == 0, "\(r.err)")

        let list = try Duban.run(["indicator", "e2e", "--lang", "en", "--store", dir])
        #expect(list.out.split(separator: "\n").map { $0.split(separator: " ").joined(separator: " ") } == [
            "ID TASK TARGET ACTUAL MET NAME",
            "goal.1 goal >=98% 97.5% no 主要农产品例行监测合格率",
            "1.2.1 1.2 >=20家 21家 yes 省级示范基地",
        ])

        // Export lists them under "indicators", with the actual value and whether it is met.
        var ind = try exported(dir)
        #expect(ind.map { $0["id"]?.string } == ["goal.1", "1.2.1"])
        #expect(ind[0]["actual"]?.double == 97.5 && ind[0]["met"]?.bool == false)
        #expect(ind[1]["task"]?.string == "1.2" && ind[1]["actual"]?.double == 21 && ind[1]["met"]?.bool == true)
        #expect(ind[0]["source"]?.string == "合格率达到98%以上")

        // Journaled: the goal's change is plan-level (no task), the task's names its task.
        let log = try Duban.run(["log", "e2e", "--json", "--store", dir])
        let entries = try #require(try JSONParser.parse(log.out).array)
        let mine = entries.filter { $0["field"]?.string?.hasPrefix("indicator:") == true }
        #expect(mine.map { $0["field"]?.string } == ["indicator:goal.1", "indicator:1.2.1"])
        #expect(mine.map { $0["task"]?.string } == ["", "1.2"])
        #expect(mine[0]["old"]?.isNull == true && mine[0]["new"]?.double == 97.5)

        r = try Duban.run(["indicator", "e2e", "goal.1", "--clear", "--store", dir])
        #expect(r.status == 0 && r.out.contains("97.5 → null"), "\(r.err)")
        ind = try exported(dir)
        #expect(ind[0]["actual"]?.isNull == true && ind[0]["met"] == nil)
        // Replayed from the journal by a fresh process, and the store checks clean.
        #expect(try Store.open(dir, readOnly: true).plan("e2e").indicators[1].actual == 21)
        #expect(try Duban.run(["check", "--store", dir]).status == 0)
    }

    @Test func badInputIsOneLineAndChangesNothing() throws {
        let dir = try store()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let before = try snapshotOfDirectory(dir)
        let cases: [([String], String)] = [
            (["indicator", "e2e", "goal.1", "abc"], "abc"),
            (["indicator", "e2e", "goal.9", "1"], "goal.9"),
            (["indicator", "nope", "goal.1", "1"], "nope"),
            (["indicator", "e2e", "goal.1"], "VALUE"),
            (["indicator", "e2e", "goal.1", "1", "--clear"], "--clear"),
        ]
        for (args, named) in cases {
            let r = try Duban.run(args + ["--store", dir])
            #expect(r.status != 0, "\(args)")
            #expect(r.err.contains(named), "\(args): \(r.err)")
        }
        #expect(try snapshotOfDirectory(dir) == before)
    }

    @Test func conflictUnlessForced() throws {
        let dir = try store()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // Another session recorded a value after this one read the plan: its
        // compare-and-swap baseline is stale.
        let s = try Store.open(dir, readOnly: false)
        _ = try s.plan("e2e")
        #expect(try Duban.run(["indicator", "e2e", "goal.1", "96", "--store", dir]).status == 0)
        #expect(throws: Conflict.self) {
            try s.commit(.setIndicatorActual(id: "goal.1", value: 99), plan: "e2e", task: "", expected: JSON.null, force: false)
        }
        try s.commit(.setIndicatorActual(id: "goal.1", value: 99), plan: "e2e", task: "", expected: JSON.null, force: true)
        #expect(try Store.open(dir, readOnly: true).plan("e2e").indicators[0].actual == 99)
    }
}
