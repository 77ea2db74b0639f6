import PlanModel

/// The second half of reading a plan: settles task keys, department names
/// (through the alias table), carried-over implementers and indicators, and
/// assembles the `Plan`.
extension PlanReader {
    func finish(_ w: Walk, head: DocumentHead, period: Period, years: (first: Int, last: Int),
                yearSource: YearSource, fileName: String, id: String?) -> ImportResult {
        var warnings = w.warnings
        var drafts = w.drafts
        // Carried-over implementers reach every task after the statement.
        if !w.carry.isEmpty, let from = w.carryFrom {
            for k in drafts.indices where k > from {
                let present = Set(drafts[k].assignments.filter { $0.role == .implement }.map { AliasTable.key($0.name) })
                for c in w.carry where !present.contains(AliasTable.key(c.name)) {
                    drafts[k].assignments.append(c)
                }
            }
        }
        var aliases = AliasTable()
        for d in drafts { for a in d.assignments { aliases.register(a.name) } }
        for l in w.links { aliases.link(l.alias, to: l.name) }

        var used = Set<String>()
        var maxNumber: [Int: Int] = [:]
        for d in drafts {
            let sv = w.sectionValues[d.section]
            maxNumber[sv] = max(maxNumber[sv] ?? 0, d.value)
        }
        let byPosition = PlanReader.sectionsNumberedPerGroup(drafts)
        var position: [Int: Int] = [:]
        var unreadKeys: [String] = []
        var tasks: [PlanTask] = []
        for d in drafts {
            let sv = w.sectionValues[d.section]
            var key = TaskKey.make(section: sv, number: d.value)
            if byPosition.contains(d.section) {
                // Numbers restart in every group: the task's place in its
                // section is the key, the same on every import.
                position[d.section, default: 0] += 1
                key = TaskKey.make(section: sv, number: position[d.section]!)
            }
            if used.contains(key) {
                // A repeated number (or a repeated section numeral): the next
                // number free in that section keeps keys unique and parseable.
                var next = (maxNumber[sv] ?? d.value) + 1
                while used.contains(TaskKey.make(section: sv, number: next)) { next += 1 }
                maxNumber[sv] = next
                let newKey = TaskKey.make(section: sv, number: next)
                warnings.append(ImportWarning(line: d.line + 1, message: "task number \(d.number) repeats key \(key) in section \(w.sections[d.section].number); stored as \(newKey)",
                                              chinese: "任务编号 \(d.number) 与第\(w.sections[d.section].number)部分的 \(key) 重复，改存为 \(newKey)"))
                key = newKey
            }
            used.insert(key)
            if d.unread { unreadKeys.append(key) }
            var assignments: [Assignment] = []
            var seen = Set<Assignment>()   // only for long lists; short ones scan
            for a in d.assignments {
                let x = Assignment(department: aliases.canonical(a.name), role: a.role, collective: aliases.isCollectiveName(a.name))
                // A name listed twice in one role counts once.
                if d.assignments.count > 32 {
                    guard seen.insert(x).inserted else { continue }
                } else if assignments.contains(where: { $0.role == x.role && $0.department == x.department }) {
                    continue
                }
                assignments.append(x)
            }
            let text = Sc.trim(d.text[...])
            if text.isEmpty {
                warnings.append(ImportWarning(line: d.line + 1, message: "task \(d.number) has no text", chinese: "任务 \(d.number) 没有内容"))
            }
            tasks.append(PlanTask(key: key, number: d.number, section: d.section, group: d.group,
                                  title: firstSentence(text).string, text: text.string,
                                  assignments: assignments, due: due(d, period, &warnings)))
        }

        var indicators: [Indicator] = []
        var goalCount = 0
        for g in w.goals {
            for var ind in IndicatorExtractor.extract(g.text) {
                goalCount += 1
                ind.id = "goal.\(goalCount)"
                indicators.append(ind)
            }
        }
        for t in tasks {
            for (n, var ind) in IndicatorExtractor.extract(t.text.scalars[...]).enumerated() {
                ind.id = "\(t.key).\(n + 1)"
                ind.taskKey = t.key
                indicators.append(ind)
            }
        }

        let plan = Plan(id: id ?? PlanSlug.make(title: head.title, issuer: head.issuer, years: years),
                        title: head.title, issuer: head.issuer, issued: head.issued, period: period,
                        source: fileName, sections: w.sections, tasks: tasks,
                        departments: aliases.departments, indicators: indicators)
        warnings.sort { $0.line < $1.line }
        return ImportResult(document: .plan(plan), warnings: warnings, unreadListKeys: unreadKeys, yearSource: yearSource)
    }

    /// Sections whose task numbers restart in each group (`1、2、` under one
    /// sub-heading, `1、2、` again under the next), and only those: a number
    /// repeated within one group is a slip, reported as before.
    static func sectionsNumberedPerGroup(_ drafts: [Draft]) -> Set<Int> {
        var seen: [Int: Set<Int>] = [:]          // section → numbers
        var groupSeen: [Int: Set<Int>] = [:]     // section → numbers of its current group
        var groupOf: [Int: Int?] = [:]
        var repeats = Set<Int>()
        var slips = Set<Int>()
        for d in drafts {
            if groupOf[d.section] == nil || groupOf[d.section]! != d.group {
                groupOf[d.section] = d.group
                groupSeen[d.section] = []
            }
            if !seen[d.section, default: []].insert(d.value).inserted { repeats.insert(d.section) }
            if d.group == nil || !groupSeen[d.section, default: []].insert(d.value).inserted { slips.insert(d.section) }
        }
        return repeats.subtracting(slips)
    }

    /// The plan's end unless the list set a time limit inside the period.
    private func due(_ d: Draft, _ period: Period, _ warnings: inout [ImportWarning]) -> Day {
        guard let deadline = d.deadline else { return period.end }
        guard let day = deadline.day(in: period), period.contains(day) else {
            warnings.append(ImportWarning(line: d.line + 1, message: "task \(d.number): time limit outside the plan's period \(period.start)…\(period.end); due at the period's end",
                                          chinese: "任务 \(d.number)：完成时限不在计划期限 \(period.start)…\(period.end) 内，按期末计"))
            return period.end
        }
        return day
    }
}
