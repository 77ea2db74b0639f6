import Testing
import PlanModel
@testable import PlanImport

/// One expected task, written from the document by hand: key, title, and the
/// assignments in document order as `L 甲 乙 | C 丙 | J 丁 | I 戊` (lead,
/// cooperate, joint, implement).
struct ExpectedTask {
    var key: String
    var title: String
    var roles: String

    init(_ key: String, _ title: String, _ roles: String) {
        self.key = key; self.title = title; self.roles = roles
    }

    var assignments: [Assignment] {
        var out: [Assignment] = []
        for group in roles.split(separator: "|") {
            let words = group.split(separator: " ")
            guard let tag = words.first else { continue }
            let role: Role = switch tag {
            case "L": .lead
            case "C": .cooperate
            case "J": .joint
            default: .implement
            }
            for w in words.dropFirst() {
                // A trailing * marks a collective assignee.
                let collective = w.hasSuffix("*")
                out.append(Assignment(department: String(collective ? w.dropLast() : w), role: role, collective: collective))
            }
        }
        return out
    }
}

/// Checks every task of `plan` against `expected`, in order.
func check(_ plan: Plan, _ expected: [ExpectedTask], extra: [Assignment] = [],
           sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(plan.tasks.count == expected.count, sourceLocation: sourceLocation)
    for (t, e) in zip(plan.tasks, expected) {
        #expect(t.key == e.key, sourceLocation: sourceLocation)
        #expect(t.title == e.title, "\(e.key)", sourceLocation: sourceLocation)
        #expect(t.assignments == e.assignments + extra, "\(e.key)", sourceLocation: sourceLocation)
        #expect(t.due == plan.period.end, sourceLocation: sourceLocation)
        #expect(t.status == .notStarted && t.progress == 0, sourceLocation: sourceLocation)
    }
    #expect(Set(plan.tasks.map(\.key)).count == plan.tasks.count, "keys unique", sourceLocation: sourceLocation)
}

func sectionSizes(_ plan: Plan) -> [Int] {
    plan.sections.indices.map { plan.tasks(inSection: $0).count }
}
