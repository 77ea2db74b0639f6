#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PlanModel

/// Types, owners and modes of the store's files: what keeps one account of
/// a shared store from subverting or locking out the others (see the threat
/// model in the README).
extension Store {
    /// Files only an office user may write: the rules, the settings, the roster.
    static let officeFiles: Set<String> = ["access.json", "settings.json", "roster.json"]

    /// Problems with the directory and its files: anything Duban would refuse
    /// to open (links, FIFOs, hard-linked files), files others could use to
    /// take rights (an access file writable by non-office accounts, a shared
    /// directory without the sticky bit) and journals other writers cannot
    /// append to.
    func checkFileModes() -> [StoreProblem] {
        var problems: [StoreProblem] = []
        func report(_ file: String, _ reason: StoreReason) {
            problems.append(StoreProblem(file: file, reason, kind: .permissions))
        }
        var dir = stat()
        guard stat(path, &dir) == 0 else { return [] }
        let office = officeAccounts()
        let shared = dir.st_mode & (S_IWGRP | S_IWOTH) != 0
        if dir.st_mode & S_IWOTH != 0 {
            report(path, .directoryWorldWritable)
        }
        if shared && dir.st_mode & S_ISVTX == 0 {
            report(path, .directoryWithoutStickyBit)
        }
        if !office.allows(dir.st_uid) {
            report(path, .directoryOwner(owner: Identity.userName(uid: dir.st_uid)))
        }
        for name in POSIXFile.listDirectory(path) where Store.isStoreFileName(name) {
            let file = path + "/" + name
            var st = stat()
            guard lstat(file, &st) == 0 else { continue }
            guard st.st_mode & S_IFMT == S_IFREG else {
                report(file, .refusedKind(kind: POSIXFile.kind(st.st_mode)))
                continue
            }
            if st.st_nlink > 1 {
                report(file, .refusedHardLinks(count: Int(st.st_nlink)))
            }
            if st.st_mode & S_IWOTH != 0 {
                report(file, .worldWritable)
            }
            // Every writer opens every file (a lock read-only), and viewers
            // read what the directory lets them: a file they cannot read
            // locks them out.
            if !name.hasPrefix(".") || name == ".lock" {
                if shared && st.st_mode & S_IRGRP == 0 {
                    report(file, .notGroupReadable)
                } else if dir.st_mode & S_IROTH != 0 && st.st_mode & S_IROTH == 0 && !name.contains(".torn") {
                    report(file, .notOthersReadable)
                }
            }
            if Store.officeFiles.contains(name) {
                if !office.allows(st.st_uid) {
                    report(file, .officeFileOwner(owner: Identity.userName(uid: st.st_uid)))
                }
                if st.st_mode & S_IWGRP != 0, let outsider = groupMembers(st.st_gid).first(where: { !office.allows(name: $0) }) {
                    report(file, .officeFileGroupWritable(group: groupName(st.st_gid), member: outsider))
                }
            } else if name.hasSuffix(".journal.jsonl") {
                if !office.allows(st.st_uid) {
                    report(file, .journalOwner(owner: Identity.userName(uid: st.st_uid)))
                }
                if dir.st_mode & S_IWGRP != 0 && st.st_mode & S_IWGRP == 0 {
                    report(file, .journalNotGroupWritable)
                }
            }
        }
        return problems
    }

    /// Whether a name is one Duban reads or writes in a store.
    static func isStoreFileName(_ name: String) -> Bool {
        name.hasSuffix(".json") || name.hasSuffix(".jsonl") || name.hasSuffix(".lock") || name.contains(".torn")
            || (name.hasPrefix(".") && name.contains(".tmp-"))
    }

    /// Accounts that may own files only the office should write: root, the
    /// office users of access.json (without one, the directory's owner).
    struct OfficeAccounts {
        var uids: Set<uid_t>
        var names: Set<String>
        func allows(_ uid: uid_t) -> Bool { uid == 0 || uids.contains(uid) }
        func allows(name: String) -> Bool { name == "root" || names.contains(name) }
    }

    func officeAccounts() -> OfficeAccounts {
        var names: Set<String> = []
        if let rules = try? accessRules() {
            names = Set(rules.office)
        } else if let owner = POSIXFile.owner(path) {
            names = [Identity.userName(uid: owner)]
        }
        var uids: Set<uid_t> = []
        for n in names { if let pw = getpwnam(n) { uids.insert(pw.pointee.pw_uid) } }
        return OfficeAccounts(uids: uids, names: names)
    }

    /// Accounts in a group: listed members and those whose primary group it is.
    func groupMembers(_ gid: gid_t) -> [String] {
        var out: [String] = []
        if let gr = getgrgid(gid), var p = gr.pointee.gr_mem {
            while let m = p.pointee { out.append(String(cString: m)); p += 1 }
        }
        setpwent()
        while let pw = getpwent() {
            if pw.pointee.pw_gid == gid { out.append(String(cString: pw.pointee.pw_name)) }
        }
        endpwent()
        return out
    }

    func groupName(_ gid: gid_t) -> String {
        if let gr = getgrgid(gid) { return String(cString: gr.pointee.gr_name) }
        return "\(gid)"
    }

    /// Whether this session may rename a new file over `file`: in a directory
    /// with the sticky bit only the file's owner, the directory's owner and
    /// root may.
    func mayReplace(_ file: String) -> Bool {
        var dir = stat(), st = stat()
        guard stat(path, &dir) == 0, dir.st_mode & S_ISVTX != 0, lstat(file, &st) == 0 else { return true }
        let me = geteuid()
        return me == 0 || me == st.st_uid || me == dir.st_uid
    }

    func replaceRefusal(_ file: String) -> StoreError {
        var st = stat()
        let owner = lstat(file, &st) == 0 ? Identity.userName(uid: st.st_uid) : nil
        return StoreError(.replaceRefused(file: file, owner: owner))
    }

    /// What a path is when it names one of the store's own files (through
    /// any link or relative path): "the snapshot of plan X", "the journal of
    /// plan X", "the access rules", …; nil for any other path.
    public func storeFile(at file: String) -> String? {
        func real(_ p: String) -> String? {
            guard let r = realpath(p, nil) else { return nil }
            defer { free(r) }
            return String(cString: r)
        }
        guard let dir = real(path) else { return nil }
        var target = real(file)
        if target == nil {
            let slash = file.lastIndex(of: "/")
            let parent = slash.map { $0 == file.startIndex ? "/" : String(file[..<$0]) } ?? "."
            let name = slash.map { String(file[file.index(after: $0)...]) } ?? file
            target = real(parent).map { $0 == "/" ? "/" + name : $0 + "/" + name }
        }
        guard let target, let slash = target.lastIndex(of: "/"), String(target[..<slash]) == dir else { return nil }
        let name = String(target[target.index(after: slash)...])
        guard Store.isStoreFileName(name) else { return nil }
        if name.hasSuffix(".journal.jsonl") { return "the journal of plan \(name.dropLast(".journal.jsonl".count))" }
        if Store.officeFiles.contains(name) { return "the store's \(name)" }
        if name.hasSuffix(".json") { return "the snapshot of plan \(name.dropLast(".json".count))" }
        return "the store's \(name)"
    }
}
