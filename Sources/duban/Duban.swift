import ArgumentParser

@main
struct Duban: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "duban",
        abstract: "督办 Duban: a terminal dashboard for supervising an action plan (行动计划).",
        discussion: """
            Duban keeps the plans of a leading-group office (领导小组办公室) in a store \
            directory: their sections, tasks, responsible departments (牵头 lead, 配合 \
            cooperate, 按职责分工负责 joint, 负责具体实施 implement) and progress. Run \
            without a subcommand to open the dashboard.

            The store is --store DIR, else $DUBAN_STORE, else a per-user directory \
            (~/.local/share/duban) filled with the bundled sample plans on first use.
            """,
        subcommands: [
            DashboardCommand.self,
            KioskCommand.self,
            ImportCommand.self,
            PlansCommand.self,
            ExportCommand.self,
            ShowCommand.self,
            UpdateCommand.self,
            FeedbackCommand.self,
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
            SampleStoreCommand.self,
        ],
        defaultSubcommand: DashboardCommand.self
    )
}
