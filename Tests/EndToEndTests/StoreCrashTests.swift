import Foundation
import PlanModel
import PlanStore
import Testing

extension StoreStressTests {
@Suite struct Crash {
    /// A writer loop killed with SIGKILL at random instants, 60 times: after
    /// each kill the store loads, `check` passes (after `--repair` when a kill
    /// tore the last line), and every update whose command exited 0 is there.
    @Test func killedWritersLoseNothingThatWasCommitted() throws {
        let dir = try makeE2EStore(tasks: 2)
        defer { try? FileManager.default.removeItem(atPath: dir); try? FileManager.default.removeItem(atPath: dir + "-ok.txt") }
        let okFile = dir + "-ok.txt"
        FileManager.default.createFile(atPath: okFile, contents: nil)
        var repaired = 0
        var rng = SystemRandomNumberGenerator()
        // Kill instants scale with how long one update takes on this machine now,
        // so the loop gets through a few updates before most kills.
        let started = Date()
        #expect(try Duban.run(["update", "e2e", "1.1", "--note", "timing", "--store", dir]).status == 0)
        let one = UInt32(max(Date().timeIntervalSince(started), 0.005) * 1_000_000)
        for round in 0..<60 {
            // Each iteration records its note only after duban exited 0.
            let loop = """
                i=0; while :; do i=$((i+1)); \
                "$0" update e2e 1.$((i % 2 + 1)) --progress $((i % 101)) --store "$1" >/dev/null 2>&1; \
                "$0" update e2e 1.$((i % 2 + 1)) --note "r\(round)-$i" --store "$1" >/dev/null 2>&1 && echo "r\(round)-$i" >> "$2"; \
                done
                """
            let pid = try spawnInOwnGroup(["/bin/bash", "-c", loop, Duban.binary, dir, okFile])
            usleep(UInt32.random(in: one / 2...one * 10, using: &rng))
            kill(-pid, SIGKILL)  // the loop and the duban it is running
            var status: Int32 = 0
            waitpid(pid, &status, 0)
            usleep(5_000)  // let the killed group's last child be reaped

            var check = try Duban.run(["check", "--store", dir])
            if check.status != 0 {
                #expect(check.out.contains("torn last line"), "round \(round): \(check.out)")
                #expect(try Duban.run(["check", "--repair", "--store", dir]).status == 0)
                check = try Duban.run(["check", "--store", dir])
                repaired += 1
            }
            #expect(check.status == 0, "round \(round): \(check.out)")
            let plan = try Store.open(dir, readOnly: true).plan("e2e")
            let notes = Set(plan.tasks.flatMap(\.notes).map(\.text))
            let ok = try String(contentsOfFile: okFile, encoding: .utf8).split(separator: "\n").map(String.init)
            let missing = ok.filter { !notes.contains($0) }
            #expect(missing.isEmpty, "round \(round): lost \(missing)")
        }
        let ok = try String(contentsOfFile: okFile, encoding: .utf8).split(separator: "\n")
        #expect(ok.count >= 20, "the writers committed too little to prove anything")
        print("crash test: \(ok.count) notes confirmed, \(repaired) torn tails repaired in 60 kills")
    }
}
}

/// Starts a command as the leader of a new process group, so the whole group
/// can be killed at once.
func spawnInOwnGroup(_ argv: [String]) throws -> pid_t {
    var attr = posix_spawnattr_t()
    posix_spawnattr_init(&attr)
    defer { posix_spawnattr_destroy(&attr) }
    posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETPGROUP))
    posix_spawnattr_setpgroup(&attr, 0)
    let cargs = argv.map { strdup($0) } + [nil]
    defer { cargs.forEach { free($0) } }
    var pid: pid_t = 0
    let rc = posix_spawn(&pid, argv[0], nil, &attr, cargs, environ)
    guard rc == 0 else { throw POSIXError(POSIXErrorCode(rawValue: rc) ?? .EINVAL) }
    return pid
}
