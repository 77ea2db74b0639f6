import Foundation

/// Programs Duban may call to read a format it does not read itself (PDF,
/// Word 97 `.doc`). They are optional: without them only that format is
/// refused, with the Debian package to install.
enum ExternalTool {
    /// The first of `programs` found on `path` (a `PATH` value).
    static func find(_ programs: [String], path: String) -> (name: String, path: String)? {
        for program in programs {
            for dir in path.split(separator: ":", omittingEmptySubsequences: true) {
                let candidate = "\(dir)/\(program)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return (program, candidate) }
            }
        }
        return nil
    }

    /// Runs `executable` with `arguments` and returns its standard output.
    /// Standard error becomes the message of a failure.
    static func run(_ executable: String, _ arguments: [String], name: String) throws(DocumentReadError) -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch {
            throw .toolFailed(program: name, status: -1, message: "\(error)")
        }
        // Both pipes drained before waiting, so a chatty program never blocks.
        let errBytes = Collected()
        let done = DispatchGroup()
        done.enter()
        DispatchQueue.global().async {
            errBytes.data = err.fileHandleForReading.readDataToEndOfFile()
            done.leave()
        }
        let outBytes = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        done.wait()
        guard process.terminationStatus == 0 else {
            let message = String(decoding: errBytes.data.prefix(400), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw .toolFailed(program: name, status: process.terminationStatus, message: message)
        }
        return [UInt8](outBytes)
    }
}

/// Standard error as read on another thread; read back only after the
/// group it was read in has been waited for.
private final class Collected: @unchecked Sendable {
    var data = Data()
}
