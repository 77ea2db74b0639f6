#if canImport(Glibc)
import Glibc
#endif

/// Applies operations to this machine: account changes through the system's
/// tools (useradd, usermod, gpasswd, userdel, groupadd), files with system calls.
public struct LiveApplier: OperationApplier {
    let runner: CommandRunner
    let system = LiveSystem()

    public init(runner: CommandRunner = ProcessRunner()) { self.runner = runner }

    public func apply(_ op: Operation) throws(AdminError) {
        if let argv = op.commandLine {
            let r = runner.run(argv)
            guard r.status == 0 else {
                let detail = argv.joined(separator: " ") + " → \(r.status): " + r.error.trimmingTrailingNewlines()
                throw AdminError(Say("命令失败：" + detail, "command failed: " + detail))
            }
            return
        }
        switch op {
        case .makeDirectory(let path, let mode, let owner, let group):
            if mkdir(path, mode_t(mode)) != 0 && errno != EEXIST { throw Self.failure("mkdir", path) }
            try setOwner(path, owner, group)
            guard chmod(path, mode_t(mode)) == 0 else { throw Self.failure("chmod", path) }
        case .writeFile(let path, let bytes, let mode, let owner, let group, let lock):
            var lockFD: Int32 = -1
            if let lock {
                lockFD = open(lock, O_RDONLY | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o644)
                guard lockFD >= 0 else { throw Self.failure("open", lock) }
                while flock(lockFD, LOCK_EX) != 0 && errno == EINTR {}
            }
            defer { if lockFD >= 0 { close(lockFD) } }
            try write(path, bytes, mode: mode, owner: owner, group: group)
        case .setMode(let path, let mode):
            guard chmod(path, mode_t(mode)) == 0 else { throw Self.failure("chmod", path) }
        case .setOwner(let path, let owner, let group):
            try setOwner(path, owner, group)
        case .removeFile(let path):
            guard unlink(path) == 0 || errno == ENOENT else { throw Self.failure("unlink", path) }
        default:
            break
        }
    }

    func write(_ path: String, _ bytes: [UInt8], mode: UInt32, owner: String, group: String) throws(AdminError) {
        let slash = path.lastIndex(of: "/")
        let dir = slash.map { String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        let tmp = dir + "/." + name + ".tmp-\(getpid())"
        let fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw Self.failure("create", tmp) }
        var done = 0
        while done < bytes.count {
            let n = bytes[done...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if n < 0 { if errno == EINTR { continue }; close(fd); unlink(tmp); throw Self.failure("write", tmp) }
            done += n
        }
        guard fsync(fd) == 0 else { close(fd); unlink(tmp); throw Self.failure("fsync", tmp) }
        close(fd)
        do throws(AdminError) {
            try setOwner(tmp, owner, group)
            guard chmod(tmp, mode_t(mode)) == 0 else { throw Self.failure("chmod", tmp) }
        } catch { unlink(tmp); throw error }
        guard rename(tmp, path) == 0 else { let e = Self.failure("rename", path); unlink(tmp); throw e }
        let dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dfd >= 0 { fsync(dfd); close(dfd) }
    }

    func setOwner(_ path: String, _ owner: String?, _ group: String?) throws(AdminError) {
        var uid = uid_t.max, gid = gid_t.max
        if let owner {
            guard let u = system.user(owner) else { throw AdminError(Say("没有用户 \(owner)", "no user \(owner)")) }
            uid = u.uid
        }
        if let group {
            guard let g = system.groupID(group) else { throw AdminError(Say("没有用户组 \(group)", "no group \(group)")) }
            gid = g
        }
        guard lchown(path, uid, gid) == 0 else { throw Self.failure("chown", path) }
    }

    static func failure(_ what: String, _ path: String) -> AdminError {
        let reason = String(cString: strerror(errno))
        return AdminError(Say("\(path)：\(what) 失败（\(reason)）", "\(path): \(what) failed (\(reason))"))
    }
}

extension String {
    func trimmingTrailingNewlines() -> String {
        var s = Substring(self)
        while s.last == "\n" || s.last == " " { s.removeLast() }
        return String(s)
    }
}
