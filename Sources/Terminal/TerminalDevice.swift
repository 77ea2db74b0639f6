/// The tty a run draws on: standard input and output for the executable, a
/// pseudo-terminal in tests.
public struct TerminalDevice: Sendable {
    public var inputFD: Int32
    public var outputFD: Int32
    /// The terminfo entry; nil means `$TERM`.
    public var terminalType: String?

    public init(inputFD: Int32, outputFD: Int32, terminalType: String? = nil) {
        self.inputFD = inputFD
        self.outputFD = outputFD
        self.terminalType = terminalType
    }

    public static let standard = TerminalDevice(inputFD: 0, outputFD: 1)
}

/// Why the screen could not start.
public enum TerminalError: Error, CustomStringConvertible, Equatable {
    case notATerminal
    case cannotStart(String)

    public var description: String {
        switch self {
        case .notATerminal: return "standard input and output must be a terminal"
        case .cannotStart(let why): return "cannot start the terminal screen: \(why)"
        }
    }
}
