import PlanModel

/// A store-level failure: a file that cannot be read or parsed, a missing plan,
/// an I/O error. Always one line, naming the file (and line, column) at fault.
public struct StoreError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong, with its parameters; nil for a message given as text
    /// (`message`, always English, is what scripts and logs read).
    public var reason: StoreReason?
    public init(_ reason: StoreReason) { self.init(reason.text(.en)); self.reason = reason }
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// One thing `check` found wrong with a store file.
public struct StoreProblem: Hashable, Sendable, CustomStringConvertible {
    public var file: String
    /// 1-based; nil when the problem is about the file as a whole.
    public var line: Int?
    public var column: Int?
    /// In English.
    public var message: String
    /// What is wrong, rendered in either language; nil for a message given as text.
    public var reason: StoreReason?
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

    public init(file: String, line: Int? = nil, column: Int? = nil, _ reason: StoreReason, repairable: Bool = false,
                kind: Kind? = nil) {
        self.init(file: file, line: line, column: column, message: reason.text(.en), repairable: repairable, kind: kind)
        self.reason = reason
    }

    public var description: String { text(.en) }

    /// `FILE:LINE:COLUMN: MESSAGE` in the session's language.
    public func text(_ language: Language) -> String {
        var s = file
        if let line { s += ":\(line)" }
        if let column { s += ":\(column)" }
        let body = reason?.text(language) ?? message
        // A reason that names the file itself (a refused link) is not prefixed twice.
        if line == nil, body.hasPrefix(file + ":") || body.hasPrefix(file + "：") { return body }
        return s + Vocabulary(language).pick("：", ": ") + body
    }
}

extension StoreError {
    /// The message in the session's language.
    public func text(_ language: Language) -> String { reason?.text(language) ?? message }

    /// Another module's error (a record codec's, an edit's) at a place in a file.
    static func at(_ path: String, line: Int? = nil, column: Int? = nil, _ error: any Error) -> StoreError {
        if let e = error as? StoreError, let r = e.reason { return StoreError(r) }
        return StoreError(.located(path: path, line: line, column: column, message: "\(error)"))
    }

    /// This error as `check` reports it about a file.
    func problem(_ file: String) -> StoreProblem {
        guard let reason else { return StoreProblem(file: file, message: message) }
        return StoreProblem(file: file, reason)
    }
}

extension StoreReason {
    /// The reason inside an error: a store error's own, else the error's text.
    static func of(_ error: any Error) -> StoreReason {
        if let e = error as? StoreError { return e.reason ?? .located(path: "", line: nil, column: nil, message: e.message) }
        return .located(path: "", line: nil, column: nil, message: "\(error)")
    }
}

/// Read in the session's language wherever a person reads failures.
extension StoreError: PersonMessage {}
