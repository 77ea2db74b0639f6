/// What the terminal backend drives: events in, frames out. The dashboard and
/// the kiosk implement it; the backend knows nothing else about them.
public protocol TerminalApp: AnyObject {
    /// Handles one event. Returns false when the app wants to exit.
    func handle(_ event: InputEvent) -> Bool
    /// The whole screen for this size. Pure: the backend diffs frames itself.
    func render(width: Int, height: Int) -> Frame
    /// Seconds until the app next wants a `.tick` (store watch, clock, rotation).
    var tickInterval: Double { get }
}
