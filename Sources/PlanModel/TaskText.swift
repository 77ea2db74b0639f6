/// UTF-8 bytes read from a file, shared by the texts that point into them.
/// Blocks are never moved or freed while the pool lives, so a text holds a
/// plain pointer. Appended to while a file is read, by one reader; only read
/// after that.
public final class TextPool: @unchecked Sendable {
    private var blocks: [UnsafeMutableRawPointer] = []
    private var free = 0, next: UnsafeMutableRawPointer?
    private static let blockSize = 1 << 20

    public init() {}

    deinit { for b in blocks { b.deallocate() } }

    /// Keeps a copy of `raw`; returns where it is.
    func add(_ raw: UnsafeBufferPointer<UInt8>) -> UnsafePointer<UInt8>? {
        guard let src = raw.baseAddress, raw.count > 0 else { return nil }
        if raw.count > free {
            let size = max(Self.blockSize, raw.count)
            let b = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16)
            blocks.append(b)
            next = b
            free = size
        }
        let at = next!
        at.copyMemory(from: src, byteCount: raw.count)
        next = at + raw.count
        free -= raw.count
        return UnsafePointer(at.assumingMemoryBound(to: UInt8.self))
    }
}

/// A title or text, held as a String or as bytes in a `TextPool` that become
/// a String only when asked for: a plan read for display holds thousands of
/// texts and shows a few, and making each a String (checking its UTF-8,
/// allocating it) was a large part of reading the plan. Sendable: the bytes
/// are immutable once read, and kept alive by the pool it holds.
public struct TaskText: Hashable, @unchecked Sendable {
    @usableFromInline var string: String?
    /// Keeps `bytes` alive.
    @usableFromInline var pool: TextPool?
    @usableFromInline var bytes: UnsafePointer<UInt8>?
    @usableFromInline var count: Int32 = 0

    public init(_ s: String) { string = s }

    init(pool: TextPool, raw: UnsafeBufferPointer<UInt8>) {
        self.pool = pool
        bytes = pool.add(raw)
        count = Int32(truncatingIfNeeded: raw.count)
    }

    /// Bytes from a file are decoded leniently (a bad sequence shows as U+FFFD);
    /// a plan read whole has its texts checked strictly as it is read.
    public var value: String {
        if let string { return string }
        return String(decoding: UnsafeBufferPointer(start: bytes, count: Int(count)), as: UTF8.self)
    }

    /// The UTF-8 bytes, without making a String of pooled text.
    @inlinable
    public func withUTF8<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if var s = string { return s.withUTF8(body) }
        return withExtendedLifetime(pool) { body(UnsafeBufferPointer(start: bytes, count: Int(count))) }
    }

    public static func == (a: TaskText, b: TaskText) -> Bool { a.value == b.value }
    public func hash(into h: inout Hasher) { h.combine(value) }
}
