#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Strings that repeat across a document (department names, users, roles),
/// stored once: an open-addressing table keyed by an FNV hash of the bytes, so
/// a repeat costs a hash and a compare, with no `Hasher` and no allocation.
public final class NameTable {
    @exclusivity(unchecked) private var hashes: [UInt64]
    @exclusivity(unchecked) private var names: [String]
    private var used = 0

    public init() {
        hashes = Array(repeating: 0, count: 256)
        names = Array(repeating: "", count: 256)
    }

    /// The stored string with these bytes, stored now if new; nil when the
    /// bytes are not valid UTF-8.
    func name(_ raw: UnsafeBufferPointer<UInt8>) -> String? {
        var h: UInt64 = 0xcbf29ce484222325
        for c in raw { h = (h ^ UInt64(c)) &* 0x100000001b3 }
        h |= 1  // 0 marks an empty slot
        let mask = hashes.count - 1
        var slot = Int(truncatingIfNeeded: h) & mask
        while hashes[slot] != 0 {
            if hashes[slot] == h {
                var s = names[slot]
                if s.withUTF8({ u in u.count == raw.count && (raw.count == 0 || memcmp(u.baseAddress!, raw.baseAddress!, raw.count) == 0) }) {
                    return s
                }
            }
            slot = (slot + 1) & mask
        }
        guard let s = JSONReader.validText(raw) else { return nil }
        hashes[slot] = h
        names[slot] = s
        used += 1
        if used * 2 > hashes.count { grow() }
        return s
    }

    private func grow() {
        let oldH = hashes, oldN = names
        hashes = Array(repeating: 0, count: oldH.count * 2)
        names = Array(repeating: "", count: oldH.count * 2)
        let mask = hashes.count - 1
        for (h, s) in zip(oldH, oldN) where h != 0 {
            var slot = Int(truncatingIfNeeded: h) & mask
            while hashes[slot] != 0 { slot = (slot + 1) & mask }
            hashes[slot] = h
            names[slot] = s
        }
    }
}
