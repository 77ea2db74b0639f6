import PlanModel

/// Why the store refused, failed or warns, with what a person needs to act on
/// it (paths, lines, counts, names). `StoreReasonText` renders each in the
/// session's language; English is what scripts and the tests grep for.
public indirect enum StoreReason: Hashable, Sendable {
    // MARK: Opening the store
    case storeMissing(store: String)
    case storeNotDirectory(store: String)
    case planExists(plan: String, store: String)
    case noPlan(plan: String, store: String, missing: String)
    case noPlanLoaded(plan: String)
    case reservedID(String)
    case notPlanID(String, explained: Bool)

    // MARK: Why a session is read-only
    case openedReadOnly
    case directoryNotWritable(store: String, user: String)
    case readOnlyFileSystem(store: String)
    case accessRulesUnreadable(cause: StoreReason)
    case viewerOnly(user: String)

    // MARK: Files and system calls
    case symbolicLink(path: String)
    case notRegularFile(path: String, kind: FileKind)
    case hardLinks(path: String, count: Int)
    case systemCall(path: String, call: SystemCall, error: String)
    case tooManyNames(path: String)
    case lockFile(path: String)
    case notFound(path: String)
    case replaceRefused(file: String, owner: String?)

    // MARK: Reading plans and journals
    /// A JSON or record codec's error at a place in a file: the codec's own message.
    case located(path: String, line: Int?, column: Int?, message: String)
    /// One of the store's reasons about a place in a file.
    case at(path: String, line: Int?, column: Int?, reason: StoreReason)
    case idMismatch(file: String, id: String)
    case journalWithoutPlan(journal: String)
    /// A journal shorter than its snapshot's offset; `journal` nil when the file is already named.
    case journalDamage(journal: String?, plan: String, size: Int?, offset: Int)
    case tornTailIgnored(journal: String, bytes: Int, offset: Int)
    case notAPlan(file: String)
    case readWithoutNotes(plan: String, task: String)
    case replacedWhileReading(snapshot: String, task: String)
    case unreadLines(journal: String, offset: Int)
    case checkpointNotWritten(plan: String, cause: StoreReason)

    // MARK: A snapshot's structure
    case emptyFile
    case taskLineCount(expected: Int, found: Int)
    case noSuchSection(task: String, section: Int, sections: Int)
    case noSuchGroup(task: String, group: Int, section: Int)
    case notesNotDue(task: String)
    case notesOutOfPlace(task: String, count: Int, at: Int, expected: Int, expectedAt: Int)
    case notesMissingAtEnd(task: String, lastLine: Int)
    case duplicateTaskKey(key: String)
    case notesMissing(task: String)
    case notesNotWhereSaid(task: String)

    // MARK: Settings and access rules
    case unknownAccessKeys(file: String?, keys: [String], check: Bool)
    case usingDefaultSettings(cause: StoreReason)
    case accessUnreadable(cause: StoreReason)
    case notUserName(String)
    case noOfficeUser
    case controlCharacter(field: String, code: String, at: Int)

    // MARK: What `check` reports about a file's type, owner and mode
    case directoryWorldWritable
    case directoryWithoutStickyBit
    case directoryOwner(owner: String)
    case refusedKind(kind: FileKind)
    case refusedHardLinks(count: Int)
    case worldWritable
    case notGroupReadable
    case notOthersReadable
    case officeFileOwner(owner: String)
    case officeFileGroupWritable(group: String, member: String)
    case journalOwner(owner: String)
    case journalNotGroupWritable

    // MARK: What `check` reports about plans
    case temporaryFileLeft
    case snapshotMissing
    case journalMissing(offset: Int)
    case sequenceOutOfOrder(seq: Int, after: Int)
    case foreignEntry(plan: String, journalOf: String)
    case entryBeforePlan(seq: Int)
    case entryDoesNotApply(seq: Int, error: String)
    case tornByDamage(bytes: Int)
    case tornTail(bytes: Int)

    // MARK: What `check --repair` did
    case removedTemporaryFile(path: String)
    case cutTornTail(journal: String, bytes: Int)

    /// What a directory entry is.
    public enum FileKind: String, Hashable, Sendable, CaseIterable {
        case regular, directory, symbolicLink, fifo, socket, device, special
    }

    /// The system call that failed; the system's own error text follows it.
    public enum SystemCall: String, Hashable, Sendable, CaseIterable {
        case open, create, stat, read, write, fsync, rename, lock, cutTornTail
    }
}
