#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Names to small ints, looked up by their UTF-8 bytes, once per assignment
/// of a plan. Hashing a `String` normalizes it first (slow for Chinese); here
/// bytes are hashed as they are, with a cheap hash (the names are a few dozen
/// and come from the plan, not from an adversary).
struct ByteNameIndex {
    /// All names' bytes, one after another.
    private var bytes: [UInt8] = []
    /// Per entry: where its bytes start, how many, and its value.
    private var starts: [Int] = [], lengths: [Int] = [], values: [Int] = []
    /// Entry number per slot, -1 when empty; the count is a power of two.
    private var slots = [Int](repeating: -1, count: 64)

    init() {}

    func find(_ name: String) -> Int? { withUTF8Bytes(name) { find($0) } }

    func find(_ name: UnsafeBufferPointer<UInt8>) -> Int? {
        slots.withUnsafeBufferPointer { slots in
            bytes.withUnsafeBufferPointer { bytes in
                let mask = slots.count - 1
                var s = ByteNameIndex.hash(name) & mask
                while true {
                    let e = slots[s]
                    if e < 0 { return nil }
                    if lengths[e] == name.count
                        && (name.isEmpty || ByteNameIndex.same(bytes.baseAddress! + starts[e], name.baseAddress!, name.count)) {
                        return values[e]
                    }
                    s = (s + 1) & mask
                }
            }
        }
    }

    /// Adds a name `find` does not know.
    mutating func insert(_ name: String, value: Int) {
        let (start, count) = withUTF8Bytes(name) { b in
            let start = bytes.count
            bytes.append(contentsOf: b)
            return (start, b.count)
        }
        starts.append(start)
        lengths.append(count)
        values.append(value)
        if values.count * 2 > slots.count {
            slots = [Int](repeating: -1, count: slots.count * 2)
            for e in values.indices { place(e) }
        } else {
            place(values.count - 1)
        }
    }

    private mutating func place(_ e: Int) {
        let mask = slots.count - 1
        var s = bytes.withUnsafeBufferPointer { b in
            ByteNameIndex.hash(UnsafeBufferPointer(rebasing: b[starts[e]..<(starts[e] + lengths[e])]))
        } & mask
        while slots[s] >= 0 { s = (s + 1) & mask }
        slots[s] = e
    }

    /// Byte equality eight bytes at a time: names are a few dozen bytes, too
    /// short for a call to `memcmp` to pay.
    static func same(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        if n < 8 { return memcmp(a, b, n) == 0 }
        let x = UnsafeRawPointer(a), y = UnsafeRawPointer(b)
        var k = 0
        while k + 8 <= n {
            if x.loadUnaligned(fromByteOffset: k, as: UInt64.self) != y.loadUnaligned(fromByteOffset: k, as: UInt64.self) { return false }
            k += 8
        }
        return k == n || x.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self) == y.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
    }

    /// Length and the first and last eight bytes: names of one plan differ
    /// there (`省财政厅`, `省商务厅`), and equal hashes are compared in full anyway.
    static func hash(_ b: UnsafeBufferPointer<UInt8>) -> Int {
        let n = b.count
        var h = UInt64(truncatingIfNeeded: n)
        if n >= 8, let p = b.baseAddress {
            let raw = UnsafeRawPointer(p)
            h ^= raw.loadUnaligned(as: UInt64.self) &* 0x9E37_79B9_7F4A_7C15
            h ^= raw.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self) &* 0xC2B2_AE3D_27D4_EB4F
        } else {
            for x in b { h = (h ^ UInt64(x)) &* 0x100_0000_01b3 }
        }
        h ^= h >> 31
        h = h &* 0x9E37_79B9_7F4A_7C15
        return Int(truncatingIfNeeded: h >> 16)
    }
}

/// Names recently looked up, by the bits of their `String` value: equal bits
/// are equal text (the same storage, or the same small string held inline).
/// The decoder interns department names, so most assignments are answered
/// here, without hashing or reading the name's bytes.
struct RecentNames {
    private var a = [UInt64](repeating: 0, count: 256)
    private var b = [UInt64](repeating: 0, count: 256)
    private var values = [Int](repeating: -1, count: 256)

    /// The two words of a `String`, or nil where a `String` is not two words.
    static func bits(_ s: String) -> (UInt64, UInt64)? {
        guard MemoryLayout<String>.size == 16 else { return nil }
        return withUnsafeBytes(of: s) { ($0.load(as: UInt64.self), $0.load(fromByteOffset: 8, as: UInt64.self)) }
    }

    private static func slot(_ x: (UInt64, UInt64)) -> Int {
        Int(truncatingIfNeeded: (x.0 &* 0x9E37_79B9_7F4A_7C15 ^ x.1 &* 0xC2B2_AE3D_27D4_EB4F) >> 56)
    }

    func value(_ x: (UInt64, UInt64)) -> Int? {
        let s = RecentNames.slot(x)
        return values[s] >= 0 && a[s] == x.0 && b[s] == x.1 ? values[s] : nil
    }

    mutating func remember(_ x: (UInt64, UInt64), _ v: Int) {
        let s = RecentNames.slot(x)
        a[s] = x.0; b[s] = x.1; values[s] = v
    }
}
