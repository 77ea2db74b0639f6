import Foundation
import Testing
import PlanModel
import ScreenKit
import TextWidth
@testable import Dashboard

/// The office edits the plan from the dashboard (E): each edit committed
/// through the backend's one commit path, applied to what the dashboard
/// holds without reading the plan again, and each refused for a reporter or
/// a viewer by the store's rule.
@Suite struct PlanEditingTests {
    static let office = SessionInfo(user: "chief", role: .office, readOnly: false)
    static let reporter = SessionInfo(user: "wang", role: .reporter(departments: ["省质监局"]), readOnly: false)

    func make(_ session: SessionInfo = office, _ lang: Language = .zh) -> (DashboardApp, MemoryBackend) {
        let b = MemoryBackend([Sample.plan()], session: session)
        let a = DashboardApp(backend: b, language: lang, initialPlan: nil, ascii: false, now: TestClock().now)
        _ = a.render(width: 120, height: 40)
        return (a, b)
    }

    var plan: (MemoryBackend) -> Plan { { $0.plans["gansu-2014"]! } }

    @Test func theTitleIsEditedInPlace() throws {
        let (a, b) = make()
        let reads = b.wholeReads
        a.press(.char("E"))
        guard case .planEditMenu(let task, 0) = a.state.overlay else { Issue.record("no menu: \(String(describing: a.state.overlay))"); return }
        #expect(task == "1.1")
        a.press(.char("1"))
        guard case .entry(.title, "1.1", let ed, _, nil) = a.state.overlay else { Issue.record("no title field"); return }
        #expect(ed.text == "建立质量统计分析制度")
        a.press(.ctrl("u"))
        a.type("建立质量统计与分析制度")
        a.press(.enter)
        #expect(plan(b).task("1.1")?.title == "建立质量统计与分析制度")
        let e = try #require(b.journal.last)
        #expect(e.field == "title" && e.old == .string("建立质量统计分析制度") && e.new == .string("建立质量统计与分析制度") && e.user == "chief")
        // Applied to what the dashboard holds: no second read of the plan.
        #expect(a.state.plan?.task("1.1")?.title == "建立质量统计与分析制度" && b.wholeReads == reads)
        #expect(a.noticeText == "已保存：1.1 标题")
        // The same title again journals nothing.
        a.press(.char("E"), .char("1"), .enter)
        #expect(b.journal.count == 1 && a.state.overlay == nil)
        // An empty title is refused in the field.
        a.press(.char("E"), .char("1"), .ctrl("u"), .enter)
        guard case .entry(.title, _, _, _, let err) = a.state.overlay else { Issue.record("field closed"); return }
        #expect(err == "标题不能为空" && b.journal.count == 1)
    }

    @Test func theTextTakesAPastedParagraphWhole() throws {
        let (a, b) = make()
        a.press(.char("E"), .down, .enter)
        guard case .entry(.text, "1.1", let ed, _, _) = a.state.overlay else { Issue.record("no text field"); return }
        #expect(ed.text == Sample.plan().task("1.1")!.text)
        a.press(.ctrl("u"))
        _ = a.handle(.paste("建立质量统计分析制度。\n每季度发布全省质量状况分析报告。\n"))
        // A paste never commits: the field is still open.
        guard case .entry(.text, _, _, _, nil) = a.state.overlay else { Issue.record("paste closed the field"); return }
        a.press(.enter)
        #expect(plan(b).task("1.1")?.text == "建立质量统计分析制度。\n每季度发布全省质量状况分析报告。")
        #expect(b.journal.last?.field == "text" && a.state.plan?.task("1.1")?.text == plan(b).task("1.1")?.text)
    }

    @Test func reassignmentIsPickedFromThePlansDepartments() throws {
        let (a, b) = make()
        a.press(.char("E"), .char("3"))
        guard case .assignmentPicker(let p) = a.state.overlay else { Issue.record("no picker"); return }
        // The task's own first, then every other department of the plan, once each.
        #expect(Array(p.departments.prefix(2)) == ["省质监局", "省统计局"] && Array(p.roles.prefix(2)) == [.lead, .cooperate])
        #expect(Set(p.departments).count == p.departments.count && p.departments.contains("省食品药品监管局"))
        let i = try #require(p.departments.firstIndex(of: "省财政厅"))
        #expect(p.roles[i] == nil)
        // 省统计局 leaves (cooperate → joint → implement → none); 省财政厅 cooperates (none → lead → cooperate).
        a.press(.down, .char(" "), .char(" "), .char(" "))
        for _ in 1..<i { a.press(.down) }
        a.press(.right, .right, .left, .right)
        a.press(.enter)
        #expect(a.state.overlay == nil)
        #expect(plan(b).task("1.1")?.assignments == [Assignment(department: "省质监局", role: .lead), Assignment(department: "省财政厅", role: .cooperate)])
        #expect(b.journal.last?.field == "assignments")
        // The Departments pane follows: 省统计局 no longer has a task, 省财政厅 one more.
        #expect(a.state.data?.rollup.workload("省统计局") == nil)
        #expect(a.state.data?.rollup.workload("省财政厅")?.total == 3)
        // Every role off: refused in the picker, nothing written.
        // Now the task's own come first: 省质监局 (lead), 省财政厅 (cooperate).
        a.press(.char("E"), .char("3"), .char(" "), .char(" "), .char(" "), .char(" "))
        a.press(.down, .char(" "), .char(" "), .char(" "), .enter)
        guard case .assignmentPicker(let q) = a.state.overlay else { Issue.record("picker closed"); return }
        #expect(q.assignments.isEmpty && q.error == "至少需要一个部门:职责" && b.journal.count == 1)
    }

    @Test func reassignmentTypedNamesTheBadPartAndKeepsACollectiveBody() throws {
        let (a, b) = make()
        a.press(.char("E"), .char("3"), .char("e"))
        guard case .entry(.assignments, "1.1", let ed, _, _) = a.state.overlay else { Issue.record("no assignments field"); return }
        #expect(ed.text == "省质监局:牵头，省统计局:配合")
        a.press(.ctrl("u"))
        a.type("省质监局:牵头，省财政厅 协助")
        a.press(.enter)
        guard case .entry(.assignments, _, _, _, let err) = a.state.overlay else { Issue.record("field closed"); return }
        #expect(err == "“省财政厅 协助”应为 部门:职责（牵头、配合、共同、实施）" && b.journal.isEmpty)
        a.press(.ctrl("u"))
        a.type("省质监局:lead,省人社厅:配合")
        a.press(.enter)
        // A department the plan does not name is asked about once; Enter again adds it.
        guard case .entry(.assignments, _, _, _, let warning) = a.state.overlay else { Issue.record("field closed"); return }
        #expect(warning == "本计划中没有“省人社厅”；确认新增请再按 Enter" && b.journal.isEmpty)
        a.press(.enter)
        #expect(plan(b).task("1.1")?.assignments == [Assignment(department: "省质监局", role: .lead), Assignment(department: "省人社厅", role: .cooperate)])
        // A collective body keeps its mark, typed or picked.
        a.press(.char("G"), .char("E"), .char("3"), .char("e"))
        guard case .entry(.assignments, "3.2", let ed2, _, _) = a.state.overlay else { Issue.record("no field for 3.2"); return }
        #expect(ed2.text == "省质量发展领导小组各成员单位:共同")
        a.press(.end)
        a.type("，省财政厅:配合")
        a.press(.enter)
        #expect(plan(b).task("3.2")?.assignments == [Assignment(department: "省质量发展领导小组各成员单位", role: .joint, collective: true),
                                                   Assignment(department: "省财政厅", role: .cooperate)])
        a.press(.char("E"), .char("3"), .down, .char(" "), .char(" "), .char(" "), .enter)
        #expect(plan(b).task("3.2")?.assignments == [Assignment(department: "省质量发展领导小组各成员单位", role: .joint, collective: true)])
    }

    @Test func theMilestoneDueDateIsSet() throws {
        let (a, b) = make()
        a.press(.char("E"), .char("4"))
        guard case .entry(.due, "1.1", _, _, _) = a.state.overlay else { Issue.record("no due field"); return }
        a.press(.ctrl("u"))
        a.type("2014-09-30")
        a.press(.enter)
        #expect(plan(b).task("1.1")?.due == Day("2014-09-30") && b.journal.last?.field == "due")
        #expect(a.state.plan?.task("1.1")?.due == Day("2014-09-30"))
    }

    @Test func removingATaskAsksFirst() throws {
        let (a, b) = make()
        let reads = b.wholeReads
        a.press(.char("E"), .char("6"))
        guard case .confirmRemove("1.1", _) = a.state.overlay else { Issue.record("no question"); return }
        // Only y says yes: Enter and other keys leave the question open.
        a.press(.enter, .char("d"))
        guard case .confirmRemove = a.state.overlay else { Issue.record("question closed"); return }
        a.press(.escape)
        #expect(a.state.overlay == nil && b.journal.isEmpty && plan(b).task("1.1") != nil)
        a.press(.enter)  // the detail of 1.1
        a.press(.char("E"), .char("6"), .char("y"))
        #expect(plan(b).task("1.1") == nil)
        let e = try #require(b.journal.last)
        #expect(e.field == "task" && e.new.isNull && e.old["title"]?.string == "建立质量统计分析制度")
        // The detail of the removed task closes; the list no longer has it.
        #expect(!a.isShowingDetail && !a.visibleTaskKeys.contains("1.1") && a.visibleTaskKeys.count == 7)
        #expect(a.noticeText == "已删除任务 1.1" && b.wholeReads == reads)
    }

    @Test func aTaskIsAddedInTheSelectedSection() throws {
        let (a, b) = make()
        let reads = b.wholeReads
        a.press(.char("G"))  // 3.2, section 三
        a.press(.char("E"), .char("5"))
        guard case .entry(.newTaskKey(let place), _, let ed, _, _) = a.state.overlay else { Issue.record("no key field"); return }
        #expect(place == NewTaskPlace(section: 2, group: nil) && ed.text == "3.3")
        // A key the plan has is refused.
        a.press(.ctrl("u"))
        a.type("3.1")
        a.press(.enter)
        guard case .entry(.newTaskKey, _, _, _, let err) = a.state.overlay else { Issue.record("field closed"); return }
        #expect(err == "计划中已有任务 3.1")
        a.press(.ctrl("u"))
        a.type("3.3")
        a.press(.enter)
        a.type("建立质量工作考核机制")
        a.press(.enter)
        guard case .entry(.newTaskAssignments(_, "3.3", "建立质量工作考核机制"), _, _, _, _) = a.state.overlay else { Issue.record("no assignments"); return }
        a.type("省质监局:牵头，省人社厅:配合")
        a.press(.enter)
        #expect(plan(b).task("3.3") == nil)
        // A change to the line asks again.
        a.press(.backspace)
        a.type("合")
        a.press(.enter)
        #expect(plan(b).task("3.3") == nil)
        a.press(.enter)
        // Its due date, the plan's end unless changed; a date it is not is refused.
        guard case .entry(.newTaskDue(_, "3.3", _, let picked), _, let due, _, _) = a.state.overlay else { Issue.record("no due field"); return }
        #expect(due.text == "2015-12-31" && picked.count == 2 && plan(b).task("3.3") == nil)
        a.press(.ctrl("u"))
        a.type("2014-13-01")
        a.press(.enter)
        guard case .entry(.newTaskDue, _, _, _, let dueErr) = a.state.overlay else { Issue.record("field closed"); return }
        #expect(dueErr == "请输入有效日期，格式 YYYY-MM-DD")
        a.press(.ctrl("u"))
        a.type("2014-11-30")
        a.press(.enter)
        let t = try #require(plan(b).task("3.3"))
        #expect(t.section == 2 && t.group == nil && t.title == "建立质量工作考核机制" && t.due == Day("2014-11-30"))
        #expect(t.assignments == [Assignment(department: "省质监局", role: .lead), Assignment(department: "省人社厅", role: .cooperate)])
        #expect(b.journal.last?.field == "task" && b.journal.last?.old == .null)
        // Selected in the list, after 3.2, without reading the plan again.
        #expect(a.selectedTaskKey == "3.3" && a.visibleTaskKeys.last == "3.3" && b.wholeReads == reads)
        #expect(a.noticeText == "已新增任务 3.3")
    }

    @Test func aTaskIsAddedInTheGroupUnderTheSectionsCursor() throws {
        let (a, b) = make()
        // Sections pane: 一, 二, (一), (二): the group 工业产品质量.
        a.press(.char("1"), .down, .down, .down)
        a.press(.char("E"), .char("5"))
        guard case .entry(.newTaskKey(let place), _, let ed, _, _) = a.state.overlay else { Issue.record("no key field"); return }
        #expect(place == NewTaskPlace(section: 1, group: 1) && ed.text == "2.11")
        a.press(.enter)
        a.type("培育质量品牌")
        a.press(.enter, .enter, .enter)  // no assignments yet, due at the plan's end
        let t = try #require(plan(b).task("2.11"))
        #expect(t.section == 1 && t.group == 1 && t.assignments.isEmpty)
        // Added from a task's detail: the detail shows the new task.
        a.press(.char("2"), .enter, .char("E"), .char("5"), .enter)
        a.type("第二项新任务")
        a.press(.enter, .enter, .enter)
        #expect(plan(b).task("2.12") != nil && a.state.detail?.task == "2.12")
    }

    /// The reporter is refused before anything opens, in the session's
    /// language, naming the rule; so is a viewer.
    @Test(arguments: [Language.zh, .en])
    func aReporterAndAViewerAreRefused(_ lang: Language) throws {
        let (a, b) = make(Self.reporter, lang)
        a.press(.escape, .char("E"))
        #expect(a.state.overlay == nil && b.journal.isEmpty)
        let rule = PermissionRule.structureByOffice.named
        #expect(a.noticeText == (lang == .zh
            ? "不允许：wang 是省质监局的报送人员，只能修改本单位任务的状态、进度和备注（" + rule.zh + "）"
            : "refused: wang reports for 省质监局 and may change only status, progress and notes (" + rule.en + ")"))
        let (v, vb) = make(SessionInfo(user: "guest", role: .viewer, readOnly: true), lang)
        v.press(.char("E"))
        #expect(v.state.overlay == nil && vb.journal.isEmpty)
        let others = PermissionRule.othersRead.named
        #expect(v.noticeText == (lang == .zh
            ? "不允许：guest 在此存储中只读（不是办公室用户或报送单位用户）（" + others.zh + "）"
            : "refused: guest is read-only in this store (not an office user or a reporter) (" + others.en + ")"))
    }

    /// The store decides at commit: each edit, opened while the session was
    /// the office's, is refused once the store's rules say otherwise.
    @Test(arguments: PlanEditItem.allCases)
    func theStoreRefusesEachEditAtCommit(_ item: PlanEditItem) throws {
        let (a, b) = make()
        a.press(.char("E"), .char(Character(String(item.rawValue + 1))))
        b.session = Self.reporter
        switch item {
        case .title, .text: a.type("改")
        case .assignments: a.press(.char(" "))
        case .due: a.press(.ctrl("u")); a.type("2014-10-31")
        case .addTask: a.press(.enter); a.type("新任务"); a.press(.enter, .enter)
        case .removeTask: break
        }
        a.press(item == .removeTask ? .char("y") : .enter)
        #expect(b.journal.isEmpty && b.plans["gansu-2014"] == Sample.plan(), "\(item)")
        let rule = PermissionRule.structureByOffice.named.zh
        #expect(a.noticeText?.hasPrefix("不允许：") == true && a.noticeText?.hasSuffix("（" + rule + "）") == true, "\(item): \(a.noticeText ?? "")")
    }

    @Test func aTitleChangedMeanwhileIsAConflict() throws {
        let (a, b) = make()
        a.press(.char("E"), .char("1"), .end)
        a.type("（修订）")
        b.external(.setTitle("他人改过的标题"), plan: "gansu-2014", task: "1.1", user: "li", time: "2014-06-30T10:40:00+08:00")
        a.press(.enter)
        guard case .conflict(let c, .setTitle("建立质量统计分析制度（修订）")) = a.state.overlay else {
            Issue.record("no conflict: \(String(describing: a.state.overlay))"); return
        }
        #expect(c.field == "title" && c.current == .string("他人改过的标题") && c.expected == .string("建立质量统计分析制度"))
        a.press(.char("o"))
        #expect(plan(b).task("1.1")?.title == "建立质量统计分析制度（修订）")
    }

    @Test func theKeyIsInTheOfficesFooterOnly() {
        let (a, _) = make()
        a.press(.enter)
        #expect(a.render(width: 120, height: 40).rowText(39).contains("E 编辑任务（办公室）"))
        let (r, _) = make(Self.reporter)
        r.press(.enter)
        #expect(r.isShowingDetail && !r.render(width: 120, height: 40).rowText(39).contains("编辑任务"))
    }

    @Test func wrappedViewKeepsWideGlyphsWholeAndTheCursorInView() {
        var e = LineEditor("ab一二三")
        var v = e.wrappedView(width: 5, height: 3)
        #expect(v.lines == ["ab一", "二三"] && v.cursorLine == 1 && v.cursorColumn == 4)
        e = LineEditor("一二三")
        v = e.wrappedView(width: 6, height: 3)
        #expect(v.lines == ["一二三", ""] && v.cursorLine == 1 && v.cursorColumn == 0)
        e = LineEditor("甲\n乙")
        e.moveHome(); e.moveRight()
        v = e.wrappedView(width: 10, height: 3)
        #expect(v.lines == ["甲", "乙"] && v.cursorLine == 0 && v.cursorColumn == 2)
        e = LineEditor(String(repeating: "质", count: 20))
        v = e.wrappedView(width: 8, height: 2)
        #expect(v.lines == ["质质质质", ""] && v.cursorLine == 1 && v.cursorColumn == 0)
        e.moveHome()
        v = e.wrappedView(width: 8, height: 2)
        #expect(v.lines == ["质质质质", "质质质质"] && v.cursorLine == 0 && v.cursorColumn == 0)
    }

    /// Another office session's structure changes arrive as a journal tail,
    /// applied to what this one holds.
    @Test func anotherSessionsStructureChangesApplyInPlace() throws {
        let (a, b) = make()
        let reads = b.wholeReads
        let p = plan(b)
        b.external(.addTask(p.newTask(key: "3.3", section: 2, title: "新增督办事项")), plan: "gansu-2014", task: "3.3",
                   user: "li", time: "2014-06-30T10:40:00+08:00")
        b.external(.setTitle("健全质量统计分析制度"), plan: "gansu-2014", task: "1.1", user: "li", time: "2014-06-30T10:41:00+08:00")
        b.external(.removeTask, plan: "gansu-2014", task: "2.2", user: "li", time: "2014-06-30T10:42:00+08:00")
        _ = a.handle(.tick)
        #expect(a.visibleTaskKeys == ["1.1", "1.2", "2.1", "2.3", "2.10", "3.1", "3.2", "3.3"])
        #expect(a.state.plan?.task("1.1")?.title == "健全质量统计分析制度" && b.wholeReads == reads)
        #expect(a.render(width: 120, height: 40).row(containing: "新增督办事项") != nil)
    }

    @Test func undoRestoresAnEditedTitle() throws {
        let (a, b) = make()
        a.press(.char("E"), .char("1"), .end)
        a.type("（修订）")
        a.press(.enter, .char("u"))
        #expect(plan(b).task("1.1")?.title == "建立质量统计分析制度" && a.state.plan?.task("1.1")?.title == "建立质量统计分析制度")
    }
}

/// The editors drawn headless at both sizes in both languages, CJK titles whole.
@Suite struct PlanEditingRenderTests {
    static let sizes = [(80, 24), (120, 40)]

    func make(_ lang: Language, _ w: Int, _ h: Int) -> DashboardApp {
        let b = MemoryBackend([Sample.plan()], session: PlanEditingTests.office)
        let a = DashboardApp(backend: b, language: lang, initialPlan: nil, ascii: false, now: TestClock().now)
        _ = a.render(width: w, height: h)
        return a
    }

    @Test(arguments: [Language.zh, .en])
    func theMenuAndTheFields(_ lang: Language) throws {
        let zh = lang == .zh
        for (w, h) in Self.sizes {
            let a = make(lang, w, h)
            a.press(.enter)
            var f = a.render(width: w, height: h)
            // The key is in the detail's footer.
            #expect(f.rowText(h - 1).contains(zh ? "E 编辑任务（办公室）" : "E edit task (office)"), "\(w)×\(h): \(f.rowText(h - 1))")
            a.press(.char("E"))
            f = a.render(width: w, height: h)
            #expect(f.rowsHaveExactWidth() && f.wideGlyphsWhole(), "\(w)×\(h)")
            #expect(f.row(containing: zh ? "编辑任务（办公室） · 1.1" : "Edit task (office) · 1.1") != nil)
            let first = try #require(f.row(containing: zh ? "1 修改标题" : "1 Edit title"), "\(w)×\(h)")
            #expect(f.rowText(first + 5).contains(zh ? "6 删除任务" : "6 Remove task"))
            let col = try #require(f.column(of: zh ? "1 修改标题" : "1 Edit title", row: first))
            #expect(f[first, col].style == .selected)
            a.press(.char("1"))
            f = a.render(width: w, height: h)
            #expect(f.rowsHaveExactWidth() && f.wideGlyphsWhole(), "\(w)×\(h)")
            let field = try #require(f.row(containing: zh ? "标题 · 1.1" : "Title · 1.1"))
            #expect(f.rowText(field + 1).contains("建立质量统计分析制度"))
            #expect(f.rowText(h - 1).hasPrefix(zh ? " Esc 取消  Enter 确定" : " Esc cancel  Enter submit"))
            a.press(.escape, .char("E"), .char("3"))
            f = a.render(width: w, height: h)
            #expect(f.rowsHaveExactWidth() && f.wideGlyphsWhole(), "\(w)×\(h)")
            let picker = try #require(f.row(containing: (zh ? "责任分工" : "Assignments") + " · 1.1"), "\(w)×\(h)")
            #expect(f.rowText(picker + 1).contains("▶ 省质监局") && f.rowText(picker + 1).contains(zh ? "牵头" : "lead"), "\(f.rowText(picker + 1))")
            #expect(f.rowText(picker + 2).contains("▶ 省统计局") && f.rowText(picker + 2).contains(zh ? "配合" : "cooperate"))
            let pickCol = try #require(f.column(of: "省质监局", row: picker + 1))
            #expect(f[picker + 1, pickCol].style == .selected)
            #expect(f.row(containing: zh ? "已选 2 个单位 · e 手工输入" : "2 picked · e to type them") != nil)
            #expect(f.rowText(h - 1).contains(zh ? "Space 换职责" : "Space next role") && f.rowText(h - 1).contains(zh ? "e 手工输入" : "e type them"))
            a.press(.down, .char(" "))
            f = a.render(width: w, height: h)
            #expect(f.rowText(picker + 2).contains(zh ? "按职责分工负责" : "jointly responsible"), "\(f.rowText(picker + 2))")
            a.press(.char("e"), .end)
            a.type("，省财政厅")
            a.press(.enter)
            f = a.render(width: w, height: h)
            #expect(f.rowsHaveExactWidth() && f.wideGlyphsWhole(), "\(w)×\(h)")
            let assign = try #require(f.row(containing: zh ? "责任分工（部门:职责，…） · 1.1" : "Assignments (DEPT:ROLE, …) · 1.1"), "\(w)×\(h)")
            #expect(f.rowText(assign + 1).contains("省财政厅"))
            #expect(f.rowText(assign + 3).contains(zh ? "“省财政厅”应为 部门:职责" : "\"省财政厅\" is not DEPT:ROLE"), "\(f.rowText(assign + 3))")
            #expect(f[assign + 3, f.column(of: "省财政厅", row: assign + 3)!].style == .error)
        }
    }

    @Test(arguments: [Language.zh, .en])
    func theRemovalQuestionAndTheNewTaskKey(_ lang: Language) throws {
        let zh = lang == .zh
        for (w, h) in Self.sizes {
            let a = make(lang, w, h)
            a.press(.char("E"), .char("6"))
            var f = a.render(width: w, height: h)
            #expect(f.rowsHaveExactWidth() && f.wideGlyphsWhole(), "\(w)×\(h)")
            #expect(f.row(containing: zh ? "删除任务 1.1" : "Remove task 1.1") != nil)
            #expect(f.text.contains(zh ? "“建立质量统计分析制度”" : "\"建立质量统计分析制度\""), "\(w)×\(h)")
            #expect(f.row(containing: zh ? "y 删除（不可撤销）   Esc 取消" : "y remove (cannot be undone)   Esc cancel") != nil)
            #expect(f.rowText(h - 1).hasPrefix(zh ? " y 删除任务  Esc 取消" : " y remove the task  Esc cancel"), "\(f.rowText(h - 1))")
            a.press(.escape, .char("G"), .char("E"), .char("5"))
            f = a.render(width: w, height: h)
            #expect(f.rowsHaveExactWidth() && f.wideGlyphsWhole(), "\(w)×\(h)")
            let field = try #require(f.row(containing: (zh ? "新任务编号" : "New task key") + " · 三、完善保障措施"), "\(w)×\(h)")
            #expect(f.rowText(field + 1).contains("3.3"))
            a.press(.enter)
            a.type("建立质量工作考核机制")
            a.press(.enter)
            f = a.render(width: w, height: h)
            let next = try #require(f.row(containing: zh ? "新任务责任分工" : "New task assignments"), "\(w)×\(h)")
            #expect(f.rowText(next + 3).contains(zh ? "职责：牵头、配合、共同、实施" : "roles: lead, cooperate, joint, implement"))
            #expect(f.rowsHaveExactWidth() && f.wideGlyphsWhole())
            a.press(.enter)
            f = a.render(width: w, height: h)
            let dueRow = try #require(f.row(containing: (zh ? "新任务截止日期（YYYY-MM-DD）" : "New task due date (YYYY-MM-DD)") + " · 3.3"), "\(w)×\(h)")
            #expect(f.rowText(dueRow + 1).contains("2015-12-31"))
        }
    }

    /// The task's text is edited as a wrapped paragraph, the cursor where typing goes.
    @Test(arguments: [Language.zh, .en])
    func theTextFieldShowsAParagraph(_ lang: Language) throws {
        for (w, h) in Self.sizes {
            let a = make(lang, w, h)
            a.press(.char("E"), .char("2"), .ctrl("u"))
            _ = a.handle(.paste("建立质量统计分析制度。\n" + String(repeating: "定期发布全省质量状况分析报告，", count: 8) + "为政府决策提供依据。"))
            let f = a.render(width: w, height: h)
            #expect(f.rowsHaveExactWidth() && f.wideGlyphsWhole(), "\(w)×\(h)")
            let box = try #require(f.row(containing: (lang == .zh ? "正文" : "Text") + " · 1.1"), "\(w)×\(h)")
            let c = try #require(f.cursor)
            // The last line holds the cursor, after the text's end; the lines above it continue the text.
            #expect(f.rowText(c.row).contains("为政府决策提供依据。"), "\(f.rowText(c.row))")
            #expect(c.row > box + 2 && f.rowText(c.row - 1).contains("定期发布"))
            let end = try #require(f.column(of: "为政府决策提供依据。", row: c.row))
            #expect(c.col == end + "为政府决策提供依据。".displayWidth)
            a.press(.home)
            let top = a.render(width: w, height: h)
            #expect(top.rowText(box + 1).contains("建立质量统计分析制度。") && top.cursor?.row == box + 1)
        }
    }

    @Test func theHelpListsThePlanEditingKey() {
        for lang in [Language.zh, .en] {
            let a = make(lang, 80, 24)
            a.press(.char("?"))
            var seen = ""
            for _ in 0..<40 { seen += a.render(width: 80, height: 24).text; a.press(.pageDown) }
            #expect(seen.contains(lang == .zh ? "E              编辑任务（办公室） *" : "E              edit task (office) *"))
        }
    }
}

/// A reporting unit's session opens on its tasks; the office's and a viewer's on the whole plan.
@Suite struct StartScreenTests {
    @Test(arguments: [Language.zh, .en])
    func aReporterStartsOnItsTasks(_ lang: Language) throws {
        let zh = lang == .zh
        for (w, h) in PlanEditingRenderTests.sizes {
            let b = MemoryBackend([try InboxViewTests.plan()], session: PlanEditingTests.reporter, today: Day("2014-10-01")!)
            let a = DashboardApp(backend: b, language: lang, initialPlan: nil, ascii: false)
            var f = a.render(width: w, height: h)
            #expect(a.state.context == .myTasks)
            #expect(f.rowsHaveExactWidth() && f.wideGlyphsWhole(), "\(w)×\(h)")
            #expect(f.rowText(2).contains(zh ? "我的任务 · 省质监局（3）" : "My tasks · 省质监局 (3)"), "\(f.rowText(2))")
            let r12 = try #require(f.row(containing: "1.2 "), "\(w)×\(h)")
            #expect(f.rowText(r12).contains(zh ? "已退回" : "returned") && f.rowText(r12).contains(zh ? "已超期" : "overdue"))
            // The footer names the way to the whole plan.
            #expect(f.rowText(h - 1).contains(zh ? "Esc 全部任务" : "Esc whole plan"), "\(f.rowText(h - 1))")
            #expect(f.rowText(h - 1).contains(zh ? "a 申请办结" : "a apply for closure"))
            a.press(.escape)
            f = a.render(width: w, height: h)
            #expect(a.state.context == .main && f.row(containing: zh ? "任务 8/8" : "Tasks 8/8") != nil, "\(w)×\(h)")
            a.press(.char("M"))
            #expect(a.state.context == .myTasks)
            // A task's detail opened from here returns here, on the same row, its history read.
            a.press(.down)
            var st = a.state
            #expect(st.perform(.activate, now: Date()) == [.loadHistory(plan: "gansu-2014", task: "1.2")])
            a.press(.enter)
            #expect(a.isShowingDetail && a.state.detail?.task == "1.2")
            a.press(.escape)
            #expect(a.state.context == .myTasks && a.state.screen?.list.cursor == 1)
        }
    }

    @Test func theOfficeAndAViewerStartOnTheWholePlan() {
        for session in [PlanEditingTests.office, SessionInfo(user: "guest", role: .viewer, readOnly: true)] {
            let a = DashboardApp(backend: MemoryBackend([Sample.plan()], session: session), language: .zh, initialPlan: nil, ascii: false)
            #expect(a.state.context == .main && a.state.screen == nil, "\(session.role)")
        }
    }

    @Test func switchingPlansDoesNotReturnToMyTasks() {
        let b = MemoryBackend([Sample.plan(), Sample.second()], session: PlanEditingTests.reporter)
        let a = DashboardApp(backend: b, language: .zh, initialPlan: nil, ascii: false)
        a.press(.escape, .char("p"), .down, .enter)
        #expect(a.planID == "gansu-2015" && a.state.context == .main)
    }

    @Test func theKioskIsUnaffected() {
        let b = MemoryBackend([Sample.plan()], session: PlanEditingTests.reporter)
        let k = KioskApp(backend: b, language: .zh, interval: 15, exitKey: nil, ascii: false, now: TestClock().now)
        let f = k.render(width: 120, height: 40)
        #expect(f.row(containing: "我的任务") == nil && f.rowsHaveExactWidth())
    }
}
