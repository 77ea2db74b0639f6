import Foundation
import PlanModel
import PlanStore
import Testing

/// Results collected from writer threads.
final class Tally: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var committed: [(task: String, field: String, value: String, seq: Int)] = []
    private(set) var conflicts = 0
    private(set) var failures: [String] = []

    func add(_ body: (Tally) -> Void) { lock.lock(); body(self); lock.unlock() }
    func commit(_ c: (String, String, String, Int)) { committed.append(c) }
    func conflict() { conflicts += 1 }
    func fail(_ s: String) { failures.append(s) }
}

extension StoreStressTests {
@Suite struct Concurrency {
    /// 8 processes at once, 200 updates each, on three shared tasks: every
    /// update is either committed and found in the journal and the plan, or
    /// refused as a conflict naming who changed the value. Nothing is lost.
    @Test func eightWritersLoseNothing() throws {
        let dir = try makeE2EStore(tasks: 3)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let writers = 8, updates = 200
        let tally = Tally()
        let group = DispatchGroup()
        for w in 0..<writers {
            group.enter()
            let t = Thread {
                defer { group.leave() }
                for i in 0..<updates {
                    let task = "1.\((i + w) % 3 + 1)"
                    let note = i % 2 == 1
                    let value = note ? "w\(w)-u\(i)" : "\((w * updates + i) % 101)"
                    let args = ["update", "e2e", task, note ? "--note" : "--progress", value, "--store", dir]
                    do {
                        // The conflict's wording is checked in English.
                        let r = try Duban.run(args, environment: ["DUBAN_LANG": "en"])
                        tally.add { t in
                            if r.status == 0, let seq = r.out.split(separator: "#").last.flatMap({ Int($0.prefix { $0.isNumber }) }) {
                                t.commit((task, note ? "note" : "progress", value, seq))
                            } else if r.status != 0, r.err.contains("conflict:"), r.err.contains("changed by"),
                                      r.err.split(separator: "\n").count == 1 {
                                t.conflict()
                            } else {
                                t.fail("\(args): status \(r.status) out \(r.out) err \(r.err)")
                            }
                        }
                    } catch {
                        tally.add { $0.fail("\(args): \(error)") }
                    }
                }
            }
            t.start()
        }
        group.wait()
        #expect(tally.failures.isEmpty, "\(tally.failures.prefix(3))")
        #expect(tally.committed.count + tally.conflicts == writers * updates)
        #expect(tally.committed.filter { $0.field == "note" }.count == writers * updates / 2)  // notes never conflict

        let store = try Store.open(dir, readOnly: true)
        let journal = try store.journal("e2e")
        // The import, then exactly the committed updates, numbered without gaps.
        #expect(journal.count == 1 + tally.committed.count)
        #expect(journal.map(\.seq) == Array(1...journal.count))
        let bySeq = Dictionary(uniqueKeysWithValues: journal.map { ($0.seq, $0) })
        for c in tally.committed {
            let e = bySeq[c.seq]
            let value = c.field == "note" ? e?.new["text"]?.string : e?.new.int.map(String.init)
            #expect(e?.task == c.task && e?.field == c.field && value == c.value, "entry \(c.seq)")
        }
        let plan = try store.plan("e2e")
        let notes = Set(plan.tasks.flatMap(\.notes).map(\.text))
        #expect(notes == Set(tally.committed.filter { $0.field == "note" }.map(\.value)))
        for key in ["1.1", "1.2", "1.3"] {
            let last = tally.committed.filter { $0.task == key && $0.field == "progress" }.max { $0.seq < $1.seq }
            #expect(plan.task(key)?.progress == last.flatMap { Int($0.value) } ?? 0)
        }
        #expect(try Duban.run(["check", "--store", dir]).status == 0)
        print("concurrency test: \(tally.committed.count) committed, \(tally.conflicts) refused as conflicts, 0 lost")
    }
}
}
