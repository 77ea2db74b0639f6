import PlanModel
import ScreenKit
import TextWidth

/// One line of a scrollable text view.
struct StyledLine: Hashable {
    var text: String
    var style: StyleRole = .normal
    var indent = 0
    /// The first line of the note or feedback at this position of `DetailView.records`.
    var record: Int?
}

/// A task's full text wrapped by display width, its assignments by role, due
/// date and light, notes and change history.
enum DetailView {
    static func lines(_ st: DashboardState, _ d: DetailState, width: Int) -> [StyledLine] {
        let s = st.strings
        guard width > 0 else { return [] }
        guard let data = st.data, let i = data.plan.index(ofTask: d.task) else {
            return [StyledLine(text: s.taskGone, style: .error)]
        }
        let t = data.plan.tasks[i]
        var out: [StyledLine] = []
        func add(_ text: String, _ style: StyleRole = .normal, indent: Int = 0, record: Int? = nil) {
            for (n, l) in text.wrapped(toWidth: width - indent).enumerated() {
                out.append(StyledLine(text: l, style: style, indent: indent, record: n == 0 ? record : nil))
            }
        }
        let records = Self.records(st, d)
        // The header of a record: selected, or dim.
        func head(_ text: String, _ r: DetailRecord) {
            let at = records.firstIndex(of: r)
            add(text + mark(r, data.plan, t.key, s), at != nil && at == d.record ? .selected : .dim, indent: 2, record: at)
        }
        func blank() { out.append(StyledLine(text: "")) }
        add(t.title, .title)
        blank()
        add(t.text)
        blank()
        let light = data.rollup.lights[i]
        let c = s.colon
        let review = data.plan.reviewState(task: t.key)
        add("\(s.statusLabel)\(c)\(s.review.status(t, review))   \(s.progressLabel)\(c)\(t.effectiveProgress)%   "
            + "\(s.due)\(c)\(s.review.due(t, review))   \(s.light(light))", .of(light))
        blank()
        // Closure and extension requests, with the office's decisions.
        let requests = data.plan.reviews.requests(task: t.key)
        if !requests.isEmpty {
            add(s.requestsTitle, .title)
            for r in requests {
                let style: StyleRole = r.withdrawn ? .dim : r.isPending ? .yellow : r.decision?.outcome == .approved ? .green : .red
                add(s.review.line(r), style, indent: 2)
            }
            blank()
        }
        add(s.assignments, .title)
        for role in Role.allCases {
            let ds = t.assignments.filter { $0.role == role }
            if ds.isEmpty { continue }
            let names = ds.map { $0.department + ($0.collective ? s.collectiveMark : "") }
            for l in listLines(s.role(role) + s.colon, names, width: width - 2) {
                out.append(StyledLine(text: l, indent: 2))
            }
        }
        blank()
        // Only where the office runs reporting rounds or units have reported.
        if !data.plan.supervision.isEmpty {
            feedback(t, data.plan, s, records: records, add: { add($0, $1, indent: $2) }, head: head)
            blank()
        }
        let indicators = data.plan.indicators.filter { $0.taskKey == t.key }
        if !indicators.isEmpty {
            add(s.indicatorsTitle, .title)
            for ind in indicators {
                let actual = ind.actual.map { NumberText.plain($0) + ind.unit } ?? "-"
                add("\(ind.name)\(s.colon)\(s.colTarget) \(IndicatorsView.target(ind, ascii: st.ascii))  \(s.colActual) \(actual)  \(s.met(ind.met))",
                    ind.met.map { $0 ? .green : .red } ?? .normal, indent: 2)
            }
            blank()
        }
        add(s.notes, .title)
        let notes = d.notes ?? t.notes
        if notes.isEmpty { add(s.none, .dim, indent: 2) }
        for r in records where r.kind == .note {
            let n = notes[r.index - (d.notes == nil ? t.olderNotes : 0)]
            var who = n.time.replacing("T", with: " ").prefix(16) + " " + n.user
            if let dep = n.department { who += "（\(dep)）" }
            head(String(who), r)
            add(r.text, r.withdrawn ? .dim : .normal, indent: 4)
        }
        blank()
        add(s.history, .title)
        if d.history.isEmpty { add(s.none, .dim, indent: 2) }
        for e in d.history {
            let when = e.time.replacing("T", with: " ").prefix(16)
            // A note is added, not changed: its journaled "old value" is the
            // task's note count, which means nothing to a reader.
            let kind = (try? ChangeField(journal: e.field))?.kind
            let added = kind == .note
            // A withdrawal or correction names the record and the new text.
            let change = kind == .withdrawal || kind == .correction ? e.summary
                : added ? "+ " + value(e.new, s) : "\(value(e.old, s)) → \(value(e.new, s))"
            add("\(when) \(e.user) \(s.field(e.field))\(s.colon)\(change)", indent: 2)
        }
        return out
    }

    /// Each unit's latest feedback that stands, units that never reported (or
    /// withdrew all they filed), a later withdrawn one marked, the derived
    /// progress of a joint task and how often the task has been chased.
    static func feedback(_ t: PlanTask, _ p: Plan, _ s: Strings, records: [DetailRecord],
                         add: (String, StyleRole, Int) -> Void, head: (String, DetailRecord) -> Void) {
        add(s.feedbackTitle, .title, 0)
        let overall = p.overallProgress(of: t)
        if overall.derived { add(s.derivedProgress(overall), overall.status == .done ? .green : .normal, 2) }
        let chased = p.chaseCount(task: t.key)
        if chased > 0 { add(s.chasedTimes(chased), .yellow, 2) }
        let all = p.supervision.feedback(task: t.key)
        for unit in p.reportingUnits(of: t) {
            let mine = records.filter { $0.kind == .feedback && all[$0.index].department == unit }
            if !mine.contains(where: { !$0.withdrawn }) { add(unit + s.colon + s.neverReported, .red, 2) }
            for r in mine {
                let f = all[r.index]
                var h = unit + (f.onBehalf ? s.onBehalfMark : "") + "  " + f.time.replacing("T", with: " ").prefix(16) + " " + f.user
                if let pr = f.progress { h += "  " + s.ownProgress(pr) }
                head(h, r)
                add(r.text, r.withdrawn ? .dim : .normal, 4)
                if let e = f.evidence { add(s.evidenceMark(e), .dim, 4) }
            }
        }
        if all.count > records.filter({ $0.kind == .feedback }).count { add(s.moreFeedbackInHistory, .dim, 2) }
    }

    /// The notes and feedback shown, in order: every note, then each unit's
    /// latest feedback that stands and, after it, a later one withdrawn (the
    /// trail, marked); a corrected one with its correction's text.
    static func records(_ st: DashboardState, _ d: DetailState) -> [DetailRecord] {
        guard let p = st.data?.plan, let t = p.task(d.task) else { return [] }
        func record(_ kind: ChangeKind, _ i: Int, _ text: String) -> DetailRecord {
            DetailRecord(kind: kind, index: i, text: p.correction(kind, task: t.key, index: i)?.text ?? text,
                         withdrawn: p.isWithdrawn(kind, task: t.key, index: i))
        }
        // Positions count from the task's first note, whether or not older ones are held.
        let first = d.notes == nil ? t.olderNotes : 0
        var out = (d.notes ?? t.notes).enumerated().map { record(.note, first + $0.offset, $0.element.text) }
        guard !p.supervision.isEmpty else { return out }
        let all = p.supervision.feedback(task: t.key)
        for unit in p.reportingUnits(of: t) {
            guard let last = all.lastIndex(where: { $0.department == unit }) else { continue }
            let standing = all.indices.last { all[$0].department == unit && !p.isWithdrawn(.feedback, task: t.key, index: $0) }
            if let i = standing { out.append(record(.feedback, i, all[i].text)) }
            if last != standing { out.append(record(.feedback, last, all[last].text)) }
        }
        return out
    }

    /// After a record's header: corrected (by whom, when) or withdrawn.
    static func mark(_ r: DetailRecord, _ p: Plan, _ key: String, _ s: Strings) -> String {
        if r.withdrawn { return s.withdrawnMark }
        guard let c = p.correction(r.kind, task: key, index: r.index) else { return "" }
        return s.correctedMark(c.user, c.time.replacing("T", with: " ").prefix(16).description)
    }

    /// `head` and then names separated by 、, lines broken between names so
    /// that no name is split; a name longer than a line is wrapped on its own.
    static func listLines(_ head: String, _ names: [String], width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        var line = head
        for (i, name) in names.enumerated() {
            let piece = name + (i + 1 < names.count ? "、" : "")
            if line.displayWidth + piece.displayWidth <= width {
                line += piece
            } else if piece.displayWidth <= width {
                lines.append(line)
                line = piece
            } else {
                let parts = (line + piece).wrapped(toWidth: width)
                lines += parts.dropLast()
                line = parts.last ?? ""
            }
        }
        lines.append(line)
        return lines.filter { !$0.isEmpty }
    }

    /// A journal value as a person reads it.
    static func value(_ v: JSON, _ s: Strings) -> String {
        if let str = v.string {
            if let st = TaskStatus(rawValue: str) { return s.status(st) }
            return str
        }
        if let text = v["text"]?.string { return text }
        if v.isNull { return "—" }
        return v.brief
    }

    static func draw(_ f: inout Frame, _ r: Rect, _ st: DashboardState, _ d: DetailState, glyphs g: Glyphs) {
        f.box(r, title: st.strings.taskHeading(d.task), focused: true, glyphs: g)
        let inner = r.inner
        guard inner.width > 0, inner.height > 0 else { return }
        let all = lines(st, d, width: inner.width)
        let top = clamp(d.scroll, 0, max(0, all.count - inner.height))
        for line in 0..<inner.height where top + line < all.count {
            let l = all[top + line]
            f.put(l.text, in: inner, line: line, at: l.indent, style: l.style)
        }
    }
}
