import ArgumentParser

/// `duban --store DIR import FILE`: the options every command takes may
/// also come before the subcommand (as in a deployment's command line),
/// where the parser alone would take them for the default command's and
/// reject the subcommand as unexpected arguments. `Duban.main` moves them
/// after the subcommand's name.
enum LeadingOptions {
    /// Options that take a value and that every command accepts.
    static let withValue: Set<String> = ["--store", "--today", "--lang"]

    static func moved(_ args: [String]) -> [String] {
        var leading: [String] = []
        var i = 0
        while i < args.count {
            let a = args[i]
            if withValue.contains(a), i + 1 < args.count {
                leading += [a, args[i + 1]]
                i += 2
            } else if let eq = a.firstIndex(of: "="), withValue.contains(String(a[..<eq])) {
                leading.append(a)
                i += 1
            } else {
                break
            }
        }
        guard !leading.isEmpty, i < args.count else { return args }
        if args[i] == "help" { return [args[i]] + leading + args[(i + 1)...] }
        // Down through command groups (`round status`, `admin init-store`) to the command that runs.
        var command: any ParsableCommand.Type = Duban.self
        var end = i
        while end < args.count,
              let sub = command.configuration.subcommands.first(where: { ($0.configuration.commandName ?? $0._commandName) == args[end] }) {
            command = sub
            end += 1
        }
        guard end > i else { return args }
        return Array(args[i..<end]) + leading + args[end...]
    }
}
