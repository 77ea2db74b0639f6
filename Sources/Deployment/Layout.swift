/// Where a deployment's parts live and what its groups are called. The
/// defaults are a standard Debian machine; tests point them at private copies.
public struct Layout: Equatable, Sendable {
    public var store = "/srv/duban"
    /// Everyone who may write the store.
    public var group = "duban"
    /// Accounts pinned to the dashboard by the sshd Match block.
    public var reportersGroup = "duban-reporters"
    /// Accounts pinned to the kiosk by the sshd Match block.
    public var kioskGroup = "duban-kiosk"
    /// The installed duban that forced commands and units run.
    public var binary = "/usr/local/bin/duban"
    public var sshd = "/usr/sbin/sshd"
    public var sshdConfig = "/etc/ssh/sshd_config"
    public var sshdDropIn = "/etc/ssh/sshd_config.d/duban.conf"
    public var unitDirectory = "/etc/systemd/system"
    /// The login shell of SSH accounts: sshd runs the forced command through it
    /// (`sh -c "exec duban …"`), so it has to be a shell, never nologin.
    public var sshShell = "/bin/sh"
    public var noLoginShell = "/usr/sbin/nologin"
    /// Interface language of SSH sessions (the sshd drop-in sets DUBAN_LANG); nil: Chinese.
    public var sessionLanguage: String?
    public var kioskInterval = 20

    public init() {}

    public var accessFile: String { store + "/access.json" }
    public var storeLock: String { store + "/.lock" }

    /// Store files that hold data (anything else is left alone).
    static func isDataFile(_ name: String) -> Bool {
        !name.hasPrefix(".") && (name.hasSuffix(".json") || name.hasSuffix(".jsonl")) && name != "access.json"
    }
}

/// Octal, as chmod writes it.
func octal(_ mode: UInt32) -> String { String(mode, radix: 8) }
