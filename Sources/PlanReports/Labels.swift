import PlanModel

/// Headings and column names of reports, in the office's language.
struct Labels {
    let en: Bool
    func s(_ zh: String, _ english: String) -> String { en ? english : zh }

    func role(_ r: Role) -> String {
        switch r {
        case .lead: return s("牵头", "lead")
        case .cooperate: return s("配合", "cooperate")
        case .joint: return s("共同负责", "joint")
        case .implement: return s("具体实施", "implement")
        }
    }

    func light(_ l: Light) -> String {
        switch l {
        case .red: return s("红灯", "red")
        case .yellow: return s("黄灯", "yellow")
        case .green: return s("绿灯", "green")
        }
    }

    func percent(_ d: Double) -> String {
        let r = (d * 10).rounded() / 10
        return r == r.rounded() ? "\(Int(r))%" : "\(r)%"
    }

    func number(_ d: Double) -> String {
        d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : String(d)
    }
}
