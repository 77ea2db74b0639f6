#if canImport(Glibc)
import Glibc
#endif

/// A Unix account as the password database has it.
public struct UserInfo: Equatable, Sendable {
    public var name: String
    public var uid: UInt32
    public var gid: UInt32
    public var home: String
    public var shell: String

    public init(name: String, uid: UInt32, gid: UInt32, home: String, shell: String) {
        self.name = name; self.uid = uid; self.gid = gid; self.home = home; self.shell = shell
    }
}

/// What `lstat` says about a path.
public struct FileStatus: Equatable, Sendable {
    public enum Kind: Sendable { case file, directory, symlink, other }
    public var kind: Kind
    /// Permission bits including setuid, setgid and sticky (mode & 0o7777).
    public var mode: UInt32
    public var uid: UInt32
    public var gid: UInt32

    public init(kind: Kind, mode: UInt32, uid: UInt32, gid: UInt32) {
        self.kind = kind; self.mode = mode; self.uid = uid; self.gid = gid
    }
}

/// Everything the planners read about the machine. The live implementation asks
/// the kernel and the account databases; tests give an in-memory machine.
public protocol SystemProbe {
    func user(_ name: String) -> UserInfo?
    func user(uid: UInt32) -> UserInfo?
    /// The group's id, or nil when there is no such group.
    func groupID(_ name: String) -> UInt32?
    func groupName(gid: UInt32) -> String?
    /// Supplementary and primary groups of an account, by name.
    func groups(of user: String) -> Set<String>
    /// The group's listed members (supplementary membership).
    func members(ofGroup group: String) -> [String]
    func status(_ path: String) -> FileStatus?
    func contents(_ path: String) -> [UInt8]?
    /// Names in a directory, without "." and "..", sorted; nil when unreadable.
    func list(_ directory: String) -> [String]?
}

/// The machine this process runs on.
public struct LiveSystem: SystemProbe {
    public init() {}

    public func user(_ name: String) -> UserInfo? {
        guard let pw = getpwnam(name) else { return nil }
        return Self.info(pw.pointee)
    }

    public func user(uid: UInt32) -> UserInfo? {
        guard let pw = getpwuid(uid) else { return nil }
        return Self.info(pw.pointee)
    }

    static func info(_ p: passwd) -> UserInfo {
        UserInfo(name: String(cString: p.pw_name), uid: p.pw_uid, gid: p.pw_gid,
                 home: p.pw_dir.map { String(cString: $0) } ?? "/", shell: p.pw_shell.map { String(cString: $0) } ?? "")
    }

    public func groupID(_ name: String) -> UInt32? { getgrnam(name).map { $0.pointee.gr_gid } }

    public func groupName(gid: UInt32) -> String? { getgrgid(gid).map { String(cString: $0.pointee.gr_name) } }

    public func groups(of name: String) -> Set<String> {
        guard let u = user(name) else { return [] }
        var count: Int32 = 64
        var ids = [gid_t](repeating: 0, count: Int(count))
        if getgrouplist(name, u.gid, &ids, &count) < 0 {
            ids = [gid_t](repeating: 0, count: Int(count))
            _ = getgrouplist(name, u.gid, &ids, &count)
        }
        return Set(ids.prefix(Int(max(count, 0))).compactMap { groupName(gid: $0) })
    }

    public func members(ofGroup group: String) -> [String] {
        guard let g = getgrnam(group) else { return [] }
        var out: [String] = []
        var p = g.pointee.gr_mem
        while let m = p?.pointee {
            out.append(String(cString: m))
            p = p?.advanced(by: 1)
        }
        return out
    }

    public func status(_ path: String) -> FileStatus? {
        var st = stat()
        guard lstat(path, &st) == 0 else { return nil }
        let kind: FileStatus.Kind
        switch st.st_mode & S_IFMT {
        case S_IFREG: kind = .file
        case S_IFDIR: kind = .directory
        case S_IFLNK: kind = .symlink
        default: kind = .other
        }
        return FileStatus(kind: kind, mode: UInt32(st.st_mode) & 0o7777, uid: st.st_uid, gid: st.st_gid)
    }

    public func contents(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var out: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = read(fd, &buffer, buffer.count)
            if n < 0 { if errno == EINTR { continue }; return nil }
            if n == 0 { return out }
            out += buffer[0..<n]
        }
    }

    public func list(_ directory: String) -> [String]? {
        guard let d = opendir(directory) else { return nil }
        defer { closedir(d) }
        var names: [String] = []
        while let e = readdir(d) {
            let name = withUnsafeBytes(of: e.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }
}
