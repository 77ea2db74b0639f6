import PlanModel

/// Folding journal lines into a plan state.
enum Replay {
    /// Applies the complete lines of `chunk` newer than `state.seq`; returns the
    /// entries applied. Any line that does not parse or apply stops the load
    /// with its file, line and column: nothing is skipped silently.
    static func apply(_ chunk: JournalChunk, to state: inout PlanState?, planID: String, path: String,
                      fileBytes: () -> [UInt8]?) throws(StoreError) -> [JournalEntry] {
        var applied: [JournalEntry] = []
        let names = NameTable()
        for (offset, bytes) in chunk.lines {
            // A plan holding one task: entries about other tasks only move the
            // sequence on, read from their first members, never their values.
            if let only = state?.only,
               let h = bytes.withUnsafeBufferPointer({ JournalCodec.head($0) }), h.task != only, !h.task.isEmpty {
                if h.seq > state!.seq { state!.seq = h.seq }
                continue
            }
            let entry: JournalEntry
            do {
                entry = try bytes.withUnsafeBufferPointer { (b) throws(JSONReader.Failure) in try JournalCodec.entry(line: b, names: names) }
            } catch {
                throw lineError(error, path: path, line: lineNumber(at: offset, fileBytes))
            }
            if let s = state, entry.seq <= s.seq { continue }
            do {
                if entry.field == ChangeKind.planImport.journalName {
                    // An import: the entry carries the whole plan, so the journal
                    // alone rebuilds it if the snapshot written after it is missing.
                    var plan = try Plan(json: entry.new, path: "new")
                    if var s = state {
                        // A plan replaced keeps its supervision record (`Store.addPlan`).
                        plan.supervision = s.plan.supervision
                        plan.reviews = s.plan.reviews
                        s.plan = plan
                        s.notesOnDisk = nil  // the imported plan holds all its notes
                        s.lastChange = [:]
                        state = s
                    } else {
                        state = PlanState(plan: plan, seq: 0, offset: 0)
                    }
                } else {
                    guard state != nil else {
                        throw StoreError(.entryBeforePlan(seq: entry.seq))
                    }
                    if let edit = try JournalCodec.edit(entry) {
                        do { try state!.plan.apply(edit, task: entry.task) } catch {
                            throw StoreError(.entryDoesNotApply(seq: entry.seq, error: "\(error)"))
                        }
                    }
                }
            } catch let e as StoreError {
                throw StoreError(.at(path: path, line: lineNumber(at: offset, fileBytes), column: nil, reason: StoreReason.of(e)))
            } catch {
                throw StoreError.at(path, line: lineNumber(at: offset, fileBytes), error)
            }
            state!.seq = entry.seq
            state!.lastChange[PlanState.key(entry.task, entry.field)] = entry
            state!.latest = entry
            applied.append(entry)
        }
        state?.offset = chunk.end
        return applied
    }

    /// A journal line that does not decode, named by file, line and (for
    /// malformed JSON) column, or by the field at fault.
    static func lineError(_ f: JSONReader.Failure, path: String, line: Int) -> StoreError {
        f.isSyntax ? StoreError("\(path):\(line + f.line - 1):\(f.column): \(f.message)")
                   : StoreError("\(path):\(line): \(f.formatError)")
    }

    /// 1-based line of a byte offset; only computed on the error path.
    static func lineNumber(at offset: Int, _ fileBytes: () -> [UInt8]?) -> Int {
        guard let b = fileBytes() else { return 0 }
        var n = 1
        for i in 0..<min(offset, b.count) where b[i] == 10 { n += 1 }
        return n
    }
}
