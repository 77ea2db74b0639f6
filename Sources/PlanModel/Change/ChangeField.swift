/// A journal entry's `field` read through the table: its kind and, for a keyed
/// kind, the key (`indicator:goal.1` is `.indicator` with key `goal.1`).
public struct ChangeField: Hashable, Sendable, CustomStringConvertible {
    public var kind: ChangeKind
    /// Empty for kinds that are not keyed.
    public var key: String

    public init(_ kind: ChangeKind, key: String = "") {
        self.kind = kind
        self.key = key
    }

    /// Reads a journal field name; an unknown one is an error naming it.
    public init(journal field: String) throws(PlanFormatError) {
        // Read for every journal line replayed: bytes, not characters.
        if let kind = ChangeKind.named(field), !kind.descriptor.keyed {
            self.init(kind)
            return
        }
        let utf8 = field.utf8
        guard let colon = utf8.firstIndex(of: UInt8(ascii: ":")),
              let kind = ChangeKind.named(String(field[..<colon])), kind.descriptor.keyed
        else { throw PlanFormatError(path: "field", message: "unknown field \"\(field)\"") }
        self.init(kind, key: String(field[utf8.index(after: colon)...]))
    }

    /// The name the journal writes.
    public var journalName: String {
        kind.descriptor.keyed ? kind.journalName + ":" + key : kind.journalName
    }

    public var description: String { journalName }

    /// How the field is named to a person, with its key (`指标 goal.1`).
    public var label: Bilingual {
        let l = kind.label
        return kind.descriptor.keyed ? Bilingual(zh: l.zh + " " + key, en: l.en + " " + key) : l
    }

    /// The edit that writes `value` to this field; nil for kinds that replay
    /// no edit (an import, whose effect is in the snapshot written with it).
    public func edit(_ value: JSON) throws(PlanFormatError) -> Edit? {
        try kind.descriptor.decode(self, value)
    }

    /// The field's current value in `plan`, in journal form.
    public func current(in plan: Plan, task: String) -> JSON {
        kind.descriptor.current(plan, task, key)
    }
}

extension JournalEntry {
    /// The entry's field read through the table.
    public func changeField() throws(PlanFormatError) -> ChangeField {
        try ChangeField(journal: field)
    }

    /// The edit this entry replays; nil for an import, whose effect is in the
    /// snapshot written with it. An undo entry of a kind that puts values back
    /// its own way (a round reopened) replays that way.
    public func edit() throws(PlanFormatError) -> Edit? {
        let f = try changeField()
        if undoes != nil, let restore = f.kind.descriptor.restore { return try restore(f, new) }
        return try f.edit(new)
    }

    /// The edit that undoes this entry, or nil when its kind cannot be undone
    /// or (a decision) when `plan` is not given to find the request it decided.
    public func inverse(in plan: Plan? = nil) throws(PlanFormatError) -> Edit? {
        let f = try changeField()
        switch f.kind.undo {
        case .never: return nil
        case .restoreOld:
            if let restore = f.kind.descriptor.restore { return try restore(f, old) }
            return try f.edit(old)
        case .withdraw:
            guard let i = old.int else { return nil }
            return .withdraw(Withdrawal(kind: f.kind.journalName, index: i))
        case .reopen:
            // The unit's latest request of the kind: a decision answers the
            // one pending, and a later request refuses the reopening anyway.
            guard let plan, let kind = new["kind"]?.string.flatMap(RequestKind.init(rawValue:)),
                  let unit = new["department"]?.string,
                  let i = plan.reviews.requests(task: task).lastIndex(where: { $0.kind == kind && $0.department == unit })
            else { return nil }
            return .withdraw(Withdrawal(kind: f.kind.journalName, index: i))
        }
    }

    /// The change in one line of the audit trail, e.g. `40 → 60` or `+ "text"`.
    public var summary: String {
        guard let d = (try? changeField())?.kind.descriptor else { return "\(old.brief) → \(new.brief)" }
        return d.describe(old, new)
    }

    /// The new value in one line, e.g. a note's text.
    public var newBrief: String {
        (try? changeField())?.kind.descriptor.brief(new) ?? new.brief
    }
}
