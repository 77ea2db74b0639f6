import Foundation

/// Runs commands for test set-up and checks.
enum Shell {
    struct Result {
        var status: Int32
        var out: String
        var err: String
    }

    struct Failure: Error, CustomStringConvertible { var description: String }

    @discardableResult
    static func run(_ args: [String], env: [String: String]? = nil, input: String? = nil) throws -> Result {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = args
        if let env { p.environment = ProcessInfo.processInfo.environment.merging(env) { $1 } }
        let out = Pipe(), err = Pipe(), inp = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = inp
        try p.run()
        if let input { inp.fileHandleForWriting.write(Data(input.utf8)) }
        try? inp.fileHandleForWriting.close()
        // Set-up commands print little; read stdout, then stderr.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Result(status: p.terminationStatus, out: String(decoding: outData, as: UTF8.self),
                      err: String(decoding: errData, as: UTF8.self))
    }

    /// Runs and throws with the command's stderr when it fails.
    @discardableResult
    static func must(_ args: [String], env: [String: String]? = nil) throws -> String {
        let r = try run(args, env: env)
        guard r.status == 0 else { throw Failure(description: "\(args.joined(separator: " ")) → \(r.status): \(r.err)") }
        return r.out
    }

    static var isRoot: Bool { getuid() == 0 }

    static func which(_ tool: String) -> Bool { (try? run(["which", tool]).status) == 0 }
}
