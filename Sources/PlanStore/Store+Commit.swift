#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PlanModel

extension Store {
    /// Commits one edit. `expected` is the value this session saw (nil: no
    /// check); a different current value is a `Conflict` unless `force`.
    /// The journal append, under the plan's lock, is the commit point; the
    /// snapshot is not rewritten, so the cost does not grow with the plan.
    @discardableResult
    public func commit(_ edit: Edit, plan id: String, task key: String, expected: JSON?, force: Bool) throws -> JournalEntry {
        try commit(edit, plan: id, task: key, expected: expected, force: force, undoes: nil)
    }

    /// The same with a value always to compare, as the dashboard calls it.
    @discardableResult
    public func commit(_ edit: Edit, plan id: String, task key: String, expected: JSON, force: Bool) throws -> JournalEntry {
        try commit(edit, plan: id, task: key, expected: Optional(expected), force: force, undoes: nil)
    }

    func commit(_ edit: Edit, plan id: String, task key: String, expected: JSON?, force: Bool,
                undoes: Int?) throws -> JournalEntry {
        let entry = try append(edit, plan: id, task: key, expected: expected, force: force, undoes: undoes)
        if autoCheckpoint { checkpointIfDue(id) }
        return entry
    }

    /// What every writer does before appending: takes the plan's lock, opens its
    /// journal for appending, and brings `s` up to the journal's end (reloading
    /// after another writer's checkpoint, cutting a torn tail). The caller closes
    /// the descriptor and keeps the lock alive until it has fsynced.
    func openJournalForAppend(_ id: String, _ s: inout PlanState) throws -> (lock: FileLock, fd: Int32) {
        let f = files(id)
        let lock = try FileLock(f.lock)
        // Read again after another writer's checkpoint, or to see whether a
        // damaged journal has been restored since.
        if s.damage != nil || POSIXFile.signature(f.snapshot) != s.snapshotSignature {
            s = if let only = s.only { try load(id, task: only) } else { try load(id, notes: s.notesOnDisk == nil) }
        }
        // Checked under the lock and before the journal is opened (or created):
        // appending to a damaged journal would reuse sequence numbers and
        // bury the loss.
        if let damage = s.damage { throw StoreError(damage) }
        guard let fd = try POSIXFile.open(f.journal, O_RDWR | O_APPEND, create: journalMode) else {
            throw StoreError(.systemCall(path: f.journal, call: .open, error: "")) 
        }
        do {
            try catchUp(&s, id, fd: fd)
            try cutTornTail(fd: fd, path: f.journal, keep: s.offset)
        } catch {
            close(fd)
            throw error
        }
        return (lock, fd)
    }

    /// The commit proper, under the plan's lock.
    private func append(_ edit: Edit, plan id: String, task key: String, expected: JSON?, force: Bool,
                        undoes: Int?) throws -> JournalEntry {
        guard canWrite else {
            throw Refusal(en: "the store is read-only: \(fileReadOnlyReason ?? "")", zh: "存储只读（read-only）：\(fileReadOnlyReason ?? "")")
        }
        if accessProblem != nil, let why = readOnlyReason { throw Refusal(why) }
        _ = try state(id, task: key)
        // Held uniquely while changing it: a second reference would make the
        // change copy every task of the plan (copy-on-write), O(n) per commit.
        guard var s = states.removeValue(forKey: id) else { throw StoreError(.noPlanLoaded(plan: id)) }
        defer { states[id] = s }
        // The journal keeps a removed task whole, notes included.
        if case .removeTask = edit, s.notesOnDisk != nil || s.only != nil { s = try load(id, notes: true) }
        // Whose note is withdrawn is read from the note itself.
        if case .withdraw(let w) = edit, w.kind == ChangeKind.note.journalName, s.notesOnDisk != nil || s.only != nil {
            s = try load(id, notes: true)
        }
        // Stamped (user, time, the reporter's department, text cleaned) and
        // decided before taking the lock, so a refused or invalid edit touches
        // no file; again under it only if another writer changed the plan in
        // between, so the stamp and the decision are those of the plan written to.
        let time = Identity.now()
        var stamped = rules.stamp(edit, time: time, plan: s.plan, task: key)
        try preflight(stamped, plan: s.plan, task: key)
        let seen = (s.offset, s.snapshotSignature)

        let f = files(id)
        let (lock, fd) = try openJournalForAppend(id, &s)
        defer { close(fd); withExtendedLifetime(lock) {} }
        if s.offset != seen.0 || s.snapshotSignature != seen.1 {
            stamped = rules.stamp(edit, time: time, plan: s.plan, task: key)
            try preflight(stamped, plan: s.plan, task: key)
        }
        let edit = stamped
        let entry: JournalEntry
        do {
            entry = try rules.entry(for: edit, plan: s.plan, task: key, expected: expected, force: force,
                                    seq: s.seq + 1, time: time, undoes: undoes)
        } catch var c {
            c.by = whoChanged(id, task: key, field: edit.field, state: s)
            throw c
        }
        let line = JournalCodec.line(entry)
        try POSIXFile.writeAll(fd: fd, line, path: f.journal)
        guard fsync(fd) == 0 else { throw POSIXFile.errno(.fsync, f.journal) }

        try s.plan.apply(edit, task: key)
        s.seq = entry.seq
        s.offset += line.count
        s.lastChange[PlanState.key(key, entry.field)] = entry
        s.latest = entry
        s.journalSignature = POSIXFile.signature(f.journal)
        watched[id] = signatures(id)
        if undoes == nil { ownChanges[id, default: []].append(entry) }
        return entry
    }

    /// Writes a checkpoint once the journal since the snapshot outweighs a
    /// sixteenth of the snapshot (and at least 64 KB): loading then replays at
    /// most that many lines, a small share of opening the plan, and the
    /// checkpoint's cost, proportional to the plan, is spread over as many
    /// commits, so each costs O(1) on average (about 0.1 ms at 100,000 tasks).
    /// After the commit point, so a failure here loses nothing.
    func checkpointIfDue(_ id: String) {
        guard let s = states[id], let snap = s.snapshotSignature else { return }
        let tail = s.offset - snapshotOffsets[id, default: -1]
        guard snapshotOffsets[id] != nil, tail > max(snap.size / 16, 64 * 1024) else { return }
        // In a directory with the sticky bit only the snapshot's owner may
        // replace it; the office's next commit or `duban compact` will.
        guard mayReplace(files(id).snapshot) else { return }
        do { try compact(plan: id) } catch {
            notice(.checkpointNotWritten(plan: id, cause: .of(error)))
        }
    }

    /// The pure steps of a commit, as this session makes them.
    var rules: ChangeCommit {
        ChangeCommit(user: user, role: role, ssh: sshClient, closureReview: settings.closureReview,
                     evaluationDates: settings.evaluationDates)
    }

    /// Access and validity: the text first, then the rules on a one-task copy.
    func preflight(_ edit: Edit, plan: Plan, task key: String) throws {
        try EditText.check(edit)
        try rules.check(edit, plan: plan, task: key)
    }

    /// The entry that last changed a field, to name it in a conflict.
    func whoChanged(_ id: String, task: String, field: String, state: PlanState) -> JournalEntry? {
        if let e = state.lastChange[PlanState.key(task, field)] { return e }
        // Older than the snapshot: the task's own lines in the journal.
        return history(plan: id, task: task).last { $0.field == field }
    }

    /// Cuts a torn last line, under the plan's lock, keeping a `.torn` copy of
    /// the bytes cut: a writer never appends after a torn line.
    @discardableResult
    func cutTornTail(fd: Int32, path: String, keep: Int) throws(StoreError) -> Int {
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw POSIXFile.errno(.stat, path) }
        let size = Int(st.st_size)
        guard size > keep else { return 0 }
        let torn = try POSIXFile.read(fd: fd, from: keep, path: path)
        guard !torn.contains(10) else {
            throw StoreError(.unreadLines(journal: path, offset: keep))
        }
        // A new file for each cut (`.torn`, `.torn.2`, …), created by this
        // writer: never a file another account made, which it might not be
        // able to write, nor a name planted to redirect the write.
        let (b, backup) = try POSIXFile.createNew(path + ".torn", mode: 0o644)
        defer { close(b) }
        try POSIXFile.writeAll(fd: b, torn + [10], path: backup)
        guard fsync(b) == 0 else { throw POSIXFile.errno(.fsync, backup) }
        guard ftruncate(fd, off_t(keep)) == 0 else { throw POSIXFile.errno(.cutTornTail, path) }
        guard fsync(fd) == 0 else { throw POSIXFile.errno(.fsync, path) }
        notices.removeAll { if case .tornTailIgnored(path, _, _) = $0 { return true }; return false }
        return torn.count
    }

    /// Undoes this session's last change in a plan (see `undo`).
    @discardableResult
    public func undoLast(plan id: String) throws -> JournalEntry {
        guard let last = ownChanges[id]?.last else {
            throw EditError(en: "nothing of yours to undo in \(id) in this session", zh: "本次会话在 \(id) 中没有可撤销的修改")
        }
        let entry = try undo(last, plan: id)
        ownChanges[id]?.removeLast()
        return entry
    }

    /// This user's latest change in a plan's journal that is neither an undo
    /// nor undone: what `duban undo` takes back from a new session.
    public func lastOwnChange(plan id: String) throws -> JournalEntry? {
        let all = try journal(id)
        let undone = Set(all.compactMap(\.undoes))
        return all.last { $0.user == user && $0.undoes == nil && !undone.contains($0.seq) }
    }

    /// The one undo path: undoes `last`, a change of this user's, as a new
    /// journaled change that puts back what it replaced (the table says how:
    /// the old value written back, the record withdrawn, the request
    /// reopened), refused as a conflict or with the reason when what it
    /// left has changed since.
    @discardableResult
    public func undo(_ last: JournalEntry, plan id: String) throws -> JournalEntry {
        guard last.user == user else {
            throw EditError(en: "entry \(last.seq) of \(id) was made by \(last.user), not \(user); only your own changes are undone",
                            zh: "\(id) 的第 \(last.seq) 条由 \(last.user) 修改，不是 \(user)；只能撤销自己的修改")
        }
        let (inverse, expected) = try ChangeCommit.undo(last, in: try state(id).plan)
        return try commit(inverse, plan: id, task: last.task, expected: expected, force: false, undoes: last.seq)
    }
}
