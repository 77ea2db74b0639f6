/// A task added to a plan by hand (`duban edit --add`, the dashboard's plan
/// editing), as the journal records it.
extension Plan {
    /// The task as added: numbered by the last part of its key, its text its
    /// title unless given, due at the end of the plan's period unless given.
    public func newTask(key: String, section: Int, group: Int? = nil, title: String, text: String? = nil,
                        assignments: [Assignment] = [], due: Day? = nil) -> PlanTask {
        let number = key.split(separator: ".").last.map(String.init) ?? key
        return PlanTask(key: key, number: number, section: section, group: group, title: title, text: text ?? title,
                        assignments: assignments, due: due ?? period.end)
    }

    /// The key after the section's last numbered key (`3.6` → `3.7`); with
    /// none, the section's number and 1. Never one the plan already has.
    public func nextTaskKey(section: Int) -> String {
        var prefix = "\(section + 1)."
        var n = 0
        for t in tasks where t.section == section {
            guard let dot = t.key.lastIndex(of: "."), let v = Int(t.key[t.key.index(after: dot)...]) else { continue }
            prefix = String(t.key[...dot])
            n = max(n, v)
        }
        var key = prefix + String(n + 1)
        while task(key) != nil { n += 1; key = prefix + String(n + 1) }
        return key
    }
}
