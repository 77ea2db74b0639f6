/// Numbers as people write them, the same on every screen, report and command.
/// No Foundation formatting: it depends on the locale.
public enum NumberText {
    /// `98`, `97.5`: no trailing `.0`.
    public static func plain(_ d: Double) -> String {
        d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : String(d)
    }

    /// One decimal place always: `87.0`, `92.5`.
    public static func oneDecimal(_ d: Double) -> String {
        let tenths = Int((d * 10).rounded())
        return (tenths < 0 ? "-" : "") + "\(abs(tenths) / 10).\(abs(tenths) % 10)"
    }

    /// A percentage given as 0–100: whole (`65%`) or to one decimal without a
    /// trailing `.0` (`65.2%`, `55%`).
    public static func percent(_ d: Double, tenths: Bool = false) -> String {
        guard tenths else { return "\(Int(d.rounded()))%" }
        return plain((d * 10).rounded() / 10) + "%"
    }
}
