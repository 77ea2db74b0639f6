extension PlanTask {
    /// The units expected to report on this task: each department with a
    /// role, once, in assignment order; collective bodies (各成员单位) are not
    /// one unit and report through their members.
    public var reportingUnits: [String] {
        var out: [String] = []
        for a in assignments where !a.collective && !out.contains(a.department) { out.append(a.department) }
        return out
    }
}

extension Plan {
    /// Canonical department name for each alias that differs from it.
    public var canonicalNames: [String: String] {
        var m: [String: String] = [:]
        for d in departments { for a in d.aliases where a != d.name { m[a] = d.name } }
        return m
    }

    /// A task's reporting units under their canonical names.
    public func reportingUnits(of t: PlanTask, _ names: [String: String]? = nil) -> [String] {
        let names = names ?? canonicalNames
        var out: [String] = []
        for u in t.reportingUnits {
            let n = names[u] ?? u
            if !out.contains(n) { out.append(n) }
        }
        return out
    }

    /// Expected, on time, late and missing feedback of a round: for every
    /// (task in scope, reporting unit), the unit's feedback filed within the
    /// round, on time when any of it was. A closed round gives its frozen tally.
    public func tally(of round: Round) -> RoundTally {
        if let f = round.frozen { return f }
        return liveTally(of: round)
    }

    /// The tally from the feedback as it stands, ignoring any frozen one.
    public func liveTally(of round: Round) -> RoundTally {
        var rowAt: [String: Int] = [:]
        var rows: [RoundTally.Row] = []
        for d in departments where !d.collective {
            rowAt[d.name] = rows.count
            rows.append(RoundTally.Row(department: d.name))
        }
        var missing: [RoundTally.Owed] = [], late: [RoundTally.Owed] = []
        let sup = supervision
        let names = canonicalNames
        let opened = Round.number(round.opened), due = Round.number(round.due)
        let everything = round.sections == nil && round.tasks == nil
        for t in tasks where everything || round.covers(t) {
            // Each unit's best timing in the round, from its effective feedback
            // (withdrawn feedback counts nowhere): on time beats late.
            var timings: [(unit: String, timing: FeedbackTiming)] = []
            if sup.feedbackByTask[t.key] != nil {
                forEachEffectiveFeedback(task: t.key) { f in
                    guard let tm = round.timing(of: f, opened: opened, due: due) else { return }
                    if let k = timings.firstIndex(where: { $0.unit == f.department }) {
                        if tm == .onTime { timings[k].timing = .onTime }
                    } else {
                        timings.append((f.department, tm))
                    }
                }
            }
            for unit in names.isEmpty ? t.reportingUnits : reportingUnits(of: t, names) {
                let r: Int
                if let i = rowAt[unit] { r = i } else {
                    r = rows.count
                    rowAt[unit] = r
                    rows.append(RoundTally.Row(department: unit))
                }
                rows[r].expected += 1
                switch timings.first(where: { $0.unit == unit })?.timing {
                case .onTime?: rows[r].onTime += 1
                case .late?:
                    rows[r].late += 1
                    late.append(RoundTally.Owed(task: t.key, department: unit))
                case nil: missing.append(RoundTally.Owed(task: t.key, department: unit))
                }
            }
        }
        rows.removeAll { $0.expected == 0 }
        return RoundTally(rows: rows, missing: missing, late: late)
    }
}
