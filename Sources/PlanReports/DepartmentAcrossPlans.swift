import PlanModel

/// One department's tasks across every plan of a store. The same body is
/// recognised through each plan's alias table and through recorded successions
/// (a reform renames 省质监局 to 省市场监管局: `["省质监局": "省市场监管局"]`).
public struct DepartmentAcrossPlans: Sendable {
    public struct Entry: Hashable, Sendable {
        public var planID: String
        public var planTitle: String
        /// The name the plan uses.
        public var nameInPlan: String
        public var key: String
        public var title: String
        public var roles: [Role]
        public var status: TaskStatus
        public var progress: Int
        public var due: Day
        public var light: Light
    }

    /// The names asked about, after following successions: what matched.
    public var names: [String]
    public var entries: [Entry]

    /// `plans` with the evaluation each is seen at.
    public init(name: String, plans: [(Plan, Evaluation)], successions: [String: String]) {
        let wanted = Self.family(of: name, plans: plans.map(\.0), successions: successions)
        names = wanted.sorted()
        var out: [Entry] = []
        for (p, e) in plans {
            for t in p.tasks {
                let mine = t.assignments.filter { wanted.contains($0.department) }
                guard let first = mine.first else { continue }
                out.append(Entry(planID: p.id, planTitle: p.title, nameInPlan: first.department, key: t.key,
                                 title: t.title, roles: mine.map(\.role), status: t.status,
                                 progress: t.effectiveProgress, due: t.due, light: p.light(of: t, e)))
            }
        }
        entries = out
    }

    /// Every name that means the same body as `name`: its aliases in each plan,
    /// its predecessors and its successors.
    static func family(of name: String, plans: [Plan], successions: [String: String]) -> Set<String> {
        // Union-find over names: aliases within a plan and successions join classes.
        var parent: [String: String] = [:]
        func find(_ x: String) -> String {
            var x = x
            while let p = parent[x], p != x { x = p }
            return x
        }
        func union(_ a: String, _ b: String) {
            let (ra, rb) = (find(a), find(b))
            if ra != rb { parent[ra] = rb }
        }
        for p in plans { for d in p.departments { for a in d.aliases { union(a, d.name) } } }
        for (old, new) in successions { union(old, new) }
        let root = find(name)
        var names: Set<String> = [name]
        let all = Set(parent.keys).union(parent.values).union(plans.flatMap { $0.departments.map(\.name) })
        for n in all where find(n) == root { names.insert(n) }
        return names
    }

    /// Department names across plans that contain `fragment`, for "did you mean".
    public static func candidates(_ fragment: String, plans: [Plan]) -> [String] {
        var seen: Set<String> = []
        var out: [String] = []
        for p in plans {
            for t in p.tasks { for a in t.assignments where a.department.contains(fragment) && seen.insert(a.department).inserted {
                out.append(a.department)
            } }
        }
        return out
    }
}
