#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PlanModel

extension Store {
    /// Appends many journal entries to a plan at once (a migration or a
    /// synthetic history), under the plan's lock, with one fsync. Each entry is
    /// checked to apply to the plan as it stands, and is renumbered to follow
    /// the journal's last sequence number. Office only. Returns the last
    /// sequence number written.
    @discardableResult
    public func appendJournal(_ entries: some Sequence<JournalEntry>, plan id: String) throws -> Int {
        try requireOffice("append journal entries")
        _ = try state(id)
        // Held uniquely while changing it, so applying does not copy the plan.
        guard var s = states.removeValue(forKey: id) else { throw StoreError(.noPlanLoaded(plan: id)) }
        // On an error the pieces already written are whole, valid entries; the
        // cached state is dropped and the next read replays them from the file.
        var done = false
        defer { if done { states[id] = s } }
        let f = files(id)
        let (lock, fd) = try openJournalForAppend(id, &s)
        defer { close(fd); withExtendedLifetime(lock) {} }

        var written = 0
        var buffer: [UInt8] = []
        var plan = s.plan
        s.plan = Plan(id: plan.id, title: plan.title, period: plan.period, sections: [], tasks: [])
        for var e in entries {
            e.seq = s.seq + written + 1
            e.plan = id
            if let edit = try JournalCodec.edit(e) { try plan.apply(edit, task: e.task) }
            buffer += JournalCodec.line(e)
            written += 1
            s.lastChange[PlanState.key(e.task, e.field)] = e
            s.latest = e
            // Large histories are written in pieces so the buffer stays small.
            if buffer.count >= 1 << 20 {
                try POSIXFile.writeAll(fd: fd, buffer, path: f.journal)
                s.offset += buffer.count
                buffer.removeAll(keepingCapacity: true)
            }
        }
        try POSIXFile.writeAll(fd: fd, buffer, path: f.journal)
        s.offset += buffer.count
        guard fsync(fd) == 0 else { throw POSIXFile.errno(.fsync, f.journal) }
        s.plan = plan
        s.seq += written
        s.journalSignature = POSIXFile.signature(f.journal)
        watched[id] = signatures(id)
        done = true
        return s.seq
    }
}

extension Store {
    /// The exact bytes a journal entry takes as a line of a journal file.
    public static func journalLine(_ e: JournalEntry) -> [UInt8] { JournalCodec.line(e) }
}
