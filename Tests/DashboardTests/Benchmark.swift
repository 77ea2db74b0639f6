import Foundation
import Testing
@testable import Dashboard
import PlanModel

/// A benchmark, not a test: prints the costs the performance budgets speak of,
/// the best of several runs (the machine is shared).
/// Run with `DUBAN_BENCH=1 swift test -c release -Xswiftc -enable-testing --filter DashboardBenchmark`.
@Suite struct DashboardBenchmark {
    func best(_ runs: Int = 7, _ body: () -> Void) -> Double {
        var m = Double.infinity
        for _ in 0..<runs {
            let t = DispatchTime.now().uptimeNanoseconds
            body()
            m = min(m, Double(DispatchTime.now().uptimeNanoseconds - t) / 1e6)
        }
        return m
    }

    @Test(.enabled(if: ProcessInfo.processInfo.environment["DUBAN_BENCH"] != nil))
    func tenThousandTasks() throws {
        let plan = Sample.large(10_000)
        let b = MemoryBackend([plan])
        let ev = b.evaluation(for: plan)
        var out: [String] = []
        func report(_ name: String, _ ms: Double) { out.append("benchmark (ms, best): \(name) \(String(format: "%.3f", ms))") }
        report("Rollup", best { _ = Rollup(plan, ev) })
        var d: PlanData!
        report("PlanData (incl. Rollup)", best { d = PlanData(plan, ev) })
        report("TaskList", best { _ = TaskList(d, TaskQuery()) })
        var a: DashboardApp!
        report("app init (load)", best { a = DashboardApp(backend: b, language: .zh, initialPlan: nil, ascii: false) })
        report("first render 200x60", best { _ = a.render(width: 200, height: 60) })
        report("key + render 200x60", best(50) { a.press(.down); _ = a.render(width: 200, height: 60) })
        report("key + render 80x24", best(50) { a.press(.down); _ = a.render(width: 80, height: 24) })
        report("sort change", best { a.press(.char("o")) })
        report("status filter change", best { a.press(.char("f")) })
        a.press(.char("c"))
        report("search, first key", best(1) { a.press(.char("/")); a.type("任") })
        report("search, next key", best(1) { a.type("务") })
        report("search, narrowing key", best(1) { a.type("9") })
        print(out.joined(separator: "\n"))
    }
}
