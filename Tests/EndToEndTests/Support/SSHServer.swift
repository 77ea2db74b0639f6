import Foundation

/// A private OpenSSH server on 127.0.0.1 for end-to-end tests: its own host key,
/// config and port, and throw-away users with key authentication.
final class SSHServer {
    let dir: String
    let port: Int
    private var pid: pid_t?
    private(set) var users: [String] = []
    let clientKey: String

    struct Failure: Error, CustomStringConvertible { var description: String }

    /// `matchBlocks` is appended to sshd_config (e.g. `Match User …` + `ForceCommand …`).
    init(dir: String, matchBlocks: String) throws {
        self.dir = dir
        port = 20000 + Int(getpid() % 20000)
        clientKey = dir + "/client_key"
        try Shell.must(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", dir + "/host_key"])
        try Shell.must(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", clientKey])
        let config = """
            Port \(port)
            ListenAddress 127.0.0.1
            HostKey \(dir)/host_key
            PidFile \(dir)/sshd.pid
            UsePAM no
            PasswordAuthentication no
            KbdInteractiveAuthentication no
            PubkeyAuthentication yes
            AuthorizedKeysFile \(dir)/keys/%u
            StrictModes no
            PermitRootLogin no
            AcceptEnv LANG LC_*
            Subsystem sftp internal-sftp

            \(matchBlocks)
            """
        try config.write(toFile: dir + "/sshd_config", atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: dir + "/keys", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: "/run/sshd", withIntermediateDirectories: true)
        try Shell.must(["/usr/sbin/sshd", "-t", "-f", dir + "/sshd_config"])
    }

    /// Creates a user (password field `*`: a locked account would be refused
    /// without PAM) whose authorized key is the test's client key.
    func addUser(_ name: String, groups: [String] = []) throws {
        _ = try? Shell.run(["userdel", "-r", name])
        var args = ["useradd", "-m", "-s", "/bin/sh"]
        if !groups.isEmpty { args += ["-G", groups.joined(separator: ",")] }
        try Shell.must(args + [name])
        try Shell.must(["usermod", "-p", "*", name])
        users.append(name)
        let pub = try String(contentsOfFile: clientKey + ".pub", encoding: .utf8)
        try pub.write(toFile: dir + "/keys/" + name, atomically: true, encoding: .utf8)
    }

    func start() throws {
        pid = try Spawn.start(["/usr/sbin/sshd", "-D", "-e", "-f", dir + "/sshd_config"], stderr: dir + "/sshd.log")
        // Wait until it accepts connections.
        for _ in 0..<100 {
            if (try? Shell.run(["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/\(port)"]).status) == 0 { return }
            usleep(50_000)
        }
        throw Failure(description: "sshd did not start on port \(port)")
    }

    /// The ssh command line that logs `user` in with a terminal.
    func sshCommand(_ user: String, remote: String = "") -> String {
        "ssh -tt -q -i \(clientKey) -p \(port) -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null " +
            "-o BatchMode=yes -o SendEnv=LANG \(user)@127.0.0.1 \(remote)"
    }

    func stop() {
        if let pid { kill(pid, SIGTERM); _ = Spawn.wait(pid) }
        pid = nil
        for u in users { _ = try? Shell.run(["userdel", "-r", "-f", u]) }
        users = []
    }

    deinit { stop() }
}
