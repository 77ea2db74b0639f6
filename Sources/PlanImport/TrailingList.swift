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
        guard end > body.startIndex, Sc.isClose(body[end - 1]) else { return labelled(in: body) }
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

    /// Labels after the task's text on the same line:
    /// `完善标准体系。牵头单位：甲厅；责任单位：乙厅。` The list starts at the
    /// first label after a full stop, semicolon or space, outside brackets.
    static func labelled(in body: ArraySlice<Unicode.Scalar>) -> Outcome {
        var depth = 0
        var i = body.startIndex
        while i < body.endIndex {
            let c = body[i]
            if Sc.isOpen(c) || c == "《" { depth += 1 }
            else if Sc.isClose(c) || c == "》" { depth = max(0, depth - 1) }
            else if depth == 0, i > body.startIndex, isBreak(body[i - 1]), DepartmentListParser.startsWithLabel(body[i...]) {
                guard let list = DepartmentListParser.parse(body[i...]),
                      !list.isEmpty || list.deadline != nil else { return .none }
                return .found(Found(text: Sc.trim(body[body.startIndex..<i]), list: list))
            }
            i += 1
        }
        return .none
    }

    private static func isBreak(_ c: Unicode.Scalar) -> Bool {
        c == "。" || c == "；" || c == ";" || c == "，" || c == "," || Sc.isSpace(c)
    }
}
