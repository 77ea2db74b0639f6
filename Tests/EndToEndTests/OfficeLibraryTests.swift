import Foundation
import Testing

/// libxlsxwriter and libzip are opened on the first workbook or document, not
/// linked: without them those two formats fail with the package to install, and
/// everything else works. `DUBAN_OFFICE_LIBRARY_DIR` names the one directory searched.
@Suite struct OfficeLibraryTests {
    let store = OfficeReaders.sampleStore
    let absent = ["DUBAN_OFFICE_LIBRARY_DIR": "/nonexistent/duban-office-libraries"]

    @Test func withoutTheLibrariesXlsxAndDocxNameThePackageAndOtherFormatsWork() throws {
        let dir = try OfficeReaders.temporary("nolib")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for (format, package) in [("xlsx", "libxlsxwriter4"), ("docx", "libzip4")] {
            let path = "\(dir)/report.\(format)"
            try Data("earlier".utf8).write(to: URL(fileURLWithPath: path))
            let zh = try Duban.run(["report", "gansu-2023-2025", "--format", format, "--out", path, "--store", store],
                                   environment: absent)
            #expect(zh.status != 0)
            #expect(zh.err.contains("请安装 Debian 软件包 \(package)"), "\(zh.err)")
            let en = try Duban.run(["report", "gansu-2023-2025", "--format", format, "--out", path, "--store", store, "--lang", "en"],
                                   environment: absent)
            #expect(en.status != 0)
            #expect(en.err.contains("install the Debian package \(package)"), "\(en.err)")
            // The file already there is left as it was.
            #expect(try String(contentsOfFile: path, encoding: .utf8) == "earlier")
        }
        let md = try Duban.run(["report", "gansu-2023-2025", "--format", "md", "--store", store], environment: absent)
        #expect(md.status == 0, "\(md.err)")
        #expect(md.out.contains("gansu-2023-2025"))
        let plans = try Duban.run(["plans", "--store", store], environment: absent)
        #expect(plans.status == 0 && plans.out.contains("gansu-2014"))
    }

    /// The directory is searched instead of the system's: naming the one the libraries are in writes both formats.
    @Test func theLibrariesAreFoundInTheNamedDirectory() throws {
        let cache = try Shell.must(["/sbin/ldconfig", "-p"])
        let line = try #require(cache.split(separator: "\n").first { $0.contains("libxlsxwriter.so.4 ") })
        let library = try #require(line.split(separator: " ").last.map(String.init))
        let system = ["DUBAN_OFFICE_LIBRARY_DIR": URL(fileURLWithPath: library).deletingLastPathComponent().path]
        let dir = try OfficeReaders.temporary("libdir")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for format in ["xlsx", "docx"] {
            let path = "\(dir)/report.\(format)"
            let r = try Duban.run(["report", "gansu-2023-2025", "--format", format, "--out", path, "--store", store], environment: system)
            #expect(r.status == 0, "\(r.err)")
            // A zip container, as both formats are.
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)).prefix(2) == Data("PK".utf8))
        }
    }
}
