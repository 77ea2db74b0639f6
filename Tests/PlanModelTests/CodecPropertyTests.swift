import Testing
@testable import PlanModel
import SyntheticStore

/// The member order of every object changed, nested ones included.
func shuffled(_ v: JSON, _ g: inout RecordGen) -> JSON {
    switch v {
    case .array(let a): return .array(a.map { shuffled($0, &g) })
    case .object(let o):
        var members = o.map { ($0.0, shuffled($0.1, &g)) }
        for i in members.indices.reversed() { members.swapAt(i, g.int(0...i)) }
        return .object(members)
    default: return v
    }
}

/// 1-based column in characters (Unicode scalars) of byte offset `at`.
func column(of at: Int, in bytes: [UInt8]) -> Int {
    var start = at
    while start > 0, bytes[start - 1] != 10 { start -= 1 }
    return bytes[start..<at].filter { $0 & 0xC0 != 0x80 }.count + 1
}

@Suite struct CodecPropertyTests {
    static let seeds: [UInt64] = Array(1...40)

    @Test(arguments: seeds) func jsonValuesRoundTrip(_ seed: UInt64) throws {
        var g = RecordGen(seed: seed)
        for _ in 0..<20 {
            let v = g.json()
            #expect(try JSONParser.parse(JSONWriter.compact(v)) == v)
            #expect(try JSONParser.parse(JSONWriter.pretty(v)) == v)
        }
    }

    @Test(arguments: seeds) func plansRoundTripInAnyKeyOrder(_ seed: UInt64) throws {
        var g = RecordGen(seed: seed)
        let p = g.plan()
        #expect(try Plan(json: JSONParser.parse(JSONWriter.pretty(p.json))) == p)
        #expect(try Plan(jsonText: Array(JSONWriter.compact(shuffled(p.json, &g)).utf8)) == p)
    }

    @Test(arguments: seeds) func taskAndNotesLinesRoundTripInAnyKeyOrder(_ seed: UInt64) throws {
        var g = RecordGen(seed: seed)
        let p = g.plan()
        let pool = TextPool()
        for (n, t) in p.tasks.enumerated() {
            let at: Int? = t.notes.isEmpty ? nil : n * 100
            var bare = t
            bare.notes = []
            bare.olderNotes = t.notes.count
            for v in [TaskLine.json(t, notesAt: at), shuffled(TaskLine.json(t, notesAt: at), &g)] {
                let bytes = Array(JSONWriter.compact(v).utf8)
                for pooled in [nil, pool] {
                    let back = try bytes.withUnsafeBufferPointer { (b) throws(JSONReader.Failure) in try TaskLine.decode(b, pool: pooled) }
                    #expect(back.task == bare && back.notesAt == at)
                }
                #expect(bytes.withUnsafeBufferPointer { TaskLine.probe($0) }.map { $0.key == t.key && $0.isTask } == true)
            }
            let notes = NotesLine(key: t.key, notes: t.notes)
            for v in [notes.json, shuffled(notes.json, &g)] {
                let back = try Array(JSONWriter.compact(v).utf8).withUnsafeBufferPointer { (b) throws(JSONReader.Failure) in try NotesLine.decode(b) }
                #expect(back.key == t.key && back.notes == t.notes)
            }
            for a in t.assignments {
                #expect(try Assignment(json: a.json, path: "") == a)
                #expect(try Assignment(json: a.lineJSON, path: "") == a)
            }
        }
    }

    @Test(arguments: seeds) func rostersRoundTrip(_ seed: UInt64) throws {
        var g = RecordGen(seed: seed)
        let r = DutyRoster(id: g.text(4), title: g.text(10), issuer: g.text(4), issued: g.bool() ? g.day() : nil, source: g.text(4),
                           entries: (0..<g.int(0...5)).map { _ in
                               DutyEntry(kind: g.pick(DutyEntry.Kind.allCases), body: g.text(6), duties: (0..<g.int(0...3)).map { _ in g.text(10) })
                           })
        #expect(try DutyRoster(json: JSONParser.parse(JSONWriter.pretty(r.json))) == r)
        #expect(try DutyRoster(jsonText: Array(JSONWriter.compact(shuffled(r.json, &g)).utf8)) == r)
    }

    /// Malformed text is named by line and column: a stray character where a
    /// member or element starts, in a pretty-printed plan.
    @Test(arguments: seeds) func syntaxErrorsNameLineAndColumn(_ seed: UInt64) throws {
        var g = RecordGen(seed: seed)
        let text = Array(JSONWriter.pretty(g.plan().json).utf8)
        // Line starts that begin a member or an element (not a closing bracket).
        var starts: [Int] = []
        for i in text.indices.dropLast() where text[i] == 10 {
            var k = i + 1
            while k < text.count, text[k] == 32 { k += 1 }
            if k < text.count, text[k] != 125, text[k] != 93 { starts.append(k) }
        }
        let at = g.pick(starts)
        var bad = text
        bad.insert(UInt8(ascii: "@"), at: at)
        let expectedLine = text[..<at].filter { $0 == 10 }.count + 1
        #expect {
            try Plan(jsonText: bad)
        } throws: { e in
            guard let f = e as? JSONReader.Failure, f.isSyntax else { return false }
            return f.line == expectedLine && f.column == column(of: at, in: bad)
        }
    }

    /// A well-formed value that is not the record names its field, line and
    /// column: a progress out of range in a one-line task, anywhere in it.
    @Test(arguments: seeds) func valueErrorsNameFieldLineAndColumn(_ seed: UInt64) throws {
        var g = RecordGen(seed: seed)
        let p = g.plan()
        let t = g.pick(p.tasks)
        let wrong = g.pick([101, 140, -1, 1000])
        guard case .object(var o) = shuffled(TaskLine.json(t, notesAt: t.notes.isEmpty ? nil : 0), &g) else { return }
        let k = o.firstIndex { $0.0 == "progress" }!
        o[k].1 = .int(wrong)
        let bytes = Array(JSONWriter.compact(.object(o)).utf8)
        // Where the value starts: after the key's bytes.
        let key = Array("\"progress\":".utf8)
        let at = (0...(bytes.count - key.count)).first { Array(bytes[$0..<($0 + key.count)]) == key }! + key.count
        #expect {
            try bytes.withUnsafeBufferPointer { (b) throws(JSONReader.Failure) in try TaskLine.decode(b) }
        } throws: { e in
            guard let f = e as? JSONReader.Failure, !f.isSyntax else { return false }
            return f.path == "progress" && f.message.contains("\(wrong)") && f.line == 1 && f.column == column(of: at, in: bytes)
        }
    }
}

/// Keys and enumerated values are compared in place with the one expected;
/// a near miss, an escaped spelling or a cut-short line reads as any other.
@Suite struct InPlaceComparisonTests {
    static let line = #"{"section":0,"group":null,"key":"1.1","number":"1","title":"标题","text":"正文","#
        + #""assignments":[["省质监局","lead"],["省公安厅","cooperate",true]],"status":"in_progress","progress":5,"due":"2014-12-31","noteCount":0}"#

    func decode(_ text: String) throws(JSONReader.Failure) -> PlanTask {
        try Array(text.utf8).withUnsafeBufferPointer { (b) throws(JSONReader.Failure) in try TaskLine.decode(b) }.task
    }

    func failure(_ text: String) -> JSONReader.Failure? {
        do { _ = try decode(text); return nil } catch { return error }
    }

    @Test func nearMissesAndEscapesReadAsWritten() throws {
        let plain = try decode(Self.line)
        #expect(plain.title == "标题" && plain.status == .inProgress && plain.due == Day("2014-12-31"))
        #expect(plain.assignments.map(\.role) == [.lead, .cooperate] && plain.assignments[1].collective)
        // A key the expected one begins (unknown, skipped), then the key itself.
        let longer = try decode(Self.line.replacingOccurrences(of: #""title":"#, with: #""titles":"x","title":"#))
        #expect(longer.title == "标题")
        // Escaped spellings of a key, a status, a role and a date.
        let escaped = try decode(Self.line.replacingOccurrences(of: #""title":"#, with: #""\u0074itle":"#)
            .replacingOccurrences(of: #""in_progress""#, with: #""\u0064one""#)
            .replacingOccurrences(of: #""lead""#, with: #""l\u0065ad""#)
            .replacingOccurrences(of: #""2014-12-31""#, with: #""2014\u002d12-31""#))
        #expect(escaped.title == "标题" && escaped.status == .done && escaped.assignments[0].role == .lead && escaped.due == Day("2014-12-31"))
        // A value the expected one begins is not it.
        let f = failure(Self.line.replacingOccurrences(of: #""in_progress""#, with: #""in_progressing""#))
        #expect(f?.path == "status" && f?.message.contains("unknown value \"in_progressing\"") == true, "\(String(describing: f))")
        let day = failure(Self.line.replacingOccurrences(of: #""2014-12-31""#, with: #""2014-02-30""#))
        #expect(day?.path == "due" && day?.message.contains("invalid date") == true, "\(String(describing: day))")
        let twice = failure(Self.line.replacingOccurrences(of: #""group":null,"#, with: #""group":null,"section":1,"#))
        #expect(twice?.message.contains("duplicate key \"section\"") == true, "\(String(describing: twice))")
    }

    @Test func aLineCutShortInsideAKeyIsASyntaxError() {
        for cut in [#"{"sect"#, #"{"section"#, #"{"section":0,"group":null,"key":"1.1","num"#, #"{"section":0,"group"#] {
            let f = failure(cut)
            #expect(f?.isSyntax == true && f?.line == 1, "\(cut): \(String(describing: f))")
        }
    }
}
