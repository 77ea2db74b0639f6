import Foundation
import PlanModel
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Helpers shared by the kiosk suites.
enum Kiosk {
    static func start(_ store: String, _ extra: String = "", interval: Int = 2, width: Int = 80, height: Int = 24) throws -> Tmux {
        try Tmux("\(Duban.binary) kiosk --store \(store) --lang en --interval \(interval) \(extra)", width: width, height: height,
                 env: ["DUBAN_THEME": "", "NO_COLOR": ""])
    }

    /// "view 3/11" in the footer → (3, 11).
    static func view(_ screen: String) -> (Int, Int)? {
        guard let line = screen.split(separator: "\n").last(where: { $0.contains("view ") }),
              let r = line.range(of: #"view (\d+)/(\d+)"#, options: .regularExpression) else { return nil }
        let parts = line[r].dropFirst(5).split(separator: "/")
        guard parts.count == 2, let a = Int(parts[0]), let b = Int(parts[1]) else { return nil }
        return (a, b)
    }

    /// The process's state letter from /proc (R, S, T for stopped, Z, …).
    static func procState(_ pid: Int32) -> String? {
        guard let s = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = s.lastIndex(of: ")") else { return nil }
        return s[s.index(close, offsetBy: 2)...].split(separator: " ").first.map(String.init)
    }

    /// VmRSS in kB.
    static func rss(_ pid: Int32) -> Int? {
        guard let s = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = s.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }) else { return nil }
        return Int(line.split(separator: " ").dropFirst().first ?? "")
    }

    static func fdCount(_ pid: Int32) -> Int {
        (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/fd").count) ?? -1
    }

    /// Task keys of a plan in document (= key) order, with their JSON.
    static func tasks(_ store: String, _ plan: String = "gansu-2014", binary: String = Duban.binary) throws -> [JSON] {
        let r = try Duban.run(["export", plan, "--store", store], binary: binary)
        guard r.status == 0 else { throw Shell.Failure(description: "export: \(r.err)") }
        let j = try JSONParser.parse(r.out)
        var out: [JSON] = []
        for s in j["sections"]?.array ?? [] {
            out += s["tasks"]?.array ?? []
            for g in s["groups"]?.array ?? [] { out += g["tasks"]?.array ?? [] }
        }
        return out
    }
}

/// `duban kiosk` in tmux on a copy of the sample store: no key does anything,
/// changes show up, the views rotate, and only signals or the exit key end it.
@Suite(.serialized) struct KioskEndToEndTests {
    /// Every printable ASCII character and the usual control and function keys.
    static let controlKeys = ["C-c", "C-z", "C-\\", "C-d", "Escape", "Enter", "Tab", "BTab", "Up", "Down", "Left", "Right",
                              "Home", "End", "PPage", "NPage", "IC", "DC", "BSpace", "C-l", "C-a", "C-e", "C-u", "C-w",
                              "C-r", "C-s", "C-q", "C-o", "C-x", "C-y", "C-]", "Space", "q", "Q", ":", "!"]
        + (1...12).map { "F\($0)" }

    @Test func noKeyChangesTheStoreOrStopsTheKiosk() throws {
        let store = try DashboardEndToEndTests.sampleStore()
        defer { try? FileManager.default.removeItem(atPath: store) }
        let before = try snapshotOfDirectory(store)
        let t = try Kiosk.start(store)
        defer { _ = try? t.run(["kill-server"]) }
        try t.wait(for: "KIOSK")
        let pid = try t.pid()

        let printable = String((0x20...0x7e).map { Character(UnicodeScalar(UInt8($0))) })
        var i = printable.startIndex
        while i < printable.endIndex {
            let j = printable.index(i, offsetBy: 8, limitedBy: printable.endIndex) ?? printable.endIndex
            try t.send(String(printable[i..<j]), literal: true)
            i = j
            usleep(30_000)
        }
        for k in Self.controlKeys {
            try t.send(k)
            usleep(20_000)
        }
        // The usual ways out of a forced command or an editor, typed as text.
        for s in [":q!\r", "!sh\r", "exit\r", "\u{1b}:wq\r", "~.", "\u{04}"] { try t.send(s, literal: true); usleep(30_000) }
        // SIGINT and SIGTSTP from outside are ignored too.
        kill(pid, SIGINT)
        kill(pid, SIGTSTP)
        usleep(300_000)
        #expect(try t.exitStatus() == nil, "the kiosk exited")
        #expect(Kiosk.procState(pid) != "T", "the kiosk is stopped")
        // Still alive: it keeps rotating.
        let v0 = Kiosk.view(try t.screen())?.0
        try t.wait(timeout: 4, for: "the next view") { Kiosk.view($0) != nil && Kiosk.view($0)?.0 != v0 }
        #expect(try t.screen().contains("KIOSK"))
        #expect(try snapshotOfDirectory(store) == before, "the kiosk changed the store")

        kill(pid, SIGTERM)
        #expect(try t.waitForExit(timeout: 1) == 128 + Int(SIGTERM))
        #expect(try snapshotOfDirectory(store) == before)
    }

    /// A terminal read or mode change from outside the foreground process
    /// group stops a process by default; anyone may send the signals too.
    @Test func sigttinAndSigttouDoNotStopTheKiosk() throws {
        let store = try makeE2EStore(tasks: 4)
        defer { try? FileManager.default.removeItem(atPath: store) }
        let t = try Kiosk.start(store)
        defer { _ = try? t.run(["kill-server"]) }
        try t.wait(for: "KIOSK")
        let pid = try t.pid()
        for sig in [SIGTTIN, SIGTTOU, SIGTTIN] {
            kill(pid, sig)
            usleep(200_000)
            #expect(Kiosk.procState(pid) != "T", "the kiosk was stopped by signal \(sig)")
        }
        let v0 = Kiosk.view(try t.screen())?.0
        try t.wait(timeout: 4, for: "the next view") { Kiosk.view($0) != nil && Kiosk.view($0)?.0 != v0 }
        kill(pid, SIGCONT)  // whatever happened, do not leave a stopped process behind
        kill(pid, SIGTERM)
        #expect(try t.waitForExit(timeout: 1) == 128 + Int(SIGTERM))
    }

    /// A paste is text, never keys: not even the exit key inside it ends the kiosk.
    @Test func aPasteIsNeverReadAsKeys() throws {
        let store = try makeE2EStore(tasks: 4)
        defer { try? FileManager.default.removeItem(atPath: store) }
        let before = try snapshotOfDirectory(store)
        let t = try Kiosk.start(store, "--exit-key q")
        defer { _ = try? t.run(["kill-server"]) }
        try t.wait(for: "KIOSK")
        try t.run(["set-buffer", "q\nq s 4\n:q!\n"])
        try t.run(["paste-buffer", "-p", "-t", t.session])
        usleep(400_000)
        #expect(try t.exitStatus() == nil, "a pasted q ended the kiosk")
        #expect(try snapshotOfDirectory(store) == before)
        try t.send("q")
        #expect(try t.waitForExit(timeout: 2) == 0)
    }

    @Test func rotatesThroughEveryPlanOrTheNamedOnes() throws {
        let store = try DashboardEndToEndTests.sampleStore()
        defer { try? FileManager.default.removeItem(atPath: store) }
        let all = try Kiosk.start(store, width: 100, height: 30)
        defer { _ = try? all.run(["kill-server"]) }
        try all.wait(for: "plan 1/4 · view 1/")
        let named = try Kiosk.start(store, "--plans hebei-2014,shandong-2014", width: 100, height: 30)
        defer { _ = try? named.run(["kill-server"]) }
        let screen = try named.wait(for: "plan 1/2 · view 1/")
        #expect(screen.contains("河北省"))
    }

    @Test func showsAChangeWithinTwoSeconds() throws {
        let store = try DashboardEndToEndTests.sampleStore()
        defer { try? FileManager.default.removeItem(atPath: store) }
        let tasks = try Kiosk.tasks(store)
        let done = tasks.filter { $0["status"]?.string == "done" }.count
        let todo = try #require(tasks.first { $0["status"]?.string == "not_started" }?["key"]?.string)
        let t = try Kiosk.start(store)
        defer { _ = try? t.run(["kill-server"]) }
        try t.wait(for: "done \(done) ")
        let r = try Duban.run(["update", "gansu-2014", todo, "--status", "done", "--progress", "100", "--store", store])
        #expect(r.status == 0, "\(r.err)")
        let start = Date()
        try t.wait(timeout: 2, for: "done \(done + 1) in the header") { $0.contains("done \(done + 1) ") }
        print("kiosk: update of \(todo) shown after \(String(format: "%.2f", Date().timeIntervalSince(start))) s")
        kill(try t.pid(), SIGTERM)
        _ = try t.waitForExit(timeout: 1)
    }

    @Test func rotatesAtTheIntervalAndCycles() throws {
        // One section: overview, the section, departments, completion, overdue.
        let store = try makeE2EStore(tasks: 4)
        defer { try? FileManager.default.removeItem(atPath: store) }
        let t = try Kiosk.start(store, width: 100, height: 30)
        defer { _ = try? t.run(["kill-server"]) }
        try t.wait(for: "view 1/")
        var seen: [(Date, Int)] = []
        var screens: [Int: String] = [:]
        let end = Date().addingTimeInterval(11.5)
        var total = 0
        while Date() < end {
            let s = try t.screen()
            if let (v, n) = Kiosk.view(s) {
                total = n
                if seen.last?.1 != v {
                    seen.append((Date(), v))
                    // The body, without the header's clock.
                    screens[v] = s.split(separator: "\n").dropFirst(2).joined(separator: "\n")
                }
            }
            usleep(50_000)
        }
        #expect(total == 5)
        let order = seen.map(\.1)
        // Each view follows the one before it, and after the last comes the first again.
        for (a, b) in zip(order, order.dropFirst()) { #expect(b == a % total + 1, "\(order)") }
        #expect(order.count >= 5 && order.contains(total) && order.dropFirst().contains(1), "no full cycle: \(order)")
        let gaps = zip(seen, seen.dropFirst()).map { $1.0.timeIntervalSince($0.0) }.dropFirst().dropLast()
        for g in gaps { #expect(g > 1.6 && g < 2.5, "views changed \(String(format: "%.2f", g)) s apart") }
        #expect(Set(screens.values).count == screens.count, "two views look the same")
        print("kiosk: views \(order), gaps \(gaps.map { String(format: "%.2f", $0) })")
    }

    @Test func exitKeyExitsAndRestoresTheTerminal() throws {
        let store = try DashboardEndToEndTests.sampleStore()
        defer { try? FileManager.default.removeItem(atPath: store) }
        let t = try Kiosk.start(store, "--exit-key x")
        defer { _ = try? t.run(["kill-server"]) }
        try t.wait(for: "KIOSK")
        try t.send("q", "X", "C-c", "Escape")
        usleep(300_000)
        #expect(try t.exitStatus() == nil)
        try t.send("x")
        #expect(try t.waitForExit(timeout: 2) == 0)
        #expect(try t.alternateScreenOff())
        #expect(try !t.screen().contains("KIOSK"))
    }

    @Test(arguments: [SIGTERM, SIGHUP])
    func signalEndsItWithinASecond(_ sig: Int32) throws {
        let store = try DashboardEndToEndTests.sampleStore()
        defer { try? FileManager.default.removeItem(atPath: store) }
        let t = try Kiosk.start(store)
        defer { _ = try? t.run(["kill-server"]) }
        try t.wait(for: "KIOSK")
        let pid = try t.pid()
        let start = Date()
        kill(pid, sig)
        #expect(try t.waitForExit(timeout: 1) == 128 + Int(sig))
        print("kiosk: signal \(sig) → exit after \(String(format: "%.2f", Date().timeIntervalSince(start))) s")
        if sig == SIGTERM { #expect(try t.alternateScreenOff()) }
    }

    /// A parent may hand down a mask that blocks SIGTERM and SIGHUP (a test
    /// runner's worker thread did): the kiosk still ends on them.
    @Test func signalEndsItEvenWhenStartedWithItBlocked() throws {
        let store = try DashboardEndToEndTests.sampleStore()
        defer { try? FileManager.default.removeItem(atPath: store) }
        let block = "import os, signal, sys; signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGHUP, signal.SIGTERM}); "
            + "os.execv(sys.argv[1], sys.argv[1:])"
        let t = try Tmux("python3 -c \(Tmux.quote(block)) \(Duban.binary) kiosk --store \(store) --lang en --interval 2",
                         env: ["DUBAN_THEME": "", "NO_COLOR": ""])
        defer { _ = try? t.run(["kill-server"]) }
        try t.wait(for: "KIOSK")
        kill(try t.pid(), SIGHUP)
        #expect(try t.waitForExit(timeout: 1) == 128 + Int(SIGHUP))
    }
}

/// What an idle kiosk costs on the wire.
@Suite(.serialized) struct KioskTrafficTests {
    static let ptybytes = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Support/ptybytes.py").path

    /// Bytes written in `seconds` after start-up settled.
    func bytes(_ store: String, interval: Int, width: Int, height: Int, seconds: Double) throws -> (startup: Int, bytes: Int, bursts: Int) {
        let r = try Shell.run(["python3", Self.ptybytes, "--rows", "\(height)", "--cols", "\(width)", "--seconds", "\(seconds)",
                               "--", Duban.binary, "kiosk", "--store", store, "--lang", "en", "--interval", "\(interval)"])
        guard r.status == 0 else { throw Shell.Failure(description: "ptybytes: \(r.err)") }
        let j = try JSONParser.parse(r.out)
        #expect(j["exit"]?.int == 143, "\(r.out)")
        return (j["startup"]?.int ?? -1, j["bytes"]?.int ?? -1, j["bursts"]?.array?.count ?? -1)
    }

    @Test func idleKioskBytesPerMinute() throws {
        let store = try DashboardEndToEndTests.sampleStore()
        defer { try? FileManager.default.removeItem(atPath: store) }
        for (w, h) in [(80, 24), (200, 50)] {
            // Accelerated: a view every 2 s for 10 s (5 rotations) …
            let fast = try bytes(store, interval: 2, width: w, height: h, seconds: 10)
            // … and the kiosk between rotations (an interval longer than the run).
            let still = try bytes(store, interval: 3600, width: w, height: h, seconds: 5)
            let perRotation = Double(fast.bytes) / 5
            let idlePerMinute = Double(still.bytes) * 12
            let at2 = Double(fast.bytes) * 6
            // At the default interval of 15 s: 4 rotations a minute, plus one clock change.
            let at15 = perRotation * 4 + idlePerMinute + 60
            print(String(format: "kiosk bytes %d×%d: first screen %d B; interval 2 s: %d B in 10 s (%d bursts) = %.0f B/rotation, %.0f B/min; "
                         + "between rotations: %d B in 5 s; estimated idle at --interval 15: %.0f B/min",
                         w, h, fast.startup, fast.bytes, fast.bursts, perRotation, at2, still.bytes, at15))
            #expect(still.bytes < 200, "an idle kiosk between rotations wrote \(still.bytes) B in 5 s")
            #expect(fast.bytes > 0)
        }
    }

}

/// Memory and descriptors of a kiosk over many rotations and refreshes.
@Suite(.serialized) struct KioskSoakTests {
    @Test func memoryAndDescriptorsAfterManyRotationsAndRefreshes() throws {
        let store = try DashboardEndToEndTests.sampleStore()
        defer { try? FileManager.default.removeItem(atPath: store) }
        let t = try Kiosk.start(store, width: 120, height: 36)
        defer { _ = try? t.run(["kill-server"]) }
        try t.wait(for: "KIOSK")
        let pid = try t.pid()
        usleep(3_000_000)
        let rss0 = try #require(Kiosk.rss(pid))
        let fd0 = Kiosk.fdCount(pid)
        let soak = 40.0
        let start = Date()
        var updates = 0
        var progress = 10
        while Date().timeIntervalSince(start) < soak {
            progress = progress % 90 + 7
            let r = try Duban.run(["update", "gansu-2014", "1.1", "--progress", "\(progress)", "--note", "浸泡测试 \(updates)",
                                   "--store", store])
            #expect(r.status == 0, "\(r.err)")
            updates += 1
            usleep(3_000_000)
        }
        guard let rss1 = Kiosk.rss(pid) else {
            Issue.record("the kiosk is gone: status \(String(describing: try? t.exitStatus())); screen:\n\((try? t.screen()) ?? "")")
            return
        }
        let fd1 = Kiosk.fdCount(pid)
        print("kiosk soak: \(String(format: "%.0f", soak)) s at --interval 2 (≈\(Int(soak / 2)) rotations), \(updates) updates; "
              + "VmRSS \(rss0) kB → \(rss1) kB (\(rss1 - rss0 >= 0 ? "+" : "")\(rss1 - rss0) kB); fds \(fd0) → \(fd1)")
        #expect(try t.exitStatus() == nil)
        #expect(fd1 == fd0)
        #expect(rss1 < rss0 + 8 * 1024, "VmRSS grew from \(rss0) kB to \(rss1) kB")
        kill(pid, SIGTERM)
        _ = try t.waitForExit(timeout: 1)
    }
}
