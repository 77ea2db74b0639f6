#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import PlanModel

/// Task lines decoded on every core: the lines are independent, and decoding
/// them is most of the time it takes to open a large plan.
struct TaskLineBatch {
    /// The lines' bytes back to back, and where each one is.
    private(set) var bytes: [UInt8] = []
    private(set) var ranges: [Range<Int>] = []
    /// Line number of the first line in the file.
    let firstLine: Int

    init(firstLine: Int) { self.firstLine = firstLine }

    var count: Int { ranges.count }

    mutating func append(_ line: UnsafeBufferPointer<UInt8>) {
        let start = bytes.count
        bytes.append(contentsOf: line)
        ranges.append(start..<bytes.count)
    }

    /// Every line decoded, in order; the first bad line's error otherwise.
    /// `pooled`: titles and texts stay bytes until shown (see `TaskText`).
    func decode(pooled: Bool) throws(SnapshotError) -> [TaskLine] {
        let workers = count < 512 ? 1 : min(4, max(1, Processors.online))
        let per = (count + workers - 1) / workers
        var results = [Result<[TaskLine], SnapshotError>](repeating: .success([]), count: workers)
        bytes.withUnsafeBufferPointer { all in
            results.withUnsafeMutableBufferPointer { out in
                let shared = Shared(all: all, out: out)
                DispatchQueue.concurrentPerform(iterations: workers) { w in
                    let names = NameTable()
                    let pool = pooled ? TextPool() : nil
                    var lines: [TaskLine] = []
                    let range = (w * per)..<min(count, (w + 1) * per)
                    lines.reserveCapacity(range.count)
                    do throws(SnapshotError) {
                        for n in range {
                            let line = UnsafeBufferPointer(rebasing: shared.all[ranges[n]])
                            lines.append(try SnapshotReader.taskLine(line, firstLine + n, names, pool: pool))
                        }
                        shared.out[w] = .success(lines)
                    } catch {
                        shared.out[w] = .failure(error)
                    }
                }
            }
        }
        var out: [TaskLine] = []
        out.reserveCapacity(count)
        for r in results {
            switch r {
            case .success(let lines): out += lines
            case .failure(let e): throw e
            }
        }
        return out
    }

    /// Each worker writes its own slot only.
    private struct Shared: @unchecked Sendable {
        let all: UnsafeBufferPointer<UInt8>
        let out: UnsafeMutableBufferPointer<Result<[TaskLine], SnapshotError>>
    }
}

enum Processors {
    /// Online processors.
    static var online: Int { Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))) }
}
