import Foundation
import PlanModel
import TextWidth

/// Printing helpers shared by the commands.
enum Output {
    static func line(_ s: String = "") { print(s) }

    static func warn(_ s: String) {
        FileHandle.standardError.write(Data((s + "\n").utf8))
    }

    /// `duban: warning: …` (`duban：警告：…`) for a problem the command works around.
    static func warning(_ what: String, _ v: Vocabulary) -> String {
        v.pick("duban：警告：\(what)", "duban: warning: \(what)")
    }

    static func json(_ v: JSON) { print(JSONWriter.pretty(v), terminator: "") }

    /// Columns aligned by display width, so CJK text lines up.
    static func table(_ rows: [[String]], rightAligned: Set<Int> = []) -> [String] {
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
        let now = Date()
        let off = TimeZone.current.secondsFromGMT(for: now)
        return Day.today(secondsSince1970: Int(now.timeIntervalSince1970), utcOffsetSeconds: off)
    }
}

extension Output {
    /// Writes a document to a file (atomically, so a half-written report never
    /// replaces a good one) or to standard output.
    static func write(_ text: String, to path: String?, _ v: Vocabulary) throws {
        guard let path else { print(text, terminator: ""); return }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw CLIError(v.pick("\(path)：无法写入（\(error.localizedDescription)）",
                                  "\(path): cannot write (\(error.localizedDescription))"))
        }
    }
}
