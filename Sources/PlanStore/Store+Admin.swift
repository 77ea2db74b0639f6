#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PlanModel

extension Store {
    func requireOffice(_ what: String) throws {
        guard canWrite else { throw Refusal("the store is read-only: \(fileReadOnlyReason ?? "")") }
        if accessProblem != nil, let why = readOnlyReason { throw Refusal(why) }
        guard role == .office else { throw Refusal("\(user) is not an office user and may not \(what)") }
    }

    /// Adds a plan (an import), or replaces one when `replace`. The journal gets
    /// an entry carrying the whole plan (the commit point), then a fresh snapshot
    /// is written after it.
    public func addPlan(_ plan: Plan, replace: Bool) throws {
        try requireOffice("add or replace plans")
        guard PlanID.isValid(plan.id), !Store.reservedNames.contains(plan.id) else { throw EditError("\"\(plan.id)\" is not a plan id (lowercase letters, digits and '-')") }
        let f = files(plan.id)
        let lock = try FileLock(f.lock)
        defer { withExtendedLifetime(lock) {} }
        let exists = POSIXFile.exists(f.snapshot) || POSIXFile.exists(f.journal)
        if exists && !replace { throw StoreError(.planExists(plan: plan.id, store: path)) }
        var old: PlanState?
        if exists { old = try load(plan.id, notes: true) }  // a file that does not parse is never overwritten
        if let damage = old?.damage { throw StoreError(damage) }

        guard let fd = try POSIXFile.open(f.journal, O_RDWR | O_APPEND, create: journalMode) else {
            throw StoreError(.systemCall(path: f.journal, call: .open, error: ""))
        }
        defer { close(fd) }
        try cutTornTail(fd: fd, path: f.journal, keep: old?.offset ?? 0)
        let summary: (Plan) -> JSON = { .string("\($0.title) (\($0.tasks.count) tasks)") }
        let entry = JournalEntry(seq: (old?.seq ?? 0) + 1, time: Identity.now(), user: user, ssh: sshClient,
                                 plan: plan.id, task: "", field: ChangeKind.planImport.journalName, old: old.map { summary($0.plan) } ?? .null,
                                 new: plan.json)
        let line = JournalCodec.line(entry)
        try POSIXFile.writeAll(fd: fd, line, path: f.journal)
        guard fsync(fd) == 0 else { throw POSIXFile.errno(.fsync, f.journal) }
        let offset = (old?.offset ?? 0) + line.count
        // Feedback, rounds and chases outlive a replaced plan's text.
        var plan = plan
        if let old { plan.supervision = old.plan.supervision; plan.reviews = old.plan.reviews }
        try POSIXFile.replace(f.snapshot, with: Snapshot(plan: plan, seq: entry.seq, offset: offset).bytes(), dir: path)
        snapshotOffsets[plan.id] = offset
        var s = PlanState(plan: plan, seq: entry.seq, offset: offset)
        s.snapshotSignature = POSIXFile.signature(f.snapshot)
        s.journalSignature = POSIXFile.signature(f.journal)
        s.latest = entry
        states[plan.id] = s
        watched[plan.id] = signatures(plan.id)
    }

    /// Writes a checkpoint snapshot of a plan holding every journal entry so far,
    /// so that loading replays less. Never needed for correctness.
    public func compact(plan id: String) throws {
        guard canWrite, !isReadOnly else { throw Refusal("the store is read-only: \(readOnlyReason ?? "")") }
        let f = files(id)
        let lock = try FileLock(f.lock)
        defer { withExtendedLifetime(lock) {} }
        // The cached state is as good as a fresh load once caught up under the lock.
        let wasDisplay = states[id]?.notesOnDisk != nil || states[id]?.only != nil
        // A plan read without its notes, or holding one task, is read again
        // whole: a checkpoint holds every task and note.
        var s = try states[id].flatMap { $0.snapshotSignature == POSIXFile.signature(f.snapshot) && $0.notesOnDisk == nil && $0.only == nil ? $0 : nil }
            ?? load(id, notes: true)
        if let damage = s.damage { throw StoreError(damage) }
        guard mayReplace(f.snapshot) else { throw replaceRefusal(f.snapshot) }
        if let fd = try POSIXFile.open(f.journal, O_RDWR | O_APPEND) {
            defer { close(fd) }
            try catchUp(&s, id, fd: fd)
            try cutTornTail(fd: fd, path: f.journal, keep: s.offset)
        }
        try POSIXFile.replace(f.snapshot, with: Snapshot(plan: s.plan, seq: s.seq, offset: s.offset).bytes(), dir: path)
        snapshotOffsets[id] = s.offset
        s.snapshotSignature = POSIXFile.signature(f.snapshot)
        s.journalSignature = POSIXFile.signature(f.journal)
        // A session that held the plan for display reads the new file that way next time.
        states[id] = wasDisplay ? nil : s
        watched[id] = signatures(id)
    }

    public func setRoster(_ r: DutyRoster) throws {
        try requireOffice("change the duty roster")
        let lock = try FileLock(storeLockPath)
        defer { withExtendedLifetime(lock) {} }
        _ = try roster()  // refuse to overwrite a file that does not parse
        guard mayReplace(rosterPath) else { throw replaceRefusal(rosterPath) }
        try POSIXFile.replace(rosterPath, with: Array(JSONWriter.pretty(r.json).utf8), dir: path)
    }

    /// Replaces the access rules. Office only; the rules must keep an office user.
    public func setAccessRules(_ rules: AccessRules) throws {
        try requireOffice("change access rules")
        if let problem = rules.problem() { throw StoreError(problem) }
        let lock = try FileLock(storeLockPath)
        defer { withExtendedLifetime(lock) {} }
        _ = try accessRules()
        guard mayReplace(accessPath) else { throw replaceRefusal(accessPath) }
        try POSIXFile.replace(accessPath, with: Array(JSONWriter.pretty(rules.json).utf8), dir: path)
        role = rules.role(of: user)
    }

    /// Rewrites settings.json, keeping keys this version does not know.
    public func setSettings(_ s: StoreSettings) throws {
        try requireOffice("change store settings")
        let lock = try FileLock(storeLockPath)
        defer { withExtendedLifetime(lock) {} }
        _ = try SmallFile.read(AnyJSON.self, settingsPath)  // refuse to overwrite a file that does not parse
        guard mayReplace(settingsPath) else { throw replaceRefusal(settingsPath) }
        try POSIXFile.replace(settingsPath, with: Array(JSONWriter.pretty(s.json).utf8), dir: path)
        settings = s
    }
}
