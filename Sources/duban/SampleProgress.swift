import PlanModel

/// The illustrative progress of the bundled sample store: statuses, progress,
/// earlier due dates and dated notes, derived deterministically from each task's
/// key so that regenerating the store gives the same bytes. Illustrative only:
/// the documents say nothing about how the work went.
enum SampleProgress {
    /// The date each sample plan is evaluated at: three quarters through 2014,
    /// and the middle of the 2023-2025 plan.
    static func evaluationDate(for p: Plan) -> Day {
        let start = p.period.start, end = p.period.end
        let span = start.days(until: end)
        return start.adding(days: span <= 366 ? span * 3 / 4 : span / 2)
    }

    static func apply(to plan: Plan) -> Plan {
        var p = plan
        let today = evaluationDate(for: p)
        let start = p.period.start
        let elapsed = max(1, start.days(until: today))
        for t in plan.tasks {
            var rng = SplitMix(seed: fnv(p.id + "/" + t.key))
            let lead = t.assignments.first { !$0.collective }?.department ?? t.assignments.first?.department
            p.modifyTask(t.key) { task in
                // A third of the tasks fall due at a quarter's end before the evaluation date.
                if rng.next(100) < 35 {
                    let quarters = stride(from: 90, to: elapsed, by: 91).map { start.adding(days: $0) }
                    if let d = quarters.randomElement(using: &rng) { task.due = d }
                }
                let roll = rng.next(100)
                if task.due < today {
                    task.status = roll < 70 ? .done : .inProgress
                } else {
                    task.status = roll < 20 ? .done : roll < 65 ? .inProgress : roll < 75 ? .behind : .notStarted
                }
                switch task.status {
                case .done: task.progress = 100
                case .inProgress: task.progress = 20 + 5 * rng.next(15)
                case .behind: task.progress = 10 + 5 * rng.next(7)
                case .notStarted: task.progress = 0
                }
                guard task.status != .notStarted, let lead else { return }
                let count = 1 + rng.next(2)
                for i in 0..<count {
                    let day = start.adding(days: elapsed * (i + 1) / (count + 1) + rng.next(10))
                    let text: String
                    if task.status == .done && i == count - 1 { text = doneTexts[rng.next(doneTexts.count)] }
                    else if task.status == .behind && i == count - 1 { text = behindTexts[rng.next(behindTexts.count)] }
                    else { text = progressTexts[rng.next(progressTexts.count)] }
                    let hour = 9 + rng.next(9), minute = 10 + rng.next(50)
                    let clock = (hour < 10 ? "0\(hour)" : "\(hour)") + ":\(minute):00"
                    task.notes.append(Note(time: "\(min(day, today))T\(clock)+08:00",
                                           user: account(for: lead), department: lead, text: text))
                }
            }
        }
        return p
    }

    static let progressTexts = [
        "已制定工作方案，明确责任分工和时间节点。",
        "已召开专题会议部署推进，正在组织实施。",
        "完成阶段性任务，进度符合预期。",
        "会同相关部门开展联合督查，发现问题已督促整改。",
        "完成调研摸底，形成工作台账。",
    ]
    static let doneTexts = ["已全面完成年度任务，总结材料已报送领导小组办公室。", "任务已完成，相关制度文件已印发。"]
    static let behindTexts = ["因涉及多部门协调，进度有所滞后，已提请领导小组办公室协调。", "配套资金尚未落实，进度滞后。"]

    /// A plausible login for a department's reporter, for the notes' `user`.
    static func account(for department: String) -> String {
        let known: [(String, String)] = [
            ("质监", "zhijian"), ("市场监管", "shichang"), ("发展改革", "fagai"), ("工信", "gongxin"),
            ("商务", "shangwu"), ("工商", "gongshang"), ("食品药品", "shiyao"), ("农", "nongye"),
            ("住房", "zhujian"), ("建设", "zhujian"), ("交通", "jiaotong"), ("教育", "jiaoyu"),
            ("科技", "keji"), ("财政", "caizheng"), ("人力", "renshe"), ("环境", "huanbao"), ("环保", "huanbao"),
            ("卫生", "weisheng"), ("旅游", "lvyou"), ("检验检疫", "jianyi"), ("统计", "tongji"), ("公安", "gongan"),
        ]
        return known.first { department.contains($0.0) }?.1 ?? "bangongshi"
    }

    static func fnv(_ s: String) -> UInt64 {
        var h: UInt64 = 0xcbf29ce484222325
        for b in s.utf8 { h = (h ^ UInt64(b)) &* 0x100000001b3 }
        return h
    }
}

/// A small seeded generator: the same seed gives the same sample on every machine.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }
    mutating func next(_ n: Int) -> Int { Int(next() % UInt64(n)) }
}
