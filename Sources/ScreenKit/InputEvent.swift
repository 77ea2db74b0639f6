/// Input as the dashboard sees it, decoded by the terminal backend.
public enum Key: Hashable, Sendable {
    case char(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, escape, tab, backTab, backspace, delete
    /// Ctrl-letter, e.g. `.ctrl("l")`.
    case ctrl(Character)
    case function(Int)
}

public enum InputEvent: Hashable, Sendable {
    case key(Key)
    /// Text the terminal marked as pasted (bracketed paste): one piece of text,
    /// never keys. Line breaks arrive as "\n".
    case paste(String)
    /// A click (button 1) at a screen position.
    case click(row: Int, col: Int)
    case scrollUp(row: Int, col: Int)
    case scrollDown(row: Int, col: Int)
    /// The terminal changed size (already debounced by the backend).
    case resize(width: Int, height: Int)
    /// Nothing happened for a while: clocks, rotation, notices expiring.
    case tick
}
