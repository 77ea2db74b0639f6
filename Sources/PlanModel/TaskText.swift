/// UTF-8 bytes read from a file, shared by the texts that point into them.
/// Appended to while a file is read, by one reader; only read after that.
public final class TextPool: @unchecked Sendable {
    @exclusivity(unchecked) var bytes: [UInt8] = []

    public init() {}

    /// Keeps `raw`; returns where it went.
    func add(_ raw: UnsafeBufferPointer<UInt8>) -> (Int32, Int32) {
        let start = bytes.count
        bytes.append(contentsOf: raw)
        return (Int32(truncatingIfNeeded: start), Int32(truncatingIfNeeded: raw.count))
    }
}

/// A title or text, held as a String or as bytes in a `TextPool` that become
/// a String only when asked for: a plan read for display holds thousands of
/// texts and shows a few, and making each a String (checking its UTF-8,
/// allocating it) was a large part of reading the plan.
public struct TaskText: Hashable, Sendable {
    private var string: String?
    private var pool: TextPool?
    private var start: Int32 = 0
    private var count: Int32 = 0

    public init(_ s: String) { string = s }

    init(pool: TextPool, raw: UnsafeBufferPointer<UInt8>) {
        self.pool = pool
        (start, count) = pool.add(raw)
    }

    /// Bytes from a file are decoded leniently (a bad sequence shows as U+FFFD);
    /// a plan read whole has its texts checked strictly as it is read.
    public var value: String {
        if let string { return string }
        guard let pool else { return "" }
        return pool.bytes.withUnsafeBufferPointer { b in
            String(decoding: UnsafeBufferPointer(rebasing: b[Int(start)..<Int(start + count)]), as: UTF8.self)
        }
    }

    /// The UTF-8 bytes, without making a String of pooled text.
    public func withUTF8<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if var s = string { return s.withUTF8(body) }
        guard let pool else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
        return pool.bytes.withUnsafeBufferPointer { b in body(UnsafeBufferPointer(rebasing: b[Int(start)..<Int(start + count)])) }
    }

    public static func == (a: TaskText, b: TaskText) -> Bool { a.value == b.value }
    public func hash(into h: inout Hasher) { h.combine(value) }
}
