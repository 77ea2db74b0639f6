import CNcursesw
import ScreenKit

/// ncurses mouse reports as dashboard events. Button 1 is reported on press
/// (with `mouseinterval(0)` ncurses does not wait to tell clicks from drags);
/// the wheel arrives as buttons 4 and 5.
enum MouseDecoder {
    static func event(buttons: mmask_t, row: Int32, col: Int32) -> InputEvent? {
        let r = Int(row), c = Int(col)
        if buttons & duban_button4_pressed() != 0 { return .scrollUp(row: r, col: c) }
        let b5 = duban_button5_pressed()
        if b5 != 0, buttons & b5 != 0 { return .scrollDown(row: r, col: c) }
        if buttons & (duban_button1_pressed() | duban_button1_clicked()) != 0 { return .click(row: r, col: c) }
        return nil
    }

    /// The events asked for: button 1 and the wheel, nothing on motion, so an
    /// idle mouse sends the program nothing. Release and click are asked for
    /// too: a press and release that arrive together come as one click.
    static var mask: mmask_t {
        duban_button1_pressed() | duban_button1_released() | duban_button1_clicked()
            | duban_button4_pressed() | duban_button5_pressed()
    }
}
