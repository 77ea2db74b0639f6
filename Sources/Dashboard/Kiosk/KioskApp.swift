import FoundationEssentials
import PlanModel
import ScreenKit

/// One screen of the kiosk's rotation.
public enum KioskPage: Hashable, Sendable {
    case overview, section(Int), departments, completion, overdue
    /// Who has reported in the open round; shown only while one is open.
    case reporting
}

/// What the kiosk shows; changes only on ticks (a new minute, a new page, a
/// store change), so an idle kiosk produces identical frames.
struct KioskState {
    var lang: Language
    var ascii: Bool
    var session: SessionInfo
    var data: PlanData?
    /// Each section's tasks, reddest first.
    var sectionRows: [[Int]] = []
    /// The open round's figures, most missing first; nil with no round open.
    var reporting: ReportingBoard?
    var pages: [KioskPage] = [.overview]
    /// What rotates: the pages, long lists cut into screenfuls.
    var screens: [KioskScreen] = [KioskScreen(page: .overview)]
    var screen = 0
    /// Terminal rows, for cutting lists into screenfuls.
    var height = 24
    /// `HH:MM`: the clock at minute resolution.
    var clock = ""
    var lastUpdate: String?
    /// The store's warnings, shown while they last.
    var storeWarnings: [String] = []
    /// Which plan of how many the rotation is showing.
    var plan = (1, 1)

    var strings: Strings { Strings(lang) }

    mutating func load(_ p: Plan, _ ev: Evaluation) {
        let d = PlanData(p, ev)
        data = d
        var rows = Array(repeating: [Int](), count: p.sections.count)
        let lights = d.rollup.lights
        for (i, t) in p.tasks.enumerated() where t.section >= 0 && t.section < rows.count { rows[t.section].append(i) }
        sectionRows = rows.map { r in r.sorted { (lights[$0], d.keyOrder[$0]) < (lights[$1], d.keyOrder[$1]) } }
        pages = [.overview] + p.sections.indices.map { .section($0) } + [.departments, .completion, .overdue]
        reporting = p.supervision.openRound == nil ? nil : ReportingBoard(plan: p, sortByMissing: true)
        if reporting != nil { pages.append(.reporting) }
        paginate()
    }

    /// Cuts long lists into screens of the rows a list pane shows at this height
    /// (header 2, footer 1, box 2, column headings 1).
    mutating func paginate() {
        let per = max(1, height - 6)
        var out: [KioskScreen] = []
        for p in pages {
            let n: Int
            switch p {
            case .section(let i): n = i < sectionRows.count ? sectionRows[i].count : 0
            case .departments: n = data?.rollup.workloads.count ?? 0
            case .overdue: n = data?.overdue.count ?? 0
            case .reporting: n = reporting?.rowCount ?? 0
            case .overview, .completion: n = 0
            }
            // The 报送 table has a summary line above its column headings.
            let rows = p == .reporting ? max(1, per - 1) : per
            let parts = max(1, (n + rows - 1) / rows)
            for part in 0..<parts { out.append(KioskScreen(page: p, first: part * rows, part: part + 1, parts: parts)) }
        }
        screens = out
        screen = min(screen, screens.count - 1)
    }
}

/// One screenful of a page.
struct KioskScreen: Hashable {
    var page: KioskPage
    var first = 0
    var part = 1
    var parts = 1
}

/// The wall-screen dashboard: read-only whatever the user's role, no selection
/// and no editing; it rotates through its pages every `interval` seconds,
/// plan after plan, and refreshes when the store changes. Only `exitKey` (if
/// set) ends it.
public final class KioskApp: TerminalApp {
    let backend: DashboardBackend
    private(set) var state: KioskState
    private let interval: Double
    private let exitKey: Character?
    private let now: () -> Date
    /// The plans named to rotate through; empty: every plan in the store.
    private let named: [String]
    /// The plans rotated through, in order.
    private var planIDs: [String] = []
    /// Index into `planIDs` of the plan on screen.
    private var planIndex = 0
    private var planID: String? { planIndex < planIDs.count ? planIDs[planIndex] : nil }
    /// Rotation steps taken since the start: one per `interval`.
    private var steps = 0
    private let start: Date
    private var lastEntry: JournalEntry?

    /// `plans`: the plans to rotate through, in this order; empty for every
    /// plan in the store (new ones join the rotation as they appear).
    public init(backend: DashboardBackend, language: Language = .zh, interval: Double = 15, exitKey: Character? = nil,
                ascii: Bool = false, now: @escaping () -> Date = Date.init, plans: [String] = []) {
        self.backend = backend
        self.interval = max(1, interval)
        self.exitKey = exitKey
        self.now = now
        named = plans
        start = now()
        let s = backend.session
        state = KioskState(lang: language, ascii: ascii,
                           session: SessionInfo(user: s.user, role: s.role, readOnly: true,
                                                readOnlyReason: s.readOnlyReason, kiosk: true))
        planIDs = plans.isEmpty ? backend.planIDs() : plans
        reload()
        advanceClock()
    }

    /// One plan, as `--plan` names it (nil: every plan).
    public convenience init(backend: DashboardBackend, language: Language = .zh, interval: Double = 15,
                            exitKey: Character? = nil, ascii: Bool = false, now: @escaping () -> Date = Date.init,
                            plan: String?) {
        self.init(backend: backend, language: language, interval: interval, exitKey: exitKey, ascii: ascii, now: now,
                  plans: plan.map { [$0] } ?? [])
    }

    public var tickInterval: Double { 0.5 }

    /// Keys never change anything: only the exit key, if one was set, does something.
    public func handle(_ event: InputEvent) -> Bool {
        switch event {
        case .key(.char(let c)):
            return exitKey == nil || c != exitKey
        case .resize(_, let h):
            resize(h)
        case .tick:
            let changes = backend.pollChanges()
            if named.isEmpty, changes.contains(where: { !planIDs.contains($0.plan) }) {
                let current = planID
                planIDs = backend.planIDs()
                planIndex = current.flatMap { planIDs.firstIndex(of: $0) } ?? 0
            }
            if changes.contains(where: { $0.plan == planID }) { reload() } else { state.storeWarnings = backend.warnings }
            advanceClock()
        default:
            break
        }
        return true
    }

    public func render(width: Int, height: Int) -> Frame {
        if height != state.height { resize(height) }
        return KioskView.render(state, width: width, height: height)
    }

    public var currentPage: KioskPage { state.screens[state.screen].page }
    public var currentPlan: String? { planID }

    private func resize(_ h: Int) {
        state.height = h
        state.paginate()
        advanceClock()
    }

    private func reload() {
        state.storeWarnings = backend.warnings
        state.plan = (planIndex + 1, planIDs.count)
        guard let id = planID, let p = try? backend.plan(id) else { return }
        state.load(p, backend.evaluation(for: p))
        lastEntry = backend.lastChange(plan: id)
    }

    /// The clock, the page on screen and, once a rotation of a plan's pages
    /// is through, the next plan.
    private func advanceClock() {
        let t = now()
        let c = LocalTime(t)
        state.clock = LocalTime.two(c.hour) + ":" + LocalTime.two(c.minute)
        let today = "\(c.year)-\(LocalTime.two(c.month))-\(LocalTime.two(c.day))"
        state.lastUpdate = lastEntry.map { e in
            // The date too, unless it is today: a wall screen is read days later.
            let day = String(e.time.prefix(10))
            return state.strings.lastUpdated(day == today ? e.clock : day + " " + e.clock, e.user)
        }
        let target = Int(max(0, t.timeIntervalSince(start)) / interval)
        // Missed ticks are caught up, a bounded number of steps at a time.
        var moved = 0
        while steps < target && moved < 1000 {
            steps += 1
            moved += 1
            state.screen += 1
            if state.screen >= state.screens.count {
                state.screen = 0
                if planIDs.count > 1 {
                    planIndex = (planIndex + 1) % planIDs.count
                    reload()
                }
            }
        }
        if steps < target { steps = target }
        state.screen = min(state.screen, state.screens.count - 1)
    }
}
