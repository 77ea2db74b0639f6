import Testing
import Foundation
import CNcursesw
import ScreenKit
@testable import Terminal

/// An app that crashes (a failed precondition traps) on the first frame after a key.
final class CrashingApp: TerminalApp {
    var crashNext = false
    func handle(_ event: InputEvent) -> Bool {
        if case .key = event { crashNext = true }
        return true
    }
    func render(width: Int, height: Int) -> Frame {
        precondition(!crashNext, "deliberate crash")
        var f = Frame(width: width, height: height)
        f.put("督办 crash test", row: 0, col: 0)
        return f
    }
    var tickInterval: Double { 10 }
}

/// The crash path runs in a child process (this test binary, re-run with a
/// filter): the parent watches the pseudo-terminal for the restore sequence
/// and checks the tty modes are back to what they were.
@Suite struct CrashPathTests {
    static let ttyVariable = "DUBAN_CRASH_TTY"

    @Test(.enabled(if: ProcessInfo.processInfo.environment[CrashPathTests.ttyVariable] != nil))
    func crashingChild() throws {
        let path = ProcessInfo.processInfo.environment[Self.ttyVariable]!
        let fd = open(path, O_RDWR | O_NOCTTY)
        let locale = TerminalRunner.prepareLocale()
        _ = try TerminalRunner.run(CrashingApp(), options: TerminalOptions(locale: locale.mode),
                                   device: TerminalDevice(inputFD: fd, outputFD: fd, terminalType: "xterm-256color"),
                                   environment: [:])
    }

    @Test(.enabled(if: ProcessInfo.processInfo.environment[CrashPathTests.ttyVariable] == nil))
    func crashRestoresTheTerminalAndReRaises() throws {
        let pty = PseudoTerminal(rows: 24, cols: 80)
        var before = termios()
        tcgetattr(pty.slave, &before)
        let child = Process()
        child.executableURL = URL(fileURLWithPath: try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
        child.arguments = ["--testing-library", "swift-testing", "--filter", "crashingChild"]
        var env = ProcessInfo.processInfo.environment
        env[Self.ttyVariable] = String(cString: ptsname(pty.master))
        env["SWIFT_BACKTRACE"] = "enable=no"
        child.environment = env
        child.standardOutput = FileHandle.nullDevice
        child.standardError = FileHandle.nullDevice
        try child.run()
        let started = pty.read(until: { $0.contains("督办") }, timeoutMs: 10_000)
        #expect(started.contains("督办"))
        var during = termios()
        tcgetattr(pty.slave, &during)
        #expect(during.c_lflag & tcflag_t(ICANON) == 0)   // raw while running
        pty.send("x")
        let tail = pty.read(until: { $0.contains("\u{1B}[?1049l") }, timeoutMs: 5000)
        child.waitUntilExit()
        #expect(tail.contains("\u{1B}[?1049l"))           // left the alternate screen
        #expect(tail.contains("\u{1B}[?25h"))             // cursor shown again
        #expect(child.terminationReason == .uncaughtSignal)
        var after = termios()
        tcgetattr(pty.slave, &after)
        #expect(after.c_lflag == before.c_lflag)
        #expect(after.c_iflag == before.c_iflag)
    }
}
