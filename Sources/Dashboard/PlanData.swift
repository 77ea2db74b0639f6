import PlanModel

/// One row of the Sections tree: a section, or a group inside it.
public struct SectionRow: Hashable, Sendable {
    public var section: Int
    public var group: Int?
}

/// Everything derived from one loaded plan, computed once per (re)load so
/// keystrokes never walk the whole plan again.
struct PlanData {
    let plan: Plan
    let rollup: Rollup
    /// Tallies per section, per group.
    let groupTallies: [[Tally]]
    let sectionRows: [SectionRow]
    /// Overdue task indices, earliest due first.
    let overdue: [Int]
    /// Numeric key parts, for sorting `3.2` before `3.13`.
    let keyOrder: [Int]

    init(_ plan: Plan, _ evaluation: Evaluation) {
        self.plan = plan
        let rollup = Rollup(plan, evaluation)
        self.rollup = rollup
        var groups = plan.sections.map { Array(repeating: Tally(), count: $0.groups.count) }
        var overdue: [Int] = []
        for (i, t) in plan.tasks.enumerated() {
            if let g = t.group, t.section >= 0, t.section < groups.count, g >= 0, g < groups[t.section].count {
                groups[t.section][g].add(t, light: rollup.lights[i])
            }
            if t.isOverdue(evaluation) { overdue.append(i) }
        }
        overdue.sort { (plan.tasks[$0].due, $0) < (plan.tasks[$1].due, $1) }
        groupTallies = groups
        self.overdue = overdue
        var rows: [SectionRow] = []
        for (s, sec) in plan.sections.enumerated() {
            rows.append(SectionRow(section: s, group: nil))
            for g in sec.groups.indices { rows.append(SectionRow(section: s, group: g)) }
        }
        sectionRows = rows
        // Rank of each task by its key read as numbers; ties keep document order.
        let parsed = plan.tasks.map { PlanData.keyNumbers($0.key) }
        let order = plan.tasks.indices.sorted { a, b in parsed[a] != parsed[b] ? parsed[a] < parsed[b] : a < b }
        var rank = Array(repeating: 0, count: plan.tasks.count)
        for (r, i) in order.enumerated() { rank[i] = r }
        keyOrder = rank
    }

    /// `3.13` → (3, 13, -1): missing parts sort first, parts that are not
    /// numbers sort last.
    static func keyNumbers(_ key: String) -> KeyNumbers {
        var parts = [-1, -1, -1]
        var i = 0, n = 0, ok = true, empty = true
        func finish() { if i < 3 { parts[i] = ok && !empty ? n : Int.max } }
        for b in key.utf8 {
            if b == UInt8(ascii: ".") {
                finish()
                i += 1; n = 0; ok = true; empty = true
            } else if b >= 48 && b <= 57 {
                n = n &* 10 &+ Int(b - 48); empty = false
            } else {
                ok = false
            }
        }
        finish()
        return KeyNumbers(a: parts[0], b: parts[1], c: parts[2])
    }

    func tally(_ row: SectionRow) -> Tally {
        if let g = row.group { return groupTallies[row.section][g] }
        return row.section < rollup.sections.count ? rollup.sections[row.section] : Tally()
    }
}

struct KeyNumbers: Comparable {
    var a, b, c: Int
    static func < (x: KeyNumbers, y: KeyNumbers) -> Bool { (x.a, x.b, x.c) < (y.a, y.b, y.c) }
}
