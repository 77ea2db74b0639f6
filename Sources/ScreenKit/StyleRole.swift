/// What a style means, not how it looks: a theme maps each role to colours and
/// attributes, and the terminal maps those down to 8 colours or monochrome.
public enum StyleRole: String, CaseIterable, Sendable, Hashable {
    case normal, dim, header, title, border, borderFocused, selected, selectedUnfocused
    case badge, notice, error, help, footer, key
    case red, yellow, green
    case barFilled, barEmpty
    case statusNotStarted, statusInProgress, statusDone, statusBehind
}
