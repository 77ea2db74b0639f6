/// What undoing a decision, a round or a chase checks: each is refused, in
/// both languages, when what it would put back is no longer what it left.
extension Plan {
    /// Takes back the decision on the task's `index`th request: the request
    /// is pending again and the task has the status, progress and due date
    /// it had when decided.
    mutating func reopen(task key: String, request index: Int) throws(EditError) {
        let r = reviews.requests(task: key)[index]
        guard let d = r.decision else {
            throw EditError(en: "request #\(index + 1) of task \(key) has no decision to undo",
                            zh: "任务 \(key) 的第 \(index + 1) 条申请尚未审核，没有可撤销的审核")
        }
        let what = ReviewWords(Vocabulary(.en)).kind(r.kind), whatZh = ReviewWords(Vocabulary(.zh)).kind(r.kind)
        guard !reviews.requests(task: key)[(index + 1)...].contains(where: { $0.kind == r.kind && $0.department == r.department }) else {
            throw EditError(en: "\(r.department) has filed another \(what) on task \(key) since this review; the review is no longer undone",
                            zh: "此次审核后\(r.department)已就任务 \(key) 再次提交\(whatZh)，不能再撤销此次审核")
        }
        guard let before = d.before, let t = task(key) else {
            throw EditError(en: "the review of \(r.department)'s \(what) on task \(key) was recorded without the task's earlier state and cannot be undone",
                            zh: "\(r.department)\(whatZh)（任务 \(key)）的审核记录未保存任务原状态，不能撤销")
        }
        let now = TaskStanding(t)
        guard now == before || now == Self.standing(after: d, of: r, from: before) else {
            throw EditError(en: "task \(key) has changed since the review (now \(now.status.rawValue), \(now.progress)%, due \(now.due)); undo the later changes first or change the task directly",
                            zh: "审核后任务 \(key) 已有改动（现为 \(Vocabulary(.zh).status(now.status))、\(now.progress)%、截止 \(now.due)）；请先撤销其后的修改，或直接修改任务")
        }
        modifyTask(key) {
            $0.status = before.status
            $0.progress = before.progress
            $0.due = before.due
        }
    }

    /// What a decision made of the task (an approved closure: as if it closed it).
    static func standing(after d: Review, of r: ReviewRequest, from b: TaskStanding) -> TaskStanding {
        var s = b
        switch (d.kind, d.outcome) {
        case (.closure, .approved): s.status = .done; s.progress = 100
        case (.closure, .returned): if s.status != .behind { s.status = .inProgress }
        case (.extension, .approved): if let to = r.to { s.due = to }
        default: break
        }
        return s
    }

    /// Puts a round back as it was: nil withdraws it (undoing its opening), an
    /// open round reopens it (undoing its closing).
    mutating func restoreRound(_ name: String, to r: Round?) throws(EditError) {
        guard let r else {
            guard supervision.round(named: name) != nil else {
                throw EditError(en: "no round \(name) in \(id)", zh: "\(id) 中没有报送轮次“\(name)”")
            }
            supervision.rounds.removeAll { $0.name == name }
            return
        }
        guard r.name == name else { throw EditError(en: "round \(r.name) is not \(name)", zh: "报送轮次“\(r.name)”不是“\(name)”") }
        supervision.setRound(r)
    }

    /// Withdraws the department's latest chase, which leaves it `count`;
    /// refused when another was sent after it.
    mutating func withdrawChase(_ department: String, count: Int) throws(EditError) {
        let name = self.department(named: department)?.name ?? department
        let sent = chaseCount(department: name)
        guard sent > 0 else { throw EditError(en: "no chase was sent to \(name)", zh: "未曾向\(name)发出催办") }
        guard sent == count + 1 else {
            throw EditError(en: "\(name) has been chased \(sent) times, not \(count + 1): a later chase was sent since; withdraw that one first",
                            zh: "已向\(name)催办 \(sent) 次，不是 \(count + 1) 次：此后又有催办，请先撤回后一次")
        }
        if let i = supervision.chases.lastIndex(where: { $0.department == name }) { supervision.chases.remove(at: i) }
    }
}
