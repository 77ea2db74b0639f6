import CZip
#if canImport(Glibc)
import Glibc
#endif

/// A new zip archive written through libzip: the container of .docx files.
/// Entries are kept in memory until `close`, which writes the archive whole.
final class ZipArchive {
    private var archive: OpaquePointer?
    private let libzip: duban_zip
    let path: String

    init(creating path: String) throws(OfficeFileError) {
        self.path = path
        libzip = try OfficeLibrary.zip.get()
        var err: Int32 = 0
        archive = libzip.zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &err)
        guard archive != nil else { throw OfficeFileError("\(path): cannot create (libzip error \(err))") }
    }

    /// Adds `text` as a deflated UTF-8 entry.
    func add(_ name: String, _ text: String) throws(OfficeFileError) {
        var bytes = Array(text.utf8)
        let count = bytes.count
        // libzip frees the copy once the archive is written.
        guard let copy = malloc(max(count, 1)) else { throw OfficeFileError("\(path): out of memory") }
        bytes.withUnsafeMutableBytes { if count > 0 { copy.copyMemory(from: $0.baseAddress!, byteCount: count) } }
        guard let source = libzip.zip_source_buffer(archive, copy, zip_uint64_t(count), 1) else {
            free(copy)
            throw failure("cannot add \(name)")
        }
        let index = libzip.zip_file_add(archive, name, source, zip_flags_t(ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE))
        guard index >= 0 else {
            libzip.zip_source_free(source)
            throw failure("cannot add \(name)")
        }
        _ = libzip.zip_set_file_compression(archive, zip_uint64_t(index), ZIP_CM_DEFLATE, 6)
        bytes.removeAll()
    }

    func close() throws(OfficeFileError) {
        guard let a = archive else { return }
        archive = nil
        if libzip.zip_close(a) != 0 {
            let message = libzip.zip_strerror(a).map { String(cString: $0) } ?? "?"
            libzip.zip_discard(a)
            throw OfficeFileError("\(path): cannot write (\(message))")
        }
    }

    private func failure(_ what: String) -> OfficeFileError {
        OfficeFileError("\(path): \(what) (\(libzip.zip_strerror(archive).map { String(cString: $0) } ?? "?"))")
    }

    deinit { if let a = archive { libzip.zip_discard(a) } }
}
