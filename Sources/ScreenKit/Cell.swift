/// One terminal cell. A double-width glyph occupies its cell and marks the next
/// one as `continuation`, so every row holds exactly `width` cells.
public struct Cell: Hashable, Sendable {
    /// The grapheme drawn here; " " for blank, "" for the right half of a wide glyph.
    public var text: String
    public var style: StyleRole
    public var isContinuation: Bool { text.isEmpty }

    public init(_ text: String, _ style: StyleRole = .normal) {
        self.text = text
        self.style = style
    }

    public static let blank = Cell(" ")
}
