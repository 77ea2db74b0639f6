#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one JSON reader: a pull reader over UTF-8 bytes that record decoders
/// (plans, task and notes lines, journal entries) drive field by field, and
/// that also builds `JSON` values. It is both the fast path and the error
/// reporter: the first fault stops it with the byte offset, what was expected,
/// and (for a value of the wrong kind) the path of the field, from which the
/// entry points give line and column.
///
/// Hand-written rather than Foundation's `JSONDecoder` because loading a large
/// plan is decoding megabytes of task lines: `JSONDecoder` on Linux decodes
/// about 50 MB/s through an intermediate tree, several times slower than
/// this, and cannot keep texts as bytes (`TaskText`) or share repeated names.
/// Small files (settings, access rules, the roster) use `Codable`.
public struct JSONReader {
    /// Deeper nesting is refused (the reader recurses once per level).
    public static let maxDepth = 512

    /// Why reading stopped.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        /// Byte offset in the buffer read.
        public var offset: Int
        public var message: String
        /// The field at fault, e.g. `sections[2].tasks[4].progress`; empty
        /// for malformed JSON, which `isSyntax` marks.
        public var path = ""
        public var isSyntax: Bool
        /// 1-based, in characters; set by the entry points.
        public var line = 0, column = 0

        public var description: String {
            isSyntax ? "line \(line), column \(column): \(message)" : (path.isEmpty ? message : "\(path): \(message)")
        }

        /// The same failure seen from the value that holds it at `prefix`.
        /// Paths are only put together when something fails.
        public func under(_ prefix: String) -> Failure {
            if isSyntax { return self }
            var f = self
            f.path = path.isEmpty ? prefix : path.hasPrefix("[") ? prefix + path : prefix + "." + path
            return f
        }

        /// As the public error types: `JSONSyntaxError` for malformed JSON,
        /// `PlanFormatError` for a well-formed value that is not the record.
        public var syntaxError: JSONSyntaxError? {
            isSyntax ? JSONSyntaxError(line: line, column: column, message: message) : nil
        }
        public var formatError: PlanFormatError {
            PlanFormatError(path: path, message: message, line: line, column: column)
        }
    }

    let b: UnsafeBufferPointer<UInt8>
    var i = 0
    var depth = 0
    /// Repeated short strings (department names, users) share one storage:
    /// fewer allocations, and equal names compare by identity. Without a
    /// table (one small value), names are plain strings: a table costs two
    /// allocations to set up.
    var interned: NameTable?

    init(b: UnsafeBufferPointer<UInt8>, names: NameTable? = nil) {
        self.b = b
        interned = names
    }

    // MARK: Entry points

    /// Decodes the whole of `buf`, which must hold exactly one value (after an
    /// optional byte-order mark), with `body`. A line of a larger file shares
    /// `names` with the other lines so a name repeated across lines is stored once.
    public static func decode<T>(_ buf: UnsafeBufferPointer<UInt8>, names: NameTable? = nil,
                                 _ body: (inout JSONReader) throws(Failure) -> T) throws(Failure) -> T {
        var r = JSONReader(b: buf, names: names)
        do throws(Failure) {
            if buf.count >= 3, buf[0] == 0xEF, buf[1] == 0xBB, buf[2] == 0xBF { r.i = 3 }
            let v = try body(&r)
            r.space()
            if r.i < buf.count { throw r.syntax("unexpected text after the end of the JSON value") }
            return v
        } catch {
            throw r.located(error)
        }
    }

    public static func decode<T>(_ bytes: [UInt8], names: NameTable? = nil,
                                 _ body: (inout JSONReader) throws(Failure) -> T) throws(Failure) -> T {
        try bytes.withUnsafeBufferPointer { (buf) throws(Failure) in try decode(buf, names: names, body) }
    }

    /// Decodes a value already parsed (a journal entry's `new`): it is written
    /// out and read again, so a record has one decoder whatever it comes from.
    public static func decode<T>(_ v: JSON, path: String,
                                 _ body: (inout JSONReader) throws(Failure) -> T) throws(PlanFormatError) -> T {
        do { return try decode(Array(JSONWriter.compact(v).utf8), body) } catch {
            var e = path.isEmpty ? error : error.under(path)
            // Positions in the rewritten text mean nothing to a reader.
            e.line = 0; e.column = 0
            throw e.formatError
        }
    }

    /// Fills in line and column, counting characters from the buffer's start.
    func located(_ f: Failure) -> Failure {
        var f = f
        let at = min(f.offset, b.count)
        var line = 1, col = 1, k = 0
        while k < at {
            if b[k] == 10 { line += 1; col = 1 } else if b[k] & 0xC0 != 0x80 { col += 1 }
            k += 1
        }
        f.line = line
        f.column = col
        return f
    }

    func syntax(_ message: String, at pos: Int? = nil) -> Failure {
        Failure(offset: pos ?? i, message: message, isSyntax: true)
    }

    /// A well-formed value that is not what the record holds.
    public func invalid(_ message: String, at pos: Int) -> Failure {
        Failure(offset: pos, message: message, isSyntax: false)
    }

    /// A required key the object at `pos` lacks.
    public func missing(_ key: String, at pos: Int) -> Failure {
        Failure(offset: pos, message: "missing", path: key, isSyntax: false)
    }

    /// The value of a required key, or its absence from the object at `pos`.
    public func need<T>(_ v: T?, _ key: String, at pos: Int) throws(Failure) -> T {
        guard let v else { throw missing(key, at: pos) }
        return v
    }

    /// True (and consumed) when the next character is `c`.
    @inline(__always) mutating func punctuation(_ c: UInt8) -> Bool {
        space()
        guard i < b.count, b[i] == c else { return false }
        i += 1
        return true
    }

    /// Where the next value starts, for errors about it once read.
    public var position: Int {
        mutating get { space(); return i }
    }

    /// Not the expected kind of value: names what is there instead, or the
    /// syntax error that reading it runs into.
    func mismatch(_ expected: String) -> Failure {
        var probe = self
        probe.space()
        let at = probe.i
        if at >= b.count { return syntax("unexpected end of file, expected \(expected)") }
        do throws(Failure) {
            let v = try probe.value()
            return invalid("expected \(expected), got \(v.brief)", at: at)
        } catch {
            return error
        }
    }

    // MARK: Structure

    @inline(__always) mutating func space() {
        while i < b.count, b[i] == 32 || b[i] == 10 || b[i] == 13 || b[i] == 9 { i += 1 }
    }

    /// True (and consumed) when the next value is `null`.
    public mutating func null() -> Bool {
        space()
        guard i + 4 <= b.count, b[i] == 110, b[i + 1] == 117, b[i + 2] == 108, b[i + 3] == 108 else { return false }
        i += 4
        return true
    }

    @inline(__always) private mutating func enter() throws(Failure) {
        depth += 1
        if depth > Self.maxDepth { throw tooDeep() }
    }

    @inline(never) private func tooDeep() -> Failure {
        syntax("nesting deeper than \(Self.maxDepth) levels")
    }

    /// After a member or element: true past a comma, false past `closing`.
    @inline(__always) private mutating func more(closing: UInt8, in what: String) throws(Failure) -> Bool {
        space()
        guard i < b.count else { throw syntax("unexpected end of file inside \(what)") }
        if b[i] == 44 { i += 1; return true }
        if b[i] == closing { i += 1; return false }
        throw syntax(closing == 125 ? "expected ',' or '}' in an object" : "expected ',' or ']' in an array")
    }

    /// An object of a record whose keys are `keys`: `member` gets each key's
    /// index (nil for a key the record does not know, which it must `skip`,
    /// so files from newer versions still read). Writers list the keys in
    /// that order, so each key is first compared in place with the one
    /// expected next, without scanning it as a string: one comparison per
    /// key; any other order reads the same, a little slower.
    /// A key given twice is refused.
    public mutating func object(keys: [StaticString], _ member: (inout JSONReader, Int?) throws(Failure) -> Void) throws(Failure) {
        space()
        guard i < b.count, b[i] == 123 else { throw mismatch("an object") }
        try enter()
        defer { depth -= 1 }
        i += 1
        space()
        if i < b.count, b[i] == 125 { i += 1; return }
        assert(keys.count <= 64, "a record's keys are tracked in one word")
        var next = 0, seen: UInt64 = 0
        let p = b.baseAddress!
        while true {
            space()
            let keyAt = i
            guard i < b.count, b[i] == 34 else { throw syntax("expected a quoted key") }
            var id: Int?
            var ks = i &+ 1, ke = ks, escaped = false
            // The expected key's bytes then a quote are that key and nothing
            // else: no key holds a quote or a backslash.
            if next < keys.count, case let n = keys[next].utf8CodeUnitCount, ks &+ n < b.count, p[ks &+ n] == 34,
               memcmp(p + ks, keys[next].utf8Start, n) == 0 {
                id = next
                ke = ks &+ n
                i = ke &+ 1
            } else {
                // Compared in place; a key with escapes (never written so) is decoded first.
                (ks, ke, escaped) = try scanString()
                if !escaped {
                    let n = ke - ks
                    id = keys.firstIndex { $0.utf8CodeUnitCount == n && memcmp(p + ks, $0.utf8Start, n) == 0 }
                } else {
                    let k = Key.decoded(try unescaped(ks, ke))
                    id = keys.firstIndex { Self.same(k, $0) }
                }
            }
            if let id {
                // Records have fewer than 64 keys.
                if seen & (1 &<< id) != 0 { throw invalid("duplicate key \"\(keys[id])\"", at: keyAt) }
                seen |= 1 &<< id
                next = id &+ 1
            }
            space()
            guard i < b.count, b[i] == 58 else { throw syntax("expected ':' after key \"\(keyText(ks, ke, escaped))\"") }
            i += 1
            do { try member(&self, id) } catch {
                throw error.isSyntax ? error : error.under(id.map { "\(keys[$0])" } ?? keyText(ks, ke, escaped))
            }
            if try !more(closing: 125, in: "an object") { return }
        }
    }

    /// Calls `element` for each element of an array, or of nothing for `null`
    /// (an absent list).
    public mutating func array(_ element: (inout JSONReader) throws(Failure) -> Void) throws(Failure) {
        if null() { return }
        guard i < b.count, b[i] == 91 else { throw mismatch("an array") }
        try enter()
        defer { depth -= 1 }
        i += 1
        space()
        if i < b.count, b[i] == 93 { i += 1; return }
        var n = 0
        while true {
            do { try element(&self) } catch { throw error.isSyntax ? error : error.under("[\(n)]") }
            n += 1
            if try !more(closing: 93, in: "an array") { return }
        }
    }

    /// Skips any value, checking it as strictly as reading it would.
    public mutating func skip() throws(Failure) {
        _ = try value()
    }

    /// Any value as a `JSON` tree, keys in file order (a repeated key kept as
    /// written); integers that fit are `.int`, other numbers `.double`.
    public mutating func value() throws(Failure) -> JSON {
        space()
        guard i < b.count else { throw syntax("unexpected end of file, expected a value") }
        switch b[i] {
        case 123:
            try enter()
            defer { depth -= 1 }
            i += 1
            var members: [(String, JSON)] = []
            space()
            if i < b.count, b[i] == 125 { i += 1; return .object(members) }
            while true {
                space()
                guard i < b.count, b[i] == 34 else { throw syntax("expected a quoted key") }
                let k = try string()
                space()
                guard i < b.count, b[i] == 58 else { throw syntax("expected ':' after key \"\(k)\"") }
                i += 1
                members.append((k, try value()))
                if try !more(closing: 125, in: "an object") { return .object(members) }
            }
        case 91:
            var items: [JSON] = []
            try array { (r) throws(Failure) in items.append(try r.value()) }
            return .array(items)
        case 34: return .string(try string())
        case 116: try word("true"); return .bool(true)
        case 102: try word("false"); return .bool(false)
        case 110: try word("null"); return .null
        case 45, 48...57: return try number()
        default: throw syntax("unexpected character '\(Self.show(b[i]))', expected a value")
        }
    }

    private mutating func word(_ w: StaticString) throws(Failure) {
        let n = w.utf8CodeUnitCount
        guard i + n <= b.count, memcmp(b.baseAddress! + i, w.utf8Start, n) == 0 else {
            throw syntax("invalid literal, expected '\(w)'")
        }
        i += n
    }

    static func show(_ c: UInt8) -> String {
        c >= 32 && c < 127 ? String(UnicodeScalar(c)) : "\\u{\(String(c, radix: 16))}"
    }

    // MARK: Strings

    /// The bytes between the quotes of the next string, and whether they hold
    /// escapes (then `unescaped` decodes them); the reader is left past it.
    @inline(__always) private mutating func scanString() throws(Failure) -> (start: Int, end: Int, escaped: Bool) {
        space()
        guard i < b.count, b[i] == 34 else { throw mismatch("a string") }
        let open = i
        let start = i &+ 1
        let base = UnsafeRawPointer(b.baseAddress!)
        let p = b.baseAddress!
        let n = b.count
        var j = start
        var escaped = false
        // Sixteen bytes at a time to the first quote, backslash or control
        // character: strings are most of a snapshot's bytes.
        let quote = SIMD16<UInt8>(repeating: 0x22), slash = SIMD16<UInt8>(repeating: 0x5C)
        let controls = SIMD16<UInt8>(repeating: 0x20), zero = SIMD16<UInt8>(repeating: 0)
        while true {
            while j &+ 16 <= n {
                let v = base.loadUnaligned(fromByteOffset: j, as: SIMD16<UInt8>.self)
                let hit = (v .== quote) .| (v .== slash) .| (v .< controls)
                if any(hit) {
                    let lanes = unsafeBitCast(zero.replacing(with: 0xFF, where: hit), to: SIMD2<UInt64>.self)
                    j &+= lanes[0] != 0 ? lanes[0].trailingZeroBitCount >> 3 : 8 &+ lanes[1].trailingZeroBitCount >> 3
                    break
                }
                j &+= 16
            }
            while j < n, p[j] != 34, p[j] != 92, p[j] >= 0x20 { j &+= 1 }
            guard j < n else { throw syntax("unterminated string", at: open) }
            let c = p[j]
            if c == 34 { i = j &+ 1; return (start, j, escaped) }
            if c < 0x20 {
                i = j
                throw syntax("control character in a string (escape it as \\u00\(String(c, radix: 16)))")
            }
            // A backslash: the escaped character is never the end.
            escaped = true
            j &+= 2
            if j > n { throw syntax("unterminated escape", at: n) }
        }
    }

    /// The text of an escaped string's contents `start..<end`.
    private func unescaped(_ start: Int, _ end: Int) throws(Failure) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(end - start)
        var k = start
        func hex4(_ at: Int) throws(Failure) -> UInt32 {
            guard at + 4 <= end else { throw syntax("incomplete \\u escape", at: at) }
            var v: UInt32 = 0
            for q in at..<(at + 4) {
                let c = b[q]
                let d: UInt32
                switch c {
                case 48...57: d = UInt32(c - 48)
                case 65...70: d = UInt32(c - 55)
                case 97...102: d = UInt32(c - 87)
                default: throw syntax("invalid hex digit in \\u escape", at: q)
                }
                v = v * 16 + d
            }
            return v
        }
        while k < end {
            let c = b[k]
            if c != 92 { out.append(c); k += 1; continue }
            let e = b[k + 1]
            let at = k
            k += 2
            switch e {
            case 34: out.append(0x22)
            case 92: out.append(0x5C)
            case 47: out.append(0x2F)
            case 98: out.append(0x08)
            case 102: out.append(0x0C)
            case 110: out.append(0x0A)
            case 114: out.append(0x0D)
            case 116: out.append(0x09)
            case 117:
                var code = try hex4(k)
                k += 4
                if (0xD800..<0xDC00).contains(code) {
                    guard k + 1 < end, b[k] == 92, b[k + 1] == 117 else {
                        throw syntax("unpaired surrogate \\u\(String(code, radix: 16))", at: at)
                    }
                    let low = try hex4(k + 2)
                    guard (0xDC00..<0xE000).contains(low) else { throw syntax("invalid low surrogate", at: k) }
                    k += 6
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                } else if (0xDC00..<0xE000).contains(code) {
                    throw syntax("unpaired surrogate \\u\(String(code, radix: 16))", at: at)
                }
                // Surrogates are excluded above, so every code is a scalar.
                out.append(contentsOf: UTF8.encode(Unicode.Scalar(code)!)!)
            default:
                throw syntax("invalid escape '\\\(Self.show(e))'", at: at)
            }
        }
        return out
    }

    public mutating func string() throws(Failure) -> String {
        let (start, end, escaped) = try scanString()
        if escaped {
            let out = try unescaped(start, end)
            guard let s = out.withUnsafeBufferPointer({ Self.validText($0) }) else {
                throw syntax("invalid UTF-8 in a string", at: start - 1)
            }
            return s
        }
        guard let s = Self.validText(UnsafeBufferPointer(rebasing: b[start..<end])) else {
            throw syntax("invalid UTF-8 in a string", at: start - 1)
        }
        return s
    }

    /// A string that is likely to repeat many times in a document.
    public mutating func name() throws(Failure) -> String {
        let (start, end, escaped) = try scanString()
        guard !escaped, end - start <= 96, let interned else {
            i = start - 1
            return try string()
        }
        guard let s = interned.name(UnsafeBufferPointer(rebasing: b[start..<end])) else {
            throw syntax("invalid UTF-8 in a string", at: start - 1)
        }
        return s
    }

    /// A title or text kept as bytes in `pool` (see `TaskText`), or made a
    /// String now without one or when it holds escapes.
    public mutating func taskText(_ pool: TextPool?) throws(Failure) -> TaskText {
        guard let pool else { return TaskText(try string()) }
        let (start, end, escaped) = try scanString()
        if escaped {
            i = start - 1
            return TaskText(try string())
        }
        return TaskText(pool: pool, raw: UnsafeBufferPointer(rebasing: b[start..<end]))
    }

    /// A key, as bytes: in the buffer, or decoded when it holds escapes.
    private mutating func key() throws(Failure) -> Key {
        guard i < b.count, b[i] == 34 else { throw syntax("expected a quoted key") }
        let (start, end, escaped) = try scanString()
        if escaped { return .decoded(try unescaped(start, end)) }
        return .raw(UnsafeBufferPointer(rebasing: b[start..<end]))
    }

    /// A key's text for a message (escapes decoded leniently).
    private func keyText(_ start: Int, _ end: Int, _ escaped: Bool) -> String {
        let raw = escaped ? ((try? unescaped(start, end)) ?? []) : Array(b[start..<end])
        return String(decoding: raw, as: UTF8.self)
    }

    /// An object's key as read: its bytes in the buffer, or decoded when it
    /// holds escapes.
    public enum Key {
        case raw(UnsafeBufferPointer<UInt8>)
        case decoded([UInt8])

        public func `is`(_ s: StaticString) -> Bool { JSONReader.same(self, s) }
    }

    @inline(__always) static func same(_ k: Key, _ s: StaticString) -> Bool {
        switch k {
        case .raw(let a): return a.count == s.utf8CodeUnitCount && memcmp(a.baseAddress!, s.utf8Start, a.count) == 0
        case .decoded(let a): return a.count == s.utf8CodeUnitCount && a.withUnsafeBufferPointer { memcmp($0.baseAddress!, s.utf8Start, a.count) == 0 }
        }
    }

    static func lenient(_ k: Key) -> String {
        switch k {
        case .raw(let a): return String(decoding: a, as: UTF8.self)
        case .decoded(let a): return String(decoding: a, as: UTF8.self)
        }
    }

    /// A string that must be one of `cases` (raw values, as bytes): its index.
    /// Each case is compared in place, as `object` compares keys (no case
    /// holds a quote or a backslash); anything else is read as a string.
    public mutating func oneOf(_ cases: [[UInt8]], _ names: @autoclosure () -> [String]) throws(Failure) -> Int {
        let at = position
        if at < b.count, b[at] == 34 {
            let p = b.baseAddress! + (at &+ 1), room = b.count &- at &- 1
            for k in cases.indices {
                let n = cases[k].count
                if n < room, p[n] == 34, cases[k].withUnsafeBufferPointer({ memcmp($0.baseAddress!, p, n) == 0 }) {
                    i = at &+ n &+ 2
                    return k
                }
            }
        }
        let s = try string()
        if let k = cases.firstIndex(of: Array(s.utf8)) { return k }
        throw invalid("unknown value \"\(s)\" (expected one of \(names().joined(separator: ", ")))", at: at)
    }

    /// A string-valued enumeration.
    public mutating func enumValue<E: RawRepresentable & CaseIterable>(_: E.Type) throws(Failure) -> E where E.RawValue == String {
        let at = position
        let s = try name()
        guard let e = E(rawValue: s) else {
            throw invalid("unknown value \"\(s)\" (expected one of \(E.allCases.map(\.rawValue).joined(separator: ", ")))", at: at)
        }
        return e
    }

    /// The one check of UTF-8 for every string read: decoding repairs bad
    /// UTF-8, so a string whose bytes differ from its input was repaired.
    /// (`String(validating:)` takes a slower, generic path.)
    public static func validText(_ raw: UnsafeBufferPointer<UInt8>) -> String? {
        var s = String(decoding: raw, as: UTF8.self)
        var ascii = true
        for c in raw where c >= 0x80 { ascii = false; break }
        if ascii { return s }
        let same = s.withUTF8 { u in u.count == raw.count && memcmp(u.baseAddress!, raw.baseAddress!, raw.count) == 0 }
        return same ? s : nil
    }

    // MARK: Numbers and literals

    /// Scans a number with JSON's grammar: its value when a plain integer
    /// that fits, else its text's range.
    private mutating func scanNumber() throws(Failure) -> (int: Int?, start: Int) {
        space()
        let start = i
        let neg = i < b.count && b[i] == 45
        if neg { i += 1 }
        guard i < b.count, b[i] >= 48 && b[i] <= 57 else {
            if !neg { i = start; throw mismatch("a number") }
            throw syntax("invalid number", at: start)
        }
        if b[i] == 48, i + 1 < b.count, b[i + 1] >= 48 && b[i + 1] <= 57 { throw syntax("leading zero in a number", at: start) }
        var v = 0, digits = 0
        while i < b.count, b[i] >= 48 && b[i] <= 57 { v = v &* 10 &+ Int(b[i] - 48); digits += 1; i += 1 }
        var isInt = true
        if i < b.count, b[i] == 46 {
            isInt = false
            i += 1
            guard i < b.count, b[i] >= 48 && b[i] <= 57 else { throw syntax("expected digits after '.'") }
            while i < b.count, b[i] >= 48 && b[i] <= 57 { i += 1 }
        }
        if i < b.count, b[i] == 101 || b[i] == 69 {
            isInt = false
            i += 1
            if i < b.count, b[i] == 43 || b[i] == 45 { i += 1 }
            guard i < b.count, b[i] >= 48 && b[i] <= 57 else { throw syntax("expected digits in exponent") }
            while i < b.count, b[i] >= 48 && b[i] <= 57 { i += 1 }
        }
        // Up to 18 digits always fit; longer ones are parsed from their text.
        return (isInt && digits <= 18 ? (neg ? -v : v) : nil, start)
    }

    private mutating func number() throws(Failure) -> JSON {
        let (v, start) = try scanNumber()
        if let v { return .int(v) }
        let text = String(decoding: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self)
        if let n = Int(text) { return .int(n) }
        guard let d = Double(text), d.isFinite else { throw syntax("number out of range", at: start) }
        return .double(d)
    }

    /// An integer; a number with a fraction is accepted when it is whole
    /// (`40.0`), as `JSON.int` accepts it.
    public mutating func int() throws(Failure) -> Int {
        let (v, start) = try scanNumber()
        if let v { return v }
        i = start
        guard case let n? = try number().int else {
            throw invalid("expected an integer, got \(String(decoding: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self))", at: start)
        }
        return n
    }

    /// An integer within `range`.
    public mutating func int(in range: ClosedRange<Int>) throws(Failure) -> Int {
        let at = position
        let n = try int()
        guard range.contains(n) else {
            throw invalid(range.upperBound == .max ? "\(n) is negative" : "\(n) is outside \(range.lowerBound)–\(range.upperBound)", at: at)
        }
        return n
    }

    public mutating func double() throws(Failure) -> Double {
        let (v, start) = try scanNumber()
        if let v { return Double(v) }
        i = start
        guard let d = try number().double else { throw invalid("expected a number", at: start) }
        return d
    }

    public mutating func bool() throws(Failure) -> Bool {
        space()
        if i + 4 <= b.count, memcmp(b.baseAddress! + i, "true", 4) == 0 { i += 4; return true }
        if i + 5 <= b.count, memcmp(b.baseAddress! + i, "false", 5) == 0 { i += 5; return false }
        throw mismatch("true or false")
    }

    /// A date written `YYYY-MM-DD`.
    public mutating func day() throws(Failure) -> Day {
        let at = position
        let (start, end, escaped) = try scanString()
        if !escaped, let d = Day(utf8: UnsafeBufferPointer(rebasing: b[start..<end])) { return d }
        i = at
        let s = try string()
        guard let d = Day(s) else { throw invalid("invalid date \"\(s)\" (expected YYYY-MM-DD)", at: at) }
        return d
    }

    /// Visits the members of the object at the start of `buf` in order,
    /// each with the reader at its value, which `visit` reads or skips; it
    /// returns false to stop there. For reading what a line is about (a
    /// journal entry's task, a task line's key) before values that may be
    /// large: `buf` may be cut short. False when the text is not an object
    /// or ends (or fails) before `visit` stops.
    public static func scan(_ buf: UnsafeBufferPointer<UInt8>,
                            _ visit: (inout JSONReader, Key) throws(Failure) -> Bool) -> Bool {
        var r = JSONReader(b: buf)
        do throws(Failure) {
            r.space()
            guard r.i < buf.count, buf[r.i] == 123 else { return false }
            r.i += 1
            while true {
                r.space()
                let k = try r.key()
                r.space()
                guard r.i < buf.count, buf[r.i] == 58 else { return false }
                r.i += 1
                if try !visit(&r, k) { return true }
                r.space()
                guard r.i < buf.count, buf[r.i] == 44 else { return false }
                r.i += 1
            }
        } catch {
            return false
        }
    }

    /// The value of one string member near the start of an object (see `scan`).
    public static func leadingString(_ key: StaticString, in buf: UnsafeBufferPointer<UInt8>) -> String? {
        var found: String?
        _ = scan(buf) { (r, k) throws(Failure) in
            guard k.is(key) else { try r.skip(); return true }
            found = try r.string()
            return false
        }
        return found
    }
}

/// Where a JSON text failed to parse: 1-based line and column (in characters).
public struct JSONSyntaxError: Error, Hashable, Sendable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var message: String
    public var description: String { "line \(line), column \(column): \(message)" }
}

/// Parsing a whole JSON text into a `JSON` value, with the one reader.
public enum JSONParser {
    public static func parse(_ text: String) throws(JSONSyntaxError) -> JSON {
        try parse(Array(text.utf8))
    }

    public static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSON {
        do { return try JSONReader.decode(bytes) { (r) throws(JSONReader.Failure) in try r.value() } } catch {
            // A value has no record shape to break: every failure is syntax.
            throw error.syntaxError ?? JSONSyntaxError(line: error.line, column: error.column, message: error.message)
        }
    }
}

