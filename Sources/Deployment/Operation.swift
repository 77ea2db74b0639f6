/// One change to the machine. Planners produce these as data; an applier
/// carries them out (the live one through the system's own tools, a test's on
/// an in-memory machine).
public enum Operation: Equatable, Sendable {
    case addGroup(String)
    /// A new account: home directory, login shell, supplementary groups and the
    /// password field `*` (no password can match it; unlike a locked `!`
    /// account, sshd still lets it in with a key when PAM is off).
    case addUser(name: String, shell: String, groups: [String])
    case addToGroup(user: String, group: String)
    case removeFromGroup(user: String, group: String)
    case setShell(user: String, shell: String)
    case setNoPassword(user: String)
    /// Removes the account and its home directory (never a store file).
    case deleteUser(String)
    case makeDirectory(path: String, mode: UInt32, owner: String, group: String)
    /// Replaces a file atomically (temporary file, fsync, rename). With
    /// `lock`, under an exclusive flock of that file, as every store writer does.
    case writeFile(path: String, bytes: [UInt8], mode: UInt32, owner: String, group: String, lock: String?)
    case setMode(path: String, mode: UInt32)
    case setOwner(path: String, owner: String?, group: String?)
    case removeFile(String)
    /// A system command run as it is (systemctl, sshd).
    case command([String])

    /// The command line the live applier runs for account changes; nil for
    /// changes it makes with system calls.
    public var commandLine: [String]? {
        switch self {
        case .addGroup(let g): return ["groupadd", "--system", g]
        case .addUser(let name, let shell, let groups):
            return ["useradd", "--create-home", "--shell", shell, "--password", "*"]
                + (groups.isEmpty ? [] : ["--groups", groups.joined(separator: ",")]) + [name]
        case .addToGroup(let u, let g): return ["usermod", "--append", "--groups", g, u]
        case .removeFromGroup(let u, let g): return ["gpasswd", "--delete", u, g]
        case .setShell(let u, let s): return ["usermod", "--shell", s, u]
        case .setNoPassword(let u): return ["usermod", "--password", "*", u]
        case .deleteUser(let u): return ["userdel", "--remove", u]
        case .command(let argv): return argv
        default: return nil
        }
    }
}

/// A planned step: what it does (or why nothing needs doing) and the changes.
public struct Step: Equatable, Sendable {
    public var message: Say
    public var operations: [Operation]

    public var changes: Bool { !operations.isEmpty }

    public static func change(_ message: Say, _ operations: Operation...) -> Step { Step(message: message, operations: operations) }
    public static func change(_ message: Say, _ operations: [Operation]) -> Step { Step(message: message, operations: operations) }
    public static func kept(_ message: Say) -> Step { Step(message: message, operations: []) }
}

/// Why a plan cannot be made or applied.
public struct AdminError: Error, Equatable, CustomStringConvertible {
    public var message: Say
    public init(_ message: Say) { self.message = message }
    public var description: String { message.zh }
}

/// Carries out operations.
public protocol OperationApplier {
    func apply(_ op: Operation) throws(AdminError)
}

extension Array where Element == Step {
    /// Applies each step's changes in order and returns one line per step,
    /// marked as changed (`+`) or left as it was (`=`).
    public func apply(with applier: OperationApplier, english: Bool) throws(AdminError) -> [String] {
        var lines: [String] = []
        for step in self {
            for op in step.operations { try applier.apply(op) }
            lines.append((step.changes ? "+ " : "= ") + step.message.text(english: english))
        }
        return lines
    }

    public var changes: Bool { contains(where: \.changes) }
}
