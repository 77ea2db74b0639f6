import Foundation
import Testing

/// The installed one-file binary: what it links, that it runs with an empty
/// environment, and the man page and completions installed beside it.
@Suite(.serialized, .enabled(if: Shell.which("swift") && Shell.which("ldd"), "needs the swift toolchain and ldd"))
struct OneFileTests {
    /// Every library comes from the system's directories (Debian packages:
    /// libc, ncursesw, and the C++ runtime the Swift runtime needs), none from the
    /// toolchain, and not the office formats' libraries, which are opened when first used.
    @Test func runsWithAnEmptyEnvironmentOnSystemLibrariesAlone() throws {
        let inst = try OneFileBuild.get()
        let ldd = try Shell.must(["ldd", inst.binary])
        var libraries: [String] = []
        for line in ldd.split(separator: "\n") {
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            guard let name = fields.first, !name.hasPrefix("linux-vdso") else { continue }
            let path = fields.count >= 3 && fields[1] == "=>" ? fields[2] : name
            libraries.append(name)
            #expect(path.hasPrefix("/lib") || path.hasPrefix("/usr/lib"), "links \(line)")
            #expect(!["swift", "Foundation", "dispatch", "BlocksRuntime", "ICU"].contains { line.contains($0) }, "links \(line)")
            let allowed = ["libc.so", "libm.so", "libncursesw.so", "libtinfo.so", "libstdc++.so", "libgcc_s.so", "ld-linux", "/lib64/ld-linux"]
            #expect(allowed.contains { name.hasPrefix($0) }, "links \(line)")
        }
        for needed in ["libc.so", "libncursesw.so"] { #expect(libraries.contains { $0.hasPrefix(needed) }) }
        print("one-file binary links: \(libraries.joined(separator: " "))")
        // No toolchain anywhere: an empty environment and a copy in a fresh directory.
        let copy = inst.prefix + "/elsewhere/duban"
        try Shell.must(["install", "-D", "-m", "755", inst.binary, copy])
        let help = try Spawn.run(["/usr/bin/env", "-i", copy, "--help"])
        #expect(help.status == 0)
        #expect(String(decoding: help.out, as: UTF8.self).contains("admin"))
        // The sample store comes out of the binary itself (no DUBAN_SAMPLE_DATA).
        let store = inst.prefix + "/elsewhere/store"
        let plans = try Spawn.run(["/usr/bin/env", "-i", "HOME=\(inst.prefix)/elsewhere", "XDG_DATA_HOME=\(store)", copy, "plans"])
        #expect(plans.status == 0, "\(String(decoding: plans.err, as: UTF8.self))")
        #expect(String(decoding: plans.out, as: UTF8.self).contains("gansu-2014"))
        #expect(FileManager.default.fileExists(atPath: store + "/duban/gansu-2014.journal.jsonl"))
        // libxlsxwriter is opened when the first workbook is written; where it cannot be, only that fails.
        let workbook = inst.prefix + "/elsewhere/report.xlsx"
        let env = ["/usr/bin/env", "-i", "HOME=\(inst.prefix)/elsewhere", "XDG_DATA_HOME=\(store)"]
        let report = [copy, "report", "gansu-2014", "--format", "xlsx", "--out", workbook]
        let wrote = try Spawn.run(env + report)
        #expect(wrote.status == 0, "\(String(decoding: wrote.err, as: UTF8.self))")
        #expect(try Data(contentsOf: URL(fileURLWithPath: workbook)).prefix(2) == Data("PK".utf8))
        let without = try Spawn.run(env + ["DUBAN_OFFICE_LIBRARY_DIR=/nonexistent"] + report)
        #expect(without.status != 0)
        #expect(String(decoding: without.err, as: UTF8.self).contains("libxlsxwriter4"))
    }

    @Test func completionsAndManualAreInstalledFromTheBinary() throws {
        let inst = try OneFileBuild.get()
        let share = inst.prefix + "/share"
        for (shell, path) in [("bash", "/bash-completion/completions/duban"), ("zsh", "/zsh/site-functions/_duban"),
                              ("fish", "/fish/vendor_completions.d/duban.fish")] {
            let installed = try String(contentsOfFile: share + path, encoding: .utf8)
            #expect(installed == (try Shell.must([inst.binary, "--generate-completion-script", shell])), "\(shell)")
        }
        if inst.manual {
            let man = try String(contentsOfFile: share + "/man/man1/duban.1", encoding: .utf8)
            #expect(man.contains(".Dt DUBAN 1") && man.contains("init-store"))
        }
    }
}

/// The man page and the completion scripts list every command and option the
/// binary has, because both are generated from it (swift-argument-parser's
/// generate-manual and --generate-completion-script).
@Suite struct ManualAndCompletionTests {
    /// Every command path and its visible options, from the binary's own description.
    func commands() throws -> [(path: [String], options: [String])] {
        let dump = try Shell.must([Duban.binary, "--experimental-dump-help"])
        let json = try JSONSerialization.jsonObject(with: Data(dump.utf8)) as? [String: Any]
        var out: [(path: [String], options: [String])] = []
        func walk(_ c: [String: Any], _ path: [String]) {
            let name = c["commandName"] as? String ?? ""
            let here = path + [name]
            let args = (c["arguments"] as? [[String: Any]] ?? []).filter { ($0["shouldDisplay"] as? Bool) ?? true }
            let options = args.compactMap { ($0["preferredName"] as? [String: Any])?["name"] as? String }
            out.append((here, options))
            for s in c["subcommands"] as? [[String: Any]] ?? [] { walk(s, here) }
        }
        walk(try #require(json?["command"] as? [String: Any]), [])
        return out
    }

    @Test func completionScriptsNameEveryCommandAndOption() throws {
        let all = try commands()
        #expect(all.contains { $0.path == ["duban", "admin", "init-store"] })
        for shell in ["bash", "zsh", "fish"] {
            let script = try Shell.must([Duban.binary, "--generate-completion-script", shell])
            for c in all {
                #expect(script.contains(c.path.last!), "\(shell) completion lacks \(c.path.joined(separator: " "))")
                for o in c.options where o.count > 1 {
                    #expect(script.contains(o), "\(shell) completion lacks --\(o) of \(c.path.joined(separator: " "))")
                }
            }
        }
    }

    @Test(.enabled(if: OneFileBuild.manualTool != nil, "needs generate-manual (swift package generate-manual builds it)"))
    func manualNamesEveryCommandAndOption() throws {
        let dir = "/tmp/duban-manual-\(getpid())"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let man = try String(contentsOfFile: try #require(try OneFileBuild.generateManual(into: dir)), encoding: .utf8)
        for c in try commands() where c.path.count > 1 {
            #expect(man.contains(".It Em \(c.path.last!)"), "the manual lacks \(c.path.joined(separator: " "))")
            for o in c.options where o.count > 1 {
                #expect(man.contains("Fl -\(o)"), "the manual lacks --\(o) of \(c.path.joined(separator: " "))")
            }
        }
    }
}
