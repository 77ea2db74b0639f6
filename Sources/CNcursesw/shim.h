// ncursesw for Swift. pkgConfig is not used on purpose: SwiftPM drops the
// -D_XOPEN_SOURCE flags and the wide-character API (cchar_t, add_wch, get_wch,
// setcchar) disappears. Defining the macros here keeps it visible.
#ifndef DUBAN_CNCURSESW_SHIM_H
#define DUBAN_CNCURSESW_SHIM_H

#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#define NCURSES_WIDECHAR 1

#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <ncursesw/curses.h>

// Not visible through Glibc from Swift.
int wcwidth(wchar_t c);

// Swift 6 rejects mutable C globals; read them through functions.
static inline WINDOW *duban_stdscr(void) { return stdscr; }
static inline int duban_lines(void) { return LINES; }
static inline int duban_cols(void) { return COLS; }

// Macros Swift cannot import.
static inline attr_t duban_a_normal(void) { return A_NORMAL; }
static inline attr_t duban_a_bold(void) { return A_BOLD; }
static inline attr_t duban_a_reverse(void) { return A_REVERSE; }
static inline attr_t duban_a_underline(void) { return A_UNDERLINE; }
static inline attr_t duban_a_dim(void) { return A_DIM; }
static inline int duban_color_pair(int n) { return (int)COLOR_PAIR(n); }
static inline mmask_t duban_all_mouse_events(void) { return ALL_MOUSE_EVENTS; }
static inline mmask_t duban_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t duban_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t duban_button4_pressed(void) { return BUTTON4_PRESSED; }
#ifdef BUTTON5_PRESSED
static inline mmask_t duban_button5_pressed(void) { return BUTTON5_PRESSED; }
#else
static inline mmask_t duban_button5_pressed(void) { return 0; }
#endif

#endif
