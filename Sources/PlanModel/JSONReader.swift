#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A pull reader over JSON's UTF-8 bytes, for decoding large documents (plan
/// snapshots) straight into values without building a `JSON` tree first.
///
/// It accepts a strict subset of what `JSONParser` accepts and fails with no
/// message on anything else (an escape it does not handle, a number with a
/// fraction, a duplicate key): callers then parse again with `JSONParser` and
/// the tree decoders, which give the precise error or the general result. So
/// the fast path never decides what is valid, it only makes the common case cheap.
public struct JSONReader {
    /// Not handled on the fast path; decode the slow way for the answer.
    public struct Fail: Error { public init() {} }

    let b: UnsafeBufferPointer<UInt8>
    var i = 0
    /// Repeated short strings (department names, users) share one storage:
    /// fewer allocations, and equal names compare by identity.
    var interned: NameTable

    /// Runs `body` on the whole of `bytes`, which must hold exactly one value;
    /// nil when anything is off the fast path.
    public static func read<T>(_ bytes: [UInt8], _ body: (inout JSONReader) throws(Fail) -> T) -> T? {
        bytes.withUnsafeBufferPointer { buf -> T? in
            // A byte-order mark is skipped, as `JSONParser` skips it.
            let bom = buf.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            return read(UnsafeBufferPointer(rebasing: buf[bom...]), names: NameTable(), body)
        }
    }

    /// The same over borrowed bytes (one line of a larger file), sharing
    /// `names` with the other lines so a name repeated across lines is stored once.
    public static func read<T>(_ buf: UnsafeBufferPointer<UInt8>, names: NameTable,
                               _ body: (inout JSONReader) throws(Fail) -> T) -> T? {
        var r = JSONReader(b: buf, names: names)
        do {
            let v = try body(&r)
            r.space()
            return r.i == buf.count ? v : nil
        } catch {
            return nil
        }
    }

    init(b: UnsafeBufferPointer<UInt8>, names: NameTable = NameTable()) {
        self.b = b
        interned = names
    }

    @inline(__always) mutating func space() {
        while i < b.count, b[i] == 32 || b[i] == 10 || b[i] == 13 || b[i] == 9 { i += 1 }
    }

    @inline(__always) mutating func take(_ c: UInt8) throws(Fail) {
        space()
        guard i < b.count, b[i] == c else { throw Fail() }
        i += 1
    }

    /// True (and consumed) when the next value is `null`.
    public mutating func null() -> Bool {
        space()
        guard i + 4 <= b.count, b[i] == 110, b[i + 1] == 117, b[i + 2] == 108, b[i + 3] == 108 else { return false }
        i += 4
        return true
    }

    // MARK: Objects and arrays

    /// After a member or element: true past a comma, false past `closing`.
    @inline(__always) private mutating func more(closing: UInt8) throws(Fail) -> Bool {
        space()
        guard i < b.count else { throw Fail() }
        if b[i] == 44 { i += 1; return true }
        if b[i] == closing { i += 1; return false }
        throw Fail()
    }

    /// An object whose keys are known: `member` gets each key's index in
    /// `keys` (nil for an unknown key, which it must skip). Written objects
    /// list their keys in that order, so each key is checked first against the
    /// one expected next: one comparison per key, and a repeat of a known key
    /// (which would need the tree decoder's first-wins rule) fails.
    public mutating func object(keys: [StaticString], _ member: (inout JSONReader, Int?) throws(Fail) -> Void) throws(Fail) {
        try take(123)
        space()
        if i < b.count, b[i] == 125 { i += 1; return }
        var next = 0, seen: UInt64 = 0
        while true {
            let k = try rawString()
            var id: Int?
            if next < keys.count, k == keys[next] {
                id = next
            } else {
                id = keys.firstIndex { k == $0 }
            }
            if let id {
                guard id < 64, seen & (1 << id) == 0 else { throw Fail() }
                seen |= 1 << id
                next = id + 1
            }
            try take(58)
            try member(&self, id)
            if try !more(closing: 125) { return }
        }
    }

    /// Calls `member` with each key of an object, the reader at its value,
    /// which `member` must consume (or `skip`). A repeated key fails: the tree
    /// decoders take the first, and mirroring that is not worth the bookkeeping.
    public mutating func object(_ member: (inout JSONReader, UnsafeBufferPointer<UInt8>) throws(Fail) -> Void) throws(Fail) {
        try take(123)
        space()
        if i < b.count, b[i] == 125 { i += 1; return }
        // Keys seen so far, on the stack: an array here would be an allocation
        // per task, note and assignment. Objects with more keys than this are
        // not ours (ours have at most nine); they take the slow path.
        let limit = 24
        try withUnsafeTemporaryAllocation(of: UnsafeBufferPointer<UInt8>.self, capacity: limit) { (seen) throws(Fail) in
            var n = 0
            while true {
                let k = try rawString()
                for s in seen[..<n] where s.count == k.count && memcmp(s.baseAddress!, k.baseAddress!, k.count) == 0 { throw Fail() }
                guard n < limit else { throw Fail() }
                seen[n] = k
                n += 1
                try take(58)
                try member(&self, k)
                if try !more(closing: 125) { return }
            }
        }
    }

    /// Calls `element` for each element of an array, or of nothing for `null`
    /// (an absent list).
    public mutating func array(_ element: (inout JSONReader) throws(Fail) -> Void) throws(Fail) {
        if null() { return }
        try take(91)
        space()
        if i < b.count, b[i] == 93 { i += 1; return }
        while true {
            try element(&self)
            if try !more(closing: 93) { return }
        }
    }

    /// Skips any value, checking it as strictly as `JSONParser` would.
    public mutating func skip(depth: Int = 0) throws(Fail) {
        guard depth < 500 else { throw Fail() }
        space()
        guard i < b.count else { throw Fail() }
        switch b[i] {
        case 123: try object { (r, _) throws(Fail) in try r.skip(depth: depth + 1) }
        case 91: try array { (r) throws(Fail) in try r.skip(depth: depth + 1) }
        case 34: _ = try string()
        case 116: try word([116, 114, 117, 101])
        case 102: try word([102, 97, 108, 115, 101])
        case 110: try word([110, 117, 108, 108])
        default: _ = try number()
        }
    }

    private mutating func word(_ w: [UInt8]) throws(Fail) {
        guard i + w.count <= b.count else { throw Fail() }
        for (k, c) in w.enumerated() where b[i + k] != c { throw Fail() }
        i += w.count
    }

    /// Any value as a `JSON` tree, built as it is read; numbers with a
    /// fraction or exponent fail (the slow path keeps their exact form).
    public mutating func value(depth: Int = 0) throws(Fail) -> JSON {
        guard depth < 100 else { throw Fail() }
        space()
        guard i < b.count else { throw Fail() }
        switch b[i] {
        case 123:
            var members: [(String, JSON)] = []
            try object { (r, k) throws(Fail) in members.append((try Self.text(k), try r.value(depth: depth + 1))) }
            return .object(members)
        case 91:
            var items: [JSON] = []
            try array { (r) throws(Fail) in items.append(try r.value(depth: depth + 1)) }
            return .array(items)
        case 34: return .string(try string())
        case 116, 102: return .bool(try bool())
        case 110:
            guard null() else { throw Fail() }
            return .null
        default: return .int(try int())
        }
    }

    // MARK: Scalars

    /// The bytes of a string without escapes; escapes and control characters fail.
    mutating func rawString() throws(Fail) -> UnsafeBufferPointer<UInt8> {
        try take(34)
        let start = i
        let base = UnsafeRawPointer(b.baseAddress!)
        let n = b.count
        var j = i
        // Sixteen bytes at a time: the first quote, backslash or control
        // character ends the string (or the fast path). Strings are most of a
        // snapshot's bytes.
        let quote = SIMD16<UInt8>(repeating: 0x22), slash = SIMD16<UInt8>(repeating: 0x5C)
        let controls = SIMD16<UInt8>(repeating: 0x20), zero = SIMD16<UInt8>(repeating: 0)
        let p = base.assumingMemoryBound(to: UInt8.self)
        while j &+ 16 <= n {
            let v = base.loadUnaligned(fromByteOffset: j, as: SIMD16<UInt8>.self)
            let hit = (v .== quote) .| (v .== slash) .| (v .< controls)
            if any(hit) {
                let lanes = unsafeBitCast(zero.replacing(with: 0xFF, where: hit), to: SIMD2<UInt64>.self)
                j &+= lanes[0] != 0 ? lanes[0].trailingZeroBitCount >> 3 : 8 &+ lanes[1].trailingZeroBitCount >> 3
                guard p[j] == 34 else { throw Fail() }
                i = j &+ 1
                return UnsafeBufferPointer(start: p + start, count: j &- start)
            }
            j &+= 16
        }
        while j < n {
            let c = p[j]
            if c == 34 { i = j &+ 1; return UnsafeBufferPointer(start: p + start, count: j &- start) }
            if c == 92 || c < 0x20 { throw Fail() }
            j &+= 1
        }
        throw Fail()
    }

    public mutating func string() throws(Fail) -> String {
        let raw = try rawString()
        return try Self.text(raw)
    }

    /// A string that is likely to repeat many times in a document.
    public mutating func name() throws(Fail) -> String {
        let raw = try rawString()
        guard raw.count <= 96 else { return try Self.text(raw) }
        guard let s = interned.name(raw) else { throw Fail() }
        return s
    }

    /// A string that must be one of `cases`: its index, compared as bytes.
    mutating func oneOf(_ cases: [[UInt8]]) throws(Fail) -> Int {
        let raw = try rawString()
        for (n, c) in cases.enumerated() where c.count == raw.count {
            if c.withUnsafeBufferPointer({ memcmp($0.baseAddress!, raw.baseAddress!, raw.count) == 0 }) { return n }
        }
        throw Fail()
    }

    /// UTF-8 checked as `JSONParser` checks it: decoding must not repair anything.
    static func text(_ raw: UnsafeBufferPointer<UInt8>) throws(Fail) -> String {
        guard let s = validText(raw) else { throw Fail() }
        return s
    }

    static func validText(_ raw: UnsafeBufferPointer<UInt8>) -> String? {
        // Decoding repairs bad UTF-8; a string that differs from its bytes was repaired.
        // (`String(validating:)` takes a slower, generic path.)
        var s = String(decoding: raw, as: UTF8.self)
        var ascii = true
        for c in raw where c >= 0x80 { ascii = false; break }
        if ascii { return s }
        let same = s.withUTF8 { u in u.count == raw.count && memcmp(u.baseAddress!, raw.baseAddress!, raw.count) == 0 }
        return same ? s : nil
    }

    /// An integer written as digits, optionally negative; anything else fails.
    public mutating func int() throws(Fail) -> Int {
        let (v, isInt) = try number()
        guard isInt, let v else { throw Fail() }
        return v
    }

    public mutating func bool() throws(Fail) -> Bool {
        space()
        if i < b.count, b[i] == 116 { try word([116, 114, 117, 101]); return true }
        try word([102, 97, 108, 115, 101])
        return false
    }

    /// Scans a number with JSON's grammar; the value when it is a plain integer.
    private mutating func number() throws(Fail) -> (Int?, Bool) {
        space()
        let neg = i < b.count && b[i] == 45
        if neg { i += 1 }
        guard i < b.count, b[i] >= 48 && b[i] <= 57 else { throw Fail() }
        if b[i] == 48, i + 1 < b.count, b[i + 1] >= 48 && b[i + 1] <= 57 { throw Fail() }
        var v = 0
        var digits = 0
        while i < b.count, b[i] >= 48 && b[i] <= 57 { v = v &* 10 &+ Int(b[i] - 48); digits += 1; i += 1 }
        var isInt = true
        if i < b.count, b[i] == 46 {
            isInt = false
            i += 1
            guard i < b.count, b[i] >= 48 && b[i] <= 57 else { throw Fail() }
            while i < b.count, b[i] >= 48 && b[i] <= 57 { i += 1 }
        }
        if i < b.count, b[i] == 101 || b[i] == 69 {
            isInt = false
            i += 1
            if i < b.count, b[i] == 43 || b[i] == 45 { i += 1 }
            guard i < b.count, b[i] >= 48 && b[i] <= 57 else { throw Fail() }
            while i < b.count, b[i] >= 48 && b[i] <= 57 { i += 1 }
        }
        // Beyond 18 digits the value may not fit: leave it to the slow path.
        guard digits <= 18 else { throw Fail() }
        return (isInt ? (neg ? -v : v) : nil, isInt)
    }
}

/// Compares a key the reader handed out with a literal key.
@inline(__always) public func == (a: UnsafeBufferPointer<UInt8>, b: StaticString) -> Bool {
    a.count == b.utf8CodeUnitCount && memcmp(a.baseAddress!, b.utf8Start, a.count) == 0
}
