/// Colour pairs, one per distinct (foreground, background), numbered in role
/// order so the numbering is stable. Pair 0 is the terminal's default pair.
struct PairTable: Equatable {
    private(set) var pairs: [Pair: Int] = [:]
    private(set) var order: [Pair] = []
    let limit: Int

    struct Pair: Hashable { var fg: Int; var bg: Int }

    init(limit: Int) { self.limit = limit }

    /// The pair number for a style, allocating it on first use; 0 when the
    /// terminal has run out of pairs (the attributes still apply).
    mutating func pair(fg: Int, bg: Int) -> Int {
        let key = Pair(fg: fg, bg: bg)
        if fg < 0, bg < 0 { return 0 }
        if let n = pairs[key] { return n }
        let n = order.count + 1
        guard n < limit else { return 0 }
        pairs[key] = n
        order.append(key)
        return n
    }
}
