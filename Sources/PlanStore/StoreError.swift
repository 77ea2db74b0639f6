import PlanModel

/// A store-level failure: a file that cannot be read or parsed, a missing plan,
/// an I/O error. Always one line, naming the file (and line, column) at fault.
public struct StoreError: Error, Hashable, Sendable, CustomStringConvertible {
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
    public var message: String
    /// True for a torn journal tail, which `repair()` may cut.
    public var repairable: Bool

    public init(file: String, line: Int? = nil, column: Int? = nil, message: String, repairable: Bool = false) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.repairable = repairable
    }

    public var description: String {
        var s = file
        if let line { s += ":\(line)" }
        if let column { s += ":\(column)" }
        return s + ": " + message
    }
}
