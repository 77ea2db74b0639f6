import PlanModel
import ScreenKit
import TextWidth

/// The two header rows: plan, date, completion and badge; counts, user and role.
enum HeaderView {
    static func draw(_ f: inout Frame, _ r: Rect, data: PlanData?, session: SessionInfo,
                     strings s: Strings, glyphs g: Glyphs, ascii: Bool, clock: String? = nil, extra: String? = nil,
                     warnings: Int = 0) {
        guard r.height >= 1, r.width > 0 else { return }
        f.fill(row: r.row, col: r.col, width: r.width, height: min(2, r.height), style: .header)
        // Row 0: badge and figures on the right first, so the title takes what is left.
        var right: [(String, StyleRole)] = []
        if let d = data {
            right.append((d.rollup.evaluation.today.description, .header))
            right.append(("\(s.complete) \(percent(d.rollup.plan.completion))", .header))
        }
        if let clock { right.append((clock, .header)) }
        if warnings > 0 { right.append((" \(s.storeWarnings(warnings)) ", .error)) }
        if session.kiosk {
            right.append((" \(s.kioskBadge) ", .badge))
        } else if session.readOnly {
            right.append((" \(s.readOnlyBadge) ", .badge))
        }
        let rightText = right.map(\.0).joined(separator: "  ")
        let rightW = min(rightText.displayWidth + 1, r.width)
        let titleW = r.width - rightW
        let title = " \(s.appName) " + g.v + " " + (data?.plan.title ?? s.noPlan)
        f.put(title.truncated(toWidth: titleW - 1), row: r.row, col: r.col, style: .header, maxWidth: max(0, titleW - 1))
        var c = r.col + titleW
        for (i, (t, st)) in right.enumerated() {
            if i > 0 { c = f.put("  ", row: r.row, col: c, style: .header, maxWidth: r.col + r.width - c) }
            c = f.put(t, row: r.row, col: c, style: st, maxWidth: r.col + r.width - c)
        }
        guard r.height >= 2 else { return }
        // Row 1: who is looking on the right, counts on the left.
        var who = session.user + " · " + s.roleName(session.role)
        // "reports for" already says the role, and the counts need the room.
        if case .reporter(let deps) = session.role { who = session.user + " · " + s.reportsFor + deps.joined(separator: "、") }
        // The kiosk shows when the data last changed instead of who is watching.
        if session.kiosk { who = extra ?? "" }
        var whoW = min(who.displayWidth + 1, r.width)
        // The kiosk's line (review counts, last update) gives way to the status counts, which a wall reads first.
        if session.kiosk, let d = data {
            let counts = TaskStatus.allCases.reduce(1) { $0 + "\(s.statusShort($1)) \(d.rollup.plan.count($1))  ".displayWidth }
            whoW = min(whoW, max(0, r.width - counts - 1))
        }
        let row = r.row + 1
        let limit = r.col + r.width - whoW - 1
        if let d = data, limit > r.col {
            let t = d.rollup.plan
            c = r.col + 1
            for st in TaskStatus.allCases where c < limit {
                c = f.put("\(s.statusShort(st)) \(t.count(st))  ", row: row, col: c, style: .header, maxWidth: limit - c)
            }
            for l in Light.allCases where c < limit {
                c = f.put(g.light(l, ascii: ascii), row: row, col: c, style: .of(l), maxWidth: limit - c)
                c = f.put("\(t.count(l)) ", row: row, col: c, style: .header, maxWidth: limit - c)
            }
        }
        if whoW > 1 { f.put(who.truncated(toWidth: whoW - 1), row: row, col: r.col + r.width - whoW, style: .header, maxWidth: whoW - 1) }
    }
}
