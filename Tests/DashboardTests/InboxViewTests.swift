import Testing
import PlanModel
import ScreenKit
import TextWidth
@testable import Dashboard

/// The 待办 inbox, "my tasks" and the task detail with its requests, drawn
/// headless at 80×24 and 120×40 in both languages, and driven by keys.
@Suite struct InboxViewTests {
    static let sizes = [(80, 24), (120, 40)]
    static let zj = "省质监局"

    /// Sample plan with a returned closure on 1.2, then an extension request
    /// on 2.3 and a closure request on 1.1 awaiting review.
    static func plan() throws -> Plan {
        var p = Sample.plan()
        func stamp(_ day: String) -> String { day + "T09:00:00+08:00" }
        try p.apply(.request(ReviewRequest(kind: .closure, department: zj, text: "计量基础设施已建成", filedOn: Day("2014-06-01"),
                                           time: stamp("2014-06-01"), user: "wang")), task: "1.2")
        try p.apply(.review(Review(kind: .closure, department: zj, outcome: .returned, reason: "缺少验收报告",
                                   time: stamp("2014-06-05"), user: "chief")), task: "1.2")
        try p.apply(.request(ReviewRequest(kind: .extension, department: "省工业和信息化委", text: "设备采购延后",
                                           to: Day("2014-12-31"), filedOn: Day("2014-07-01"), time: stamp("2014-07-01"), user: "li")), task: "2.3")
        try p.apply(.request(ReviewRequest(kind: .closure, department: zj, text: "已建立统计分析制度，发布季度报告", evidence: "分析报告.pdf",
                                           filedOn: Day("2014-09-20"), time: stamp("2014-09-20"), user: "wang")), task: "1.1")
        return p
    }

    func make(_ role: AccessRole = .office, _ lang: Language = .zh, width: Int = 80, height: Int = 24) throws -> (DashboardApp, MemoryBackend) {
        let b = MemoryBackend([try Self.plan()], session: SessionInfo(user: role == .office ? "chief" : "wang", role: role, readOnly: false),
                              today: Day("2014-10-01")!)
        let a = DashboardApp(backend: b, language: lang, initialPlan: nil, ascii: false)
        _ = a.render(width: width, height: height)
        return (a, b)
    }

    @Test(arguments: [Language.zh, .en])
    func inboxListsPendingRequestsOldestFirst(_ lang: Language) throws {
        for (w, h) in Self.sizes {
            let (a, _) = try make(.office, lang, width: w, height: h)
            a.press(.char("T"))
            let f = a.render(width: w, height: h)
            #expect(f.rowsHaveExactWidth() && f.wideGlyphsWhole(), "\(w)×\(h)")
            let zh = lang == .zh
            #expect(f.rowText(2).contains(zh ? "待办 · 待审核的申请（2）" : "Inbox · requests awaiting review (2)"), "\(f.rowText(2))")
            #expect(f.rowText(3).contains(zh ? "y 通过  x 退回  z 不予批准" : "y approve  x return  z reject"))
            // Oldest first: the extension filed 2014-07-01, then the closure of 2014-09-20.
            #expect(f.rowText(5).contains("2014-07-01") && f.rowText(5).contains("2.3") && f.rowText(5).contains(zh ? "延期" : "extension"), "\(f.rowText(5))")
            #expect(f.rowText(5).contains("2014-07-15 → 2014-12-31"))
            #expect(f.rowText(6).contains("2014-09-20") && f.rowText(6).contains("1.1") && f.rowText(6).contains(zh ? "办结" : "closure"))
            #expect(f[5, 1].style == .selected && f[6, 1].style != .selected)
            a.press(.down)
            let g = a.render(width: w, height: h)
            // The selected closure's summary and evidence under the list.
            let detail = try #require(g.row(containing: "1.1 建立质量统计分析制度"), "\(w)×\(h)")
            #expect(detail > 6 && g.rowText(detail).contains(zh ? "佐证：分析报告.pdf" : "evidence: 分析报告.pdf") || g.rowText(detail + 1).contains("分析报告.pdf"))
        }
    }

    @Test func theOfficeApprovesReturnsAndRejectsOnKeys() throws {
        let (a, b) = try make()
        a.press(.char("T"), .down, .char("y"))
        #expect(b.plans["gansu-2014"]!.task("1.1")!.status == .done)
        #expect(b.journal.last?.field == "review" && b.journal.last?.new["outcome"]?.string == "approved")
        var f = a.render(width: 80, height: 24)
        #expect(f.rowText(2).contains("待办 · 待审核的申请（1）"))
        // An extension is refused, not returned; the refusal needs a reason.
        a.press(.up, .char("x"))
        #expect(b.journal.count == 1)
        a.press(.char("z"), .enter)
        f = a.render(width: 80, height: 24)
        #expect(f.row(containing: "理由不能为空") != nil && b.journal.count == 1)
        a.type("理由不充分")
        a.press(.enter)
        #expect(b.journal.count == 2 && b.journal.last?.new["outcome"]?.string == "rejected")
        #expect(b.plans["gansu-2014"]!.task("2.3")!.due == Day("2014-07-15"))
        f = a.render(width: 80, height: 24)
        #expect(f.rowText(2).contains("待办 · 待审核的申请（0）") && f.row(containing: "没有待审核的申请") != nil)
    }

    @Test func aReporterCannotDecide() throws {
        let (a, b) = try make(.reporter(departments: [Self.zj]))
        a.press(.char("T"), .down, .char("y"))
        #expect(b.journal.isEmpty)
        #expect(a.noticeText?.contains("只有督办办公室可以审核申请") == true, "\(a.noticeText ?? "")")
    }

    @Test(arguments: [Language.zh, .en])
    func myTasksShowWhatTheUnitOwes(_ lang: Language) throws {
        let zh = lang == .zh
        for (w, h) in Self.sizes {
            let (a, _) = try make(.reporter(departments: [Self.zj]), lang, width: w, height: h)
            a.press(.char("M"))
            let f = a.render(width: w, height: h)
            #expect(f.rowsHaveExactWidth() && f.wideGlyphsWhole(), "\(w)×\(h)")
            #expect(f.rowText(2).contains(zh ? "我的任务 · 省质监局（3）" : "My tasks · 省质监局 (3)"), "\(f.rowText(2))")
            // 1.1 awaiting review; 1.2 returned and overdue; 2.3 where it cooperates.
            let r11 = try #require(f.row(containing: "1.1 "), "\(w)×\(h)")
            #expect(f.rowText(r11).contains(zh ? "待审核" : "awaiting review"))
            let r12 = try #require(f.row(containing: "1.2 "))
            #expect(f.rowText(r12).contains(zh ? "已退回" : "returned"), "\(f.rowText(r12))")
            #expect(f.rowText(r12).contains(zh ? "已超期" : "overdue"))
            #expect(f.row(containing: "2.3 ") != nil)
        }
    }

    @Test(arguments: [Language.zh, .en])
    func theDetailShowsThePendingRequest(_ lang: Language) throws {
        let zh = lang == .zh
        for (w, h) in Self.sizes {
            let (a, _) = try make(.reporter(departments: [Self.zj]), lang, width: w, height: h)
            a.press(.char("M"), .enter)
            let f = a.render(width: w, height: h)
            #expect(f.rowsHaveExactWidth() && f.wideGlyphsWhole(), "\(w)×\(h)")
            #expect(f.row(containing: zh ? "进行中（待审核）" : "in progress (awaiting review)") != nil, "\(w)×\(h)")
            #expect(f.row(containing: zh ? "办结与延期申请" : "Closure and extension requests") != nil)
            let line = try #require(f.row(containing: zh ? "2014-09-20 办结申请 省质监局" : "2014-09-20 closure request 省质监局"))
            #expect(f[line, 3].style == .yellow || f[line, 4].style == .yellow)
        }
    }

    @Test func aLeadUnitAppliesForClosureFromMyTasks() throws {
        let (a, b) = try make(.reporter(departments: [Self.zj]))
        // 1.2 was returned: the unit applies again.
        a.press(.char("M"), .down, .char("a"))
        a.press(.enter)
        #expect(a.render(width: 80, height: 24).row(containing: "办结情况说明不能为空") != nil)
        a.type("已补充验收报告")
        a.press(.enter)
        #expect(b.journal.last?.field == "request" && b.journal.last?.task == "1.2")
        #expect(b.plans["gansu-2014"]!.reviewState(task: "1.2").awaitingReview)
        // On 2.3 it only cooperates: refused before typing.
        a.press(.down, .char("a"))
        #expect(b.journal.count == 1 && a.noticeText?.contains("不允许") == true)
    }
}

@Suite struct KioskReviewCountTests {
    @Test(arguments: [Language.zh, .en])
    func theKioskShowsPendingReviewsAndTheClosureRate(_ lang: Language) throws {
        let b = MemoryBackend([try InboxViewTests.plan()])
        let k = KioskApp(backend: b, language: lang, interval: 15, exitKey: nil, ascii: false, now: TestClock().now)
        for (w, h) in InboxViewTests.sizes {
            let f = k.render(width: w, height: h)
            #expect(f.rowsHaveExactWidth() && f.wideGlyphsWhole())
            // Two requests pending; 2.2 is the one task of eight done.
            let text = lang == .zh ? "待审核 2 · 办结率 12%" : "awaiting review 2 · closed 12%"
            #expect((0..<3).contains { f.rowText($0).contains(text) }, "\(w)×\(h): \(f.rowText(0)) / \(f.rowText(1))")
        }
        // A plan without requests shows no such counts.
        let plain = KioskApp(backend: MemoryBackend([Sample.plan()]), language: lang, interval: 15, exitKey: nil, ascii: false, now: TestClock().now)
        let f = plain.render(width: 120, height: 40)
        #expect(!(0..<3).contains { f.rowText($0).contains(lang == .zh ? "办结率" : "closed ") })
    }
}

@Suite struct WithdrawnNoteViewTests {
    @Test(arguments: [Language.zh, .en])
    func undoingANoteShowsItWithdrawnInTheDetail(_ lang: Language) throws {
        let (a, b) = try InboxViewTests().make(.reporter(departments: [InboxViewTests.zj]), lang, width: 120, height: 40)
        a.press(.char("M"), .enter, .char("n"))
        a.type("季度报告已发布")
        a.press(.enter)
        #expect(b.journal.last?.field == "note")
        a.press(.char("u"))
        #expect(b.journal.last?.field == "withdraw" && b.journal.last?.new["kind"]?.string == "note")
        let f = a.render(width: 120, height: 40)
        let row = try #require(f.row(containing: lang == .zh ? "[已撤回]" : "[withdrawn]"))
        #expect(f.rowText(row + 1).contains("季度报告已发布"))
        #expect(f.rowsHaveExactWidth() && f.wideGlyphsWhole())
    }
}
