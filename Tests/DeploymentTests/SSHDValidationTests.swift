import Foundation
import Testing
@testable import Deployment

/// The drop-in is checked by the real `sshd -t` before it is written.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/sbin/sshd")
    && FileManager.default.isExecutableFile(atPath: "/usr/bin/ssh-keygen"), "needs sshd and ssh-keygen"))
struct SSHDValidationTests {
    @Test func sshdAcceptsTheDropInAndRefusesABrokenOne() throws {
        let dir = "/tmp/duban-sshd-validate-\(getpid())"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: "/run/sshd", withIntermediateDirectories: true)
        #expect(ProcessRunner().run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", dir + "/host_key"]).status == 0)
        try "HostKey \(dir)/host_key\nUsePAM no\n".write(toFile: dir + "/sshd_config", atomically: true, encoding: .utf8)
        var layout = Layout()
        layout.sshdConfig = dir + "/sshd_config"
        #expect(SSHDSetup.validate(layout, candidate: SSHDSetup.dropIn(layout), runner: ProcessRunner()) == nil)
        let broken = SSHDSetup.dropIn(layout).replacingOccurrences(of: "PermitTunnel no", with: "PermitTunnel sometimes")
        let complaint = SSHDSetup.validate(layout, candidate: broken, runner: ProcessRunner())
        #expect(complaint?.contains("sometimes") == true, "\(complaint ?? "accepted")")
        #expect(try FileManager.default.contentsOfDirectory(atPath: "/tmp").allSatisfy { !$0.hasPrefix("duban-sshd-check-") })
    }
}
