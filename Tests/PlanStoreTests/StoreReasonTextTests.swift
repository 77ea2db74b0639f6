import Testing
import PlanModel
@testable import PlanStore

/// Every reason the store gives reads in Chinese and in English, with its
/// parameters, and no two reasons read the same.
@Suite struct StoreReasonTextTests {
    /// One of each case; `caseIndex` makes adding a case without a sample fail to compile or to pass.
    static let samples: [StoreReason] = [
        .storeMissing(store: "/srv/s"), .storeNotDirectory(store: "/srv/s"), .planExists(plan: "p1", store: "/srv/s"),
        .noPlan(plan: "p1", store: "/srv/s", missing: "/srv/s/p1.json"), .noPlanLoaded(plan: "p1"), .reservedID("settings"),
        .notPlanID("P 1", explained: true),
        .openedReadOnly, .directoryNotWritable(store: "/srv/s", user: "lihua"), .readOnlyFileSystem(store: "/srv/s"),
        .accessRulesUnreadable(cause: .symbolicLink(path: "/srv/s/access.json")), .viewerOnly(user: "lihua"),
        .symbolicLink(path: "/srv/s/p1.lock"), .notRegularFile(path: "/srv/s/p1.lock", kind: .fifo),
        .hardLinks(path: "/srv/s/p1.journal.jsonl", count: 3),
        .systemCall(path: "/srv/s/p1.journal.jsonl", call: .fsync, error: "Input/output error"),
        .tooManyNames(path: "/srv/s/p1.journal.jsonl.torn"), .lockFile(path: "/srv/s/p1.lock"), .notFound(path: "/srv/s/p1.journal.jsonl"),
        .replaceRefused(file: "/srv/s/access.json", owner: "mallory"),
        .located(path: "/srv/s/p1.json", line: 3, column: 7, message: "expected ','"),
        .at(path: "/srv/s/p1.journal.jsonl", line: 9, column: nil, reason: .entryBeforePlan(seq: 2)),
        .emptyFile, .taskLineCount(expected: 40, found: 39), .noSuchSection(task: "9.1", section: 9, sections: 3),
        .noSuchGroup(task: "1.1", group: 4, section: 1), .notesNotDue(task: "1.2"),
        .notesOutOfPlace(task: "1.3", count: 2, at: 300, expected: 3, expectedAt: 310), .notesMissingAtEnd(task: "1.4", lastLine: 88),
        .duplicateTaskKey(key: "1.5"), .notesMissing(task: "1.6"), .notesNotWhereSaid(task: "1.7"),
        .idMismatch(file: "/srv/s/p1.json", id: "p2"), .journalWithoutPlan(journal: "/srv/s/p1.journal.jsonl"),
        .journalDamage(journal: "/srv/s/p1.journal.jsonl", plan: "p1", size: 100, offset: 4096),
        .tornTailIgnored(journal: "/srv/s/p1.journal.jsonl", bytes: 17, offset: 4096), .notAPlan(file: "/srv/s/notes.json"),
        .readWithoutNotes(plan: "p1", task: "1.1"), .replacedWhileReading(snapshot: "/srv/s/p1.json", task: "1.1"),
        .unreadLines(journal: "/srv/s/p1.journal.jsonl", offset: 4096),
        .checkpointNotWritten(plan: "p1", cause: .hardLinks(path: "/srv/s/p1.json", count: 2)),
        .unknownAccessKeys(file: "/srv/s/access.json", keys: ["offices"], check: false),
        .usingDefaultSettings(cause: .located(path: "/srv/s/settings.json", line: 1, column: 2, message: "expected a value")),
        .accessUnreadable(cause: .notRegularFile(path: "/srv/s/access.json", kind: .directory)),
        .notUserName(""), .noOfficeUser, .controlCharacter(field: "note", code: "001B", at: 3),
        .directoryWorldWritable, .directoryWithoutStickyBit, .directoryOwner(owner: "mallory"), .refusedKind(kind: .socket),
        .refusedHardLinks(count: 2), .worldWritable, .notGroupReadable, .notOthersReadable, .officeFileOwner(owner: "mallory"),
        .officeFileGroupWritable(group: "duban", member: "mallory"), .journalOwner(owner: "mallory"), .journalNotGroupWritable,
        .temporaryFileLeft, .snapshotMissing, .journalMissing(offset: 4096), .sequenceOutOfOrder(seq: 3, after: 5),
        .foreignEntry(plan: "p2", journalOf: "p1"), .entryBeforePlan(seq: 1), .entryDoesNotApply(seq: 4, error: "no task 9.9"),
        .tornByDamage(bytes: 12), .tornTail(bytes: 12),
        .removedTemporaryFile(path: "/srv/s/.p1.json.tmp-99"), .cutTornTail(journal: "/srv/s/p1.journal.jsonl", bytes: 12),
    ]

    static func caseIndex(_ r: StoreReason) -> Int {
        switch r {
        case .storeMissing: 0; case .storeNotDirectory: 1; case .planExists: 2; case .noPlan: 3; case .noPlanLoaded: 4
        case .reservedID: 5; case .notPlanID: 6; case .openedReadOnly: 7; case .directoryNotWritable: 8
        case .readOnlyFileSystem: 9; case .accessRulesUnreadable: 10; case .viewerOnly: 11; case .symbolicLink: 12
        case .notRegularFile: 13; case .hardLinks: 14; case .systemCall: 15; case .tooManyNames: 16; case .lockFile: 17
        case .notFound: 18; case .replaceRefused: 19; case .located: 20; case .at: 21; case .idMismatch: 22
        case .journalWithoutPlan: 23; case .journalDamage: 24; case .tornTailIgnored: 25; case .notAPlan: 26
        case .readWithoutNotes: 27; case .replacedWhileReading: 28; case .unreadLines: 29; case .checkpointNotWritten: 30
        case .unknownAccessKeys: 31; case .usingDefaultSettings: 32; case .accessUnreadable: 33; case .notUserName: 34
        case .noOfficeUser: 35; case .controlCharacter: 36; case .directoryWorldWritable: 37; case .directoryWithoutStickyBit: 38
        case .directoryOwner: 39; case .refusedKind: 40; case .refusedHardLinks: 41; case .worldWritable: 42
        case .notGroupReadable: 43; case .notOthersReadable: 44; case .officeFileOwner: 45; case .officeFileGroupWritable: 46
        case .journalOwner: 47; case .journalNotGroupWritable: 48; case .temporaryFileLeft: 49; case .snapshotMissing: 50
        case .journalMissing: 51; case .sequenceOutOfOrder: 52; case .foreignEntry: 53; case .entryBeforePlan: 54
        case .entryDoesNotApply: 55; case .tornByDamage: 56; case .tornTail: 57; case .removedTemporaryFile: 58
        case .cutTornTail: 59; case .emptyFile: 60; case .taskLineCount: 61; case .noSuchSection: 62; case .noSuchGroup: 63
        case .notesNotDue: 64; case .notesOutOfPlace: 65; case .notesMissingAtEnd: 66; case .duplicateTaskKey: 67
        case .notesMissing: 68; case .notesNotWhereSaid: 69
        }
    }
    static let caseCount = 70

    @Test func everyCaseHasASample() {
        #expect(Set(Self.samples.map(Self.caseIndex)) == Set(0..<Self.caseCount))
    }

    @Test func everyReasonReadsInBothLanguagesAndNoTwoAlike() {
        var zh: Set<String> = [], en: Set<String> = []
        for r in Self.samples {
            let z = r.text(.zh), e = r.text(.en)
            #expect(!z.isEmpty && !e.isEmpty && z != e, "\(r)")
            // Chinese text beyond the parameters; English text without any.
            #expect(z.unicodeScalars.contains { (0x3000...0x9FFF).contains($0.value) || (0xFF00...0xFFEF).contains($0.value) }, "\(z)")
            #expect(!e.unicodeScalars.contains { (0x3000...0x9FFF).contains($0.value) || (0xFF00...0xFFEF).contains($0.value) }, "\(e)")
            zh.insert(z)
            en.insert(e)
        }
        #expect(zh.count == Self.samples.count && en.count == Self.samples.count)
    }

    @Test func parametersAppearInBothLanguages() {
        for r in Self.samples {
            let params = Mirror(reflecting: r).children.first.map { Self.strings(in: $0.value) } ?? []
            for p in params where !p.isEmpty && p != "note" {
                #expect(r.text(.zh).contains(p) && r.text(.en).contains(p), "\(p) in \(r)")
            }
        }
    }

    /// Every file kind and system call has its own words in each language.
    @Test func kindsAndCallsAreNamed() {
        for lang in Language.allCases {
            let t = StoreReasonText(Vocabulary(lang))
            #expect(Set(StoreReason.FileKind.allCases.map(t.kind)).count == StoreReason.FileKind.allCases.count)
            #expect(Set(StoreReason.SystemCall.allCases.map(t.call)).count == StoreReason.SystemCall.allCases.count)
        }
    }

    /// The English texts scripts and logs grep for are those of before.
    @Test func englishKeepsItsWording() {
        #expect(StoreReason.journalDamage(journal: "/s/p.journal.jsonl", plan: "p", size: 10, offset: 20).text(.en)
            == "/s/p.journal.jsonl is 10 bytes, shorter than the 20 bytes its snapshot holds: committed entries have been lost "
            + "(the file was truncated, replaced or deleted). Plan p is read from its snapshot and not written to until the journal is restored from a backup")
        #expect(StoreReason.systemCall(path: "/s/x", call: .open, error: "").text(.en) == "/s/x: cannot open")
        #expect(StoreError(.reservedID("settings")).description == "\"settings\" is reserved for the store's settings.json, not a plan id")
        #expect(StoreError(.reservedID("settings")).text(.zh) == "“settings”是存储自身文件 settings.json 的名称，不能用作计划编号")
    }

    /// A check line: the file once, then the reason, in either language.
    @Test func problemLinesNameTheFileOnce() {
        let p = StoreProblem(file: "/s/p.journal.jsonl", line: 4, column: 1, .tornTail(bytes: 9), repairable: true, kind: .tornTail)
        #expect(p.text(.en) == "/s/p.journal.jsonl:4:1: torn last line (9 bytes, a write cut short); `duban check --repair` cuts it")
        #expect(p.text(.zh) == "/s/p.journal.jsonl:4:1：末尾一行不完整（9 字节，写入中断）；`duban check --repair` 会截去它")
        #expect(p.description == p.text(.en))
        let link = StoreProblem(file: "/s/access.json", .symbolicLink(path: "/s/access.json"))
        #expect(link.text(.zh) == "/s/access.json：是符号链接；督办不跟随存储中的链接（见 `duban check`）")
    }

    static func strings(in value: Any) -> [String] {
        if let s = value as? String { return [s] }
        if value is StoreReason { return [] }
        return Mirror(reflecting: value).children.flatMap { strings(in: $0.value) }
    }
}
