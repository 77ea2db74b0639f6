#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PlanModel

extension Store {
    /// Verifies every file of the store without changing any. Problems name the
    /// file, and line and column where there is one.
    public func check() -> [StoreProblem] {
        var problems: [StoreProblem] = []
        checkJSON(settingsPath, &problems) { v throws(PlanFormatError) in _ = try StoreSettings(json: v) }
        checkJSON(accessPath, &problems) { v in
            let rules = try AccessRules(json: v)
            if !rules.unknown.isEmpty {
                throw UnknownKeys(keys: rules.unknown.map(\.key))
            }
        }
        checkJSON(rosterPath, &problems) { v throws(PlanFormatError) in _ = try DutyRoster(json: v) }
        problems += checkFileModes()
        for id in planIDs() { checkPlan(id, &problems) }
        for tmp in staleTemporaryFiles() {
            problems.append(StoreProblem(file: tmp, .temporaryFileLeft, repairable: true, kind: .temporaryFile))
        }
        return problems
    }

    /// `.<name>.tmp-<pid>[.n]` files (see `POSIXFile.replace`) whose writer is gone.
    func staleTemporaryFiles() -> [String] {
        POSIXFile.listDirectory(path).compactMap { name in
            guard name.hasPrefix("."), let r = name.firstRange(of: ".tmp-") else { return nil }
            guard let pid = Int32(name[r.upperBound...].prefix { $0.isASCII && $0.isNumber }) else { return nil }
            // A live writer's file is its own business; ESRCH means no such process.
            if kill(pid, 0) == 0 || errno != ESRCH { return nil }
            return path + "/" + name
        }
    }

    /// Keys of access.json this version does not know, for `check` to name.
    private struct UnknownKeys: Error { var keys: [String] }

    private func checkJSON(_ file: String, _ problems: inout [StoreProblem],
                           _ validate: (JSON) throws -> Void) {
        do {
            guard let bytes = try POSIXFile.read(file) else { return }
            do {
                try validate(try JSONParser.parse(bytes))
            } catch let e as JSONSyntaxError {
                problems.append(StoreProblem(file: file, line: e.line, column: e.column, message: e.message))
            } catch let e as UnknownKeys {
                problems.append(StoreProblem(file: file, .unknownAccessKeys(file: nil, keys: e.keys, check: true)))
            } catch {
                problems.append(StoreProblem(file: file, message: "\(error)"))
            }
        } catch {
            problems.append(error.problem(file))
        }
    }

    private func checkPlan(_ id: String, _ problems: inout [StoreProblem]) {
        let f = files(id)
        var state: PlanState?
        do {
            // Every part, notes included, line by line.
            if let snap = try SnapshotReader.load(f.snapshot, notes: true)?.snapshot {
                if snap.plan.id != id {
                    problems.append(StoreProblem(file: f.snapshot, .idMismatch(file: "", id: snap.plan.id)))
                }
                state = PlanState(plan: snap.plan, seq: snap.seq, offset: snap.offset)
            }
        } catch {
            problems.append(error.problem(f.snapshot))
            return
        }
        let bytes: [UInt8]
        let snapshotOffset = state?.offset ?? 0
        do {
            guard let b = try POSIXFile.read(f.journal) else {
                if state == nil { problems.append(StoreProblem(file: f.snapshot, .snapshotMissing)) }
                if snapshotOffset > 0 {
                    problems.append(StoreProblem(file: f.journal, .journalMissing(offset: snapshotOffset)))
                }
                return
            }
            bytes = b
        } catch {
            problems.append(error.problem(f.journal))
            return
        }
        // Shorter than the snapshot's offset, or no line ending there: entries
        // the snapshot holds have been cut or replaced. That is damage, and a
        // cut-off last line is then part of it, never a tail to repair.
        let damaged = snapshotOffset > 0 && (bytes.count < snapshotOffset || bytes[snapshotOffset - 1] != 10)
        if damaged {
            problems.append(StoreProblem(file: f.journal, .journalDamage(journal: nil, plan: id, size: bytes.count, offset: snapshotOffset)))
        }
        let chunk = JournalChunk(bytes, base: 0)
        var lastSeq = 0
        var lineNo = 0
        var lineStart = 0
        for (offset, line) in chunk.lines {
            // Blank lines are skipped by the splitter; count newlines to keep numbering.
            for i in lineStart..<offset where bytes[i] == 10 { lineNo += 1 }
            lineNo += 1
            lineStart = offset + line.count + 1
            let entry: JournalEntry
            do {
                entry = try line.withUnsafeBufferPointer { (b) throws(JSONReader.Failure) in try JournalCodec.entry(line: b) }
            } catch {
                problems.append(error.isSyntax
                    ? StoreProblem(file: f.journal, line: lineNo, column: error.column, message: error.message)
                    : StoreProblem(file: f.journal, line: lineNo, message: "\(error.formatError)"))
                return
            }
            if entry.seq <= lastSeq {
                problems.append(StoreProblem(file: f.journal, line: lineNo, .sequenceOutOfOrder(seq: entry.seq, after: lastSeq)))
            }
            lastSeq = max(lastSeq, entry.seq)
            if entry.plan != id {
                problems.append(StoreProblem(file: f.journal, line: lineNo, .foreignEntry(plan: entry.plan, journalOf: id)))
            }
            if let s = state, entry.seq <= s.seq { continue }
            do {
                if entry.field == ChangeKind.planImport.journalName {
                    let plan = try Plan(json: entry.new, path: "new")
                    if state == nil { state = PlanState(plan: plan, seq: 0, offset: 0) } else { state!.plan = plan }
                } else if state == nil {
                    problems.append(StoreProblem(file: f.journal, line: lineNo, .entryBeforePlan(seq: entry.seq)))
                    return
                } else if let edit = try JournalCodec.edit(entry) {
                    try state!.plan.apply(edit, task: entry.task)
                }
                state!.seq = entry.seq
            } catch {
                problems.append(StoreProblem(file: f.journal, line: lineNo, .entryDoesNotApply(seq: entry.seq, error: "\(error)")))
                return
            }
        }
        if chunk.tornBytes > 0 && damaged {
            problems.append(StoreProblem(file: f.journal, line: lineNo + 1, column: 1, .tornByDamage(bytes: chunk.tornBytes)))
        } else if chunk.tornBytes > 0 {
            problems.append(StoreProblem(file: f.journal, line: lineNo + 1, column: 1, .tornTail(bytes: chunk.tornBytes),
                                         repairable: true, kind: .tornTail))
        }
    }

    /// Cuts torn journal tails (the only repair there is), under each plan's
    /// lock, keeping the bytes cut in `<journal>.torn`. Returns what it did.
    public func repair() throws -> [StoreReason] {
        guard canWrite else { throw Refusal("the store is read-only: \(fileReadOnlyReason ?? "")") }
        var done: [StoreReason] = []
        for tmp in staleTemporaryFiles() where unlink(tmp) == 0 {
            done.append(.removedTemporaryFile(path: tmp))
        }
        for p in check() where p.kind == .tornTail {
            guard let id = planIDs().first(where: { files($0).journal == p.file }) else { continue }
            let f = files(id)
            let lock = try FileLock(f.lock)
            defer { withExtendedLifetime(lock) {} }
            // Read again under the lock: a damaged journal is never cut.
            let s = try load(id, notes: false)
            if let damage = s.damage { throw StoreError(damage) }
            guard let fd = try POSIXFile.open(f.journal, O_RDWR) else { continue }
            defer { close(fd) }
            let bytes = try POSIXFile.read(fd: fd, from: 0, path: f.journal)
            let keep = JournalChunk(bytes, base: 0).end
            guard keep >= (snapshotOffsets[id] ?? 0) else { throw StoreError(journalDamage(id, size: keep, offset: snapshotOffsets[id] ?? 0)) }
            let n = try cutTornTail(fd: fd, path: f.journal, keep: keep)
            if n > 0 { done.append(.cutTornTail(journal: f.journal, bytes: n)) }
            states[id] = nil
        }
        return done
    }
}

extension String {
    func replacingPrefix(_ p: String) -> String { hasPrefix(p) ? String(dropFirst(p.count)) : self }
}
