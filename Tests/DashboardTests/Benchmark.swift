import Foundation
import Testing
@testable import Dashboard
import PlanModel

/// A benchmark, not a test: prints the costs the performance budgets speak of.
/// Run with `DUBAN_BENCH=1 swift test -c release -Xswiftc -enable-testing --filter DashboardBenchmark`.
@Suite struct DashboardBenchmark {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["DUBAN_BENCH"] != nil))
    func tenThousandTasks() throws {
        let plan = Sample.large(10_000)
        let b = MemoryBackend([plan])
        func ms(_ body: () -> Void) -> Double {
            let t = DispatchTime.now().uptimeNanoseconds
            body()
            return Double(DispatchTime.now().uptimeNanoseconds - t) / 1e6
        }
        var a: DashboardApp!
        let ev = b.evaluation(for: plan)
        var out0 = "rollup \(ms { _ = Rollup(plan, ev) })\n"
        var d: PlanData!
        out0 += "plandata \(ms { d = PlanData(plan, ev) })\n"
        out0 += "tasklist \(ms { _ = TaskList(d, TaskQuery()) })\n"
        var out = out0
        out += "init \(ms { a = DashboardApp(backend: b, language: .zh, initialPlan: nil, ascii: false) })\n"
        out += "first render \(ms { _ = a.render(width: 200, height: 60) })\n"
        out += "key+render x100 \(ms { for _ in 0..<100 { a.press(.down); _ = a.render(width: 200, height: 60) } } / 100)\n"
        out += "key+render 80x24 x100 \(ms { for _ in 0..<100 { a.press(.down); _ = a.render(width: 80, height: 24) } } / 100)\n"
        out += "sort \(ms { a.press(.char("o")) })\n"
        out += "filter \(ms { a.press(.char("f")) })\n"
        a.press(.char("c"), .char("/"))
        out += "search first char \(ms { a.type("任") })\n"
        out += "search 2nd char \(ms { a.type("务") })\n"
        out += "search 3rd char \(ms { a.type("9") })\n"
        print(out.split(separator: "\n").map { "benchmark (ms): " + $0 }.joined(separator: "\n"))
    }
}
