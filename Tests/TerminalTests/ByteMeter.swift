import ScreenKit
@testable import Terminal

/// Bytes an ncurses screen sends for a change between two frames, measured on
/// a pseudo-terminal with the real ScreenWriter (xterm-256color, default theme).
enum ByteMeter {
    /// Draws `first`, then `second`; returns what the second cost on the wire.
    static func bytes(from first: Frame, to second: Frame, options: TerminalOptions = TerminalOptions()) throws -> Int {
        let pty = PseudoTerminal(rows: Int32(first.height), cols: Int32(first.width))
        let screen = try TerminalScreen(device: TerminalDevice(inputFD: pty.slave, outputFD: pty.slave, terminalType: "xterm-256color"),
                                        options: options, environment: [:])
        defer { screen.end(hangUp: false) }
        let writer = ScreenWriter(window: screen.window, styles: screen.styles, ascii: false)
        writer.draw(first)
        _ = pty.drain()
        writer.draw(second)
        return pty.drain().count
    }

    /// A dashboard-like screen: header, a bordered task table with CJK titles,
    /// lead departments, lights, status, progress bars and due dates, and a
    /// footer. `fullRowBar`: the selection restyles the whole row; otherwise
    /// only a marker and the key column show it.
    static func taskTable(width: Int, height: Int, selected: Int, fullRowBar: Bool = true) -> Frame {
        var f = Frame(width: width, height: height)
        f.fill(row: 0, col: 0, width: width, height: 1, style: .header)
        f.put(" 甘肃省质量发展纲要行动计划  2026-11-23  完成 42%  ●红 3 ●黄 7 ●绿 31", row: 0, col: 0, style: .header)
        f.put("┌" + String(repeating: "─", count: width - 2) + "┐", row: 1, col: 0, style: .border)
        let titles = ["建立完善质量工作考核制度", "加强质量安全风险监测预警", "推进标准化战略实施",
                      "开展质量提升行动", "强化计量基础建设", "健全认证认可体系", "培育质量品牌"]
        let depts = ["省质监局", "省发改委", "省工信委", "省商务厅", "省农牧厅"]
        let statuses: [(String, StyleRole)] = [("进行中", .statusInProgress), ("已完成", .statusDone),
                                               ("未开始", .statusNotStarted), ("滞后", .statusBehind)]
        let titleWidth = max(10, width - 50)
        for row in 2..<(height - 2) {
            let i = row - 2
            f.put("│", row: row, col: 0, style: .border)
            f.put("│", row: row, col: width - 1, style: .border)
            var c = 2
            f.put(String(format2(i)), row: row, col: c); c += 6
            f.put(titles[i % titles.count] + "（\(i + 1)）", row: row, col: c, maxWidth: titleWidth); c += titleWidth + 1
            f.put(depts[i % depts.count], row: row, col: c, maxWidth: 9); c += 10
            let light: StyleRole = [.red, .yellow, .green][i % 3]
            f.put("●", row: row, col: c, style: light); c += 2
            let (st, sr) = statuses[i % statuses.count]
            f.put(st, row: row, col: c, style: sr, maxWidth: 7); c += 8
            let p = (i * 37) % 101
            let filled = p / 20
            f.put(String(repeating: "█", count: filled), row: row, col: c, style: .barFilled)
            f.put(String(repeating: "░", count: 5 - filled), row: row, col: c + filled, style: .barEmpty); c += 6
            f.put("\(p)%", row: row, col: c, maxWidth: 4); c += 5
            f.put("12-31", row: row, col: c, maxWidth: max(0, width - 1 - c))
            if row - 2 == selected {
                if fullRowBar {
                    f.restyle(row: row, col: 1, width: width - 2, style: .selected)
                } else {
                    f.put("▶", row: row, col: 1, style: .selected)
                    f.restyle(row: row, col: 2, width: 5, style: .selected)
                }
            }
        }
        f.put("└" + String(repeating: "─", count: width - 2) + "┘", row: height - 2, col: 0, style: .border)
        f.fill(row: height - 1, col: 0, width: width, height: 1, style: .footer)
        f.put(" ↑↓ 移动  Enter 详情  / 搜索  s 状态  p 进度  n 备注  ? 帮助  q 退出", row: height - 1, col: 0, style: .footer)
        return f
    }

    static func format2(_ i: Int) -> String { "\(i / 9 + 1).\(i % 9 + 1)" }
}
