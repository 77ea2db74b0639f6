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
        let parsed = plan.tasks.map { t in t.key.split(separator: ".").map { Int($0) ?? Int.max } }
        let order = plan.tasks.indices.sorted { a, b in
            parsed[a].lexicographicallyPrecedes(parsed[b]) || (parsed[a] == parsed[b] && a < b)
        }
        var rank = Array(repeating: 0, count: plan.tasks.count)
        for (r, i) in order.enumerated() { rank[i] = r }
        keyOrder = rank
    }

    func tally(_ row: SectionRow) -> Tally {
        if let g = row.group { return groupTallies[row.section][g] }
        return row.section < rollup.sections.count ? rollup.sections[row.section] : Tally()
    }
}
