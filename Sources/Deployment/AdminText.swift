/// A message in both session languages; which one is printed is decided once,
/// where the command starts.
public struct Say: Equatable, Sendable, CustomStringConvertible {
    public var zh: String
    public var en: String

    public init(_ zh: String, _ en: String) {
        self.zh = zh
        self.en = en
    }

    public func text(english: Bool) -> String { english ? en : zh }

    /// Chinese, for messages that reach a log rather than a person at once.
    public var description: String { zh }

    public static func + (a: Say, b: Say) -> Say { Say(a.zh + b.zh, a.en + b.en) }
}
