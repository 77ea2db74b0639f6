#if canImport(Glibc)
import Glibc
#endif

/// Writes a file beside its final name and renames it over that name, so a
/// half-written workbook or document never replaces a good one.
public enum AtomicFile {
    public static func replace(_ path: String, _ body: (String) throws(OfficeFileError) -> Void) throws(OfficeFileError) {
        let slash = path.lastIndex(of: "/")
        let dir = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        let tmp = "\(dir).\(name).\(getpid()).tmp"
        do {
            try body(tmp)
        } catch {
            unlink(tmp)
            var named = error
            named.description = error.description.replacing(tmp, with: path)
            throw named
        }
        guard rename(tmp, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(tmp)
            throw OfficeFileError("\(path): cannot write (\(reason))")
        }
    }

    /// Text formats, the same way.
    public static func write(_ text: String, to path: String) throws(OfficeFileError) {
        try replace(path) { tmp throws(OfficeFileError) in
            guard let f = fopen(tmp, "wb") else { throw OfficeFileError("\(path): cannot create (\(String(cString: strerror(errno))))") }
            let bytes = Array(text.utf8)
            let n = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, f) }
            guard n == bytes.count, fclose(f) == 0 else { throw OfficeFileError("\(path): cannot write") }
        }
    }
}
