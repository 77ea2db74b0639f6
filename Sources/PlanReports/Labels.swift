import PlanModel

/// The report code's shorthand for the shared vocabulary: `Labels(en:)`,
/// `l.s(zh, en)`, `l.en`. Every label still comes from `Vocabulary`; these
/// are other spellings of the same calls, not labels of their own.
typealias Labels = Vocabulary

extension Vocabulary {
    init(en: Bool) { self.init(en ? .en : .zh) }
    var en: Bool { isEnglish }
    func s(_ zh: String, _ en: String) -> String { pick(zh, en) }
    /// To one decimal without a trailing `.0`: `65.2%`, `55%`.
    func percent(_ d: Double) -> String { NumberText.percent(d, tenths: true) }
    func number(_ d: Double) -> String { NumberText.plain(d) }
}

extension TaskStatus {
    /// The status as a report's table cell says it.
    public func label(_ english: Bool) -> String { Vocabulary(english ? .en : .zh).statusShort(self) }
}
