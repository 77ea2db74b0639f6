@testable import Deployment

/// An in-memory machine: accounts, groups and files, changed only by applying
/// operations, so a plan can be checked, applied and planned again without root.
final class FakeMachine: SystemProbe, OperationApplier, CommandRunner {
    var users: [String: UserInfo] = [:]
    var groupIDs: [String: UInt32] = ["root": 0]
    var memberships: [String: Set<String>] = [:]
    var files: [String: (status: FileStatus, bytes: [UInt8])] = [:]
    var applied: [Operation] = []
    var commands: [[String]] = []
    /// Answers for commands, by their first words.
    var answers: [String: CommandResult] = [:]
    private var nextID: UInt32 = 1000

    init() {
        users["root"] = UserInfo(name: "root", uid: 0, gid: 0, home: "/root", shell: "/bin/bash")
        files["/"] = (FileStatus(kind: .directory, mode: 0o755, uid: 0, gid: 0), [])
        files["/home"] = (FileStatus(kind: .directory, mode: 0o755, uid: 0, gid: 0), [])
    }

    /// An existing account, as an administrator's office staff would have.
    func addAccount(_ name: String) {
        nextID += 1
        groupIDs[name] = nextID
        users[name] = UserInfo(name: name, uid: nextID, gid: nextID, home: "/home/\(name)", shell: "/bin/bash")
        files["/home/\(name)"] = (FileStatus(kind: .directory, mode: 0o700, uid: nextID, gid: nextID), [])
    }

    func user(_ name: String) -> UserInfo? { users[name] }
    func user(uid: UInt32) -> UserInfo? { users.values.first { $0.uid == uid } }
    func groupID(_ name: String) -> UInt32? { groupIDs[name] }
    func groupName(gid: UInt32) -> String? { groupIDs.first { $0.value == gid }?.key }
    func groups(of user: String) -> Set<String> {
        guard let u = users[user] else { return [] }
        return memberships[user, default: []].union([groupName(gid: u.gid)].compactMap { $0 })
    }
    func members(ofGroup group: String) -> [String] { memberships.filter { $0.value.contains(group) }.map(\.key).sorted() }
    func status(_ path: String) -> FileStatus? { files[path]?.status }
    func contents(_ path: String) -> [UInt8]? { files[path].flatMap { $0.status.kind == .file ? $0.bytes : nil } }
    func list(_ directory: String) -> [String]? {
        guard files[directory]?.status.kind == .directory else { return nil }
        let prefix = directory + "/"
        return files.keys.filter { $0.hasPrefix(prefix) && !$0.dropFirst(prefix.count).contains("/") }
            .map { String($0.dropFirst(prefix.count)) }.sorted()
    }

    func text(_ path: String) -> String? { contents(path).map { String(decoding: $0, as: UTF8.self) } }

    func uid(_ owner: String) throws(AdminError) -> UInt32 {
        guard let u = users[owner] else { throw AdminError(Say("没有用户 \(owner)", "no user \(owner)")) }
        return u.uid
    }

    func gid(_ group: String) throws(AdminError) -> UInt32 {
        guard let g = groupIDs[group] else { throw AdminError(Say("没有用户组 \(group)", "no group \(group)")) }
        return g
    }

    func apply(_ op: Operation) throws(AdminError) {
        applied.append(op)
        switch op {
        case .addGroup(let g):
            guard groupIDs[g] == nil else { throw AdminError(Say("组已存在", "group exists")) }
            nextID += 1; groupIDs[g] = nextID
        case .addUser(let name, let shell, let groups):
            guard users[name] == nil, groupIDs[name] == nil else { throw AdminError(Say("已存在", "exists")) }
            for g in groups { _ = try gid(g) }
            addAccount(name)
            users[name]?.shell = shell
            memberships[name] = Set(groups)
        case .addToGroup(let u, let g):
            _ = try uid(u); _ = try gid(g)
            memberships[u, default: []].insert(g)
        case .removeFromGroup(let u, let g):
            memberships[u]?.remove(g)
        case .setShell(let u, let s):
            _ = try uid(u); users[u]?.shell = s
        case .setNoPassword(let u):
            _ = try uid(u)
        case .deleteUser(let u):
            _ = try uid(u)
            users[u] = nil; memberships[u] = nil; groupIDs[u] = nil
            for k in files.keys where k == "/home/\(u)" || k.hasPrefix("/home/\(u)/") { files[k] = nil }
        case .makeDirectory(let path, let mode, let owner, let group):
            guard files[path.dropLastComponent()]?.status.kind == .directory else { throw AdminError(Say("无上级目录", "no parent: \(path)")) }
            files[path] = (FileStatus(kind: .directory, mode: mode, uid: try uid(owner), gid: try gid(group)), [])
        case .writeFile(let path, let bytes, let mode, let owner, let group, _):
            guard files[path.dropLastComponent()]?.status.kind == .directory else { throw AdminError(Say("无上级目录", "no parent: \(path)")) }
            files[path] = (FileStatus(kind: .file, mode: mode, uid: try uid(owner), gid: try gid(group)), bytes)
        case .setMode(let path, let mode):
            guard files[path] != nil else { throw AdminError(Say("无文件", "no file \(path)")) }
            files[path]!.status.mode = mode
        case .setOwner(let path, let owner, let group):
            guard files[path] != nil else { throw AdminError(Say("无文件", "no file \(path)")) }
            if let owner { files[path]!.status.uid = try uid(owner) }
            if let group { files[path]!.status.gid = try gid(group) }
        case .removeFile(let path):
            files[path] = nil
        case .command(let argv):
            commands.append(argv)
        }
    }

    func run(_ argv: [String]) -> CommandResult {
        commands.append(argv)
        for n in stride(from: argv.count, through: 1, by: -1) {
            if let a = answers[argv.prefix(n).joined(separator: " ")] { return a }
        }
        return CommandResult(status: 0, output: "")
    }
}
