import Foundation
import ScreenKit
import Testing
import PlanModel
@testable import Dashboard

@Suite struct ReducerTests {
    func make(_ session: SessionInfo = SessionInfo(user: "zhang", role: .office, readOnly: false),
              lang: Language = .zh, clock: TestClock = TestClock()) -> (DashboardApp, MemoryBackend) {
        let b = MemoryBackend([Sample.plan(), Sample.second()], session: session)
        let a = DashboardApp(backend: b, language: lang, initialPlan: nil, ascii: false, now: clock.now)
        _ = a.render(width: 120, height: 40)
        return (a, b)
    }

    @Test func navigation() {
        let (a, _) = make()
        #expect(a.planID == "gansu-2014" && a.selectedTaskKey == "1.1" && a.focusedPane == .tasks)
        a.press(.down, .char("j"))
        #expect(a.selectedTaskKey == "2.1")
        a.press(.char("k"))
        #expect(a.selectedTaskKey == "1.2")
        a.press(.char("G"))
        #expect(a.selectedTaskKey == "3.2")
        a.press(.char("g"))
        #expect(a.selectedTaskKey == "1.1")
        a.press(.pageDown)
        #expect(a.selectedTaskKey == "3.2")
        a.press(.up, .pageUp)
        #expect(a.selectedTaskKey == "1.1")
        a.press(.tab)
        #expect(a.focusedPane == .departments)
        a.press(.tab, .tab)
        #expect(a.focusedPane == .sections)
        a.press(.backTab)
        #expect(a.focusedPane == .completion)
        a.press(.char("l"))
        #expect(a.focusedPane == .sections)
        a.press(.char("h"))
        #expect(a.focusedPane == .completion)
        for (k, p) in [("1", Pane.sections), ("2", .tasks), ("3", .departments), ("4", .completion)] {
            a.press(.char(Character(k)))
            #expect(a.focusedPane == p)
        }
        a.press(.char("q"))
        #expect(a.handle(.tick) == false)
    }

    @Test func detailOpensAndCloses() {
        let (a, b) = make()
        a.press(.down, .enter)
        #expect(a.isShowingDetail)
        let f = a.render(width: 80, height: 24)
        #expect(f.column(of: "任务 1.2", row: 2) == 2)
        a.press(.escape)
        #expect(!a.isShowingDetail)
        // From the Completion pane, Enter opens the selected overdue task.
        a.press(.char("4"), .enter)
        #expect(a.state.detail?.task == "1.2")
        a.press(.char("q"))
        #expect(!a.isShowingDetail && a.handle(.tick))
        _ = b
    }

    @Test func selectionKeptByKeyAcrossReorderingReload() {
        let clock = TestClock()
        let (a, b) = make(clock: clock)
        a.press(.down, .down, .down)  // 2.2
        #expect(a.selectedTaskKey == "2.2")
        var f = a.render(width: 120, height: 40)
        #expect(f.rowText(7).contains("2.2") && f[7, 44].style == .selected)
        // Another session rewrites the plan: new task first, order reversed, 2.2 moved to 1.1's place.
        var p = b.plans["gansu-2014"]!
        var tasks = Array(p.tasks.reversed())
        tasks.insert(PlanTask(key: "1.0", number: "〇", section: 0, title: "新增任务", text: "新增任务。",
                              assignments: [], due: Day("2015-12-31")!), at: 0)
        p.replaceTasks(tasks)
        b.replace(p)
        #expect(a.handle(.tick))
        #expect(a.selectedTaskKey == "2.2")
        // Sorted by key, 2.2 is now the fifth row: the bar follows the key, not the row.
        #expect(a.visibleTaskKeys.prefix(5) == ["1.0", "1.1", "1.2", "2.1", "2.2"])
        f = a.render(width: 120, height: 40)
        #expect(f.rowText(8).contains("2.2") && f[8, 44].style == .selected)
        #expect(f[7, 44].style != .selected)
    }

    @Test func liveRefreshNoticeExpires() {
        let clock = TestClock()
        let (a, b) = make(clock: clock)
        b.external(.setProgress(55), plan: "gansu-2014", task: "1.1", user: "li", time: "2014-06-30T10:45:00+08:00")
        _ = a.handle(.tick)
        #expect(a.noticeText == "已由 li 于 10:45 更新")
        #expect(a.render(width: 120, height: 40).rowText(39).contains("已由 li 于 10:45 更新"))
        #expect(a.render(width: 120, height: 40).rowText(4).contains("55%"))
        clock.advance(6)
        _ = a.handle(.tick)
        #expect(a.noticeText == nil)
    }

    @Test func readOnlyRefusesEveryMutatingBindingInOnePlace() {
        let (a, b) = make(SessionInfo(user: "guest", role: .viewer, readOnly: true, readOnlyReason: "store directory is not writable"))
        let before = b.plans
        let now = Date()
        let conflict = Conflict(plan: "gansu-2014", task: "1.1", field: "progress", expected: .int(40), current: .int(50), by: nil)
        var checked = 0
        for binding in Keymap.bindings where binding.mutates {
            for ctx in binding.contexts {
                var st = a.state
                switch ctx {
                case .detail: st.detail = DetailState(task: "1.1")
                case .conflict: st.overlay = .conflict(conflict, .setProgress(60))
                case .indicators: st.screen = .indicators(ListCursor())
                case .inbox: st.screen = .inbox(ListCursor())
                case .myTasks: st.screen = .myTasks(ListCursor())
                case .confirm: st.overlay = .confirmRemove(task: "1.1", expected: .null)
                case .reporting: st.screen = .reporting(ReportingBoard(plan: st.plan!), ListCursor())
                case .importPreview: st.screen = .importPreview(ImportPreviewData(path: "x.txt", plan: st.plan!), ListCursor())
                case .main: break
                default: Issue.record("mutating binding in context \(ctx) not covered")
                }
                #expect(st.context == ctx)
                for key in binding.keys {
                    var s = st
                    let effects = s.handle(key: key, now: now)
                    #expect(effects.isEmpty, "\(binding.action) \(key) in \(ctx)")
                    #expect(s.notice?.text == "不允许：store directory is not writable")
                    #expect(s.context == ctx, "no editor opens for \(binding.action)")
                    checked += 1
                }
            }
        }
        #expect(checked >= 6)
        // A modal that somehow opened in a read-only session still cannot commit.
        var st = a.state
        st.overlay = .statusMenu(task: "1.1", cursor: 2, expected: .string("in_progress"))
        #expect(st.handle(key: .enter, now: now).isEmpty)
        #expect(st.notice?.text == "不允许：store directory is not writable")
        st.overlay = .statusMenu(task: "1.1", cursor: 2, expected: .string("in_progress"))
        #expect(st.handle(key: .char("3"), now: now).isEmpty)
        // Through the app too: nothing reaches the store.
        a.press(.char("s"), .enter, .char("e"), .char("n"), .char("u"), .char("d"))
        #expect(b.plans == before && b.journal.isEmpty)
        // Non-mutating keys still work.
        a.press(.char("?"))
        #expect(a.state.context == .help)
    }

    @Test func statusEdit() {
        let (a, b) = make()
        a.press(.char("s"))
        #expect(a.state.context == .menu)
        a.press(.down, .enter)  // in progress → done
        #expect(b.plans["gansu-2014"]!.task("1.1")!.status == .done)
        #expect(a.noticeText == "已保存：1.1 状态")
        #expect(a.render(width: 120, height: 40).rowText(4).contains("已完成 100%"))
        // Digits pick a menu item directly.
        a.press(.char("s"), .char("4"))
        #expect(b.plans["gansu-2014"]!.task("1.1")!.status == .behind)
    }

    @Test func progressAndDueValidation() {
        let (a, b) = make()
        a.press(.char("e"))
        #expect(a.state.context == .editor)
        a.press(.backspace, .backspace)
        a.type("150")
        a.press(.enter)
        #expect(a.state.context == .editor)
        #expect(a.render(width: 120, height: 40).text.contains("请输入 0 到 100 之间的整数"))
        a.press(.backspace, .backspace, .backspace)
        a.type("75")
        a.press(.enter)
        #expect(b.plans["gansu-2014"]!.task("1.1")!.progress == 75)
        a.press(.char("d"))
        for _ in 0..<10 { a.press(.backspace) }
        a.type("2014-02-30")
        a.press(.enter)
        #expect(a.render(width: 120, height: 40).text.contains("请输入有效日期，格式 YYYY-MM-DD"))
        a.press(.escape)
        #expect(a.state.context == .main)
        #expect(b.plans["gansu-2014"]!.task("1.1")!.due == Day("2014-12-31"))
        a.press(.char("d"))
        for _ in 0..<10 { a.press(.backspace) }
        a.type("2015-03-01")
        a.press(.enter)
        #expect(b.plans["gansu-2014"]!.task("1.1")!.due == Day("2015-03-01"))
    }

    @Test func chineseNote() {
        let (a, b) = make()
        a.press(.enter, .char("n"))
        a.type("已完成初稿，")
        a.press(.backspace)
        a.type("。ok")
        a.press(.enter)
        let t = b.plans["gansu-2014"]!.task("1.1")!
        #expect(t.notes.last?.text == "已完成初稿。ok")
        #expect(t.notes.last?.user == "zhang")
        #expect(t.notes.last?.time.count == 25)
        // The detail view shows the note and the history entry.
        let f = a.render(width: 80, height: 40)
        #expect(f.text.contains("已完成初稿。ok"))
        #expect(f.text.contains("zhang 备注"))
        // Esc cancels without committing.
        a.press(.char("n"))
        a.type("不要")
        a.press(.escape)
        #expect(b.plans["gansu-2014"]!.task("1.1")!.notes.count == 1)
        a.press(.char("n"), .enter)
        #expect(a.render(width: 80, height: 24).text.contains("备注不能为空"))
        // A full note says so instead of silently dropping keys.
        a.type(String(repeating: "质", count: Limits.noteBytes / 3))
        #expect(!a.render(width: 80, height: 24).text.contains("备注已达最大长度"))
        a.type("质")
        #expect(a.render(width: 80, height: 24).text.contains("备注已达最大长度"))
    }

    @Test func conflictThenOverwrite() {
        let (a, b) = make()
        a.press(.char("e"))  // the editor opens on 40
        b.external(.setProgress(55), plan: "gansu-2014", task: "1.1", user: "li", time: "2014-06-30T10:45:00+08:00")
        a.press(.backspace, .backspace)
        a.type("70")
        a.press(.enter)
        #expect(a.state.context == .conflict)
        let f = a.render(width: 120, height: 40)
        #expect(f.text.contains("任务 1.1 的进度已被 li 于 10:45 改为 55"))
        #expect(f.text.contains("你看到的值：40"))
        #expect(f.text.contains("r 重新载入（放弃我的修改）"))
        #expect(f.rowsHaveExactWidth() && f.wideGlyphsWhole())
        a.press(.char("o"))
        #expect(b.plans["gansu-2014"]!.task("1.1")!.progress == 70)
        #expect(b.journal.last?.user == "zhang")
        #expect(a.state.context == .main)
    }

    @Test func conflictThenReload() {
        let (a, b) = make(lang: .en)
        a.press(.char("s"))
        b.external(.setStatus(.done), plan: "gansu-2014", task: "1.1", user: "li", time: "2014-06-30T10:45:00+08:00")
        a.press(.up, .enter)
        #expect(a.render(width: 120, height: 40).text.contains("status of task 1.1 was changed to done by li at 10:45"))
        a.press(.char("r"))
        #expect(a.state.context == .main)
        #expect(b.plans["gansu-2014"]!.task("1.1")!.status == .done)
        #expect(a.render(width: 120, height: 40).rowText(4).contains("● done   100%"))
    }

    @Test func undoOwnLastChange() {
        let (a, b) = make()
        a.press(.char("s"), .char("3"))
        #expect(b.plans["gansu-2014"]!.task("1.1")!.status == .done)
        a.press(.char("u"))
        #expect(b.plans["gansu-2014"]!.task("1.1")!.status == .inProgress)
        #expect(a.noticeText == "已撤销：1.1 状态")
        #expect(a.render(width: 120, height: 40).rowText(4).contains("● 进行中"))
        a.press(.char("u"))
        #expect(a.noticeText == "失败：nothing to undo")
    }

    @Test func reporterRefusedOnAnotherDepartmentsTask() {
        let (a, b) = make(SessionInfo(user: "wang", role: .reporter(departments: ["省质监局"]), readOnly: false))
        // A reporting unit's session starts on its tasks: Esc shows the whole plan.
        a.press(.escape)
        a.press(.down, .down, .down)  // 2.2, 省工商局
        a.press(.char("s"))
        // Refused before any menu opens, with the access rule's reason.
        #expect(a.state.context == .main)
        #expect(a.noticeText == "不允许：wang reports for 省质监局, which has no role in task 2.2")
        a.press(.char("d"))  // due dates are not a progress report
        #expect(a.noticeText == "不允许：wang reports for 省质监局 and may change only status, progress and notes")
        #expect(b.journal.isEmpty)
        a.press(.char("g"), .char("e"), .backspace, .backspace)
        a.type("45")
        a.press(.enter)
        #expect(b.plans["gansu-2014"]!.task("1.1")!.progress == 45)
    }

    @Test func storeRefusalIsShown() {
        // The store's rules changed after the session started: its refusal is what counts.
        let (a, b) = make()
        b.session = SessionInfo(user: "zhang", role: .reporter(departments: ["省财政厅"]), readOnly: false)
        a.press(.char("s"), .char("3"))
        // In the session's language, naming the rule that refuses it.
        #expect(a.noticeText == "不允许：省财政厅在任务 1.1 中没有职责，zhang 不能修改该任务（" + PermissionRule.statusByLead.named.zh + "）")
        #expect(b.journal.isEmpty)
        #expect(a.render(width: 120, height: 40).rowText(39).contains("不允许：省财政厅在任务 1.1 中没有职责"))
        #expect(a.render(width: 120, height: 40)[39, 1].style == .error)
    }

    @Test func searchFindsDepartmentAliases() {
        var p = Sample.plan()
        p.departments = [Department(name: "省质监局", aliases: ["技监"])]
        let b = MemoryBackend([p])
        let a = DashboardApp(backend: b, language: .zh, initialPlan: nil, ascii: false)
        a.press(.char("/"))
        a.type("技监")
        #expect(a.visibleTaskKeys == ["1.1", "1.2", "2.3"])
    }

    @Test func searchIsIncrementalAndCaseInsensitive() {
        let (a, _) = make()
        a.press(.char("/"))
        a.type("质")
        #expect(a.visibleTaskKeys == ["1.1", "1.2", "2.3", "3.2"])
        a.type("量")
        #expect(a.visibleTaskKeys == ["1.1", "2.3", "3.2"])
        a.press(.backspace, .backspace)
        #expect(a.visibleTaskKeys.count == 8)
        a.type("FOOD")
        #expect(a.visibleTaskKeys == ["2.1"])
        a.press(.escape)  // cancel restores the list
        #expect(a.visibleTaskKeys.count == 8)
        a.press(.char("/"))
        a.type("省工商局")
        a.press(.enter)  // Enter keeps the search
        #expect(a.visibleTaskKeys == ["2.2"] && a.selectedTaskKey == "2.2")
        #expect(a.render(width: 120, height: 40).rowText(2).contains("搜索=省工商局"))
        a.press(.char("c"))
        #expect(a.visibleTaskKeys.count == 8)
    }

    @Test func filtersAndSorts() {
        let (a, _) = make(lang: .en)
        a.press(.char("f"))
        #expect(a.visibleTaskKeys == ["2.1", "3.1"])
        a.press(.char("f"))
        #expect(a.visibleTaskKeys == ["1.1", "1.2", "2.10", "3.2"])
        a.press(.char("w"))  // and red
        #expect(a.visibleTaskKeys == ["1.2"])
        #expect(a.render(width: 120, height: 40).rowText(2).contains("status=in progress · light=red"))
        a.press(.char("c"))
        a.press(.char("o"))
        #expect(a.visibleTaskKeys == ["1.2", "2.2", "2.3", "1.1", "2.1", "2.10", "3.1", "3.2"])
        a.press(.char("o"))
        #expect(a.visibleTaskKeys == ["2.1", "3.1", "2.3", "1.2", "3.2", "1.1", "2.10", "2.2"])
        a.press(.char("o"))
        #expect(a.visibleTaskKeys == ["1.2", "2.3", "2.2", "1.1", "2.1", "2.10", "3.1", "3.2"])
        a.press(.char("o"))
        #expect(a.visibleTaskKeys == ["1.1", "1.2", "2.1", "2.2", "2.3", "2.10", "3.1", "3.2"])
        // Department filter from the Departments pane.
        a.press(.char("3"), .down, .enter)
        #expect(a.focusedPane == .tasks && a.visibleTaskKeys == ["1.1"])
        a.press(.char("c"))
        // Section / group filter from the Sections pane; Enter again clears it.
        a.press(.char("1"), .down, .down, .enter)
        #expect(a.visibleTaskKeys == ["2.1", "2.2"])
        a.press(.char("1"), .enter)
        #expect(a.visibleTaskKeys.count == 8)
    }

    @Test func planSwitch() {
        let (a, _) = make()
        a.press(.char("p"))
        let f = a.render(width: 80, height: 24)
        #expect(f.text.contains("选择计划"))
        #expect(f.text.contains("▶ gansu-2014"))
        a.press(.down, .enter)
        #expect(a.planID == "gansu-2015" && a.selectedTaskKey == "1.1")
        #expect(a.render(width: 120, height: 40).rowText(0).contains("2015年行动计划"))
    }

    @Test func mouseSelectsPanesAndRows() {
        let (a, _) = make()
        _ = a.handle(.click(row: 23, col: 5))  // Departments, second row
        #expect(a.focusedPane == .departments && a.state.cursor(.departments) == 1)
        _ = a.handle(.click(row: 6, col: 60))  // Tasks, third row
        #expect(a.focusedPane == .tasks && a.selectedTaskKey == "2.1")
        _ = a.handle(.click(row: 20, col: 60))  // below the last task: nothing changes
        #expect(a.selectedTaskKey == "2.1")
        _ = a.handle(.scrollDown(row: 6, col: 60))
        #expect(a.selectedTaskKey == "2.10")
        _ = a.handle(.scrollUp(row: 6, col: 60))
        #expect(a.selectedTaskKey == "2.1")
        // Tabs mode: the tab bar switches panes.
        _ = a.handle(.resize(width: 80, height: 24))
        _ = a.render(width: 80, height: 24)
        _ = a.handle(.click(row: 2, col: 22))
        #expect(a.focusedPane == .departments)
    }

    @Test func emptyStore() {
        let b = MemoryBackend([])
        let a = DashboardApp(backend: b, language: .en, initialPlan: nil, ascii: false)
        for k: Key in [.down, .enter, .char("s"), .char("/"), .char("x"), .escape, .char("p"), .enter, .tab, .char("G"), .char("?")] {
            a.press(k)
            let f = a.render(width: 120, height: 40)
            #expect(f.rowsHaveExactWidth())
        }
        #expect(a.render(width: 120, height: 40).rowText(0).contains("no plan"))
        #expect(b.journal.isEmpty)
    }

    @Test func planListWorksWhenTheFirstPlanFailsToLoad() {
        let b = MemoryBackend([Sample.plan()])
        let a = DashboardApp(backend: b, language: .en, initialPlan: "missing", ascii: false)
        #expect(a.planID == nil)
        #expect(a.noticeText == "failed: no plan missing")
        a.press(.char("p"), .enter)
        #expect(a.planID == "gansu-2014")
    }

    @Test func replacedPlanIsAnnounced() {
        let (a, b) = make(lang: .en)
        b.replace(Sample.plan())
        _ = a.handle(.tick)
        #expect(a.noticeText == "the plan was replaced and reloaded")
    }

    @Test func englishStrings() {
        let s = Strings(.en)
        #expect(Pane.allCases.map(s.pane) == ["Sections", "Tasks", "Departments", "Completion"])
        #expect(Strings(.zh).pane(.tasks) == "任务")
        #expect(s.tooSmall(20, 6, 60, 16) == "terminal too small: have 20×6, need 60×16")
        #expect(s.changedBy("li", "10:45") == "changed by li at 10:45")
        // Every binding has both descriptions.
        for b in Keymap.bindings { #expect(!b.zh.isEmpty && !b.en.isEmpty) }
    }
}

@Suite struct KeyOrderTests {
    @Test func keysSortAsNumbers() {
        let k = PlanData.keyNumbers
        #expect(k("3.2") < k("3.13"))
        #expect(k("3") < k("3.1"))
        #expect(k("9.1") < k("10.1"))
        #expect(k("3.x") > k("3.99"))
        #expect(k("1.2.3") == KeyNumbers(a: 1, b: 2, c: 3))
    }
}
