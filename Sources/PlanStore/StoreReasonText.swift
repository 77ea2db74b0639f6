import PlanModel

extension StoreReason {
    /// The reason as a person reads it, in the language of `v`.
    public func text(_ v: Vocabulary) -> String {
        let t = StoreReasonText(v)
        return t.text(self)
    }

    public func text(_ language: Language) -> String { text(Vocabulary(language)) }
}

/// Renders store reasons through the vocabulary: one sentence per reason in
/// each language, the parameters (paths, lines, names) the same in both.
struct StoreReasonText {
    let v: Vocabulary
    init(_ v: Vocabulary) { self.v = v }

    private func p(_ zh: String, _ en: String) -> String { v.pick(zh, en) }

    func kind(_ k: StoreReason.FileKind) -> String {
        switch k {
        case .regular: return p("普通文件", "a regular file")
        case .directory: return p("目录", "a directory")
        case .symbolicLink: return p("符号链接", "a symbolic link")
        case .fifo: return p("命名管道（FIFO）", "a FIFO")
        case .socket: return p("套接字", "a socket")
        case .device: return p("设备文件", "a device")
        case .special: return p("特殊文件", "a special file")
        }
    }

    func call(_ c: StoreReason.SystemCall) -> String {
        switch c {
        case .open: return p("无法打开", "cannot open")
        case .create: return p("无法创建", "cannot create")
        case .stat: return p("无法读取文件信息", "cannot stat")
        case .read: return p("无法读取", "cannot read")
        case .write: return p("无法写入", "cannot write")
        case .fsync: return p("无法同步到磁盘", "cannot fsync")
        case .rename: return p("无法改名为", "cannot rename to")
        case .lock: return p("无法加锁", "cannot lock")
        case .cutTornTail: return p("无法截去不完整的末尾一行", "cannot cut the torn tail of")
        }
    }

    private func place(_ path: String, _ line: Int?, _ column: Int?) -> String {
        path + (line.map { ":\($0)" } ?? "") + (column.map { ":\($0)" } ?? "")
    }

    func text(_ r: StoreReason) -> String {
        switch r {
        case .storeMissing(let s):
            return p("存储 \(s) 不存在（`duban import FILE --store \(s)` 会创建它并导入第一个计划）",
                     "store \(s) does not exist (`duban import FILE --store \(s)` creates it with a first plan)")
        case .storeNotDirectory(let s):
            return p("存储 \(s) 不是目录", "store \(s) is not a directory")
        case .planExists(let id, let s):
            return p("计划 \(id) 已存在于 \(s)（需明确指定替换）", "plan \(id) already exists in \(s) (replace it explicitly)")
        case .noPlan(let id, let s, let missing):
            return p("\(s) 中没有计划“\(id)”（找不到 \(missing)）", "no plan \"\(id)\" in \(s) (\(missing) not found)")
        case .noPlanLoaded(let id):
            return p("没有计划 \(id)", "no plan \(id)")
        case .reservedID(let id):
            return p("“\(id)”是存储自身文件 \(id).json 的名称，不能用作计划编号",
                     "\"\(id)\" is reserved for the store's \(id).json, not a plan id")
        case .notPlanID(let id, let explained):
            return explained ? p("“\(id)”不是计划编号（只能用小写字母、数字和“-”）",
                                 "\"\(id)\" is not a plan id (lowercase letters, digits and '-')")
                : p("“\(id)”不是计划编号", "\"\(id)\" is not a plan id")

        case .openedReadOnly:
            return p("以只读方式打开", "opened read-only")
        case .directoryNotWritable(let s, let user):
            return p("存储目录 \(s) 对 \(user) 不可写", "store directory \(s) is not writable by \(user)")
        case .readOnlyFileSystem(let s):
            return p("存储 \(s) 位于只读文件系统上", "store \(s) is on a read-only file system")
        case .accessRulesUnreadable(let cause):
            return p("权限规则无法读取，修正之前所有人只读：", "the access rules cannot be read, so everyone is read-only until they are fixed: ")
                + text(cause)
        case .viewerOnly(let user):
            return p("\(user) 只能查看此存储（不是 access.json 中的办公室用户或报送单位用户）",
                     "\(user) may only view this store (not an office user or a reporter in access.json)")

        case .symbolicLink(let path):
            return p("\(path)：是符号链接；督办不跟随存储中的链接（见 `duban check`）",
                     "\(path): is a symbolic link; Duban does not follow links in a store (see `duban check`)")
        case .notRegularFile(let path, let k):
            return p("\(path)：是\(kind(k))，不是普通文件；拒绝使用（见 `duban check`）",
                     "\(path): is \(kind(k)), not a regular file; refusing to use it (see `duban check`)")
        case .hardLinks(let path, let n):
            return p("\(path)：有 \(n) 个硬链接；拒绝写入（见 `duban check`）",
                     "\(path): has \(n) hard links; refusing to write to it (see `duban check`)")
        case .systemCall(let path, let c, let error):
            guard !error.isEmpty else { return p("\(path)：\(call(c))", "\(path): \(call(c))") }
            return p("\(path)：\(call(c))：\(error)", "\(path): \(call(c)): \(error)")
        case .tooManyNames(let path):
            return p("\(path)：同名文件已有 64 个；请删除旧文件", "\(path): 64 files of that name exist already; remove old ones")
        case .lockFile(let path):
            return p("\(path)：无法打开锁文件", "\(path): cannot open lock file")
        case .notFound(let path):
            return p("\(path)：找不到", "\(path): not found")
        case .replaceRefused(let file, let owner):
            let o = owner ?? p("另一个账户", "another account")
            return p("\(file) 属于 \(o)；在此存储（设置了粘滞位的目录）中只有 \(o)、目录的属主或 root 可以替换它",
                     "\(file) belongs to \(o); in this store (a directory with the sticky bit) only \(o), "
                        + "the directory's owner or root may replace it")

        case .located(let path, let line, let column, let message):
            guard !path.isEmpty else { return message }
            return place(path, line, column) + v.pick("：", ": ") + message
        case .at(let path, let line, let column, let reason):
            return place(path, line, column) + v.pick("：", ": ") + text(reason)
        case .idMismatch(let file, let id):
            let head = file.isEmpty ? "" : file + v.pick("：", ": ")
            return head + p("计划编号“\(id)”与文件名不符", "plan id \"\(id)\" does not match the file name")
        case .journalWithoutPlan(let j):
            return p("\(j)：其中没有计划（第一条记录必须是导入）", "\(j): no plan in it (the first entry must be an import)")
        case .journalDamage(let journal, let id, let size, let offset):
            let what: String
            if let size {
                what = size < offset
                    ? p("只有 \(size) 字节，短于快照记录的 \(offset) 字节", "is \(size) bytes, shorter than the \(offset) bytes its snapshot holds")
                    : p("在第 \(offset) 字节（快照结束处）不是一行的结尾", "does not end a line at byte \(offset), where its snapshot ends")
            } else {
                what = p("不存在，但快照记录了其中的 \(offset) 字节", "is missing, but its snapshot holds \(offset) bytes of it")
            }
            let rest = p("：已提交的记录丢失（文件被截短、替换或删除）。计划 \(id) 从快照读取，在从备份恢复日志之前不再写入",
                         ": committed entries have been lost (the file was truncated, replaced or deleted). "
                            + "Plan \(id) is read from its snapshot and not written to until the journal is restored from a backup")
            guard let journal else { return what + rest }
            return p("日志 \(journal) ", "\(journal) ") + what + rest
        case .tornTailIgnored(let j, let bytes, let offset):
            return p("\(j)：忽略末尾不完整的一行（第 \(offset) 字节之后的 \(bytes) 字节）；请运行 `duban check --repair`",
                     "\(j): ignoring a torn last line (\(bytes) bytes after offset \(offset)); run `duban check --repair`")
        case .notAPlan(let file):
            return p("\(file)：不是计划（旁边没有日志，开头也不像快照）；已忽略",
                     "\(file): not a plan (no journal beside it, and it does not begin like a snapshot); ignored")
        case .readWithoutNotes(let id, let task):
            return p("计划 \(id) 读取时未带备注（任务 \(task)）；不据此写快照",
                     "plan \(id) was read without its notes (task \(task)); not writing a snapshot of it")
        case .replacedWhileReading(let snap, let task):
            return p("\(snap)：读取 \(task) 的备注时被反复替换", "\(snap): replaced again and again while reading the notes of \(task)")
        case .unreadLines(let j, let offset):
            return p("\(j)：第 \(offset) 字节之后有未读取的完整行；不截去", "\(j): unread complete lines after offset \(offset); not cutting")
        case .checkpointNotWritten(let id, let cause):
            return p("计划 \(id) 的检查点未写入：", "checkpoint of \(id) not written: ") + text(cause)

        case .emptyFile:
            return p("空文件", "empty file")
        case .taskLineCount(let expected, let found):
            return p("文件头之后应有 \(expected) 行任务，实有 \(found) 行", "expected \(expected) task lines after the header, found \(found)")
        case .noSuchSection(let task, let section, let sections):
            return p("任务 \(task)：分项 \(section) 不存在（计划共 \(sections) 个分项）",
                     "task \(task): section \(section) does not exist (the plan has \(sections))")
        case .noSuchGroup(let task, let group, let section):
            return p("任务 \(task)：分项 \(section) 中不存在第 \(group) 组", "task \(task): group \(group) does not exist in section \(section)")
        case .notesNotDue(let task):
            return p("任务 \(task) 的备注出现在此处，但它此处不应有备注行（或有两行）",
                     "notes for task \(task), which has no notes line due (or has two)")
        case .notesOutOfPlace(let task, let count, let at, let expected, let expectedAt):
            return p("任务 \(task) 的备注：位置 \(at) 处有 \(count) 条，但任务行记的是位置 \(expectedAt) 处 \(expected) 条",
                     "notes of task \(task): \(count) notes at \(at), but its task line says \(expected) at \(expectedAt)")
        case .notesMissingAtEnd(let task, let last):
            return p("任务 \(task) 的备注缺失（文件在第 \(last) 行结束）", "notes of task \(task) are missing (the file ends at line \(last))")
        case .duplicateTaskKey(let key):
            return p("任务编号“\(key)”重复", "duplicate task key \"\(key)\"")
        case .notesMissing(let task):
            return p("任务 \(task) 的备注缺失", "notes of task \(task) are missing")
        case .notesNotWhereSaid(let task):
            return p("任务 \(task) 的备注不在任务行所记的位置", "notes of task \(task) are not where its task line says")

        case .unknownAccessKeys(let file, let keys, let check):
            let list = keys.map { "\"\($0)\"" }.joined(separator: ", ")
            let head = file.map { $0 + v.pick("：", ": ") } ?? ""
            return head + (check
                ? p("未知的键 \(list)（键只有 \"office\" 和 \"reporters\"）；督办忽略它",
                    "unknown key \(list) (the keys are \"office\" and \"reporters\"); Duban ignores it")
                : p("未知的键 \(list)（键只有 \"office\" 和 \"reporters\"）；已忽略",
                    "unknown key \(list) (the keys are \"office\" and \"reporters\"); ignored"))
        case .usingDefaultSettings(let cause):
            return text(cause) + p("（使用默认设置）", " (using default settings)")
        case .accessUnreadable(let cause):
            return text(cause) + p("（修正之前所有人只读）", " (everyone is read-only until it is fixed)")
        case .notUserName(let name):
            return p("“\(name)”不是用户名（为空，或含空格、控制字符）",
                     "\"\(name)\" is not a user name (empty, or with spaces or control characters)")
        case .noOfficeUser:
            return p("权限规则至少需要一个办公室用户（否则再无人能修改）",
                     "access rules need at least one office user (nobody could change them again)")
        case .controlCharacter(let field, let code, let at):
            let label = v.isEnglish ? field : (try? ChangeField(journal: field)).map { v.label($0.label) } ?? field
            return p("\(label)：第 \(at) 个字符是控制字符 U+\(code)；终端控制符和双向覆盖符不会保存（删除后重试）",
                     "\(field): control character U+\(code) at character \(at); "
                        + "terminal controls and bidirectional overrides are not stored (remove it and try again)")

        case .directoryWorldWritable:
            return p("存储目录所有账户都可写（chmod o-w）", "the store directory is writable by every account (chmod o-w)")
        case .directoryWithoutStickyBit:
            return p("存储目录组可写但没有粘滞位：任何写入者都能改名或删除他人的文件，例如用伪造的 access.json 替换真的（chmod +t）",
                     "the store directory is group-writable without the sticky bit: any writer may rename or remove "
                        + "another's files, e.g. put a forged access.json in place of the real one (chmod +t)")
        case .directoryOwner(let owner):
            return p("存储目录属于 \(owner)，该用户不是办公室用户，却能改名或删除其中任何文件（把属主改为 root 或办公室用户）",
                     "the store directory belongs to \(owner), who is not an office user "
                        + "and may rename or remove any file in it (chown it to root or an office user)")
        case .refusedKind(let k):
            return p("是\(kind(k))，不是普通文件：督办拒绝使用它；请删除", "is \(kind(k)), not a regular file: Duban refuses to use it; remove it")
        case .refusedHardLinks(let n):
            return p("有 \(n) 个硬链接：督办拒绝写入；请换成一份副本", "has \(n) hard links: Duban refuses to write to it; replace it with a copy")
        case .worldWritable:
            return p("所有账户都可写（chmod o-w）", "is writable by every account (chmod o-w)")
        case .notGroupReadable:
            return p("组内不可读：其他写入者无法使用它（chmod g+r）", "is not readable by the group: other writers cannot use it (chmod g+r)")
        case .notOthersReadable:
            return p("其他账户不可读，而他们可以读取存储（只读用户、展示屏）（chmod o+r）",
                     "is not readable by others, who may read the store (viewers, the kiosk) (chmod o+r)")
        case .officeFileOwner(let owner):
            return p("属于 \(owner)，该用户不是办公室用户，却能修改它（把属主改为办公室用户）",
                     "belongs to \(owner), who is not an office user and could change it (chown it to an office user)")
        case .officeFileGroupWritable(let group, let member):
            return p("组 \(group) 可写，而组员 \(member) 不是办公室用户（chmod g-w）",
                     "is writable by group \(group), whose member \(member) is not an office user (chmod g-w)")
        case .journalOwner(let owner):
            return p("由 \(owner) 创建，该用户不是办公室用户（计划由办公室用户用 `duban import` 添加）",
                     "was created by \(owner), who is not an office user (plans are added by office users with `duban import`)")
        case .journalNotGroupWritable:
            return p("在组可写的存储中组内不可写：其他写入者无法提交（chmod g+w）",
                     "is not group-writable in a group-writable store: other writers cannot commit (chmod g+w)")

        case .temporaryFileLeft:
            return p("已退出的进程中断写入时留下的临时文件；`duban check --repair` 会删除它",
                     "temporary file left by an interrupted write of a process that has exited; `duban check --repair` removes it")
        case .snapshotMissing:
            return p("不存在", "missing")
        case .journalMissing(let offset):
            return p("不存在，但快照记录了其中的 \(offset) 字节：审计记录已丢失，在从备份恢复日志之前不再写入该计划",
                     "missing, but the snapshot holds \(offset) bytes of it: "
                        + "the audit trail is lost and the plan is not written to until the journal is restored from a backup")
        case .sequenceOutOfOrder(let seq, let after):
            return p("序号 \(seq) 没有接在 \(after) 之后", "sequence \(seq) does not follow \(after)")
        case .foreignEntry(let plan, let id):
            return p("\(id) 的日志中有计划“\(plan)”的记录", "entry for plan \"\(plan)\" in the journal of \(id)")
        case .entryBeforePlan(let seq):
            return p("记录 \(seq) 出现在计划导入之前", "entry \(seq) comes before the plan exists")
        case .entryDoesNotApply(let seq, let error):
            return p("记录 \(seq) 无法应用：\(error)", "entry \(seq) does not apply: \(error)")
        case .tornByDamage(let bytes):
            return p("末尾一行（\(bytes) 字节）因上述损坏而不完整；不是写入中断，因此不修复",
                     "last line cut off (\(bytes) bytes) by the damage above; not a write cut short, so not repaired")
        case .tornTail(let bytes):
            return p("末尾一行不完整（\(bytes) 字节，写入中断）；`duban check --repair` 会截去它",
                     "torn last line (\(bytes) bytes, a write cut short); `duban check --repair` cuts it")

        case .removedTemporaryFile(let path):
            return p("\(path)：已删除（中断的写入留下的）", "\(path): removed (left by an interrupted write)")
        case .cutTornTail(let j, let bytes):
            return p("\(j)：已截去末尾不完整的一行，共 \(bytes) 字节（保存在 \(j).torn）",
                     "\(j): cut a torn last line of \(bytes) bytes (kept in \(j).torn)")
        }
    }
}
