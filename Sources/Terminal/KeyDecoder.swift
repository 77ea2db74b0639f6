import CNcursesw
import ScreenKit

/// What `wget_wch` returned, as the dashboard's keys. Pure, so every mapping is
/// unit-tested without a terminal.
enum KeyDecoder {
    /// A function-key code (`wget_wch` returned `KEY_CODE_YES`). Nil for keys
    /// the dashboard has no use for, and for KEY_RESIZE / KEY_MOUSE, which the
    /// runner handles itself.
    static func keyCode(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        // vt220-style keyboards send Find/Select for Home/End; keypad corners too.
        case KEY_HOME, KEY_FIND, KEY_A1: return .home
        case KEY_END, KEY_SELECT, KEY_C1: return .end
        case KEY_A3: return .pageUp
        case KEY_C3: return .pageDown
        case KEY_BACKSPACE: return .backspace
        case KEY_ENTER: return .enter
        case KEY_BTAB: return .backTab
        case KEY_DC: return .delete
        default:
            let f0 = duban_key_f(0)
            if code > f0, code <= f0 + 63 { return .function(Int(code - f0)) }
            return nil
        }
    }

    /// A character (`wget_wch` returned OK): control characters become keys,
    /// anything printable (CJK from an input method included) a `.char`.
    static func character(_ value: UInt32) -> Key? {
        switch value {
        case 10, 13: return .enter          // nonl(): Enter arrives as CR; LF as Ctrl-J
        case 9: return .tab
        case 8, 127: return .backspace      // ^H and DEL: terminals differ
        case 27: return .escape
        case 0: return .ctrl("@")
        case 1...26: return .ctrl(Character(Unicode.Scalar(UInt8(96 + value))))
        case 28: return .ctrl("\\")
        case 29: return .ctrl("]")
        case 30: return .ctrl("^")
        case 31: return .ctrl("_")
        case 0x80..<0xA0: return nil        // C1 controls are never text
        default:
            guard let scalar = Unicode.Scalar(value) else { return nil }
            return .char(Character(scalar))
        }
    }
}
