#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PlanModel

/// A search string as UTF-8 bytes with ASCII letters lower-cased, matched
/// against text in place. A match of whole UTF-8 sequences is a match of
/// characters; ASCII bytes never occur inside a multi-byte sequence, so
/// folding ASCII is safe on Chinese, which has no case.
struct SearchNeedle {
    let bytes: [UInt8]
    /// Without ASCII letters, a plain byte search finds what the folding one would.
    let hasLetters: Bool

    init(_ text: String) {
        var b = Array(text.utf8)
        var letters = false
        for i in b.indices where SearchNeedle.isLetter(b[i]) {
            letters = true
            b[i] = SearchNeedle.fold(b[i])
        }
        bytes = b
        hasLetters = letters
    }

    func found(in text: String) -> Bool { withUTF8Bytes(text) { found(in: $0) } }

    func found(in hay: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = bytes.count
        if n == 0 { return true }
        if n > hay.count { return false }
        return bytes.withUnsafeBufferPointer { nb in
            hasLetters ? SearchNeedle.findFolding(nb, in: hay) : SearchNeedle.find(nb, in: hay)
        }
    }

    /// Exact byte search anchored on the needle's last byte, found with
    /// `memchr`. glibc's `memmem` sets up a shift table on every call, which
    /// costs more than the search itself on a task's few hundred bytes; a
    /// needle's last byte (in Chinese a continuation byte) is rare enough
    /// that few candidates need comparing.
    static func find(_ needle: UnsafeBufferPointer<UInt8>, in hay: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = needle.count
        let last = Int32(needle[n - 1])
        let base = hay.baseAddress!, end = base + hay.count
        var p = base + (n - 1)
        while p < end {
            guard let hit = memchr(p, last, end - p) else { return false }
            let at = UnsafePointer(hit.assumingMemoryBound(to: UInt8.self))
            // The rest is a few bytes: compared here, cheaper than a call.
            let start = at - (n - 1)
            var j = 0
            while j < n - 1 && start[j] == needle[j] { j += 1 }
            if j == n - 1 { return true }
            p = at + 1
        }
        return false
    }

    /// The same ignoring ASCII case; `needle` is folded already.
    static func findFolding(_ needle: UnsafeBufferPointer<UInt8>, in hay: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = needle.count
        let first = needle[0]
        var i = 0
        while i <= hay.count - n {
            if fold(hay[i]) == first {
                var j = 1
                while j < n && fold(hay[i + j]) == needle[j] { j += 1 }
                if j == n { return true }
            }
            i += 1
        }
        return false
    }

    static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) &- 97 < 26 }
    static func fold(_ b: UInt8) -> UInt8 { b &- 65 < 26 ? b | 0x20 : b }
}

/// One search of the Tasks pane, prepared once per filter pass: which
/// departments match is decided here, per department rather than per task.
struct TaskSearch {
    let needle: SearchNeedle
    /// Per department id: its name or an alias contains the needle.
    private let departmentHits: [Bool]
    private let anyDepartmentHit: Bool
    /// Keys are digits and dots; other needles skip them.
    private let mayBeInKey: Bool

    init(_ text: String, _ departments: DepartmentTable) {
        needle = SearchNeedle(text)
        departmentHits = departments.matching(needle)
        anyDepartmentHit = departmentHits.contains(true)
        mayBeInKey = needle.bytes.allSatisfy { $0 == UInt8(ascii: ".") || ($0 >= 48 && $0 <= 57) }
    }

    /// The task's key, title or full text contains the needle, or one of its
    /// departments (`ids`, from `Rollup.taskWorkloads`) matched.
    /// `t` points into the plan's tasks: fields are read in place, never the
    /// whole task copied.
    func matches(_ t: UnsafePointer<PlanTask>, departments ids: UnsafeBufferPointer<Int32>) -> Bool {
        if anyDepartmentHit {
            for id in ids where departmentHits[Int(id)] { return true }
        }
        if mayBeInKey && needle.found(in: t.pointee.key) { return true }
        // Bytes in place: a plan read for display keeps them unmade as Strings.
        return t.pointee.bodyText.withUTF8 { text in
            if needle.found(in: text) { return true }
            // The title is the text's first sentence: searched on its own only
            // when it is not a prefix of the text.
            return t.pointee.titleText.withUTF8 { title in
                if title.count <= text.count
                    && (title.isEmpty || memcmp(title.baseAddress!, text.baseAddress!, title.count) == 0) { return false }
                return needle.found(in: title)
            }
        }
    }
}
