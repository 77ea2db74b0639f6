import PlanModel

extension Store {
    /// Plans changed by others since the last call, with the journal entries
    /// that changed them. Costs one stat of each plan's two files when nothing
    /// changed; a changed journal is read only from where this session stopped.
    public func pollChanges() -> [PlanChange] {
        var changes: [PlanChange] = []
        let ids = planIDs()
        for id in Set(ids).union(watched.keys).sorted() {
            let sigs = signatures(id)
            if watched[id] == sigs { continue }
            watched[id] = sigs
            // A state holding one task is not watched: it is read again when wanted.
            guard var s = states[id], s.only == nil else {
                states[id] = nil
                changes.append(PlanChange(plan: id, entries: []))
                continue
            }
            do {
                if sigs[0] != s.snapshotSignature {
                    let before = s.seq
                    s = try load(id, notes: s.notesOnDisk == nil)
                    states[id] = s
                    if s.seq != before { changes.append(PlanChange(plan: id, entries: [])) }
                } else {
                    let entries = try catchUp(&s, id)
                    states[id] = s
                    if !entries.isEmpty { changes.append(PlanChange(plan: id, entries: entries)) }
                }
            } catch {
                notice(.of(error))
                states[id] = nil
                changes.append(PlanChange(plan: id, entries: []))
            }
        }
        return changes
    }
}
