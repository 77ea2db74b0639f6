import Foundation
import Testing
import PlanModel
import PlanReports
@testable import Dashboard

/// After a commit, and after another session's journal tail, the dashboard
/// applies the entry to what it holds: the result must be what deriving the
/// whole plan again gives, without reading the plan again.
@Suite struct CommitPathTests {
    /// What the dashboard holds against the backend's plan derived from scratch.
    func expectMatchesFresh(_ a: DashboardApp, _ b: MemoryBackend, _ step: String,
                            sourceLocation: SourceLocation = #_sourceLocation) {
        guard let d = a.state.data else { Issue.record("no plan", sourceLocation: sourceLocation); return }
        let fresh = PlanData(b.plans[d.plan.id]!, d.rollup.evaluation)
        #expect(d.plan == fresh.plan, "\(step)", sourceLocation: sourceLocation)
        #expect(d.rollup.plan == fresh.rollup.plan && d.rollup.sections == fresh.rollup.sections, "\(step)",
                sourceLocation: sourceLocation)
        #expect(d.rollup.lights == fresh.rollup.lights && d.rollup.workloads == fresh.rollup.workloads, "\(step)",
                sourceLocation: sourceLocation)
        #expect(d.groupTallies == fresh.groupTallies && d.overdue == fresh.overdue, "\(step)", sourceLocation: sourceLocation)
        #expect(d.columns.status == fresh.columns.status && d.columns.due == fresh.columns.due
                    && d.columns.progress == fresh.columns.progress, "\(step)", sourceLocation: sourceLocation)
        #expect(a.state.list.visible == TaskList(fresh, a.state.query).visible, "\(step)", sourceLocation: sourceLocation)
    }

    @Test func keystrokeCommitsAreAppliedInPlace() {
        let b = MemoryBackend([Sample.plan(), Sample.second()])
        let a = DashboardApp(backend: b, language: .en, initialPlan: nil, ascii: false)
        _ = a.render(width: 120, height: 40)
        let reads = b.wholeReads
        a.press(.char("s"), .char("3"))  // 1.1 done
        expectMatchesFresh(a, b, "status")
        #expect(a.render(width: 120, height: 40).rowText(4).contains("● done   100%"))
        a.press(.down, .char("e"), .ctrl("u"))  // 1.2, progress
        a.type("100")
        a.press(.enter)
        expectMatchesFresh(a, b, "progress")
        a.press(.down, .char("d"), .ctrl("u"))  // 2.1, due date, now overdue
        a.type("2014-06-01")
        a.press(.enter)
        expectMatchesFresh(a, b, "due")
        #expect(a.state.data!.overdue.contains(a.state.data!.plan.index(ofTask: "2.1")!))
        a.press(.char("u"))  // the due date back: no longer overdue
        expectMatchesFresh(a, b, "undo")
        #expect(!a.state.data!.overdue.contains(a.state.data!.plan.index(ofTask: "2.1")!))
        a.press(.char("n"))
        a.type("进展顺利")
        a.press(.enter)
        expectMatchesFresh(a, b, "note")
        #expect(b.journal.count == 5 && b.journal.last?.field == "note")
        #expect(b.wholeReads == reads)
    }

    @Test func anotherSessionsJournalTailIsAppliedInPlace() {
        let b = MemoryBackend([Sample.large(300)])
        let a = DashboardApp(backend: b, language: .zh, initialPlan: nil, ascii: false)
        _ = a.render(width: 120, height: 40)
        let reads = b.wholeReads
        let keys = b.plans["big"]!.tasks.map(\.key)
        var rng = SplitMix(seed: 12)
        for step in 0..<120 {
            // Every sort and filter the list keeps, visited along the way.
            if step % 15 == 0 { a.press(.char("o")) }
            if step % 40 == 20 { a.press(.char("f")) }
            if step % 50 == 30 { a.press(.char("w")) }
            let key = keys[Int(rng.next() % UInt64(keys.count))]
            let edit: Edit
            switch rng.next() % 4 {
            case 0: edit = .setStatus(TaskStatus.allCases[Int(rng.next() % 4)])
            case 1: edit = .setProgress(Int(rng.next() % 101))
            case 2: edit = .setDue(Day(ordinal: Day("2014-01-01")!.ordinal + Int(rng.next() % 700)))
            default: edit = .addNote(Note(time: "", user: "li", text: "第\(step)条"))
            }
            b.external(edit, plan: "big", task: key, user: "li", time: "2014-06-30T11:00:00+08:00")
            _ = a.handle(.tick)
            expectMatchesFresh(a, b, "step \(step): \(edit) on \(key)")
        }
        #expect(b.wholeReads == reads)
        #expect(a.noticeText == Strings(.zh).changedBy("li", "11:00"))
    }

    @Test func entriesMissedInBetweenReadThePlanAgain() {
        let b = MemoryBackend([Sample.plan()])
        let a = DashboardApp(backend: b, language: .en, initialPlan: nil, ascii: false)
        let reads = b.wholeReads
        // Committed by someone else but not yet seen: the next commit's entry does not follow what is held.
        b.external(.setProgress(55), plan: "gansu-2014", task: "1.2", user: "li", time: "2014-06-30T10:45:00+08:00")
        a.press(.char("s"), .char("3"))
        #expect(b.wholeReads == reads + 1)
        expectMatchesFresh(a, b, "after a gap")
        #expect(a.state.data!.plan.task("1.2")!.progress == 55)
    }

    @Test func aReportersNoteTakesTheirDepartmentByAlias() {
        var p = Sample.plan()
        p.departments = [Department(name: "省质监局", aliases: ["技监"]), Department(name: "省财政厅")]
        let b = MemoryBackend([p], session: SessionInfo(user: "wang", role: .reporter(departments: ["省财政厅", "技监"]),
                                                          readOnly: false))
        let a = DashboardApp(backend: b, language: .en, initialPlan: nil, ascii: false)
        // A reporting unit's session starts on its tasks: Esc shows the whole plan.
        a.press(.escape)
        a.press(.char("n"))  // 1.1: 省质监局 leads, 省统计局 cooperates
        a.type("已完成")
        a.press(.enter)
        let note = b.plans["gansu-2014"]!.task("1.1")!.notes.last
        #expect(note?.department == "技监")
        #expect(note?.user == "wang" && note?.time == b.clock)
        #expect(a.state.data!.plan.task("1.1")!.notes.last == note)
    }

    @Test func undoIsRefusedWhenTheFieldChangedSince() {
        let b = MemoryBackend([Sample.plan()])
        let a = DashboardApp(backend: b, language: .en, initialPlan: nil, ascii: false)
        a.press(.char("s"), .char("3"))  // 1.1 done
        b.external(.setStatus(.behind), plan: "gansu-2014", task: "1.1", user: "li", time: "2014-06-30T10:45:00+08:00")
        a.press(.char("u"))
        #expect(b.plans["gansu-2014"]!.task("1.1")!.status == .behind)
        #expect(a.noticeText?.contains("conflict") == true)
        #expect(b.journal.count == 2)
    }
}

/// A small seeded generator, so a failing sequence can be replayed.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
