import Foundation
import PlanModel
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The README's shared store, built as it says, with real accounts: an office
/// user who owns the directory, and two members of the writers' group (each
/// a reporter, and here given a shell, as the threat model assumes one may
/// have). Every command runs as its account through setpriv.
final class SharedStore {
    static let office = "dubhsoffice", alice = "dubhsalice", bob = "dubhsbob", group = "dubhsgroup"
    static let available = Shell.isRoot && Shell.which("setpriv") && Shell.which("useradd")

    let base: String
    let store: String
    let binary: String
    /// A directory only the office may write: where planted links point.
    let officeOnly: String
    var plan = ""
    var key = ""

    init() throws {
        base = "/tmp/duban-shared-\(UUID().uuidString.prefix(8))"
        store = base + "/store"
        binary = base + "/bin/duban"
        officeOnly = base + "/office-only"
        try FileManager.default.createDirectory(atPath: base + "/bin", withIntermediateDirectories: true)
        // A copy every account can run (the build directory may be private).
        try Shell.must(["cp", Duban.binary, binary])
        try Shell.must(["chmod", "755", base, base + "/bin", binary])
        do {
            try Self.retry(["groupadd", "-f", Self.group])
            for u in [Self.office, Self.alice, Self.bob] {
                _ = try? Shell.run(["userdel", "-f", u])
                try Self.retry(["useradd", "-M", "-s", "/bin/sh", "-G", Self.group, u])
            }
            try Shell.must(["install", "-d", "-m", "700", "-o", Self.office, officeOnly])
            // The README's deployment, step by step.
            try Shell.must(["install", "-d", "-m", "3775", "-o", Self.office, "-g", Self.group, store])
            let doc = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
                .appendingPathComponent("../../SampleData/documents/001_b6454c92b80d3928.txt").standardized.path
            try Shell.must(["cp", doc, base + "/plan.txt"])
            try Shell.must(["chmod", "644", base + "/plan.txt"])
            let imported = try must(["--store", store, "import", base + "/plan.txt"], as: Self.office)
            plan = String(imported.split(separator: " ")[1].dropLast())
            let exported = try JSONParser.parse(must(["export", plan], as: Self.office))
            let tasks = (exported["sections"]?.array ?? []).flatMap { s in
                (s["tasks"]?.array ?? []) + (s["groups"]?.array ?? []).flatMap { $0["tasks"]?.array ?? [] }
            }
            let task = try #require(tasks.first { $0["assignments"]?.array?.first?["collective"]?.bool != true })
            key = task["key"]?.string ?? ""
            let department = task["assignments"]?.array?.first?["department"]?.string ?? ""
            try must(["access", "--office", Self.office, "--reporter", "\(Self.alice)=\(department)",
                      "--reporter", "\(Self.bob)=\(department)"], as: Self.office)
        } catch {
            stop()
            throw error
        }
    }

    static func setpriv(_ user: String) -> [String] { ["/usr/bin/setpriv", "--reuid=\(user)", "--regid=\(user)", "--init-groups"] }

    /// useradd and groupadd wait for the lock on /etc/passwd other tests may hold.
    static func retry(_ args: [String]) throws {
        for attempt in 0..<20 {
            let r = try Shell.run(args)
            if r.status == 0 { return }
            if attempt == 19 { throw Shell.Failure(description: "\(args.joined(separator: " ")): \(r.err)") }
            usleep(200_000)
        }
    }

    func duban(_ args: [String], as user: String) throws -> Duban.Result {
        // Messages in English, which the assertions quote.
        let a = (args.contains("--store") ? args : args + ["--store", store]) + ["--lang", "en"]
        return try Duban.run(a, asUser: Array(Self.setpriv(user).dropFirst()), binary: binary)
    }

    @discardableResult
    func must(_ args: [String], as user: String) throws -> String {
        let r = try duban(args, as: user)
        guard r.status == 0 else { throw Shell.Failure(description: "duban \(args.joined(separator: " ")) as \(user): \(r.err)") }
        return r.out
    }

    /// Runs a shell command as `user` (a member with a shell).
    @discardableResult
    func shell(_ command: String, as user: String) throws -> Shell.Result {
        try Shell.run(Self.setpriv(user) + ["/bin/sh", "-c", command])
    }

    var journal: String { store + "/" + plan + ".journal.jsonl" }

    /// What a crash mid-append leaves: a last line without its newline.
    func tearJournal() throws {
        let h = try #require(FileHandle(forWritingAtPath: journal))
        h.seekToEndOfFile()
        h.write(Data(#"{"seq":999,"time":"2014-0"#.utf8))
        h.closeFile()
    }

    func note(_ text: String, as user: String) throws -> Duban.Result {
        try duban(["update", plan, key, "--note", text], as: user)
    }

    func stop() {
        for u in [Self.office, Self.alice, Self.bob] { _ = try? Shell.run(["userdel", "-f", u]) }
        _ = try? Shell.run(["groupdel", Self.group])
        try? FileManager.default.removeItem(atPath: base)
    }
}

@Suite(.serialized, .enabled(if: SharedStore.available, "needs root (to add users), useradd and setpriv"))
struct SharedStoreTests {
    /// A torn tail cut by one member leaves a copy that must not stop the next
    /// member, the office or `check --repair` from cutting the next one.
    @Test func tornCopiesNeverLockOutAnotherWriter() throws {
        let s = try SharedStore()
        defer { s.stop() }
        var st = stat()
        #expect(stat(s.journal, &st) == 0 && st.st_mode & S_IWGRP != 0, "the journal must be group-writable")
        #expect(try s.note("甲一", as: SharedStore.alice).status == 0)
        try s.tearJournal()
        let a = try s.note("甲二", as: SharedStore.alice)
        #expect(a.status == 0, "\(a.err)")
        try s.tearJournal()
        let b = try s.note("乙一", as: SharedStore.bob)
        #expect(b.status == 0, "\(b.err)")
        try s.tearJournal()
        let repair = try s.duban(["check", "--repair"], as: SharedStore.office)
        #expect(repair.status == 0, "\(repair.out)\(repair.err)")
        #expect(repair.out.contains("cut a torn last line"))
        let log = try s.must(["log", s.plan, s.key], as: SharedStore.bob)
        #expect(["甲一", "甲二", "乙一"].allSatisfy { log.contains($0) }, "\(log)")
        // The README's deployment passes its own check.
        let check = try s.duban(["check"], as: SharedStore.office)
        #expect(check.status == 0, "\(check.out)\(check.err)")
    }

    /// Links a member plants where the office (or root) will next write:
    /// nothing is created, appended to or overwritten through them.
    @Test func linksPlantedByAMemberAreNeverFollowed() throws {
        let s = try SharedStore()
        defer { s.stop() }
        let alice = SharedStore.alice, office = SharedStore.office
        let victim = s.officeOnly + "/victim"
        try Shell.must(SharedStore.setpriv(office) + ["/bin/sh", "-c", "echo keep > \(victim)"])

        // The lock file.
        let lock = s.store + "/" + s.plan + ".lock"
        try Shell.must(["rm", "-f", lock])
        try s.shell("ln -s \(s.officeOnly)/by-lock \(lock)", as: alice)
        let u = try s.duban(["update", s.plan, s.key, "--progress", "10"], as: office)
        #expect(u.status != 0 && u.err.contains("symbolic link"), "\(u.err)")
        #expect(!FileManager.default.fileExists(atPath: s.officeOnly + "/by-lock"))
        try Shell.must(["rm", "-f", lock])

        // The torn copy: the office's cut goes to a new file of its own.
        try s.shell("ln -s \(victim) \(s.journal).torn", as: alice)
        try s.tearJournal()
        let n = try s.note("办公室", as: office)
        #expect(n.status == 0, "\(n.err)")
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "keep\n")
        #expect(try String(contentsOfFile: s.journal + ".torn.2", encoding: .utf8).contains(#""seq":999"#))

        // The journal of a plan not imported yet.
        try s.shell("ln -s \(s.officeOnly)/by-journal \(s.store)/newplan.journal.jsonl", as: alice)
        let i = try s.duban(["import", s.base + "/plan.txt", "--id", "newplan"], as: office)
        #expect(i.status != 0)
        #expect(!FileManager.default.fileExists(atPath: s.officeOnly + "/by-journal"))

        // The temporary name of the office's next checkpoint, planted once its pid is known.
        let pid = try Spawn.start(SharedStore.setpriv(office) + ["/bin/sh", "-c", "kill -STOP $$; exec \"$0\" compact \"$1\" --store \"$2\"",
                                                                  s.binary, s.plan, s.store])
        var stopped = false
        for _ in 0..<200 where !stopped {
            let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
            stopped = stat.split(separator: ")").last?.split(separator: " ").first == "T"
            if !stopped { usleep(10_000) }
        }
        #expect(stopped)
        try s.shell("ln -s \(s.officeOnly)/by-tmp \(s.store)/.\(s.plan).json.tmp-\(pid)", as: alice)
        kill(pid, SIGCONT)
        #expect(Spawn.wait(pid) == 0)
        #expect(!FileManager.default.fileExists(atPath: s.officeOnly + "/by-tmp"))
        var st = stat()
        #expect(lstat(s.store + "/" + s.plan + ".json", &st) == 0 && st.st_mode & S_IFMT == S_IFREG)
        #expect(try s.duban(["show", s.plan, s.key], as: SharedStore.bob).out.contains("办公室"))
    }

    /// The sticky bit keeps a member from renaming a forged access.json over
    /// the real one, and `check` names every file of the wrong type, owner or mode.
    @Test func accessRulesStayOfficeOnlyAndCheckNamesWrongFiles() throws {
        let s = try SharedStore()
        defer { s.stop() }
        let alice = SharedStore.alice, office = SharedStore.office
        let access = s.store + "/access.json"
        let rules = try String(contentsOfFile: access, encoding: .utf8)
        let forge = #"{"office": ["\#(alice)"]}"#
        let mv = try s.shell("printf '%s' '\(forge)' > \(s.store)/.forged && mv -f \(s.store)/.forged \(access)", as: alice)
        #expect(mv.status != 0)
        #expect(try String(contentsOfFile: access, encoding: .utf8) == rules)
        #expect(try s.duban(["access", "--office", alice], as: alice).status != 0)
        // Checkpoints are the snapshot owner's: a member is told so, and its commits skip them.
        let c = try s.duban(["compact", s.plan], as: alice)
        #expect(c.status != 0 && c.err.contains("may replace it"), "\(c.err)")
        try Shell.must(["rm", "-f", s.store + "/.forged"])

        func check() throws -> String {
            let r = try s.duban(["check"], as: office)
            return r.out + r.err
        }
        #expect(try s.duban(["check"], as: office).status == 0)
        try Shell.must(["chmod", "-t", s.store])
        #expect(try check().contains("without the sticky bit"))
        try Shell.must(["chmod", "+t", s.store])
        try Shell.must(["chown", alice, access])
        #expect(try check().contains("belongs to \(alice), who is not an office user"))
        try Shell.must(["chown", office, access])
        try Shell.must(["chmod", "g+w", access])
        #expect(try check().contains("writable by group \(SharedStore.group)"))
        try Shell.must(["chmod", "g-w", access])
        try Shell.must(["chmod", "600", s.store + "/" + s.plan + ".lock"])
        #expect(try check().contains("\(s.plan).lock: is not readable by the group"))
        try Shell.must(["chmod", "644", s.store + "/" + s.plan + ".lock"])
        try s.shell("ln -s /etc/passwd \(s.store)/other.lock && mkfifo \(s.store)/x.json", as: alice)
        let out = try check()
        #expect(out.contains("other.lock: is a symbolic link") && out.contains("x.json: is a FIFO"), "\(out)")
    }
}
