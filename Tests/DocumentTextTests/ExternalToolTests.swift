import Foundation
import Testing
@testable import DocumentText

/// The programs that read PDF and `.doc` files, run without Foundation's
/// `Process`: output collected whole, a failure's complaint passed on, and a
/// program that never finishes stopped.
@Suite struct ExternalToolTests {
    /// A shell script `name` in `dir` running `body`.
    static func script(_ dir: String, _ name: String, _ body: String) -> String {
        let path = dir + "/" + name
        Fixtures.write(Array("#!/bin/sh\n\(body)\n".utf8), path)
        chmod(path, 0o755)
        return path
    }

    /// More than a pipe holds on both streams at once: neither blocks the other.
    @Test func collectsAllOutputWhileErrorRunsOn() throws {
        let dir = Fixtures.tempDir()
        defer { Fixtures.remove(dir) }
        let tool = Self.script(dir, "chatty", "i=0; while [ $i -lt 20000 ]; do echo \"line $i\"; echo \"noise $i\" >&2; i=$((i+1)); done")
        let out = try ExternalTool.run(tool, [], name: "chatty")
        let lines = String(decoding: out, as: UTF8.self).split(separator: "\n")
        #expect(lines.count == 20000)
        #expect(lines.first == "line 0" && lines.last == "line 19999")
    }

    @Test func passesArgumentsAndNoStandardInput() throws {
        let dir = Fixtures.tempDir()
        defer { Fixtures.remove(dir) }
        let tool = Self.script(dir, "args", "printf '%s|' \"$@\"; cat")
        let out = try ExternalTool.run(tool, ["-q", "a b", "中文"], name: "args")
        #expect(String(decoding: out, as: UTF8.self) == "-q|a b|中文|")
    }

    /// The exit code and standard error, trimmed, make the message.
    @Test func failureCarriesStatusAndComplaint() throws {
        let dir = Fixtures.tempDir()
        defer { Fixtures.remove(dir) }
        let tool = Self.script(dir, "grumpy", "echo partial; printf '\\n  Syntax Error: not a PDF \u{3000}\\n\\n' >&2; exit 3")
        #expect(throws: DocumentReadError.toolFailed(program: "grumpy", status: 3, message: "Syntax Error: not a PDF")) {
            _ = try ExternalTool.run(tool, [], name: "grumpy")
        }
        let killed = Self.script(dir, "killed", "kill -TERM $$")
        #expect(throws: DocumentReadError.toolFailed(program: "killed", status: SIGTERM, message: "")) {
            _ = try ExternalTool.run(killed, [], name: "killed")
        }
        #expect(throws: DocumentReadError.self) { _ = try ExternalTool.run(dir + "/absent", [], name: "absent") }
    }

    /// A program that never finishes is killed at the time limit, with a
    /// message in both languages.
    @Test func stopsAProgramThatDoesNotFinish() throws {
        let dir = Fixtures.tempDir()
        defer { Fixtures.remove(dir) }
        let tool = Self.script(dir, "stuck", "echo $$ > \(dir)/pid; exec sleep 300")
        #expect(throws: DocumentReadError.toolTimedOut(program: "stuck", seconds: 1)) {
            _ = try ExternalTool.run(tool, [], name: "stuck", timeoutSeconds: 1)
        }
        let pid = try #require(Int32(String(decoding: FileManager.default.contents(atPath: dir + "/pid") ?? Data(), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(kill(pid, 0) == -1 && errno == ESRCH, "the program is still running")
        let en = DocumentReadError.toolTimedOut(program: "pdftotext", seconds: 60).message(english: true)
        #expect(en.contains("pdftotext") && en.contains("60"))
        let zh = DocumentReadError.toolTimedOut(program: "pdftotext", seconds: 60).message(english: false)
        #expect(zh.contains("pdftotext") && zh.contains("60 秒"))
    }

    /// Found on the search path only as an executable file.
    @Test func findsExecutableFilesOnly() throws {
        let dir = Fixtures.tempDir()
        defer { Fixtures.remove(dir) }
        for sub in ["a/pdftotext", "b", "c"] {
            try FileManager.default.createDirectory(atPath: dir + "/" + sub, withIntermediateDirectories: true)
        }
        Fixtures.write(Array("text".utf8), dir + "/b/pdftotext")
        _ = Self.script(dir + "/c", "pdftotext", "true")
        #expect(ExternalTool.find(["pdftotext"], path: "\(dir)/a:\(dir)/b") == nil)
        let found = ExternalTool.find(["pdftotext"], path: "\(dir)/a:\(dir)/b::\(dir)/c")
        #expect(found?.name == "pdftotext" && found?.path == "\(dir)/c/pdftotext")
    }
}
