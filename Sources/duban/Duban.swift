#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import FoundationEssentials
import PlanModel
import PlanStore

@main
struct Duban: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "duban",
        abstract: Help.pick("督办：在终端中督办行动计划。", "督办 Duban: a terminal dashboard for supervising an action plan (行动计划)."),
        discussion: Help.pick("""
            督办把领导小组办公室的行动计划保存在一个存储目录中：分项、任务、责任部门（牵头、配合、\
            按职责分工负责、负责具体实施）和进度。不带子命令运行时打开督办界面。

            存储目录为 --store DIR，否则 $DUBAN_STORE，否则每个用户自己的目录\
            （~/.local/share/duban），首次使用时放入自带的示例计划。
            """, """
            Duban keeps the plans of a leading-group office (领导小组办公室) in a store \
            directory: their sections, tasks, responsible departments (牵头 lead, 配合 \
            cooperate, 按职责分工负责 joint, 负责具体实施 implement) and progress. Run \
            without a subcommand to open the dashboard.

            The store is --store DIR, else $DUBAN_STORE, else a per-user directory \
            (~/.local/share/duban) filled with the bundled sample plans on first use.
            """),
        subcommands: [
            DashboardCommand.self,
            KioskCommand.self,
            ImportCommand.self,
            PlansCommand.self,
            ExportCommand.self,
            ShowCommand.self,
            UpdateCommand.self,
            FeedbackCommand.self,
            RequestCommand.self,
            ReviewCommand.self,
            EditCommand.self,
            CorrectCommand.self,
            UndoCommand.self,
            RoundCommand.self,
            ChaseCommand.self,
            IndicatorCommand.self,
            LogCommand.self,
            CheckCommand.self,
            CompactCommand.self,
            AccessCommand.self,
            ReportCommand.self,
            AssessCommand.self,
            DeptCommand.self,
            RosterCommand.self,
            SampleStoreCommand.self,
            AdminCommand.self,
        ],
        defaultSubcommand: DashboardCommand.self
    )

    static func main() { main(LeadingOptions.moved(Array(CommandLine.arguments.dropFirst()))) }

    /// ArgumentParser's own main, except that a failure says 错误 rather than
    /// Error in a Chinese session (the message after it is the command's own).
    static func main(_ arguments: [String]?) {
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch {
            let code = exitCode(for: error)
            var text = fullMessage(for: error)
            if code == .success {
                print(text)
                Glibc.exit(code.rawValue)
            }
            if let e = error as? StoreError { text = "Error: " + e.text(language) }
            if language == .zh, text.hasPrefix("Error: ") { text = "错误：" + text.dropFirst("Error: ".count) }
            if !text.isEmpty { Output.warn(text) }
            Glibc.exit(code.rawValue)
        }
    }

    /// The session's language before the arguments are parsed: the last
    /// `--lang X` or `--lang=X`, else DUBAN_LANG.
    static var language: Language {
        var flag: String?
        var args = CommandLine.arguments.dropFirst().makeIterator()
        while let a = args.next() {
            if a == "--" { break }
            if a == "--lang" { flag = args.next() } else if a.hasPrefix("--lang=") { flag = String(a.dropFirst("--lang=".count)) }
        }
        return Language.resolve(flag: flag, environment: ProcessInfo.processInfo.environment)
    }
}

/// Help text in the session's language (decided before the arguments are parsed).
enum Help {
    static func pick(_ zh: String, _ en: String) -> String { Duban.language == .zh ? zh : en }
}
