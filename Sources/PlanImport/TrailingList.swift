/// Finds a department list at the end of a task line: the last bracketed
/// group, full-width or ASCII, possibly followed by `。`.
enum TrailingList {
    struct Found {
        /// The text before the parenthesis, trimmed.
        var text: ArraySlice<Unicode.Scalar>
        var list: DepartmentList
    }

    enum Outcome {
        case found(Found)
        case none
        /// A closing bracket without its opening one.
        case unbalanced
    }

    static func find(in body: ArraySlice<Unicode.Scalar>) -> Outcome {
        var end = body.endIndex
        while end > body.startIndex {
            let c = body[end - 1]
            if Sc.isSpace(c) || c == "。" || c == "." || c == "；" || c == ";" { end -= 1 } else { break }
        }
        guard end > body.startIndex, Sc.isClose(body[end - 1]) else { return .none }
        var depth = 0
        var i = end - 1
        while i >= body.startIndex {
            let c = body[i]
            if Sc.isClose(c) { depth += 1 }
            else if Sc.isOpen(c) {
                depth -= 1
                if depth == 0 { break }
            }
            i -= 1
        }
        guard i >= body.startIndex, depth == 0 else { return .unbalanced }
        guard let list = DepartmentListParser.parse(body[(i + 1)..<(end - 1)]) else { return .none }
        return .found(Found(text: Sc.trim(body[body.startIndex..<i]), list: list))
    }
}
