import Foundation

/// Reads CSV with Python's csv module, a reader written by someone else, so a
/// quoting mistake of ours cannot hide behind a matching mistake in the test.
enum CSVReader {
    struct Failure: Error { var message: String }

    static func python(_ csv: String) throws -> [[String]] {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("duban-csv-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("r.csv")
        try Data(csv.utf8).write(to: file)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", """
            import csv, json, sys
            with open(sys.argv[1], encoding='utf-8-sig', newline='') as f:
                print(json.dumps(list(csv.reader(f)), ensure_ascii=False))
            """, file.path]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else { throw Failure(message: "python3 csv reader failed") }
        guard let rows = try JSONSerialization.jsonObject(with: data) as? [[String]] else {
            throw Failure(message: "unexpected reader output")
        }
        return rows
    }
}
