/// What filing and deciding a request checks: every refusal names the bad
/// value in both languages, and the plan is unchanged on error.
extension Plan {
    mutating func applyRequest(_ given: ReviewRequest, task key: String) throws(EditError) {
        guard let t = task(key) else { throw EditError(en: "no task \(key) in \(id)", zh: "\(id) 中没有任务 \(key)") }
        var r = given
        r.task = key
        r.department = department(named: r.department)?.name ?? r.department
        let units = responsibleUnits(of: t)
        guard units.contains(r.department) else {
            throw EditError(en: "\(r.department.isEmpty ? "the request names no unit" : r.department + " is not responsible for task " + key) (responsible: \(units.joined(separator: "、")))",
                            zh: "\(r.department.isEmpty ? "申请未注明单位" : r.department + "不是任务 " + key + " 的责任单位")（责任单位：\(units.joined(separator: "、"))）")
        }
        guard !r.text.allSatisfy(\.isWhitespace) else {
            throw r.kind == .closure ? EditError(en: "a closure request needs a summary of what was done", zh: "办结申请须附办结情况说明")
                                     : EditError(en: "an extension request needs a reason", zh: "延期申请须说明理由")
        }
        guard r.text.utf8.count <= SupervisionLimits.textBytes else {
            throw EditError(en: "text of \(r.text.utf8.count) bytes is longer than \(SupervisionLimits.textBytes)",
                            zh: "说明 \(r.text.utf8.count) 字节，超过上限 \(SupervisionLimits.textBytes)")
        }
        if let e = r.evidence, e.utf8.count > SupervisionLimits.evidenceBytes {
            throw EditError(en: "evidence reference longer than \(SupervisionLimits.evidenceBytes) bytes",
                            zh: "佐证材料说明超过 \(SupervisionLimits.evidenceBytes) 字节")
        }
        if reviews.pending(task: key, kind: r.kind, department: r.department) != nil {
            throw r.kind == .closure
                ? EditError(en: "\(r.department) already has a closure request on task \(key) awaiting review",
                            zh: "\(r.department)对任务 \(key) 的办结申请正在审核中")
                : EditError(en: "\(r.department) already has an extension request on task \(key) awaiting review",
                            zh: "\(r.department)对任务 \(key) 的延期申请正在审核中")
        }
        switch r.kind {
        case .closure:
            guard t.status != .done else { throw EditError(en: "task \(key) is already done", zh: "任务 \(key) 已办结") }
            guard !reviews.closedParts(task: key).contains(r.department) else {
                throw EditError(en: "\(r.department)'s part of task \(key) is already closed", zh: "\(r.department)承担的任务 \(key) 部分已办结")
            }
            r.to = nil
            r.from = nil
        case .extension:
            guard t.status != .done else { throw EditError(en: "task \(key) is already done", zh: "任务 \(key) 已办结") }
            guard let to = r.to else { throw EditError(en: "an extension request needs a new due date", zh: "延期申请须给出新的截止日期") }
            guard to > t.due else {
                throw EditError(en: "the new due date \(to) is not after the current one (\(t.due))",
                                zh: "新的截止日期 \(to) 不晚于现在的截止日期 \(t.due)")
            }
            r.from = t.due
        }
        reviews.append(r)
    }

    mutating func applyReview(_ d: Review, task key: String) throws(EditError) {
        guard let t = task(key) else { throw EditError(en: "no task \(key) in \(id)", zh: "\(id) 中没有任务 \(key)") }
        var d = d
        d.department = department(named: d.department)?.name ?? d.department
        guard d.outcome.answers(d.kind) else {
            throw d.kind == .closure
                ? EditError(en: "a closure request is approved or returned, not \(d.outcome.rawValue)", zh: "办结申请只能通过或退回")
                : EditError(en: "an extension request is approved or rejected, not \(d.outcome.rawValue)", zh: "延期申请只能批准或不予批准")
        }
        guard let request = reviews.pending(task: key, kind: d.kind, department: d.department) else {
            throw d.kind == .closure
                ? EditError(en: "no closure request by \(d.department) awaits review on task \(key)", zh: "\(d.department)对任务 \(key) 没有待审核的办结申请")
                : EditError(en: "no extension request by \(d.department) awaits review on task \(key)", zh: "\(d.department)对任务 \(key) 没有待审核的延期申请")
        }
        if d.outcome != .approved, d.reason.allSatisfy(\.isWhitespace) {
            throw d.outcome == .returned ? EditError(en: "a return needs a reason", zh: "退回须说明理由")
                                         : EditError(en: "a refusal needs a reason", zh: "不予批准须说明理由")
        }
        _ = reviews.decide(task: key, d)
        switch (d.kind, d.outcome) {
        case (.closure, .approved):
            // The task closes when every responsible unit's part is closed.
            let closed = Set(reviews.closedParts(task: key))
            if responsibleUnits(of: t).allSatisfy(closed.contains) {
                modifyTask(key) { $0.status = .done; $0.progress = 100 }
            }
        case (.closure, .returned):
            modifyTask(key) { if $0.status != .behind { $0.status = .inProgress } }
        case (.extension, .approved):
            if let to = request.to { modifyTask(key) { $0.due = to } }
        default:
            break
        }
    }
}
