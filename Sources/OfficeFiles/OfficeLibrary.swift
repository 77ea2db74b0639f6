import CXlsxWriter
import CZip
#if canImport(Glibc)
import Glibc
#endif

/// The libraries xlsx and docx are written through, opened with dlopen on first use
/// rather than linked, so the binary starts, and writes every other format, without them.
enum OfficeLibrary {
    /// libxlsxwriter (Debian libxlsxwriter4): every workbook.
    static let xlsxwriter = open(["libxlsxwriter.so.4", "libxlsxwriter.so"], format: "xlsx", package: "libxlsxwriter4",
                                 resolve: duban_xlsxwriter_resolve)
    /// libzip (Debian libzip4): the container of every document.
    static let zip = open(["libzip.so.4", "libzip.so"], format: "docx", package: "libzip4", resolve: duban_zip_resolve)

    /// `DUBAN_OFFICE_LIBRARY_DIR`, when set, is the one directory searched instead of the
    /// system's: for libraries installed elsewhere, and for checking the message when they are absent.
    static let directory = getenv("DUBAN_OFFICE_LIBRARY_DIR").map { String(cString: $0) }

    /// The first soname that opens and has every function `resolve` asks for; the library stays open.
    static func open<Table>(_ sonames: [String], format: String, package: String,
                            resolve: (UnsafeMutableRawPointer?, UnsafeMutablePointer<Table>?) -> UnsafePointer<CChar>?)
        -> Result<Table, OfficeFileError> {
        let table = UnsafeMutablePointer<Table>.allocate(capacity: 1)
        defer { table.deallocate() }
        for soname in sonames {
            let path = directory.map { $0 + "/" + soname } ?? soname
            guard let handle = dlopen(path, RTLD_NOW | RTLD_LOCAL) else { continue }
            // A library too old to have every function is as good as none.
            guard resolve(handle, table) == nil else {
                dlclose(handle)
                continue
            }
            return .success(table.pointee)
        }
        return .failure(OfficeFileError(MissingLibrary(format: format, soname: sonames[0], package: package)))
    }
}
