import PlanModel

/// The plan's departments as small ids: the Rollup's workload indices, which
/// `Rollup.taskWorkloads` lists per task. Filters and search compare ids, and
/// look at names once per query rather than once per task.
struct DepartmentTable {
    /// Name per id.
    let names: [String]
    /// The plan's other spellings per id (`技监` for `省质监局`).
    let aliases: [[String]]
    private let ids: [String: Int32]

    init(_ plan: Plan, _ rollup: Rollup) {
        names = rollup.workloads.map(\.department)
        var idOf: [String: Int32] = [:]
        for (i, n) in names.enumerated() where idOf[n] == nil { idOf[n] = Int32(i) }
        // The last record of a name with aliases wins, as a dictionary by name would.
        var al = Array(repeating: [String](), count: names.count)
        for dep in plan.departments where !dep.aliases.isEmpty {
            if let i = idOf[dep.name] { al[Int(i)] = dep.aliases }
        }
        ids = idOf
        aliases = al
    }

    /// Id of a department by its canonical name; nil when no task names it.
    func id(_ name: String) -> Int32? { ids[name] }

    /// Per id: does its name or one of its aliases contain `needle`?
    func matching(_ needle: SearchNeedle) -> [Bool] {
        names.indices.map { i in needle.found(in: names[i]) || aliases[i].contains { needle.found(in: $0) } }
    }
}
