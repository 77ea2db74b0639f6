import Foundation
import Testing
import PlanModel
@testable import PlanStore

/// The plan list reads titles from snapshot headers, not whole plans.
@Suite struct PlanTitleTests {
    @Test func titleComesFromTheHeaderLineAlone() throws {
        let dir = try makeStore(plans: [fixturePlan(id: "a-2014"), fixturePlan(id: "b-2014")])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // Damage b's task lines: loading it fails, its header still names it.
        let path = dir + "/b-2014.json"
        var lines = try readFile(path).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.count > 2)
        lines[1] = "{\"not\": a task line"
        try writeFile(path, lines.joined(separator: "\n"))
        let store = try Store.open(dir, readOnly: true)
        #expect(throws: (any Error).self) { try store.displayPlan("b-2014") }
        let fresh = try Store.open(dir, readOnly: true)
        #expect(fresh.planTitle("b-2014") == fixturePlan(id: "b-2014").title)
        #expect(fresh.planTitle("a-2014") == fixturePlan(id: "a-2014").title)
        // Nothing was loaded to answer.
        #expect(fresh.states.isEmpty)
        #expect(fresh.planTitle("missing-2014") == nil)
    }
}
