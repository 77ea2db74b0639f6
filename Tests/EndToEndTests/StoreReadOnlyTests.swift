import Foundation
import PlanModel
import PlanStore
import Testing

@Suite struct StoreReadOnlyTests {
    /// As root, permissions do not bind: run as nobody through setpriv.
    static var otherUser: [String]? {
        if getuid() != 0 { return [] }
        return FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")
            ? ["--reuid=nobody", "--regid=nogroup", "--clear-groups"] : nil
    }

    @Test(.enabled(if: otherUser != nil, "running as root without setpriv: cannot drop to a non-root user"))
    func readOnlyStoreIsReadAndNeverTouched() throws {
        let dir = try makeE2EStore()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(try Duban.run(["update", "e2e", "1.2", "--progress", "30", "--note", "已部署", "--store", dir]).status == 0)
        let fm = FileManager.default
        for name in try fm.contentsOfDirectory(atPath: dir) {
            try fm.setAttributes([.posixPermissions: 0o444], ofItemAtPath: dir + "/" + name)
        }
        try fm.setAttributes([.posixPermissions: 0o555], ofItemAtPath: dir)
        defer { try? fm.setAttributes([.posixPermissions: 0o755], ofItemAtPath: dir) }
        let before = try snapshotOfDirectory(dir)
        let as_ = Self.otherUser!

        let log = try Duban.run(["log", "--store", dir], asUser: as_)
        #expect(log.status == 0 && log.out.contains("已部署"), "\(log.err)")
        let json = try Duban.run(["log", "e2e", "1.2", "--json", "--store", dir], asUser: as_)
        #expect(json.status == 0)
        #expect(try JSONParser.parse(json.out).array?.count == 2)
        #expect(try Duban.run(["check", "--store", dir], asUser: as_).status == 0)
        let access = try Duban.run(["access", "--lang", "en", "--store", dir], asUser: as_)
        #expect(access.status == 0 && access.out.contains("viewer"))
        let update = try Duban.run(["update", "e2e", "1.1", "--progress", "5", "--store", dir], asUser: as_)
        #expect(update.status != 0 && update.err.contains("read-only"), "\(update.err)")
        let compact = try Duban.run(["compact", "--store", dir], asUser: as_)
        #expect(compact.status != 0)
        #expect(try snapshotOfDirectory(dir) == before)
    }
}
