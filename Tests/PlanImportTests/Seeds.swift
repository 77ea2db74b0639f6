import Testing
import PlanModel
@testable import PlanImport

/// The five source documents, read from SampleData next to the package.
enum Seeds {
    static let gansu2014 = "000_02c06b7216a1b9b5.txt"
    static let shandong2014 = "001_b6454c92b80d3928.txt"
    static let hebei2014 = "002_c27dd83a52905d2d.txt"
    static let roster2011 = "003_1e58accf00b6e23f.txt"
    static let gansu2023 = "004_ab8f209c4b148ee8.txt"
    static let all = [gansu2014, shandong2014, hebei2014, roster2011, gansu2023]

    static func text(_ name: String) throws -> String {
        var dir = "\(#filePath)"
        for _ in 0..<3 { dir = String(dir[..<dir.lastIndex(of: "/")!]) }
        let path = "\(dir)/SampleData/documents/\(name)"
        guard let f = fopen(path, "rb") else { throw SeedError(path: path) }
        defer { fclose(f) }
        var bytes: [UInt8] = []
        var buf = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = fread(&buf, 1, buf.count, f)
            if n <= 0 { break }
            bytes += buf[0..<n]
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func plan(_ name: String) throws -> Plan {
        let r = try Importer.importDocument(text(name), fileName: name, id: nil)
        guard case .plan(let p) = r.document else { throw SeedError(path: name) }
        return p
    }

    struct SeedError: Error { var path: String }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
