import Testing
import Foundation
import ScreenKit
@testable import Terminal

/// The entry point the executable calls — `TerminalRunner.run(_:options:)` on
/// standard input and output with `$TERM` — run in a child process (this test
/// binary re-run with a filter) whose standard streams are a pseudo-terminal.
/// The child is also what the byte figures were measured on:
///
///     python3 ../shared/tools/ttybytes.py --rows 24 --cols 80 --keys 'j*10,k*3,q' -- \
///         env -u NO_COLOR DUBAN_STANDARD_CHILD=1 [DUBAN_FULL_ROW_BAR=1] \
///         .build/debug/DubanPackageTests.xctest --testing-library swift-testing --filter standardChild
@Suite struct StandardTerminalTests {
    static let childVariable = "DUBAN_STANDARD_CHILD"

    @Test(.enabled(if: ProcessInfo.processInfo.environment[StandardTerminalTests.childVariable] != nil))
    func standardChild() throws {
        let locale = TerminalRunner.prepareLocale()
        let theme = try ThemeLoader.resolve(flag: nil, environment: ProcessInfo.processInfo.environment)
        // DUBAN_FULL_ROW_BAR=1 paints the selection over the whole row (for
        // measuring with ../shared/tools/ttybytes.py).
        let app = TableApp(fullRowBar: ProcessInfo.processInfo.environment["DUBAN_FULL_ROW_BAR"] == "1")
        let status = try TerminalRunner.run(app, options: .dashboard(theme: theme, locale: locale.mode))
        exit(status)
    }

    @Test(.enabled(if: ProcessInfo.processInfo.environment[StandardTerminalTests.childVariable] == nil))
    func runsOnStandardStreamsAndExitsCleanly() throws {
        let pty = PseudoTerminal(rows: 24, cols: 80)
        let child = Process()
        child.executableURL = URL(fileURLWithPath: try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
        child.arguments = ["--testing-library", "swift-testing", "--filter", "standardChild"]
        var env = ProcessInfo.processInfo.environment
        env[Self.childVariable] = "1"
        env["TERM"] = "xterm-256color"
        env["LANG"] = "C.UTF-8"
        env["DUBAN_THEME"] = "light"
        env["NO_COLOR"] = nil   // swift test sets it when its output is not a terminal
        env["LINES"] = "5"      // stale values must not win over the tty's size
        env["COLUMNS"] = "10"
        child.environment = env
        let tty = FileHandle(fileDescriptor: pty.slave, closeOnDealloc: false)
        child.standardInput = tty
        child.standardOutput = tty
        child.standardError = FileHandle.nullDevice
        try child.run()
        let first = pty.read(until: { $0.contains("督办") && $0.contains("退出") }, timeoutMs: 10_000)
        #expect(first.contains("督办"))
        #expect(first.contains("省质监局"))
        #expect(first.contains("\u{1B}[38;5;"))   // the light theme's 256-colour entries
        _ = pty.drain(quietMs: 50)
        var sizes: [Int] = []
        for _ in 0..<5 {
            pty.send("j")
            sizes.append(pty.read(until: { !$0.isEmpty }, timeoutMs: 2000).count + pty.drain(quietMs: 30).count)
        }
        print("standard streams, 80x24, marker selection: bytes per move \(sizes)")
        #expect(sizes.allSatisfy { $0 > 0 && $0 < 150 })
        pty.send("q")
        let tail = pty.read(until: { $0.contains("\u{1B}[?1049l") }, timeoutMs: 3000)
        child.waitUntilExit()
        #expect(tail.contains("\u{1B}[?1049l"))
        #expect(child.terminationReason == .exit)
        #expect(child.terminationStatus == 0)
    }
}
