import Testing
import PlanModel
import ScreenKit
import TextWidth
@testable import Dashboard

/// The office corrects or withdraws a note or a feedback from the task
/// detail: `]`/`[` select one, `C` corrects it, `X` withdraws it. Drawn
/// headless at 80×24 and 120×40 in both languages.
@Suite struct CorrectionViewTests {
    static let sizes = [(80, 24), (120, 40)]

    /// 1.1 with two notes (li's and wang's) and 省质监局's feedback.
    static func plan(corrected: Bool) throws -> Plan {
        var p = Sample.plan()
        try p.apply(.addNote(Note(time: "2014-06-01T09:00:00+08:00", user: "li", text: "季度报告已发布，错字")), task: "1.1")
        try p.apply(.addNote(Note(time: "2014-06-02T09:00:00+08:00", user: "wang", department: "省质监局", text: "已召开推进会")), task: "1.1")
        try p.apply(.addFeedback(UnitFeedback(task: "1.1", time: "2014-06-03T09:00:00+08:00", user: "wang", department: "省质监局",
                                              text: "统计制度已建立")), task: "1.1")
        if corrected {
            try p.apply(.withdraw(Withdrawal(kind: "note", index: 0, time: "2014-06-10T09:00:00+08:00", user: "chief", text: "季度报告已发布")), task: "1.1")
            try p.apply(.withdraw(Withdrawal(kind: "note", index: 1, time: "2014-06-10T09:05:00+08:00", user: "chief")), task: "1.1")
        }
        return p
    }

    func make(_ role: AccessRole = .office, _ lang: Language = .zh, corrected: Bool = false,
              width: Int = 80, height: Int = 24) throws -> (DashboardApp, MemoryBackend) {
        let b = MemoryBackend([try Self.plan(corrected: corrected)],
                              session: SessionInfo(user: role == .office ? "chief" : "wang", role: role, readOnly: false),
                              today: Day("2014-10-01")!)
        let a = DashboardApp(backend: b, language: lang, initialPlan: nil, ascii: false)
        _ = a.render(width: width, height: height)
        return (a, b)
    }

    @Test(arguments: [Language.zh, .en])
    func aCorrectedAndAWithdrawnNoteAreMarked(_ lang: Language) throws {
        let zh = lang == .zh
        for (w, h) in Self.sizes {
            let (a, _) = try make(.office, lang, corrected: true, width: w, height: h)
            // The first note selected, scrolled into view.
            a.press(.enter, .char("]"))
            var f = a.render(width: w, height: h)
            #expect(f.rowsHaveExactWidth() && f.wideGlyphsWhole(), "\(w)×\(h)")
            let head = try #require(f.row(containing: zh ? "[已更正：chief 2014-06-10 09:00]" : "[corrected: chief 2014-06-10 09:00]"), "\(w)×\(h)")
            #expect(f.rowText(head).contains("li"))
            #expect(f[head, f.column(of: "li", row: head) ?? 0].style == .selected)
            // The correction's text is shown; the original is not.
            #expect(f.rowText(head + 1).contains("季度报告已发布") && f.row(containing: "错字") == nil)
            a.press(.char("]"))
            f = a.render(width: w, height: h)
            let gone = try #require(f.row(containing: zh ? "[已撤回]" : "[withdrawn]"), "\(w)×\(h)")
            #expect(f.rowText(gone).contains("wang") && f.rowText(gone + 1).contains("已召开推进会"))
            #expect(f[gone + 1, f.column(of: "已召开推进会", row: gone + 1) ?? 0].style == .dim)
            #expect(f.rowsHaveExactWidth() && f.wideGlyphsWhole(), "\(w)×\(h)")
        }
    }

    @Test func theOfficeCorrectsANoteAndWithdrawsAFeedbackOnKeys() throws {
        let (a, b) = try make()
        // Nothing selected yet.
        a.press(.enter, .char("C"))
        #expect(a.noticeText?.contains("请先用 [ 或 ] 选择") == true && b.journal.isEmpty)
        // The editor opens with the text as it stands; an empty correction is refused.
        a.press(.char("]"), .char("C"))
        #expect(a.render(width: 80, height: 24).row(containing: "季度报告已发布，错字") != nil)
        a.press(.ctrl("u"), .enter)
        #expect(a.render(width: 80, height: 24).row(containing: "更正内容为空") != nil && b.journal.isEmpty)
        a.type("季度报告已发布")
        a.press(.enter)
        let c = try #require(b.journal.last)
        #expect(c.field == "correct" && c.new["text"]?.string == "季度报告已发布" && c.new["index"]?.int == 0 && c.user == "chief")
        #expect(b.plans["gansu-2014"]!.correction(.note, task: "1.1", index: 0)?.text == "季度报告已发布")
        // The feedback is the third record: withdrawn on X.
        a.press(.char("]"), .char("]"), .char("X"))
        let w = try #require(b.journal.last)
        #expect(w.field == "withdraw" && w.new["kind"]?.string == "feedback" && w.new["index"]?.int == 0)
        #expect(b.plans["gansu-2014"]!.isWithdrawn(.feedback, task: "1.1", index: 0))
        let f = a.render(width: 120, height: 40)
        let fb = try #require(f.row(containing: "省质监局  2014-06-03"))
        #expect(f.row(containing: "统计制度已建立") != nil && f.rowText(fb).contains("[已撤回]"))
        // A correction is not undone: the refusal says why.
        a.press(.char("u"))
        #expect(a.noticeText?.contains("撤回不能撤销") == true && b.journal.count == 2, "\(a.noticeText ?? "")")
    }

    @Test(arguments: [Language.zh, .en])
    func aUnitIsRefusedCorrectingOrWithdrawingAnothersNote(_ lang: Language) throws {
        let (a, b) = try make(.reporter(departments: ["省质监局"]), lang)
        a.press(.enter, .char("]"), .char("C"))
        let rule = lang == .zh ? PermissionRule.correctionByOffice.named.zh : PermissionRule.correctionByOffice.named.en
        #expect(a.noticeText?.contains(rule) == true, "\(a.noticeText ?? "")")
        #expect(a.state.overlay == nil)
        // Withdrawing li's note: the store's rule refuses it.
        a.press(.char("X"))
        #expect(b.journal.isEmpty && a.noticeText?.contains(rule) == true, "\(a.noticeText ?? "")")
        // Its own note (wang's) it may withdraw.
        a.press(.char("]"), .char("X"))
        #expect(b.journal.last?.field == "withdraw" && b.journal.last?.new["index"]?.int == 1)
    }
}
