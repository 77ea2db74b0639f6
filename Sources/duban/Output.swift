#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import FoundationEssentials
import PlanModel
import PlanStore
import TextWidth

/// Printing helpers shared by the commands.
enum Output {
    /// Every line the commands print passes here: text from the store or a
    /// document has its control characters escaped (see
    /// `escapingControlCharacters`), so it cannot drive the terminal.
    static func line(_ s: String = "") { print(s.escapingControlCharacters(keepingLineBreaks: true)) }

    static func warn(_ s: String) {
        var text = s.escapingControlCharacters(keepingLineBreaks: true) + "\n"
        text.withUTF8 { b in
            var done = 0
            while done < b.count {
                let n = Glibc.write(2, b.baseAddress! + done, b.count - done)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { return }
                done += n
            }
        }
    }

    /// `duban: warning: …` (`duban：警告：…`) for a problem the command works around.
    static func warning(_ what: String, _ v: Vocabulary) -> String {
        v.pick("duban：警告：\(what)", "duban: warning: \(what)")
    }

    /// JSON writes C0 controls as `\u00XX` itself; the rest (C1, bidirectional
    /// controls) are written the same way here, which is the same JSON.
    static func json(_ v: JSON) { print(JSONWriter.pretty(v).escapingControlCharacters(keepingLineBreaks: true), terminator: "") }

    /// Columns aligned by display width, so CJK text lines up.
    static func table(_ rows: [[String]], rightAligned: Set<Int> = []) -> [String] {
        // Escaped before measuring, so a cell keeps its column; a line break
        // in a cell is escaped too, since it would break the row.
        let rows = rows.map { $0.map { $0.escapingControlCharacters(keepingLineBreaks: false) } }
        guard let n = rows.map(\.count).max() else { return [] }
        var widths = Array(repeating: 0, count: n)
        for r in rows { for (i, c) in r.enumerated() { widths[i] = max(widths[i], c.displayWidth) } }
        return rows.map { r in
            r.enumerated().map { i, c in
                i == r.count - 1 && !rightAligned.contains(i) ? c : c.padded(toWidth: widths[i], alignRight: rightAligned.contains(i))
            }.joined(separator: "  ")
        }
    }
}

/// The date lights are evaluated at: `--today`, else the store's setting, else
/// the system date.
enum Today {
    static func resolve(_ flag: String?, setting: Day?) -> Day {
        if let flag, let d = Day(flag) { return d }
        if let setting { return setting }
        return system()
    }

    static func system() -> Day {
        // The C library's time zone: Foundation's would load ICU at every start.
        var t = time(nil)
        var c = tm()
        localtime_r(&t, &c)
        return Day.today(secondsSince1970: Int(t), utcOffsetSeconds: Int(c.tm_gmtoff))
    }
}

extension Output {
    /// Writes a document to a file (atomically, so a half-written report never
    /// replaces a good one) or to standard output.
    /// A path naming a file of the store (a snapshot, a journal, the access
    /// rules) is refused: a report never replaces data.
    static func write(_ text: String, to path: String?, _ v: Vocabulary, store: Store? = nil) throws {
        guard let path else {
            // To a terminal, control characters are shown, not obeyed; to a pipe or file the text is as written.
            print(isatty(1) != 0 ? text.escapingControlCharacters(keepingLineBreaks: true) : text, terminator: "")
            return
        }
        if let store, let file = store.storeFile(at: path) {
            throw CLIError(v.pick("\(path)：是存储 \(store.path) 自己的文件，报告不会覆盖它；请写到别处",
                                  "\(path): is \(file), a file of the store \(store.path); write the report elsewhere"))
        }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw CLIError(v.pick("\(path)：无法写入（\(error)）",
                                  "\(path): cannot write (\(error))"))
        }
    }
}
