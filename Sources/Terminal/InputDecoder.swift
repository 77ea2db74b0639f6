import CNcursesw
import ScreenKit

/// What one `wget_wch` returned: a function-key code (`KEY_CODE_YES`) or a character.
enum RawInput: Equatable {
    case code(Int32)
    case char(UInt32)
}

/// Turns what ncurses returns into the dashboard's input. ncurses decodes only
/// the sequences its terminfo entry names; whatever else a terminal sends
/// reaches us as Esc followed by plain characters. Read as keys, `ESC[4~` (End
/// under tmux or PuTTY with TERM=xterm) would be Esc, `[`, `4`, `~`. So every
/// escape sequence is parsed here whole: the Home/End/function-key variants of
/// xterm, rxvt, PuTTY, tmux/screen and the Linux console become keys, anything
/// unknown is dropped, and a bracketed paste (`ESC[200~` … `ESC[201~`) becomes
/// one piece of text that is never read as keys. Pure: tested without a terminal.
struct InputDecoder {
    enum Output: Equatable {
        case key(Key)
        case paste(String)
    }

    private enum State: Equatable {
        case ground
        /// After ESC.
        case escape
        /// After `ESC [`: the parameter and intermediate bytes so far.
        case csi([UInt8])
        /// After `ESC O` (application-mode keys), with any modifier digits.
        case ss3([UInt8])
        /// After `ESC [ [` (Linux console F1–F5).
        case consoleFunction
    }

    private var state = State.ground
    /// The text pasted so far, while a paste is open.
    private var pasted: String?
    private var pastedBytes = 0
    private var lastWasCR = false

    /// Longest paste kept, in UTF-8 bytes; the rest of a longer one is dropped
    /// (every field refuses text this long anyway, so nothing is cut silently).
    static let pasteLimit = 1 << 16
    /// Longest parameter string of a sequence; longer ones are garbage.
    static let sequenceLimit = 32

    /// True while the decoder holds input it has not turned into output yet.
    var isPending: Bool { state != .ground || pasted != nil }

    /// How long input may stay quiet before `flush` gives up waiting for the
    /// rest: nothing for a lone Esc (ncurses has already waited ESCDELAY for
    /// what follows it), a moment for a sequence cut by a slow link, longer
    /// for a paste. Nil when nothing is pending.
    var pendingGrace: Double? {
        if pasted != nil { return 1.0 }
        switch state {
        case .ground: return nil
        case .escape: return 0
        case .csi, .ss3, .consoleFunction: return 0.1
        }
    }

    mutating func feed(_ input: RawInput) -> [Output] {
        var out: [Output] = []
        feed(input, into: &out)
        return out
    }

    /// Input has gone quiet: a lone Esc is the Esc key, a cut sequence is
    /// dropped, a paste whose end never came is delivered as it is.
    mutating func flush() -> [Output] {
        var out: [Output] = []
        if state == .escape && pasted == nil { out.append(.key(.escape)) }
        state = .ground
        if let p = pasted {
            out.append(.paste(p))
            endPaste()
        }
        return out
    }

    private mutating func feed(_ input: RawInput, into out: inout [Output]) {
        switch input {
        case .code(let code):
            // ncurses decoded a key: whatever sequence was open is cut short.
            if state == .escape && pasted == nil { out.append(.key(.escape)) }
            state = .ground
            if pasted != nil {
                if code == KEY_ENTER { appendPasted(10) }
                return  // keys inside a paste are pasted bytes, not keys
            }
            if let k = KeyDecoder.keyCode(code) { out.append(.key(k)) }
        case .char(let c):
            feedChar(c, into: &out)
        }
    }

    private mutating func feedChar(_ c: UInt32, into out: inout [Output]) {
        switch state {
        case .ground:
            if c == 27 { state = .escape; return }
            if pasted != nil { appendPasted(c); return }
            if let k = KeyDecoder.character(c) { out.append(.key(k)) }
        case .escape:
            switch c {
            case 0x5B: state = .csi([])        // [
            case 0x4F: state = .ss3([])        // O
            case 27:
                if pasted == nil { out.append(.key(.escape)) }
            default:
                // Esc then a key (Alt-key, or Esc typed quickly before it).
                state = .ground
                if pasted == nil { out.append(.key(.escape)) }
                feedChar(c, into: &out)
            }
        case .csi(var bytes):
            if bytes.isEmpty && c == 0x5B { state = .consoleFunction; return }
            guard c >= 0x20 && c < 0x7F else {
                // Not part of a sequence: drop what was read, take this afresh.
                state = .ground
                feedChar(c, into: &out)
                return
            }
            let b = UInt8(c)
            // rxvt ends shifted keys with `$` (ESC[7$), which ECMA-48 would call an intermediate.
            let rxvtFinal = b == 0x24 && bytes.contains(where: { $0 >= 0x30 && $0 <= 0x39 })
            if b >= 0x40 || rxvtFinal {
                state = .ground
                finishCSI(bytes, final: b, into: &out)
            } else if bytes.count >= Self.sequenceLimit {
                state = .ground
            } else {
                bytes.append(b)
                state = .csi(bytes)
            }
        case .ss3(var bytes):
            state = .ground
            guard c >= 0x20 && c < 0x7F else { feedChar(c, into: &out); return }
            let b = UInt8(c)
            if (b >= 0x30 && b <= 0x39) || b == 0x3B, bytes.count < Self.sequenceLimit {
                bytes.append(b)
                state = .ss3(bytes)
                return
            }
            if pasted == nil, let k = Self.ss3Key(b) { out.append(.key(k)) }
        case .consoleFunction:
            state = .ground
            // ESC [ [ A … E: F1–F5 on the Linux console.
            if pasted == nil, c >= 0x41 && c <= 0x45 { out.append(.key(.function(Int(c) - 0x40))) }
        }
    }

    private mutating func finishCSI(_ bytes: [UInt8], final: UInt8, into out: inout [Output]) {
        // Private sequences (`ESC[<…M` mouse reports, replies to queries) and
        // ones with intermediates are never keys.
        if let first = bytes.first, first >= 0x3C { return }
        if bytes.contains(where: { $0 < 0x30 }) { return }
        let params = String(decoding: bytes, as: UTF8.self).split(separator: ";", omittingEmptySubsequences: false)
        let number = params.first.flatMap { Int($0) }
        if final == 0x7E, number == 200 {  // ESC[200~
            if pasted == nil { pasted = ""; pastedBytes = 0; lastWasCR = false }
            return
        }
        if final == 0x7E, number == 201 {  // ESC[201~
            if let p = pasted {
                out.append(.paste(p))
                endPaste()
            }
            return
        }
        guard pasted == nil else { return }
        if let k = Self.csiKey(number: number, final: final) { out.append(.key(k)) }
    }

    private mutating func endPaste() {
        pasted = nil
        pastedBytes = 0
        lastWasCR = false
    }

    /// Pasted text: CR, LF and CR LF are each one line break; other control
    /// characters but tab are dropped.
    private mutating func appendPasted(_ c: UInt32) {
        defer { lastWasCR = c == 13 }
        let scalar: Unicode.Scalar
        switch c {
        case 13: scalar = "\n"
        case 10:
            if lastWasCR { return }
            scalar = "\n"
        case 9: scalar = "\t"
        case 0..<0x20, 0x7F..<0xA0: return
        default:
            guard let s = Unicode.Scalar(c) else { return }
            scalar = s
        }
        let n = String(scalar).utf8.count
        guard pastedBytes + n <= Self.pasteLimit else { pastedBytes = Self.pasteLimit + 1; return }
        pastedBytes += n
        pasted?.unicodeScalars.append(scalar)
    }

    /// `ESC [ n ~` and `ESC [ 1 ; m X` as xterm, rxvt, PuTTY, tmux/screen and
    /// the Linux console send them; modifiers (`;5`) are ignored.
    static func csiKey(number: Int?, final: UInt8) -> Key? {
        switch final {
        case 0x41: return .up         // A
        case 0x42: return .down       // B
        case 0x43: return .right      // C
        case 0x44: return .left       // D
        case 0x48: return .home       // H
        case 0x46: return .end        // F
        case 0x5A: return .backTab    // Z
        case 0x50...0x53 where number == nil || number == 1:  // P Q R S: modified F1–F4
            return .function(Int(final) - 0x4F)
        case 0x7E, 0x24, 0x5E, 0x40:  // ~, and rxvt's $ ^ @ for shifted/ctrl keys
            guard let n = number else { return nil }
            switch n {
            case 1, 7: return .home   // 1: PuTTY, tmux, screen, Linux console; 7: rxvt
            case 4, 8: return .end
            case 3: return .delete
            case 5: return .pageUp
            case 6: return .pageDown
            case 11...15: return .function(n - 10)
            case 17...21: return .function(n - 11)
            case 23, 24: return .function(n - 12)
            default: return nil
            }
        default:
            return nil
        }
    }

    /// `ESC O x`: application-mode cursor and keypad keys.
    static func ss3Key(_ final: UInt8) -> Key? {
        switch final {
        case 0x41: return .up
        case 0x42: return .down
        case 0x43: return .right
        case 0x44: return .left
        case 0x48: return .home
        case 0x46: return .end
        case 0x50...0x53: return .function(Int(final) - 0x4F)   // P Q R S: F1–F4
        case 0x4D: return .enter                                 // keypad Enter
        case 0x70...0x79: return .char(Character(Unicode.Scalar(final - 0x70 + 0x30)))  // keypad 0–9
        case 0x6A: return .char("*")
        case 0x6B: return .char("+")
        case 0x6C: return .char(",")
        case 0x6D: return .char("-")
        case 0x6E: return .char(".")
        case 0x6F: return .char("/")
        default: return nil
        }
    }
}
