import PlanModel

/// The reassignment picker: every department the plan knows, the task's own
/// first, each with the role it would have (none leaves it out).
struct AssignmentPicker: Hashable {
    var task: String
    var departments: [String]
    var roles: [Role?]
    /// Collective bodies keep their mark.
    var collective: Set<String>
    var cursor = 0
    /// The task's assignments as the session saw them (compare-and-swap).
    var expected: JSON
    var error: String?

    /// `collectives`: the names among `others` that are collective bodies.
    init(task: PlanTask, others: [String], collectives: Set<String> = [], expected: JSON) {
        self.task = task.key
        var seen = Set<String>()
        var names: [String] = [], roles: [Role?] = []
        for a in task.assignments where seen.insert(a.department).inserted {
            names.append(a.department)
            roles.append(a.role)
        }
        for d in others where seen.insert(d).inserted {
            names.append(d)
            roles.append(nil)
        }
        departments = names
        self.roles = roles
        collective = Set(task.assignments.filter(\.collective).map(\.department)).union(collectives)
        self.expected = expected
    }

    /// The assignments as picked, in the order shown.
    var assignments: [Assignment] {
        zip(departments, roles).compactMap { d, r in r.map { Assignment(department: d, role: $0, collective: collective.contains(d)) } }
    }

    /// Steps the role under the cursor through none, lead, cooperate, joint, implement.
    mutating func cycle(_ step: Int) {
        guard cursor < roles.count else { return }
        let order: [Role?] = [nil] + Role.allCases.map { Optional($0) }
        let i = order.firstIndex(of: roles[cursor]) ?? 0
        roles[cursor] = order[(i + step + order.count) % order.count]
        error = nil
    }
}
