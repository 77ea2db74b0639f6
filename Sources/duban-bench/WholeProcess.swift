import Foundation

/// Runs the `duban` executable built beside this one as a whole process, the
/// way a person or a script runs a command: start-up, argument parsing,
/// reading the store and (for `update`) the commit, until it exits.
enum WholeProcess {
    /// `duban` in the directory of this executable; nil when it was not built.
    static var executable: String? {
        var buf = [CChar](repeating: 0, count: 4096)
        let n = readlink("/proc/self/exe", &buf, buf.count - 1)
        guard n > 0 else { return nil }
        let me = String(decoding: buf[..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let path = String(me[..<(me.lastIndex(of: "/") ?? me.startIndex)]) + "/duban"
        return access(path, X_OK) == 0 ? path : nil
    }

    /// Seconds from spawning `path` with `args` to its exit, output discarded;
    /// nil when it fails.
    static func run(_ path: String, _ args: [String]) -> Double? {
        var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ([path] + args).map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        var pid: pid_t = 0
        let t0 = Measure.now()
        guard posix_spawn(&pid, path, &actions, nil, argv, environ) == 0 else { return nil }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let t = Measure.now() - t0
        return status == 0 ? t : nil
    }

    /// The median of `runs` runs after two untimed ones; nil if any fails.
    static func median(runs: Int, _ args: (Int) -> [String]) -> Double? {
        guard let exe = executable else { return nil }
        var s: [Double] = []
        for i in 0..<(runs + 2) {
            guard let t = run(exe, args(i)) else { return nil }
            if i >= 2 { s.append(t) }
        }
        s.sort()
        return s[s.count / 2]
    }
}
