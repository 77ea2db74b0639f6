import FoundationEssentials
import OfficeFiles
import PlanModel
import PlanReports
import ScreenKit

/// The interactive dashboard: runs the reducer's effects against the store and
/// feeds the results back. All decisions are in `DashboardState`.
public final class DashboardApp: TerminalApp {
    let backend: DashboardBackend
    public private(set) var state: DashboardState
    private let now: () -> Date
    /// Journal sequence numbers this session committed, per plan, so a poll
    /// that reports only our own changes reloads nothing and announces nothing.
    private var ownSeqs: [String: Set<Int>] = [:]
    /// The plan on screen and the last journal entry it reflects: an entry
    /// numbered one more is applied in place; any other means entries came
    /// between, and the plan is read again.
    private var held: (plan: String, seq: Int)?
    /// Where the export key writes reports: the directory the dashboard was started in.
    let exportDirectory: String

    public init(backend: DashboardBackend, language: Language = .zh, initialPlan: String? = nil, ascii: Bool = false,
                now: @escaping () -> Date = Date.init,
                exportDirectory: String = FileManager.default.currentDirectoryPath) {
        self.backend = backend
        self.now = now
        self.exportDirectory = exportDirectory
        let ids = backend.planIDs()
        state = DashboardState(session: backend.session, language: language, ascii: ascii, planIDs: ids)
        state.roster = backend.roster()
        state.successions = backend.successions()
        if let id = initialPlan ?? ids.first { run([.openPlan(id)]) }
        refreshWarnings()
    }

    public var tickInterval: Double { 0.5 }

    public func handle(_ event: InputEvent) -> Bool {
        let t = now()
        switch event {
        case .key(let k):
            run(state.handle(key: k, now: t))
        case .click(let r, let c):
            run(state.click(row: r, col: c))
        case .scrollUp(let r, let c):
            state.scroll(row: r, col: c, by: -3)
        case .scrollDown(let r, let c):
            state.scroll(row: r, col: c, by: 3)
        case .resize(let w, let h):
            state.width = w; state.height = h
            state.settleTops()
        case .paste(let text):
            run(state.handle(paste: text, now: t))
        case .tick:
            poll()
            state.tick(now: t)
            refreshWarnings()
        }
        return !state.quitting
    }

    public func render(width: Int, height: Int) -> Frame {
        if width != state.width || height != state.height {
            state.width = width; state.height = height
        }
        return DashboardView.render(state, width: width, height: height)
    }

    private func poll() {
        let changes = backend.pollChanges()
        guard let current = state.plan?.id else { return }
        for ch in changes where ch.plan == current {
            let mine = ownSeqs[current] ?? []
            let others = ch.entries.filter { !mine.contains($0.seq) }
            if !ch.entries.isEmpty && others.isEmpty { continue }
            // A journal tail that follows what is held is applied to it; a
            // replaced snapshot, or a gap, reads the plan again.
            if !ch.entries.isEmpty, let h = held, h.plan == current {
                let tail = ch.entries.filter { $0.seq > h.seq }
                if tail.isEmpty { continue }
                if zip(tail, tail.indices).allSatisfy({ $0.seq == h.seq + 1 + $1 }) {
                    held = (current, tail[tail.count - 1].seq)
                    run(state.apply(.journalTail(tail, announce: others.last), now: now()))
                    continue
                }
            }
            do {
                let p = try readPlan(current)
                run(state.apply(.planChanged(p, backend.evaluation(for: p), others), now: now()))
            } catch {
                run(state.apply(.failed("\(error)"), now: now()))
            }
        }
        for ch in changes where !state.planIDs.contains(ch.plan) { state.planIDs = backend.planIDs() }
    }

    /// The store's warnings: all counted in the header, a new one shown in the
    /// footer unless a notice is showing.
    private func refreshWarnings() {
        let w = backend.warnings
        guard w != state.storeWarnings else { return }
        let new = w.filter { !state.storeWarnings.contains($0) }
        state.storeWarnings = w
        if let first = new.first, state.notice == nil {
            state.show(state.strings.storeWarning(first), .error, now(), seconds: 8)
        }
    }

    /// Reads a plan whole, and notes which journal entry it reflects.
    private func readPlan(_ id: String) throws -> Plan {
        let (p, seq) = try backend.planAndSeq(id)
        held = seq.map { (id, $0) }
        return p
    }

    /// After committing `entry`: nil when it follows what is held (the state
    /// applies it in place), else the plan read again.
    private func planAfter(_ entry: JournalEntry) throws -> Plan? {
        if let h = held, h.plan == entry.plan, h.seq + 1 == entry.seq {
            held = (h.plan, entry.seq)
            return nil
        }
        return try readPlan(entry.plan)
    }

    /// Runs effects until the reducer asks for nothing more.
    private func run(_ effects: [Effect]) {
        var queue = effects
        while !queue.isEmpty {
            let e = queue.removeFirst()
            if let fb = execute(e) { queue += state.apply(fb, now: now()) }
        }
    }

    private func execute(_ e: Effect) -> Feedback? {
        switch e {
        case .quit:
            return nil
        case .openPlan(let id):
            do {
                let p = try readPlan(id)
                return .planLoaded(p, backend.evaluation(for: p))
            } catch { return .failed("\(error)") }
        case .loadHistory(let plan, let task):
            return .history(task: task, entries: backend.history(plan: plan, task: task),
                            notes: backend.notes(plan: plan, task: task))
        case .loadAssessment(let id):
            do {
                let p = try backend.plan(id)
                let rules = try backend.scoringRules()
                return .assessment(Assessment(plan: p, evaluation: backend.evaluation(for: p), rules: rules,
                                              doneDays: Assessment.doneDays(from: backend.statusChanges(plan: id))))
            } catch { return .failed("\(error)") }
        case .loadPlanTitles:
            var titles: [String: String] = [:]
            // A plan that cannot be read shows its id alone, and is not asked again.
            for id in backend.planIDs() { titles[id] = backend.planTitle(id) ?? "" }
            return .planTitles(titles)
        case .previewImport(let path):
            do { return .importPreview(try backend.previewImport(path: path, english: state.lang == .en)) }
            catch { return .failed("\(error)") }
        case .importPlan(let p):
            do {
                try backend.importPlan(p)
                return .imported(p, planIDs: backend.planIDs())
            } catch { return .refused("\(error)") }
        case .loadDepartment(let name):
            // A plan that fails to load is left out rather than hiding the others.
            let plans = backend.planIDs().compactMap { id -> (Plan, Evaluation)? in
                guard let p = try? backend.plan(id) else { return nil }
                return (p, backend.evaluation(for: p))
            }
            return .department(name: name, DepartmentAcrossPlans(name: name, plans: plans, successions: backend.successions()))
        case .writeReport(let request, let format):
            do { return .written(try write(request, format)) } catch { return .failed("\(error)") }
        case .commit(let plan, let task, let edit, let expected, let force):
            // The store stamps notes and decides access; the entry it returns is what changed.
            do {
                let entry = try backend.commit(edit, plan: plan, task: task, expected: expected, force: force)
                ownSeqs[plan, default: []].insert(entry.seq)
                return .committed(entry, try planAfter(entry))
            } catch let c as Conflict {
                return .conflict(c, edit)
            } catch { return feedback(for: error) }
        case .chase(let plan, let department):
            do {
                let p = try backend.plan(plan)
                let ev = backend.evaluation(for: p)
                guard let draft = p.chaseDrafts(today: ev.today, dueSoonDays: ev.dueSoonDays, settings: backend.chaseSettings(),
                                                department: department).first else {
                    return .failed(state.strings.nothingToChase(department))
                }
                let entry = try backend.commit(.addChase(draft), plan: plan, task: "",
                                               expected: p.currentValue(of: .addChase(draft), task: ""), force: false)
                ownSeqs[plan, default: []].insert(entry.seq)
                return .committed(entry, try backend.plan(plan))
            } catch { return feedback(for: error) }
        case .undo(let plan):
            do {
                let entry = try backend.undoLast(plan: plan)
                ownSeqs[plan, default: []].insert(entry.seq)
                return .undone(entry, try planAfter(entry))
            } catch { return feedback(for: error) }
        }
    }

    /// Writes the report and returns its absolute path.
    private func write(_ request: ReportRequest, _ format: ReportFormat) throws -> String {
        let english = state.lang == .en
        let c = OfficeContext(office: backend.office(), english: english)
        func path(_ subject: String, _ zh: String, _ en: String, _ day: Day) -> String {
            let dir = exportDirectory.hasSuffix("/") ? String(exportDirectory.dropLast()) : exportDirectory
            return dir + "/" + ReportFile.name(subject, english ? en : zh, day, format)
        }
        switch request {
        case .progress(let id):
            let p = try backend.plan(id)
            let r = ProgressReport(plan: p, evaluation: backend.evaluation(for: p),
                                   doneDays: Assessment.doneDays(from: backend.statusChanges(plan: id)))
            let out = path(p.id, "进展情况报告", "progress-report", r.asOf)
            try ReportFile.write(r, format, c, to: out)
            return out
        case .assessment(let id):
            let p = try backend.plan(id)
            let a = Assessment(plan: p, evaluation: backend.evaluation(for: p), rules: try backend.scoringRules(),
                               doneDays: Assessment.doneDays(from: backend.statusChanges(plan: id)))
            let out = path(p.id, "年度考核", "assessment", a.asOf)
            try ReportFile.write(a, title: p.title, format, c, to: out)
            return out
        case .department(let name):
            var asOf: [String: Day] = [:]
            let plans = backend.planIDs().compactMap { id -> (Plan, Evaluation)? in
                guard let p = try? backend.plan(id) else { return nil }
                let e = backend.evaluation(for: p)
                asOf[id] = e.today
                return (p, e)
            }
            let d = DepartmentAcrossPlans(name: name, plans: plans, successions: backend.successions())
            let out = path(name, "部门任务", "department-tasks", asOf.values.max() ?? plans.first?.1.today ?? Day(year: 2000, month: 1, day: 1)!)
            try ReportFile.write(d, asOf: asOf, format, c, to: out)
            return out
        }
    }

    private func feedback(for error: Error) -> Feedback {
        let zh = state.lang == .zh
        if let r = error as? Refusal { return .refused(r.text(zh ? .zh : .en)) }
        if let e = error as? EditError { return .failed(e.text(zh ? .zh : .en)) }
        if let e = error as? OfficeFileError { return .failed(e.message(english: !zh)) }
        return .failed("\(error)")
    }

    // Read-only views for tests and the terminal backend.
    public var planID: String? { state.plan?.id }
    public var selectedTaskKey: String? { state.selectedKey }
    public var focusedPane: Pane { state.focus }
    public var visibleTaskKeys: [String] { state.list.visible.map { state.plan!.tasks[$0].key } }
    public var noticeText: String? { state.notice?.text }
    public var isShowingDetail: Bool { state.detail != nil }
}
