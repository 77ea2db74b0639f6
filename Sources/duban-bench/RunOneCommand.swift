import ArgumentParser
import Dashboard
import DashboardStore
import PlanModel
import PlanReports
import PlanStore
import ScreenKit

/// Measures one store in a process of its own, so the peak memory reported is
/// this size's alone. Prints `name<TAB>seconds` lines for `run` to collect.
struct RunOneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "run-one",
                                                    abstract: "Measure one generated store (used by run).")
    @Option(help: "Tasks the store holds (for the runs' count).") var tasks: Int
    @Option(help: "Store directory, as written by generate.") var dir: String
    @Flag(help: "Fewer runs.") var quick = false
    @Option(help: ArgumentHelp("Run one step once, for a profiler: load or frame.", visibility: .hidden)) var once: String?

    func run() throws {
        if let once { return try runOnce(once) }
        // Big stores take longer per run; fewer runs keep the whole suite short.
        let big = tasks >= 100_000
        let slowRuns = quick ? 3 : big ? 5 : 11
        let fastRuns = quick ? 50 : 200
        let today = Day(year: 2014, month: 9, day: 30)
        let id = try Store.open(dir, readOnly: true).planIDs()[0]

        // The previous run's plan is released outside the timed part: freeing
        // is not loading.
        func loading(_ open: (Store) throws -> Plan) throws -> Double {
            var kept: Plan?
            let r = try Measure.timed(warmup: 1, runs: slowRuns) {
                let t0 = Measure.now()
                let p = try open(try Store.open(dir, readOnly: true))
                let t = Measure.now() - t0
                kept = p
                return t
            }
            withExtendedLifetime(kept) {}
            return r.median
        }
        report("load", try loading { try $0.plan(id) })
        report("displayLoad", try loading { try $0.displayPlan(id) })

        var app: DashboardApp?
        let first = try Measure.timed(warmup: 1, runs: slowRuns) {
            let t0 = Measure.now()
            let store = try Store.open(dir, readOnly: true)
            let a = DashboardApp(backend: StoreBackend(store: store, today: today), initialPlan: id)
            _ = a.render(width: 80, height: 24)
            let t = Measure.now() - t0
            app = a
            return t
        }
        report("firstFrame", first.median)
        let a = app!

        func key(_ k: Key) { _ = a.handle(.key(k)); _ = a.render(width: 80, height: 24) }
        func sample(_ runs: Int, setup: () -> Void = {}, _ timed: () -> Void, after: () -> Void = {}) -> Double {
            var s: [Double] = []
            for i in 0..<(runs + 2) {
                setup()
                let t0 = Measure.now()
                timed()
                let t = Measure.now() - t0
                after()
                if i >= 2 { s.append(t) }  // the first two are warm-up
            }
            return s.sorted()[s.count / 2]
        }

        key(.char("2"))
        report("keyDown", sample(fastRuns) { key(.down) })
        report("detailOpen", sample(fastRuns, { key(.enter) }, after: { key(.escape) }))
        report("detailClose", sample(fastRuns, setup: { key(.enter) }, { key(.escape) }))
        report("departmentFilter", sample(fastRuns, setup: { key(.char("3")) }, { key(.enter) }, after: { key(.char("c")) }))
        // Incremental search: every typed character filters and renders again.
        let query = Array("质量监督")
        var perChar: [Double] = []
        for _ in 0..<max(3, fastRuns / 10) {
            key(.char("/"))
            for c in query {
                let t0 = Measure.now()
                key(.char(c))
                perChar.append(Measure.now() - t0)
            }
            key(.escape)
        }
        perChar.sort()
        report("searchChar", perChar[perChar.count / 2])

        // A commit on a writable store of its own, fsync included, alternating
        // values so every commit changes something.
        let store = try Store.open(dir, readOnly: false)
        let task = try store.plan(id).tasks[0].key
        var v = 40
        let commit = try Measure.time(warmup: 2, runs: fastRuns) {
            v = v == 40 ? 45 : 40
            try store.commit(.setProgress(v), plan: id, task: task, expected: nil, force: false)
        }
        report("commitP50", commit.median)
        report("commitP99", commit.p99)
        // The same commit as a whole `duban update` process, start-up included.
        if let t = WholeProcess.median(runs: fastRuns, { ["update", "--store", dir, id, task, "--note", "进展 \($0)"] }) {
            report("updateProcess", t)
        }
        if let t = WholeProcess.median(runs: fastRuns, { _ in ["--help"] }) { report("helpProcess", t) }

        // A keystroke that commits, and the frame after it: the progress
        // editor open with a new value typed, Enter commits through the store
        // and the dashboard shows the result.
        let writer = DashboardApp(backend: StoreBackend(store: try Store.open(dir, readOnly: false), today: today),
                                  initialPlan: id)
        func edit(_ k: Key) { _ = writer.handle(.key(k)); _ = writer.render(width: 80, height: 24) }
        edit(.char("2"))
        var typed = 40
        report("keyAfterCommit", sample(fastRuns, setup: {
            typed = typed == 40 ? 45 : 40
            edit(.char("e")); edit(.ctrl("u"))
            for c in String(typed) { edit(.char(c)) }
        }, { edit(.enter) }))

        let plan = try store.plan(id)
        let eval = store.evaluation(for: plan, today: today)
        let rep = Measure.time(warmup: 1, runs: slowRuns) {
            _ = ProgressReport(plan: plan, evaluation: eval, noteDays: 30).render(.md)
        }
        report("report", rep.median)
        try measureReporting(store, id, today: today, slowRuns: slowRuns, fastRuns: fastRuns)
        print("peakMiB\t\(Measure.peakMemoryMiB())")
    }

    /// A reporting round over every (task, unit) of the plan with feedback
    /// from half of them, checkpointed: `round status` as a whole command,
    /// the first frame with that record, opening the 报送 view, and a
    /// feedback commit.
    func measureReporting(_ store: Store, _ id: String, today: Day?, slowRuns: Int, fastRuns: Int) throws {
        let round = Round(name: "bench", opened: Day(year: 2014, month: 9, day: 1)!, due: Day(year: 2014, month: 10, day: 10)!)
        try store.commit(.setRound(round), plan: id, task: "", expected: nil, force: false)
        var entries: [JournalEntry] = []
        var pairs = 0
        // The plan is not kept: the store then holds the only copy and a commit changes it in place.
        let (key, unit): (String, String) = try {
            let plan = try store.plan(id)
            for t in plan.tasks {
            for (j, unit) in plan.reportingUnits(of: t).enumerated() {
                pairs += 1
                guard (t.key.utf8.reduce(j) { $0 &+ Int($1) }) % 2 == 0 else { continue }
                let f = UnitFeedback(task: t.key, time: "2014-09-\(10 + j)T10:00:00+08:00", user: "bench", department: unit,
                                     text: "已完成阶段性工作，正在推进。", progress: 50)
                let edit = Edit.addFeedback(f)
                entries.append(JournalEntry(seq: 0, time: f.time, user: "bench", plan: id, task: t.key, field: edit.field,
                                            old: .null, new: edit.newValue))
            }
            }
            return (plan.tasks[0].key, plan.reportingUnits(of: plan.tasks[0])[0])
        }()
        try store.appendJournal(entries, plan: id)
        try store.compact(plan: id)
        print("roundPairs\t\(pairs)")
        print("roundFeedback\t\(entries.count)")

        let status = try Measure.timed(warmup: 1, runs: slowRuns) {
            let t0 = Measure.now()
            let p = try Store.open(dir, readOnly: true).plan(id)
            let text = JSONWriter.pretty(RoundStatusReport(plan: p, round: p.supervision.round(named: "bench")!).json)
            let t = Measure.now() - t0
            withExtendedLifetime(text) {}
            return t
        }
        report("roundStatus", status.median)

        var app: DashboardApp?
        let first = try Measure.timed(warmup: 1, runs: slowRuns) {
            let t0 = Measure.now()
            let a = DashboardApp(backend: StoreBackend(store: try Store.open(dir, readOnly: true), today: today), initialPlan: id)
            _ = a.render(width: 80, height: 24)
            let t = Measure.now() - t0
            app = a
            return t
        }
        report("firstFrameRound", first.median)
        let a = app!
        var open: [Double] = []
        for i in 0..<(slowRuns + 2) {
            let t0 = Measure.now()
            _ = a.handle(.key(.char("R")))
            _ = a.render(width: 80, height: 24)
            let t = Measure.now() - t0
            _ = a.handle(.key(.escape))
            if i >= 2 { open.append(t) }
        }
        open.sort()
        report("reportingOpen", open[open.count / 2])

        let commit = try Measure.time(warmup: 2, runs: fastRuns) {
            try store.commit(.addFeedback(UnitFeedback(task: key, department: unit, text: "补充报送情况", progress: 60)),
                             plan: id, task: key, expected: nil, force: false)
        }
        report("feedbackCommitP50", commit.median)
        report("feedbackCommitP99", commit.p99)
    }

    /// One load, one first frame, or one session, and nothing else: for a
    /// profiler, and for the peak memory of a session alone (`run` reports
    /// that, not the peak of the timing runs above, which hold two plans at once).
    func runOnce(_ step: String) throws {
        let store = try Store.open(dir, readOnly: false)
        let id = store.planIDs()[0]
        if step == "load" { _ = try store.plan(id); return }
        if step == "display" {
            // Loads for display five times, timing each: for a profiler or a quick look.
            for _ in 0..<5 {
                let t0 = Measure.now()
                _ = try Store.open(dir, readOnly: true).displayPlan(id)
                print("displayLoad\t\(Measure.now() - t0)")
            }
            return
        }
        if step == "reporting" {
            // The phases of a round's figures, for a quick look: add a round with feedback, then time each part.
            try measureReporting(store, id, today: nil, slowRuns: 1, fastRuns: 3)
            var t0 = Measure.now()
            let p = try Store.open(dir, readOnly: true).displayPlan(id)
            print("displayLoad\t\(Measure.now() - t0)")
            let r = p.supervision.round(named: "bench")!
            t0 = Measure.now()
            let tally = p.liveTally(of: r)
            print("tally\t\(Measure.now() - t0)")
            t0 = Measure.now()
            _ = ReportingBoardProbe.board(p)
            print("board\t\(Measure.now() - t0)")
            t0 = Measure.now()
            let json = RoundStatusReport(plan: p, round: r).json
            print("statusJSON\t\(Measure.now() - t0)")
            t0 = Measure.now()
            _ = JSONWriter.pretty(json)
            print("pretty\t\(Measure.now() - t0) \(tally.missing.count)")
            return
        }
        if step == "report" {
            let plan = try store.plan(id)
            _ = ProgressReport(plan: plan, evaluation: store.evaluation(for: plan, today: nil), noteDays: 30).render(.md)
            print("reportPeakMiB\t\(Measure.peakMemoryMiB())")
            return
        }
        let a = DashboardApp(backend: StoreBackend(store: store, today: Day(year: 2014, month: 9, day: 30)), initialPlan: id)
        _ = a.render(width: 80, height: 24)
        if step == "keys" {
            // Filtering keystrokes only, many times over, for a profile.
            _ = a.handle(.key(.char("2")))
            for _ in 0..<50 {
                for k in [Key.char("3"), .enter, .char("c"), .char("/"), .char("质"), .char("量"), .escape] {
                    _ = a.handle(.key(k))
                    _ = a.render(width: 80, height: 24)
                }
            }
            return
        }
        guard step == "session" else { return }
        for k in [Key.char("2"), .down, .enter, .escape, .char("3"), .enter, .char("c"), .char("/"), .char("质"), .escape] {
            _ = a.handle(.key(k))
            _ = a.render(width: 80, height: 24)
        }
        let task = try store.displayPlan(id).tasks[0].key
        try store.commit(.setProgress(50), plan: id, task: task, expected: nil, force: false)
        // A report is a command of its own (`duban report`), measured on its own.
        print("sessionPeakMiB\t\(Measure.peakMemoryMiB())")
    }

    func report(_ name: String, _ seconds: Double) { print("\(name)\t\(seconds)") }
}

/// The 报送 view's figures as the dashboard computes them.
enum ReportingBoardProbe {
    static func board(_ p: Plan) -> Int { p.tally(of: p.supervision.openRound!, listingOwed: false).rows.count + p.chaseCounts().departments.count }
}
