import PlanModel

/// The illustrative closure and extension record of the sample store, in
/// gansu-2014, all before the reporting round of `SampleSupervision`:
/// - a task extended before it fell due, then closed within the extension;
/// - a task behind schedule granted an extension into the next year (still open);
/// - a task whose closure was returned for more evidence and applied for again (awaiting review);
/// - a task whose closure request awaits review;
/// - a task behind schedule whose extension request awaits review.
/// The tasks are chosen by their state after `SampleProgress`, in document
/// order, so every run picks the same ones. Made up, like the progress.
enum SampleReviews {
    struct Step {
        var edit: Edit
        var task: String
        var time: String
        var user: String
    }

    static let plan = SampleSupervision.plan
    static let office = SampleSupervision.office

    static func at(_ day: Day, _ clock: String = "10:00") -> String { "\(day)T\(clock):00+08:00" }

    /// The task closed within an extension: the first the sample made done, with
    /// one responsible unit, due early enough for a 90-day extension to end
    /// before the evaluation date.
    static func closedWithinExtension(_ p: Plan) -> PlanTask? {
        guard p.id == plan else { return nil }
        let latest = SampleProgress.evaluationDate(for: p).adding(days: -81)
        return p.tasks.first { $0.status == .done && $0.due <= latest && p.responsibleUnits(of: $0).count == 1 }
    }

    /// The sample plan as stored before its journal: the task closed within its
    /// extension is still in progress, so that the closure the journal approves closes it.
    static func reopen(_ p: Plan) -> Plan {
        guard let t = closedWithinExtension(p) else { return p }
        var out = p
        out.modifyTask(t.key) { $0.status = .inProgress; $0.progress = 90 }
        return out
    }

    /// The edits in the order they happened, for the sample plan as `SampleProgress` left it.
    static func steps(for p: Plan) -> [Step] {
        guard p.id == plan else { return [] }
        let today = SampleProgress.evaluationDate(for: p)
        let open = p.tasks.filter { ($0.status == .inProgress || $0.status == .behind) && !p.responsibleUnits(of: $0).isEmpty }
        let current = open.filter { $0.due >= today }
        let single = current.filter { p.responsibleUnits(of: $0).count == 1 && $0.status == .inProgress && $0.progress >= 50 }
        var out: [Step] = []
        func unit(_ t: PlanTask) -> String { p.responsibleUnits(of: t)[0] }
        func request(_ t: PlanTask, _ r: ReviewRequest, by department: String? = nil) {
            var r = r
            r.department = department ?? unit(t)
            r.time = at(r.filedOn!)
            r.user = SampleProgress.account(for: r.department)
            out.append(Step(edit: .request(r), task: t.key, time: r.time, user: r.user))
        }
        func review(_ t: PlanTask, _ kind: RequestKind, _ outcome: ReviewOutcome, on day: Day, reason: String = "", by department: String? = nil) {
            let d = Review(kind: kind, department: department ?? unit(t), outcome: outcome, reason: reason,
                           time: at(day, "15:30"), user: office)
            out.append(Step(edit: .review(d), task: t.key, time: d.time, user: office))
        }
        // Extended by 90 days ten days before it fell due, closed ten days before the new date.
        if let t = closedWithinExtension(p) {
            let to = t.due.adding(days: 90)
            request(t, ReviewRequest(kind: .extension, text: "配套制度尚在会签，申请延期。", to: to, filedOn: t.due.adding(days: -10)))
            review(t, .extension, .approved, on: t.due.adding(days: -6))
            request(t, ReviewRequest(kind: .closure, text: SampleProgress.doneTexts[1], evidence: "\(unit(t))工作总结.docx",
                                     filedOn: to.adding(days: -14)))
            review(t, .closure, .approved, on: to.adding(days: -10))
        }
        // Returned for want of evidence, then applied for again.
        if let t = single.first {
            request(t, ReviewRequest(kind: .closure, text: "已完成主要工作任务。", filedOn: Day("2014-08-20")))
            review(t, .closure, .returned, on: Day("2014-08-26")!, reason: "未附验收材料，请补充后重新申请。")
            request(t, ReviewRequest(kind: .closure, text: "已完成全部工作任务，验收材料已补充。", evidence: "\(unit(t))验收报告.pdf",
                                     filedOn: Day("2014-09-10")))
        }
        if single.count > 1 {
            let t = single[1]
            request(t, ReviewRequest(kind: .closure, text: SampleProgress.doneTexts[1], evidence: "\(unit(t))工作总结.docx",
                                     filedOn: Day("2014-09-12")))
        }
        let behind = current.filter { $0.status == .behind && p.responsibleUnits(of: $0).count == 1 }
        if let t = behind.first {
            request(t, ReviewRequest(kind: .extension, text: "配套资金尚未落实，申请延期至明年6月底。", to: Day("2015-06-30"),
                                     filedOn: Day("2014-09-08")))
        }
        // Asked well before the due date and granted: the task runs on into next year.
        if behind.count > 1 {
            let t = behind[1]
            request(t, ReviewRequest(kind: .extension, text: "需待全省质量工作大会部署后完成，申请延期至明年3月底。",
                                     to: Day("2015-03-31"), filedOn: Day("2014-08-15")))
            review(t, .extension, .approved, on: Day("2014-08-20")!)
        }
        // In time order; a task's own steps keep theirs.
        return out.enumerated().sorted { ($0.element.time, $0.offset) < ($1.element.time, $1.offset) }.map(\.element)
    }
}
