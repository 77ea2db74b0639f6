import Foundation
import Testing
import PlanModel
@testable import Dashboard

/// Pasted text and the entry keys: a paste is text for the open field, never keys.
@Suite struct PasteAndEntryTests {
    func make(lang: Language = .en) -> (DashboardApp, MemoryBackend) {
        let b = MemoryBackend([Sample.plan(), Sample.second()])
        let a = DashboardApp(backend: b, language: lang, initialPlan: nil, ascii: false)
        _ = a.render(width: 80, height: 24)
        return (a, b)
    }

    @Test func aMultiLinePasteIsOneNoteWithItsLineBreaks() {
        let (a, b) = make()
        a.press(.char("n"))
        _ = a.handle(.paste("line one\nline two s e\nline three\n"))
        // Nothing was committed by the paste itself: the prompt is still open.
        #expect(b.journal.isEmpty)
        let f = a.render(width: 80, height: 24)
        #expect(f.text.contains("line one↵line two s e↵line three↵"))
        a.press(.enter)
        #expect(b.journal.count == 1)
        #expect(b.plans["gansu-2014"]!.task("1.1")!.notes.last?.text == "line one\nline two s e\nline three")
    }

    @Test func aPasteWithNoPromptOpenDoesNothing() {
        let (a, b) = make()
        let before = a.render(width: 80, height: 24)
        // Read as keys this would set status (s), open a note (n), quit (q)…
        for text in ["hello s\n", "s4\n", "n hi\nq", "u", "e50\n"] {
            #expect(a.handle(.paste(text)))
        }
        #expect(b.journal.isEmpty)
        #expect(a.state.overlay == nil && !a.isShowingDetail && a.selectedTaskKey == "1.1")
        #expect(a.noticeText == "paste ignored: no entry is open")
        _ = a.render(width: 80, height: 24)
        #expect(a.state.focus == .tasks && before.rowText(3) == a.render(width: 80, height: 24).rowText(3))
    }

    @Test func oneLineFieldsRefuseAMultiLinePaste() {
        let (a, b) = make()
        a.press(.char("e"), .ctrl("u"))
        _ = a.handle(.paste("75\n"))   // a copied line: its line break goes
        a.press(.enter)
        #expect(b.plans["gansu-2014"]!.task("1.1")!.progress == 75)
        a.press(.char("e"), .ctrl("u"))
        _ = a.handle(.paste("7\n5"))
        #expect(a.render(width: 80, height: 24).text.contains("one line only: the paste has line breaks"))
        a.press(.enter)
        // Refused: the field was left empty, so Enter asks for a number instead of saving.
        #expect(b.journal.count == 1)
        a.press(.escape, .char("/"))
        _ = a.handle(.paste("质量"))
        #expect(a.state.query.search == "质量")
    }

    @Test func aPasteLongerThanTheFieldIsRefusedWhole() {
        let (a, b) = make()
        a.press(.char("n"))
        a.type("keep")
        _ = a.handle(.paste(String(repeating: "长", count: Limits.noteBytes)))
        #expect(a.render(width: 80, height: 24).text.contains("the paste is too long for this field"))
        a.press(.enter)
        #expect(b.plans["gansu-2014"]!.task("1.1")!.notes.last?.text == "keep")
    }

    @Test func ctrlUClearsTheEntry() {
        let (a, b) = make()
        a.press(.char("n"))
        a.type("不要这句")
        a.press(.ctrl("u"))
        a.type("要这句")
        a.press(.enter)
        #expect(b.plans["gansu-2014"]!.task("1.1")!.notes.last?.text == "要这句")
        #expect(Keymap.binding(for: .ctrl("u"), in: .editor)?.action == .clearEntry)
    }

    @Test func homeAndEndMoveTheCursorInAPrompt() {
        let (a, b) = make()
        a.press(.char("n"))
        a.type("bc")
        a.press(.home)
        a.type("a")
        a.press(.end)
        a.type("d")
        a.press(.enter)
        #expect(b.plans["gansu-2014"]!.task("1.1")!.notes.last?.text == "abcd")
    }

    @Test func invisibleCharactersAreNotTyped() {
        var e = LineEditor()
        for c in "中\u{202E}文\u{200B}" { e.insert(c) }
        #expect(e.text == "中文")
        let ok = e.insert(pasted: "a\u{202E}\tb\nc", keepingLineBreaks: false)
        #expect(ok && e.text == "中文a b c")
    }
}

/// The plan list (`p`): the marker follows the cursor, and every plan shows its title.
@Suite struct PlanPickerTests {
    @Test func markerFollowsTheCursorAndEnterOpensTheMarkedPlan() {
        let b = MemoryBackend([Sample.plan(), Sample.second()])
        let a = DashboardApp(backend: b, language: .en, initialPlan: nil, ascii: false)
        a.press(.char("p"))
        var f = a.render(width: 80, height: 24)
        let first = f.row(containing: "gansu-2014")!
        #expect(f.rowText(first).contains("▶ gansu-2014  甘肃省质量发展纲要2014年行动计划"))
        // The other plan shows its title too, not a bare id.
        #expect(f.rowText(first + 1).contains("  gansu-2015  2015年行动计划"))
        a.press(.down)
        f = a.render(width: 80, height: 24)
        #expect(f.rowText(first + 1).contains("▶ gansu-2015"))
        #expect(!f.rowText(first).contains("▶"))
        a.press(.enter)
        #expect(a.planID == "gansu-2015")
    }
}
