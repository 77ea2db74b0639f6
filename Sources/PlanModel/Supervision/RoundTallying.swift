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
    /// (task in scope, reporting unit), the unit's effective feedback filed
    /// within the round, on time when any of it was. A closed round gives its
    /// frozen tally. Without `listingOwed` the rows only: the counts a view
    /// of departments shows, without a pair per missing feedback.
    public func tally(of round: Round, listingOwed: Bool = true) -> RoundTally {
        if let f = round.frozen { return f }
        return liveTally(of: round, listingOwed: listingOwed)
    }

    /// The tally from the feedback as it stands, ignoring any frozen one.
    /// One pass over the tasks without copying them; departments are row
    /// numbers found by their bytes (hashing or comparing a Chinese `String`
    /// normalizes it first), a task's units and their best timing scratch
    /// arrays reused from task to task: a round over 100,000 tasks is counted
    /// while the 报送 view opens.
    public func liveTally(of round: Round, listingOwed: Bool = true) -> RoundTally {
        var rows: [RoundTally.Row] = []
        var rowOf = NameNumbers()
        for d in departments where !d.collective && rowOf.number(d.name) == nil {
            rowOf.insert(d.name, rows.count)
            rows.append(RoundTally.Row(department: d.name))
        }
        // Other spellings (`技监`) count as their department.
        let names = canonicalNames
        var aliasOf = NameNumbers()
        var canonical: [String] = []
        for (alias, name) in names {
            aliasOf.insert(alias, canonical.count)
            canonical.append(name)
        }
        var missing: [RoundTally.Owed] = [], late: [RoundTally.Owed] = []
        let opened = Round.number(round.opened), due = Round.number(round.due)
        let everything = round.sections == nil && round.tasks == nil
        var units: [Int] = []
        // Per unit of the task: 0 nothing in the round, 1 late, 2 on time.
        var best: [UInt8] = []
        tasks.withUnsafeBufferPointer { ts in
            for ti in ts.indices where everything || round.covers(ts[ti]) {
                units.removeAll(keepingCapacity: true)
                for a in ts[ti].assignments where !a.collective {
                    var name = a.department
                    if !names.isEmpty, let c = aliasOf.number(name) { name = canonical[c] }
                    let r: Int
                    if let i = rowOf.number(name) { r = i } else {
                        r = rows.count
                        rowOf.insert(name, r)
                        rows.append(RoundTally.Row(department: name))
                    }
                    if !units.contains(r) { units.append(r) }
                }
                guard !units.isEmpty else { continue }
                best.removeAll(keepingCapacity: true)
                best.append(contentsOf: repeatElement(0, count: units.count))
                forEachEffectiveFeedback(task: ts[ti].key) { f in
                    guard let tm = round.timing(of: f, opened: opened, due: due),
                          let r = rowOf.number(f.department), let k = units.firstIndex(of: r) else { return }
                    best[k] = max(best[k], tm == .onTime ? 2 : 1)
                }
                for (k, r) in units.enumerated() {
                    rows[r].expected += 1
                    switch best[k] {
                    case 2: rows[r].onTime += 1
                    case 1:
                        rows[r].late += 1
                        if listingOwed { late.append(RoundTally.Owed(task: ts[ti].key, department: rows[r].department)) }
                    default:
                        if listingOwed { missing.append(RoundTally.Owed(task: ts[ti].key, department: rows[r].department)) }
                    }
                }
            }
        }
        rows.removeAll { $0.expected == 0 }
        return RoundTally(rows: rows, missing: missing, late: late)
    }
}

/// Names to numbers, found by their bytes first (`ByteNameIndex`, and the
/// bits of a `String` seen lately); a name whose bytes are new is still
/// looked up as a `String`, so canonically equal spellings stay one number.
struct NameNumbers {
    private var byBytes = ByteNameIndex()
    private var byName: [String: Int] = [:]
    private var recent = RecentNames()
    /// Names seen lately that have no number (most are not aliases).
    private var absent = RecentNames()

    mutating func number(_ name: String) -> Int? {
        let bits = RecentNames.bits(name)
        if let bits {
            if let j = recent.value(bits) { return j }
            if absent.value(bits) != nil { return nil }
        }
        if let j = byBytes.find(name) {
            if let bits { recent.remember(bits, j) }
            return j
        }
        if let j = byName[name] {
            byBytes.insert(name, value: j)
            if let bits { recent.remember(bits, j) }
            return j
        }
        if let bits { absent.remember(bits, 0) }
        return nil
    }

    mutating func insert(_ name: String, _ value: Int) {
        byName[name] = value
        if byBytes.find(name) == nil { byBytes.insert(name, value: value) }
        // A name just given a number may have been remembered as absent.
        absent = RecentNames()
    }
}
