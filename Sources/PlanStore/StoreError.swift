import PlanModel

/// A store-level failure: a file that cannot be read or parsed, a missing plan,
/// an I/O error. Always one line, naming the file (and line, column) at fault.
public struct StoreError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }

    static func syntax(_ path: String, _ e: JSONSyntaxError, lineOffset: Int = 0) -> StoreError {
        StoreError("\(path):\(e.line + lineOffset):\(e.column): \(e.message)")
    }
}

/// One thing `check` found wrong with a store file.
public struct StoreProblem: Hashable, Sendable, CustomStringConvertible {
    public var file: String
    /// 1-based; nil when the problem is about the file as a whole.
    public var line: Int?
    public var column: Int?
    public var message: String
    /// True for what `repair()` may mend: a torn journal tail, a leftover
    /// temporary file.
    public var repairable: Bool
    public var kind: Kind

    public enum Kind: Hashable, Sendable {
        case damage
        /// A last journal line cut short by a crash: `repair()` cuts it.
        case tornTail
        /// A temporary file left by a writer that has exited: `repair()` removes it.
        case temporaryFile
        /// A file of the wrong type, owner or mode, or a directory without
        /// the sticky bit: the store's owner fixes it by hand.
        case permissions
    }

    public init(file: String, line: Int? = nil, column: Int? = nil, message: String, repairable: Bool = false,
                kind: Kind? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.repairable = repairable
        self.kind = kind ?? (repairable ? .tornTail : .damage)
    }

    public var description: String {
        var s = file
        if let line { s += ":\(line)" }
        if let column { s += ":\(column)" }
        return s + ": " + message
    }
}
