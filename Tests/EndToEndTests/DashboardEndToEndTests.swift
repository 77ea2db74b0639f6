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
}
