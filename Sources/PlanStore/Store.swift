#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PlanModel

/// A plan store directory, as one session sees it. Every front end reads and
/// changes plans through this class, which enforces access rules, detects
/// conflicting changes and keeps the journal.
public final class Store {
    public let path: String
    /// True when this session may not write: opened read-only, directory not
    /// writable, read-only mount, or a viewer.
    public internal(set) var isReadOnly: Bool
    public internal(set) var readOnlyReason: String?
    /// The same reason, to be shown in the session's language.
    public internal(set) var readOnlyCause: StoreReason?
    /// Unix user of the process (getuid), never from a flag or the environment.
    public let user: String
    public let sshClient: String?
    public internal(set) var role: AccessRole
    public internal(set) var settings: StoreSettings
    /// Things the session noticed and carried on past (a torn journal tail,
    /// a file in the store that is not a plan, a damaged journal): the
    /// command line prints them, a dashboard or kiosk shows them.
    public internal(set) var notices: [StoreReason] = []
    /// The warnings in English.
    public var warnings: [String] { notices.map { $0.text(.en) } }
    /// The warnings in the session's language.
    public func warnings(_ language: Language) -> [String] { notices.map { $0.text(language) } }
    /// Why access.json could not be read (it names the file, line and
    /// column): every refusal says so rather than blaming the user.
    public internal(set) var accessProblem: String?

    /// True when files may be written at all (not the same as the role allowing it).
    let canWrite: Bool
    /// Mode of a journal this session creates: group-writable in a directory
    /// the group writes to, so every writer may append, whatever the umask.
    let journalMode: mode_t
    let fileReadOnlyReason: String?
    var states: [String: PlanState] = [:]
    /// Signatures the watcher last saw, per plan.
    var watched: [String: [POSIXFile.Signature?]] = [:]
    /// This session's own changes per plan, newest last, for undo.
    var ownChanges: [String: [JournalEntry]] = [:]
    /// Journal offset each plan's snapshot holds, as last read.
    var snapshotOffsets: [String: Int] = [:]
    /// Write a checkpoint snapshot after a commit when the journal tail has grown
    /// large (see `checkpointIfDue`). A dashboard may turn it off and call
    /// `compact` when idle.
    public var autoCheckpoint = true
    /// Full journals read for the audit trail: entries and bytes read.
    var journals: [String: (entries: [JournalEntry], offset: Int, ino: UInt64)] = [:]
    /// Byte offsets of each task's journal lines, for `history`.
    var journalIndexes: [String: JournalIndex] = [:]

    public var session: SessionInfo {
        SessionInfo(user: user, role: role, readOnly: isReadOnly, readOnlyReason: readOnlyReason)
    }

    /// Store files that are not plans; no plan may take these ids.
    static let reservedNames: Set<String> = ["settings", "access", "roster"]

    var settingsPath: String { path + "/settings.json" }
    var accessPath: String { path + "/access.json" }
    var rosterPath: String { path + "/roster.json" }
    var storeLockPath: String { path + "/.lock" }
    func files(_ id: String) -> PlanFiles { PlanFiles(dir: path, id: id) }

    /// Opens a store. `readOnly: true` never creates, locks or changes a file; a
    /// directory this process cannot write opens read-only by itself, with a reason.
    public static func open(_ path: String, readOnly: Bool) throws -> Store {
        try Store(path: path, readOnly: readOnly)
    }

    init(path rawPath: String, readOnly: Bool) throws(StoreError) {
        var p = rawPath
        while p.count > 1 && p.hasSuffix("/") { p.removeLast() }
        path = p
        guard POSIXFile.exists(p) else {
            throw StoreError(.storeMissing(store: p))
        }
        guard POSIXFile.isDirectory(p) else { throw StoreError(.storeNotDirectory(store: p)) }
        var dirStat = stat()
        journalMode = stat(p, &dirStat) == 0 && dirStat.st_mode & S_IWGRP != 0 ? 0o664 : 0o644
        user = Identity.userName()
        sshClient = Identity.sshClient()

        var cause: StoreReason?
        if readOnly {
            cause = .openedReadOnly
        } else if access(p, W_OK) != 0 {
            cause = .directoryNotWritable(store: p, user: user)
        } else {
            var vfs = statvfs()
            if statvfs(p, &vfs) == 0 && (vfs.f_flag & UInt(ST_RDONLY)) != 0 {
                cause = .readOnlyFileSystem(store: p)
            }
        }
        canWrite = cause == nil
        fileReadOnlyReason = cause?.text(.en)
        var reason = fileReadOnlyReason
        var accessCause: StoreReason?

        settings = StoreSettings()
        role = .viewer
        isReadOnly = true
        readOnlyReason = reason
        do {
            if let s = try SmallFile.read(StoreSettings.self, settingsPath) { settings = s }
        } catch {
            notice(.usingDefaultSettings(cause: .of(error)))
        }
        do {
            if let rules = try AccessRules.read(accessPath) {
                role = rules.role(of: user)
                if !rules.unknown.isEmpty {
                    notice(.unknownAccessKeys(file: accessPath, keys: rules.unknown.map(\.key), check: false))
                }
            } else {
                role = POSIXFile.owner(p) == getuid() ? .office : .viewer
            }
        } catch {
            accessProblem = "\(error)"
            accessCause = .of(error)
            notice(.accessUnreadable(cause: .of(error)))
            role = .viewer
        }
        if cause == nil, let accessCause {
            cause = .accessRulesUnreadable(cause: accessCause)
        } else if cause == nil && role == .viewer {
            cause = .viewerOnly(user: user)
        }
        reason = cause?.text(.en)
        readOnlyCause = cause
        isReadOnly = reason != nil
        readOnlyReason = reason
        for id in planIDs() { watched[id] = signatures(id) }
    }

    // MARK: Reading

    /// Plans in the store: every journal, and every `<id>.json` snapshot
    /// whose journal is missing. A `*.json` with no journal beside it that
    /// does not begin like a snapshot (someone's `notes.json`) is not a plan:
    /// it is left out with a warning naming it, so one stray file cannot hide
    /// the others.
    public func planIDs() -> [String] {
        var journals = Set<String>(), snapshots = Set<String>()
        for name in POSIXFile.listDirectory(path) {
            if name.hasSuffix(".journal.jsonl") {
                journals.insert(String(name.dropLast(".journal.jsonl".count)))
            } else if name.hasSuffix(".json") {
                snapshots.insert(String(name.dropLast(".json".count)))
            }
        }
        var ids = journals
        for id in snapshots.subtracting(journals) where PlanID.isValid(id) && !Store.reservedNames.contains(id) {
            if SnapshotReader.looksLikeSnapshot(files(id).snapshot) {
                ids.insert(id)
            } else {
                notice(.notAPlan(file: files(id).snapshot))
            }
        }
        return ids.filter { PlanID.isValid($0) && !Store.reservedNames.contains($0) }.sorted()
    }

    /// Whether an id is a store file's name (settings, access, roster) that no plan may take.
    public static func isReservedID(_ id: String) -> Bool { reservedNames.contains(id) }

    /// A plan as of the latest committed change: snapshot plus newer journal
    /// entries, read once and then caught up from the bytes appended since.
    public func plan(_ id: String) throws -> Plan {
        try state(id, whole: true).plan
    }

    /// A plan for display: the snapshot's notes may be left on disk, with only
    /// notes added since held in memory (`PlanTask.olderNotes` counts the
    /// rest; `notes(plan:task:)` reads them). Loading then reads about two
    /// thirds of the file and holds a fraction of the memory. Such a plan is
    /// never written back.
    public func displayPlan(_ id: String) throws -> Plan {
        try state(id, whole: false).plan
    }

    /// A plan holding one task, with every section, department and
    /// indicator: read from the task's own snapshot line and the journal since
    /// the snapshot, so a command that changes one task costs the same
    /// whatever the plan's size. Such a plan is never written back. Plans
    /// whose lines cannot be searched (schema 1, no snapshot) are read whole.
    /// A damaged line of another task does not stop it (every whole read
    /// and `check` still name that line, and no checkpoint is written over it).
    /// With `notes`, the task's notes in the snapshot are read too (`duban
    /// show`); without, they stay on disk, counted in `olderNotes`.
    public func plan(_ id: String, onlyTask key: String, notes: Bool = false) throws -> Plan {
        if let s = states[id], s.only == nil || s.only == key, !notes || (s.plan.task(key)?.olderNotes ?? 0) == 0 {
            return try state(id, task: key).plan
        }
        let s = try load(id, task: key, notes: notes)
        states[id] = s
        return s.plan
    }

    /// A plan's title, for a list of plans: from the snapshot's header line,
    /// without reading its tasks, unless the plan is already held (or only an
    /// old-schema snapshot has it). Nil when the plan cannot be read.
    public func planTitle(_ id: String) -> String? {
        if let s = states[id] { return s.plan.title }
        if PlanID.isValid(id), !Store.reservedNames.contains(id), let t = try? SnapshotReader.title(files(id).snapshot) {
            return t
        }
        return (try? displayPlan(id))?.title
    }

    /// A plan for display and the number of the last journal entry it
    /// reflects, read together, so whoever holds it can tell whether a later
    /// entry follows it directly.
    public func displayPlanAndSeq(_ id: String) throws -> (plan: Plan, seq: Int) {
        let s = try state(id, whole: false)
        return (s.plan, s.seq)
    }

    /// The latest journal entry of a plan that this session has read.
    public func lastChange(plan id: String) -> JournalEntry? {
        if let l = (try? state(id))?.latest { return l }
        return lastJournalEntry(id)
    }

    /// Cached state, caught up with the journal (no lock: appends are atomic
    /// for readers because only complete lines are read).
    /// With `task`, a state holding only that task will do (one is only
    /// made by `plan(_:onlyTask:)`).
    func state(_ id: String, whole: Bool = false, task: String? = nil) throws(StoreError) -> PlanState {
        if var s = states[id], s.only == nil || s.only == task, !whole || s.notesOnDisk == nil && s.only == nil {
            let snapSig = POSIXFile.signature(files(id).snapshot)
            if snapSig == s.snapshotSignature {
                let jsig = POSIXFile.signature(files(id).journal)
                if jsig != s.journalSignature {
                    _ = try catchUp(&s, id)
                    states[id] = s
                }
                return s
            }
        }
        let s = try load(id, notes: whole)
        states[id] = s
        return s
    }

    /// Reads one task of a plan (see `plan(_:onlyTask:)`).
    func load(_ id: String, task key: String, notes: Bool = false) throws(StoreError) -> PlanState {
        guard PlanID.isValid(id), !Store.reservedNames.contains(id) else { return try load(id, notes: true) }
        let f = files(id)
        let outcome: TaskLocator.Outcome
        do { outcome = try TaskLocator.find(f.snapshot, key: key, notes: notes) } catch { throw error.store(f.snapshot) }
        guard case .found(let found) = outcome, found.header.plan.id == id else { return try load(id, notes: true) }
        var plan = found.header.plan
        plan.replaceTasks([found.task.task])
        var s = PlanState(plan: plan, seq: found.header.seq, offset: found.header.offset, snapshotSignature: found.signature)
        s.only = key
        // A missing journal behind a snapshot that records entries is damage: the whole load says so.
        guard let fd = try POSIXFile.open(f.journal, O_RDONLY) else {
            if s.offset > 0 { return try load(id, notes: true) }
            snapshotOffsets[id] = s.offset
            return s
        }
        defer { close(fd) }
        let jsig = POSIXFile.signature(f.journal)
        let start = s.offset
        // An offset off a line boundary: the whole load decides what to trust.
        if start > (jsig?.size ?? 0) || (start > 0 && POSIXFile.byte(fd: fd, at: start - 1) != 10) {
            return try load(id, notes: true)
        }
        snapshotOffsets[id] = start
        try catchUp(&s, id, fd: fd)
        s.journalSignature = jsig
        return s
    }

    /// Reads a plan from its files, with every note or (`notes: false`) with
    /// the snapshot's notes left on disk.
    func load(_ id: String, notes: Bool) throws(StoreError) -> PlanState {
        guard !Store.reservedNames.contains(id) else {
            throw StoreError(.reservedID(id))
        }
        guard PlanID.isValid(id) else {
            throw StoreError(.notPlanID(id, explained: true))
        }
        let f = files(id)
        var snapSig: POSIXFile.Signature?
        var state: PlanState?
        var start = 0
        let loaded: SnapshotReader.Loaded?
        do { loaded = try SnapshotReader.load(f.snapshot, notes: notes) } catch { throw error.store(f.snapshot) }
        if let loaded {
            let snap = loaded.snapshot
            guard snap.plan.id == id else {
                throw StoreError(.idMismatch(file: f.snapshot, id: snap.plan.id))
            }
            snapSig = loaded.signature
            state = PlanState(plan: snap.plan, seq: snap.seq, offset: 0, snapshotSignature: snapSig)
            state?.notesOnDisk = loaded.notesOnDisk
            start = snap.offset
            snapshotOffsets[id] = snap.offset
        } else if !POSIXFile.exists(f.journal) {
            throw StoreError(.noPlan(plan: id, store: path, missing: f.snapshot))
        }
        guard let fd = try POSIXFile.open(f.journal, O_RDONLY) else {
            guard var s = state else { throw StoreError(.noPlan(plan: id, store: path, missing: f.journal)) }
            if start > 0 { s.damage = journalDamage(id, size: nil, offset: start) }
            noteDamage(s)
            return s
        }
        defer { close(fd) }
        // Stat before reading: an append racing with the read shows up as a change later.
        let jsig = POSIXFile.signature(f.journal)
        // The snapshot holds the journal up to its offset: a journal shorter
        // than that, or without a line boundary there, has lost committed
        // entries (truncated or replaced), which is damage, not a torn tail.
        // The plan is still read (the snapshot, then any newer entries found
        // anywhere in the journal), but nothing writes to it.
        let size = jsig?.size ?? 0
        var damage: StoreReason?
        if start > size || (start > 0 && POSIXFile.byte(fd: fd, at: start - 1) != 10) {
            damage = journalDamage(id, size: size, offset: start)
            start = 0
        }
        let bytes = try POSIXFile.read(fd: fd, from: start, path: f.journal)
        let chunk = JournalChunk(bytes, base: start)
        _ = try Replay.apply(chunk, to: &state, planID: id, path: f.journal) { try? POSIXFile.read(f.journal) }
        guard var s = state else { throw StoreError(.journalWithoutPlan(journal: f.journal)) }
        s.offset = chunk.end
        s.snapshotSignature = snapSig
        s.journalSignature = jsig
        s.damage = damage
        if damage == nil { noteTorn(chunk, path: f.journal) }
        noteDamage(s)
        return s
    }

    /// Why a plan's journal cannot be trusted for writing: it is missing or
    /// shorter than the offset its snapshot records (`size` nil: missing).
    func journalDamage(_ id: String, size: Int?, offset: Int) -> StoreReason {
        .journalDamage(journal: files(id).journal, plan: id, size: size, offset: offset)
    }

    func noteDamage(_ s: PlanState) {
        if let d = s.damage { notice(d) }
    }

    func noteTorn(_ chunk: JournalChunk, path: String) {
        guard chunk.tornBytes > 0 else { return }
        notice(.tornTailIgnored(journal: path, bytes: chunk.tornBytes, offset: chunk.end))
    }

    /// A warning, once.
    func notice(_ r: StoreReason) {
        if !notices.contains(r) { notices.append(r) }
    }

    /// Reads journal bytes appended since `s` was read and applies them.
    @discardableResult
    func catchUp(_ s: inout PlanState, _ id: String, fd given: Int32? = nil) throws(StoreError) -> [JournalEntry] {
        let f = files(id)
        let opened: Int32?
        if let given { opened = given } else { opened = try POSIXFile.open(f.journal, O_RDONLY) }
        guard let fd = opened else { return [] }
        defer { if given == nil { close(fd) } }
        let sig = POSIXFile.signature(f.journal)
        let bytes = try POSIXFile.read(fd: fd, from: s.offset, path: f.journal)
        let chunk = JournalChunk(bytes, base: s.offset)
        var opt: PlanState? = s
        let entries = try Replay.apply(chunk, to: &opt, planID: id, path: f.journal) { try? POSIXFile.read(f.journal) }
        s = opt!
        s.offset = chunk.end
        // Signature from before the read: a later append shows up as a change.
        s.journalSignature = sig
        noteTorn(chunk, path: f.journal)
        return entries
    }

    /// Every note of a task, oldest first: those left on disk (see
    /// `displayPlan`) read from the snapshot, then those added since.
    public func notes(plan id: String, task key: String) throws -> [Note] {
        for _ in 0..<3 {
            let s = try state(id)
            guard let t = s.plan.task(key) else { return [] }
            guard t.olderNotes > 0, let disk = s.notesOnDisk else { return t.notes }
            let older: [Note]?
            do { older = try SnapshotReader.notes(files(id).snapshot, disk, key: key) } catch { throw error.store(files(id).snapshot) }
            if let older { return older + t.notes }
            // A newer checkpoint replaced the file since it was read: read it again.
            states[id] = nil
        }
        throw StoreError(.replacedWhileReading(snapshot: files(id).snapshot, task: key))
    }

    /// The whole journal of a plan, oldest first: the audit trail.
    public func journal(_ id: String) throws -> [JournalEntry] {
        guard PlanID.isValid(id) else { throw StoreError(.notPlanID(id, explained: false)) }
        let f = files(id)
        guard POSIXFile.exists(f.snapshot) || POSIXFile.exists(f.journal) else {
            throw StoreError(.noPlan(plan: id, store: path, missing: f.snapshot))
        }
        let sig = POSIXFile.signature(f.journal)
        var cached = journals[id] ?? ([], 0, sig?.ino ?? 0)
        if let sig, sig.ino != cached.ino { cached = ([], 0, sig.ino) }
        guard let sig, sig.size > cached.offset else { journals[id] = cached; return cached.entries }
        guard let fd = try POSIXFile.open(f.journal, O_RDONLY) else { throw StoreError(.notFound(path: f.journal)) }
        defer { close(fd) }
        let bytes = try POSIXFile.read(fd: fd, from: cached.offset, path: f.journal)
        let chunk = JournalChunk(bytes, base: cached.offset)
        let names = NameTable()
        for (offset, line) in chunk.lines {
            do {
                cached.entries.append(try line.withUnsafeBufferPointer { (b) throws(JSONReader.Failure) in try JournalCodec.entry(line: b, names: names) })
            } catch {
                throw Replay.lineError(error, path: f.journal, line: Replay.lineNumber(at: offset) { try? POSIXFile.read(f.journal) })
            }
        }
        cached.offset = chunk.end
        noteTorn(chunk, path: f.journal)
        journals[id] = cached
        return cached.entries
    }

    /// The date and window lights of a plan are evaluated with: `today` (a
    /// command-line override), else the store's date for the plan, else the
    /// system date. Matches `DashboardBackend.evaluation(for:)`.
    public func evaluation(for plan: Plan) -> Evaluation { evaluation(for: plan, today: nil) }

    public func evaluation(for plan: Plan, today: Day?) -> Evaluation {
        Evaluation(today: today ?? settings.today(for: plan.id) ?? Identity.today(), dueSoonDays: settings.dueSoonDays)
    }

    // MARK: Other files

    public func roster() throws -> DutyRoster? {
        guard let bytes = try POSIXFile.read(rosterPath) else { return nil }
        do { return try DutyRoster(jsonText: bytes) } catch {
            throw error.isSyntax ? StoreError("\(rosterPath):\(error.line):\(error.column): \(error.message)")
                                 : StoreError("\(rosterPath): \(error.formatError)")
        }
    }

    /// Access rules as written; nil when there is no access.json.
    public func accessRules() throws -> AccessRules? {
        try AccessRules.read(accessPath)
    }

    func signatures(_ id: String) -> [POSIXFile.Signature?] {
        let f = files(id)
        return [POSIXFile.signature(f.snapshot), POSIXFile.signature(f.journal)]
    }
}
