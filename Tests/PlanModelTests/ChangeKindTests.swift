import Testing
@testable import PlanModel

/// The table of journaled changes: every kind encodes, decodes, labels and
/// undoes through its row.
@Suite struct ChangeKindTests {
    /// Edits of each kind, valid on `plan()`. A switch, so a new kind does not
    /// compile until it has samples here.
    static func samples(_ kind: ChangeKind) -> [Edit] {
        switch kind {
        case .status: return TaskStatus.allCases.map { .setStatus($0) }
        case .progress: return [.setProgress(0), .setProgress(55), .setProgress(100)]
        case .due: return [.setDue(Day("2015-03-31")!)]
        case .note:
            return [.addNote(Note(time: "2014-06-30T10:32:05+08:00", user: "zhang", text: "已完成初稿，\"引号\"与换行\n")),
                    .addNote(Note(time: "2014-07-01T09:00:00+08:00", user: "li", department: "省质监局", text: "进展顺利"))]
        case .title: return [.setTitle("新的标题 New title")]
        case .text: return [.setText(""), .setText("正文。Body text.")]
        case .assignments:
            return [.setAssignments([]),
                    .setAssignments([Assignment(department: "省质监局", role: .lead),
                                     Assignment(department: "各成员单位", role: .joint, collective: true)])]
        case .task:
            return [.removeTask,
                    .addTask(PlanTask(key: "2.9", number: "九", section: 1, title: "新增任务", text: "新增任务。",
                                      assignments: [Assignment(department: "省工信委", role: .cooperate)],
                                      due: Day("2014-12-31")!, status: .inProgress, progress: 5)),
                    .addTask(PlanTask(key: "1.9", number: "九", section: 0, group: 0, title: "分组任务", text: "",
                                      assignments: [], due: Day("2014-11-30")!))]
        case .indicator: return [.setIndicatorActual(id: "goal.1", value: 97.5), .setIndicatorActual(id: "goal.1", value: nil)]
        case .planImport: return []  // written by the store's import, never as an edit
        case .feedback:
            return [.addFeedback(UnitFeedback(task: "", time: "2014-09-30T10:00:00+08:00", user: "li", department: "省发展改革委",
                                          text: "已完成调研，\"引号\"\n第二行", progress: 60, evidence: "调研报告.pdf", onBehalf: true)),
                    .addFeedback(UnitFeedback(task: "", time: "2014-10-02T09:00:00+08:00", user: "wang", department: "省工信委",
                                          text: "配合推进"))]
        case .round:
            return [.setRound(Round(name: "2014年三季度", opened: Day("2014-09-20")!, coversTo: Day("2014-09-30")!,
                                    due: Day("2014-10-10")!, sections: [0], tasks: ["2.4"], openedAt: "2014-09-20T09:00:00+08:00"))]
        case .chase:
            return [.addChase(Chase(department: "省工信委", time: "2014-10-12T09:00:00+08:00", user: "chief",
                                    date: Day("2014-10-12")!, reply: Day("2014-10-17")!,
                                    items: [ChaseItem(task: "2.3", owed: [.dueSoon, .feedback], step: 2)]))]
        case .request:
            return [.request(ReviewRequest(kind: .closure, department: "省质监局", text: "已完成，\"见报告\"\n第二行",
                                           evidence: "办结报告.docx", filedOn: Day("2014-06-20")!,
                                           time: "2014-06-20T09:00:00+08:00", user: "wang")),
                    .request(ReviewRequest(kind: .extension, department: "省质监局", text: "待省政府审定", to: Day("2014-09-30")!,
                                           from: Day("2014-06-30")!, filedOn: Day("2014-06-20")!,
                                           time: "2014-06-20T09:00:00+08:00", user: "chief", onBehalf: true))]
        case .withdrawal:
            // `plan()` holds one note on 1.1.
            return [.withdraw(Withdrawal(kind: "note", index: 0, time: "2014-06-26T09:00:00+08:00", user: "li"))]
        case .correction:
            return [.withdraw(Withdrawal(kind: "note", index: 0, time: "2014-06-26T09:00:00+08:00", user: "chief", text: "已部署（更正）"))]
        case .review:
            // `plan()` holds a pending extension request by 省发展改革委 on 1.1.
            return [.review(Review(kind: .extension, department: "省发展改革委", outcome: .approved,
                                   time: "2014-06-25T09:00:00+08:00", user: "chief")),
                    .review(Review(kind: .extension, department: "省发展改革委", outcome: .rejected, reason: "理由不充分",
                                   time: "2014-06-25T09:00:00+08:00", user: "chief"))]
        }
    }

    static var allSamples: [Edit] { ChangeKind.allCases.flatMap(samples) }

    static func plan() -> Plan {
        var p = samplePlan()
        p.indicators = [Indicator(id: "goal.1", name: "合格率", target: 98, unit: "%", source: "合格率达到98%以上", actual: 96)]
        p.reviews = Reviews(requests: [ReviewRequest(kind: .extension, task: "1.1", department: "省发展改革委", text: "需协调",
                                                     to: Day("2014-08-31")!, from: Day("2014-06-30")!, time: "t", user: "li")])
        _ = p.modifyTask("1.1") { $0.notes.append(Note(time: "2014-06-01T09:00:00+08:00", user: "li", text: "已部署")) }
        return p
    }

    /// The task an edit applies to in `plan()`.
    static func task(of edit: Edit) -> String {
        switch edit {
        case .addTask(let t): return t.key
        case .setIndicatorActual, .setRound, .addChase: return ""
        default: return "1.1"
        }
    }

    @Test func everyEditRoundTripsThroughItsJournalForm() throws {
        for kind in ChangeKind.allCases where kind != .planImport {
            #expect(!Self.samples(kind).isEmpty, "no sample edit of \(kind)")
        }
        for edit in Self.allSamples {
            let field = try ChangeField(journal: edit.field)
            #expect(field == edit.changeField)
            #expect(field.kind == edit.kind)
            // Through the JSON text, as the journal stores it.
            let value = try JSONParser.parse(Array(JSONWriter.compact(edit.newValue).utf8))
            #expect(try field.edit(value) == edit, "\(edit.field): \(value.brief)")
            let entry = JournalEntry(seq: 1, time: "t", user: "u", plan: "test-2014", task: Self.task(of: edit),
                                     field: edit.field, old: .null, new: value)
            #expect(try entry.edit() == edit)
        }
    }

    @Test func aNewTaskIsJournaledWithWhereItSits() throws {
        for case .addTask(let t) in Self.samples(.task) {
            let v = Edit.addTask(t).newValue
            #expect(v["section"] == .int(t.section))
            #expect(v["group"] == (t.group.map { .int($0) } ?? .null))
            #expect(v["key"] == .string(t.key))
        }
    }

    @Test func importsReplayNoEdit() throws {
        let e = JournalEntry(seq: 1, time: "t", user: "u", plan: "p", task: "", field: ChangeKind.planImport.journalName,
                             old: .null, new: samplePlan().json)
        #expect(try e.changeField().kind == .planImport)
        #expect(try e.edit() == nil)
        #expect(e.summary == "import")
    }

    /// How `duban log` and `duban update` show a change in one line.
    @Test func changesReadInOneLine() {
        func entry(_ field: String, _ old: JSON, _ new: JSON) -> JournalEntry {
            JournalEntry(seq: 1, time: "t", user: "u", plan: "p", task: "1.1", field: field, old: old, new: new)
        }
        let note = Note(time: "t", user: "u", text: "已召开\n推进会")
        #expect(entry("progress", .int(40), .int(60)).summary == "40 → 60")
        #expect(entry("note", .int(2), note.json).summary == "+ \"已召开\\n推进会\"")
        #expect(entry("note", .int(2), note.json).newBrief == "\"已召开\\n推进会\"")
        #expect(entry("status", .string("behind"), .string("done")).newBrief == "\"done\"")
        #expect(entry("plan", .string("旧计划 (3 tasks)"), .null).summary == "import (replaced \"旧计划 (3 tasks)\")")
        #expect(entry("colour", .int(1), .int(2)).summary == "1 → 2")
    }

    @Test func namesAreDistinctAndLabelsPresent() {
        let names = ChangeKind.allCases.map(\.journalName)
        #expect(Set(names).count == names.count, "\(names)")
        for kind in ChangeKind.allCases {
            #expect(!kind.journalName.isEmpty && !kind.journalName.contains(":"), "\(kind)")
            #expect(ChangeKind.named(kind.journalName) == kind)
            #expect(!kind.label.zh.isEmpty && !kind.label.en.isEmpty, "\(kind)")
        }
        #expect(Set(ChangeKind.allCases.map(\.label.zh)).count == ChangeKind.allCases.count)
        #expect(Set(ChangeKind.allCases.map(\.label.en)).count == ChangeKind.allCases.count)
    }

    @Test func keyedFieldsKeepTheirKey() throws {
        let f = try ChangeField(journal: "indicator:4.2.1")
        #expect(f.kind == .indicator && f.key == "4.2.1" && f.journalName == "indicator:4.2.1")
        #expect(f.label == Bilingual(zh: "指标 4.2.1", en: "indicator 4.2.1"))
        // Only the first colon separates: an id may hold one.
        #expect(try ChangeField(journal: "indicator:a:b").key == "a:b")
    }

    @Test(arguments: ["colour", "", "Status", "status:1", "indicator", "plan:x", "note "])
    func anUnknownFieldIsAnErrorNamingIt(_ name: String) {
        #expect(throws: PlanFormatError(path: "field", message: "unknown field \"\(name)\"")) {
            try ChangeField(journal: name)
        }
        let e = JournalEntry(seq: 3, time: "t", user: "u", plan: "p", task: "1.1", field: name, old: .null, new: .int(1))
        #expect(throws: PlanFormatError(path: "field", message: "unknown field \"\(name)\"")) { try e.edit() }
    }

    @Test func aValueOfTheWrongShapeNamesTheField() {
        #expect(throws: PlanFormatError(path: "new", message: "an integer expected for field progress, got \"x\"")) {
            try ChangeField(.progress).edit(.string("x"))
        }
        #expect(throws: PlanFormatError(path: "new", message: "a number expected for field indicator:goal.1, got true")) {
            try ChangeField(.indicator, key: "goal.1").edit(.bool(true))
        }
        #expect(throws: PlanFormatError.self) { try ChangeField(.task).edit(.object([("key", .string("1.1"))])) }
    }

    /// What a commit records as `old` for the next change is what this one wrote as `new`.
    @Test func theCurrentValueIsWhatTheEditWrote() throws {
        for edit in Self.allSamples where edit.kind.scope == .taskField || edit.kind.scope == .planField {
            var p = Self.plan()
            try p.apply(edit, task: Self.task(of: edit))
            #expect(p.currentValue(of: edit, task: Self.task(of: edit)) == edit.newValue, "\(edit.field)")
        }
    }

    @Test func undoableKindsRestoreTheOldValue() throws {
        for edit in Self.allSamples {
            let key = Self.task(of: edit)
            var p = Self.plan()
            let old = p.currentValue(of: edit, task: key)
            try p.apply(edit, task: key)
            let entry = JournalEntry(seq: 1, time: "t", user: "u", plan: p.id, task: key, field: edit.field,
                                     old: old, new: edit.newValue)
            switch edit.kind.undo {
            case .never:
                #expect(try entry.inverse() == nil, "\(edit.field)")
            case .restoreOld:
                let inverse = try #require(try entry.inverse(), "\(edit.field)")
                #expect(inverse.changeField == edit.changeField)
                try p.apply(inverse, task: key)
                #expect(p.currentValue(of: edit, task: key) == old, "\(edit.field)")
            case .withdraw:
                // The record stays, marked withdrawn; the withdrawal is refused twice.
                let inverse = try #require(try entry.inverse(), "\(edit.field)")
                try p.apply(inverse, task: key)
                #expect(p.isWithdrawn(edit.kind, task: key, index: try #require(old.int)), "\(edit.field)")
                #expect(p.currentValue(of: edit, task: key) == edit.kind.descriptor.current(p, key, ""))
                #expect(throws: EditError.self) { try p.apply(inverse, task: key) }
            case .reopen:
                // A decision recorded without the task's earlier state is not reopened.
                let inverse = try #require(try entry.inverse(in: p), "\(edit.field)")
                #expect(throws: EditError.self) { try p.apply(inverse, task: key) }
                // Stamped as a commit stamps it, it is: the request waits again, the task as it was.
                var q = Self.plan()
                let before = try #require(q.task(key))
                let stamped = ChangeCommit(user: "chief", role: .office).stamp(edit, time: "2014-06-25T09:00:00+08:00", plan: q, task: key)
                try q.apply(stamped, task: key)
                try q.apply(try #require(try entry.inverse(in: q)), task: key)
                #expect(q.reviews.pending.count == 1 && q.task(key) == before, "\(edit.newValue.brief)")
            }
        }
    }

    @Test func scopesAndPermissionsAsTheAccessRulesRead() {
        for kind in ChangeKind.allCases {
            // Only changes to a task's progress may come from a reporting unit.
            if kind.permission.reporterMay { #expect(kind.scope.needsExistingTask, "\(kind)") }
            #expect(kind.scope.hasTask == !(kind == .indicator || kind == .planImport || kind == .round || kind == .chase), "\(kind)")
        }
        let reporterMay = ChangeKind.allCases.filter(\.permission.reporterMay)
        #expect(reporterMay == [.status, .progress, .note, .feedback, .request, .withdrawal])
    }
}
