import PlanModel

/// The illustrative supervision record of the sample store, in one plan
/// (gansu-2014): the closure and extension requests of `SampleReviews`, two chases sent on 2014-09-20, then the round 2014年三季度
/// opened on 2014-09-15… due 2014-09-28 and still open at the evaluation
/// date 2014-10-01, with feedback from about seven units in ten, some of it
/// late. Derived from each task's key like `SampleProgress`: made up, and the
/// same on every run.
enum SampleSupervision {
    static let plan = "gansu-2014"
    static let roundName = "2014年三季度"
    static let office = "bangongshi"

    /// Journal entries that build the record, in order, with their old values.
    /// `reviews`: the closure and extension record, which comes first.
    static func entries(for p: Plan, reviews: [SampleReviews.Step] = []) throws -> [JournalEntry] {
        guard p.id == plan else { return [] }
        var state = p
        var out: [JournalEntry] = []
        func add(_ edit: Edit, task: String, time: String, user: String) throws {
            let old = state.currentValue(of: edit, task: task)
            try state.apply(edit, task: task)
            out.append(JournalEntry(seq: out.count + 1, time: time, user: user, plan: p.id, task: task,
                                    field: edit.field, old: old, new: edit.newValue))
        }
        // Closure and extension requests and decisions, all before the round.
        for step in reviews { try add(step.edit, task: step.task, time: step.time, user: step.user) }
        // Chases before the round: the first two departments owing anything on 2014-09-20.
        let chaseDay = Day("2014-09-20")!
        for var c in state.chaseDrafts(today: chaseDay, dueSoonDays: 30).prefix(2) {
            c.time = "2014-09-20T10:00:00+08:00"
            c.user = office
            try add(.addChase(c), task: "", time: c.time, user: office)
        }
        let round = Round(name: roundName, opened: Day("2014-09-15")!, coversTo: Day("2014-09-30")!,
                          due: Day("2014-09-28")!, openedAt: "2014-09-15T09:00:00+08:00")
        try add(.setRound(round), task: "", time: round.openedAt, user: office)
        var filed: [(String, UnitFeedback)] = []
        for t in state.tasks {
            for unit in state.reportingUnits(of: t) {
                var rng = SplitMix(seed: SampleProgress.fnv("\(p.id)/\(t.key)/\(unit)/feedback"))
                let roll = rng.next(100)
                guard roll < 70 else { continue }                        // three in ten have not reported
                let day = roll < 55 ? round.opened.adding(days: rng.next(14))   // on time, up to 09-28
                                    : round.due.adding(days: 1 + rng.next(3))   // late: 09-29 … 10-01
                let hour = 9 + rng.next(8), minute = 10 + rng.next(50)
                let own = t.status == .done ? 100 : min(100, max(0, t.progress + 10 * (rng.next(5) - 2)))
                let text = SampleProgress.progressTexts[rng.next(SampleProgress.progressTexts.count)]
                let evidence = rng.next(3) == 0 ? "\(unit)\(roundName)工作总结.docx" : nil
                let f = UnitFeedback(task: t.key, time: "\(day)T\(hour < 10 ? "0" : "")\(hour):\(minute):00+08:00",
                                 user: SampleProgress.account(for: unit), department: unit, text: text,
                                 progress: own, evidence: evidence)
                filed.append((f.time, f))
            }
        }
        // In the order they were filed, as a journal would hold them.
        for (_, f) in filed.sorted(by: { $0.0 < $1.0 }) { try add(.addFeedback(f), task: f.task, time: f.time, user: f.user) }
        return out
    }
}
