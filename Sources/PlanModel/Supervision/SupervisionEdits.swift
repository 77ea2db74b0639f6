/// What applying a supervision edit checks: every refusal names the bad
/// value in both languages, and the plan is unchanged on error.
extension Plan {
    mutating func applyFeedback(_ given: UnitFeedback, task key: String) throws(EditError) {
        guard let t = task(key) else { throw EditError(en: "no task \(key) in \(id)", zh: "\(id) 中没有任务 \(key)") }
        var f = given
        f.task = key
        f.department = department(named: f.department)?.name ?? f.department
        guard !f.department.isEmpty else {
            throw EditError(en: "feedback names no department", zh: "情况反馈未注明报送单位")
        }
        guard reportingUnits(of: t).contains(f.department) else {
            throw EditError(en: "\(f.department) has no role in task \(key)", zh: "\(f.department)在任务 \(key) 中没有职责")
        }
        guard !f.text.allSatisfy(\.isWhitespace) else {
            throw EditError(en: "empty feedback text", zh: "情况反馈内容为空")
        }
        guard f.text.utf8.count <= SupervisionLimits.textBytes else {
            throw EditError(en: "feedback of \(f.text.utf8.count) bytes is longer than \(SupervisionLimits.textBytes)",
                            zh: "情况反馈 \(f.text.utf8.count) 字节，超过上限 \(SupervisionLimits.textBytes)")
        }
        if let p = f.progress, !(0...100).contains(p) {
            throw EditError(en: "progress \(p) is outside 0–100", zh: "进度 \(p) 不在 0–100 之间")
        }
        if let e = f.evidence, e.utf8.count > SupervisionLimits.evidenceBytes {
            throw EditError(en: "evidence reference longer than \(SupervisionLimits.evidenceBytes) bytes",
                            zh: "佐证材料说明超过 \(SupervisionLimits.evidenceBytes) 字节")
        }
        supervision.append(f)
    }

    mutating func applyRound(_ r: Round) throws(EditError) {
        guard !r.name.allSatisfy(\.isWhitespace) else { throw EditError(en: "a round needs a name", zh: "报送轮次须有名称") }
        if let old = supervision.round(named: r.name) {
            guard r.closedAt != nil else {
                throw EditError(en: "a round named \(r.name) already exists in \(id)", zh: "\(id) 已有名为“\(r.name)”的报送轮次")
            }
            guard old.isOpen else { throw EditError(en: "round \(r.name) is already closed", zh: "报送轮次“\(r.name)”已关闭") }
            var closed = old
            closed.closedAt = r.closedAt
            closed.frozen = r.frozen
            supervision.setRound(closed)
            return
        }
        guard r.closedAt == nil else { throw EditError(en: "no round \(r.name) in \(id)", zh: "\(id) 中没有报送轮次“\(r.name)”") }
        guard r.due >= r.opened else {
            throw EditError(en: "due date \(r.due) is before the round opens (\(r.opened))",
                            zh: "报送截止日期 \(r.due) 早于开启日期 \(r.opened)")
        }
        for s in r.sections ?? [] where !(0..<sections.count).contains(s) {
            throw EditError(en: "no section \(s + 1) in \(id)", zh: "\(id) 中没有第 \(s + 1) 部分")
        }
        for k in r.tasks ?? [] where task(k) == nil {
            throw EditError(en: "no task \(k) in \(id)", zh: "\(id) 中没有任务 \(k)")
        }
        guard tasks.contains(where: { r.covers($0) && !$0.reportingUnits.isEmpty }) else {
            throw EditError(en: "the round covers no task with a responsible unit", zh: "该轮次范围内没有有责任单位的任务")
        }
        supervision.setRound(r)
    }

    mutating func applyChase(_ c: Chase) throws(EditError) {
        let name = department(named: c.department)?.name ?? c.department
        let names = canonicalNames
        guard tasks.contains(where: { reportingUnits(of: $0, names).contains(name) }) else {
            throw EditError(en: "\(c.department) has no role in any task of \(id)", zh: "\(c.department)在 \(id) 中没有承担任务")
        }
        guard !c.items.isEmpty else { throw EditError(en: "a chase with no items", zh: "催办事项为空") }
        for i in c.items where task(i.task) == nil {
            throw EditError(en: "no task \(i.task) in \(id)", zh: "\(id) 中没有任务 \(i.task)")
        }
        var c = c
        c.department = name
        supervision.append(c)
    }
}
