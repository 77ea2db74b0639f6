import Foundation
import PlanModel
import Testing

/// The real binary in tmux, on a copy of the bundled sample store.
@Suite(.serialized) struct DashboardEndToEndTests {
    static func sampleStore() throws -> String {
        let src = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../SampleData/store").standardized.path
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("duban-dash-\(UUID().uuidString)").path
        try FileManager.default.copyItem(atPath: src, toPath: dir)
        return dir
    }

    func dashboard(_ store: String, _ extra: String = "", width: Int = 80, height: Int = 24) throws -> Tmux {
        try Tmux("\(Duban.binary) --store \(store) --lang en \(extra)", width: width, height: height,
                 env: ["DUBAN_THEME": "", "NO_COLOR": ""])
    }

    func task(_ store: String, _ key: String) throws -> JSON {
        let r = try Duban.run(["show", "gansu-2014", key, "--json", "--store", store])
        #expect(r.status == 0, "\(r.err)")
        return try JSONParser.parse(r.out)
    }

    @Test func opensMovesEditsStatusProgressAndNoteThenQuits() throws {
        let store = try Self.sampleStore()
        let t = try dashboard(store)
        try t.wait(for: "Sections")
        try t.send("2")
        try t.wait(for: "Tasks 29/29")
        try t.send("j", "j", "Enter")
        try t.wait(for: "Task 1.3")
        try t.send("e")
        try t.wait(for: "Progress (0–100) · 1.3")
        try t.send("BSpace", "BSpace", "BSpace", "7", "5", "Enter")
        try t.wait(for: "saved: 1.3 progress")
        try t.send("s")
        try t.send("4")
        try t.wait(for: "saved: 1.3 status")
        try t.send("n")
        try t.send("已完成专项检查，发现问题3处", literal: true)
        try t.send("BSpace", "BSpace")  // backspace over two characters, one of them wide
        try t.send("Enter")
        try t.wait(for: "saved: 1.3 note")
        try t.send("Escape", "q")
        #expect(try t.waitForExit() == 0)
        #expect(try t.alternateScreenOff())

        let j = try task(store, "1.3")
        #expect(j["progress"]?.int == 75)
        #expect(j["status"]?.string == "behind")
        #expect(j["notes"]?.array?.last?["text"]?.string == "已完成专项检查，发现问题")
    }

    @Test func readOnlyUserIsRefusedAndNothingChanges() throws {
        let store = try Self.sampleStore()
        let before = try snapshotOfDirectory(store)
        let t = try dashboard(store, "--read-only")
        try t.wait(for: "READ-ONLY")
        try t.send("2")
        try t.wait(for: "Tasks 29/29")
        try t.send("e")
        try t.wait(for: "read-only")
        try t.send("n")
        try t.send("不应保存", literal: true)
        try t.send("Enter", "u", "s", "1")
        // Enter opened the task (the refused note editor never took it): back out first.
        try t.send("Escape", "q")
        #expect(try t.waitForExit() == 0)
        #expect(try snapshotOfDirectory(store) == before)
    }

    @Test func showsChangesFromOtherSessionsWithinASecond() throws {
        let store = try Self.sampleStore()
        let t = try dashboard(store, width: 120, height: 40)
        try t.wait(for: "Tasks 29/29")
        let r = try Duban.run(["update", "gansu-2014", "1.1", "--progress", "85", "--note", "外部更新", "--store", store])
        #expect(r.status == 0, "\(r.err)")
        let screen = try t.wait(timeout: 2, for: "1.1 at 85%") { s in
            s.split(separator: "\n").contains { $0.contains("1.1 ") && $0.contains("85%") }
        }
        #expect(screen.contains("changed by"))
        try t.send("q")
        #expect(try t.waitForExit() == 0)
    }

    /// A burst of resizes that ends at the size it began with still repaints:
    /// tmux crops the screen at 1×1 and pulls old lines back when it grows.
    @Test func repaintsAfterAResizeBurstThatEndsWhereItBegan() throws {
        let store = try Self.sampleStore()
        let t = try dashboard(store)
        try t.wait(for: "Sections")
        try t.resize(width: 30, height: 8)
        try t.wait(for: "terminal too small:")
        for _ in 0..<3 {
            try t.resize(width: 1, height: 1)
            try t.resize(width: 30, height: 8)
            // Both lines of the message, where they were: nothing cropped or shifted.
            let screen = try t.wait(for: "the whole message") { s in
                let rows = s.split(separator: "\n", omittingEmptySubsequences: false)
                return rows.count >= 5 && rows[3].hasPrefix("terminal too small: have 30×8,") && rows[4].contains("need 60×16")
            }
            #expect(!screen.contains("Sections"))
        }
        try t.resize(width: 80, height: 24)
        try t.wait(for: "Sections")
        try t.send("q")
        #expect(try t.waitForExit() == 0)
    }

    @Test func survivesResizesDownToTinyAndBack() throws {
        let store = try Self.sampleStore()
        let t = try dashboard(store)
        try t.wait(for: "Sections")
        for (w, h) in [(60, 16), (40, 12), (20, 6), (1, 1), (20, 6)] {
            try t.resize(width: w, height: h)
            usleep(150_000)
            #expect(try t.exitStatus() == nil, "exited at \(w)×\(h)")
        }
        try t.wait(for: "too small")
        try t.resize(width: 80, height: 24)
        try t.wait(for: "Sections")
        try t.resize(width: 200, height: 50)
        try t.wait(for: "Completion")
        let screen = try t.screen()
        #expect(screen.contains("Departments") && screen.contains("Tasks"))
        try t.send("q")
        #expect(try t.waitForExit() == 0)
    }

    func journalLength(_ store: String) throws -> Int {
        let r = try Duban.run(["log", "gansu-2014", "--json", "--store", store])
        #expect(r.status == 0, "\(r.err)")
        return try JSONParser.parse(r.out).array?.count ?? -1
    }

    /// tmux's `paste-buffer -p`: bracketed, line breaks sent as CR, as a terminal pastes.
    func paste(_ t: Tmux, _ text: String) throws {
        try t.run(["set-buffer", text])
        try t.run(["paste-buffer", "-p", "-t", t.session])
    }

    @Test func aPasteIsTextForTheOpenNoteAndNothingWithoutOne() throws {
        let store = try Self.sampleStore()
        defer { try? FileManager.default.removeItem(atPath: store) }
        let before = try journalLength(store)
        let t = try dashboard(store)
        try t.wait(for: "Tasks 29/29")
        // No prompt open: read as keys this would set a status and open things.
        try paste(t, "hello s\n4\nn e\n")
        try t.wait(for: "paste ignored")
        #expect(try !t.screen().contains("Choose status") && journalLength(store) == before)
        try t.send("j", "Enter")
        try t.wait(for: "Task 1.2")
        try t.send("n")
        try t.wait(for: "Note · 1.2")
        try paste(t, "line one\nline two s e\nline three")
        try t.wait(for: "line one↵line two s e↵line three")
        #expect(try journalLength(store) == before)
        try t.send("Enter")
        try t.wait(for: "saved: 1.2 note")
        try t.send("Escape", "q")
        #expect(try t.waitForExit() == 0)
        #expect(try journalLength(store) == before + 1)
        #expect(try task(store, "1.2")["notes"]?.array?.last?["text"]?.string == "line one\nline two s e\nline three")
    }

    /// Home and End as tmux sends them under TERM=xterm-256color, whose
    /// terminfo names other sequences: the note survives End, Home moves.
    @Test func homeAndEndInANotePromptUnderAForeignTerminfo() throws {
        let store = try Self.sampleStore()
        defer { try? FileManager.default.removeItem(atPath: store) }
        let t = try Tmux("\(Duban.binary) --store \(store) --lang en", env: ["DUBAN_THEME": "", "NO_COLOR": "", "TERM": "xterm-256color"])
        try t.wait(for: "Tasks 29/29")
        try t.send("n")
        try t.wait(for: "Note · 1.1")
        try t.send("bc", literal: true)
        try t.send("\u{1B}[1~", literal: true)   // Home as tmux, screen and PuTTY send it
        try t.send("a", literal: true)
        try t.send("\u{1B}[4~", literal: true)   // End
        try t.send("d", literal: true)
        try t.send("\u{1B}[7~", literal: true)   // rxvt's Home
        try t.send(">", literal: true)
        try t.wait(for: ">abcd")
        try t.send("Enter")
        try t.wait(for: "saved: 1.1 note")
        // In the main view Home goes to the first row and leaves the pane alone.
        try t.send("j", "j")
        try t.send("\u{1B}[1~", literal: true)
        try t.send("\u{1B}[4~", literal: true)
        try t.send("\u{1B}[1~", literal: true)
        usleep(300_000)
        #expect(try t.screen().contains("Tasks 29/29"))
        try t.send("Enter")
        try t.wait(for: "Task 1.1")
        try t.send("Escape", "q")
        #expect(try t.waitForExit() == 0)
        #expect(try task(store, "1.1")["notes"]?.array?.last?["text"]?.string == ">abcd")
    }

    /// Bytes on the wire for each selection move, pane by pane, on the sample
    /// store: the selection is a highlighted label and a marker, so a move
    /// rewrites a few cells of two rows, never two whole rows.
    @Test func everyPaneMovesTheSelectionInUnder150Bytes() throws {
        let store = try Self.sampleStore()
        defer { try? FileManager.default.removeItem(atPath: store) }
        let ptybytes = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Support/ptybytes.py").path
        // Focus a pane, then move: down three times and up once (the
        // Completion pane's overdue list has two rows: down once, up once).
        let plan: [(String, String, [String])] = [("Sections", "1", ["j", "j", "j", "k"]), ("Departments", "3", ["j", "j", "j", "k"]),
                                                  ("Completion", "4", ["j", "k"]), ("Tasks", "2", ["j", "j", "j", "k"])]
        for (w, h) in [(80, 24), (200, 50)] {
            let keys = plan.flatMap { [$0.1] + $0.2 }.joined(separator: ",")
            let r = try Shell.run(["python3", ptybytes, "--rows", "\(h)", "--cols", "\(w)", "--keys", keys,
                                   "--", Duban.binary, "--store", store])
            guard r.status == 0 else { throw Shell.Failure(description: "ptybytes: \(r.err)") }
            let bytes = try JSONParser.parse(r.out)["keys"]?.array?.compactMap(\.int) ?? []
            #expect(bytes.count == keys.split(separator: ",").count, "\(r.out)")
            var i = 0
            var figures: [String] = []
            for (pane, _, moves) in plan {
                i += 1  // the key that focused the pane
                let m = Array(bytes.dropFirst(i).prefix(moves.count))
                i += moves.count
                figures.append("\(pane) \(m.map(String.init).joined(separator: "/"))")
                #expect(m.allSatisfy { $0 > 0 && $0 <= 150 }, "\(pane) at \(w)×\(h): \(m) bytes per move")
            }
            print("bytes per selection move at \(w)×\(h): " + figures.joined(separator: ", "))
        }
    }
}
