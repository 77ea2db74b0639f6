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
static inline WINDOW *duban_curscr(void) { return curscr; }
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
static inline mmask_t duban_button1_released(void) { return BUTTON1_RELEASED; }
static inline mmask_t duban_button4_pressed(void) { return BUTTON4_PRESSED; }
#ifdef BUTTON5_PRESSED
static inline mmask_t duban_button5_pressed(void) { return BUTTON5_PRESSED; }
#else
static inline mmask_t duban_button5_pressed(void) { return 0; }
#endif

// Function-like macros and globals the Terminal module needs.
static inline int duban_key_f(int n) { return KEY_F(n); }
static inline int duban_colors(void) { return COLORS; }
static inline int duban_color_pairs(void) { return COLOR_PAIRS; }
static inline FILE *duban_stdin(void) { return stdin; }
static inline FILE *duban_stdout(void) { return stdout; }

// Terminal size of a file descriptor (ioctl is variadic, so not callable from Swift).
#include <sys/ioctl.h>
static inline int duban_get_winsize(int fd, int *rows, int *cols) {
    struct winsize ws;
    if (ioctl(fd, TIOCGWINSZ, &ws) != 0) return -1;
    *rows = ws.ws_row; *cols = ws.ws_col;
    return 0;
}
static inline int duban_set_winsize(int fd, int rows, int cols) {
    struct winsize ws = { (unsigned short)rows, (unsigned short)cols, 0, 0 };
    return ioctl(fd, TIOCSWINSZ, &ws);
}

// Pseudo-terminals for in-process tests: a master/slave pair of the given size.
#include <stdlib.h>
#include <fcntl.h>
#include <unistd.h>
// Declared by stdlib.h only under _XOPEN_SOURCE >= 500, which this header does not set.
extern int posix_openpt(int flags);
extern int grantpt(int fd);
extern int unlockpt(int fd);
extern char *ptsname(int fd);
static inline int duban_openpty(int *master, int *slave, int rows, int cols) {
    int m = posix_openpt(O_RDWR | O_NOCTTY);
    if (m < 0) return -1;
    if (grantpt(m) != 0 || unlockpt(m) != 0) { close(m); return -1; }
    char *name = ptsname(m);
    if (name == NULL) { close(m); return -1; }
    int s = open(name, O_RDWR | O_NOCTTY);
    if (s < 0) { close(m); return -1; }
    duban_set_winsize(s, rows, cols);
    *master = m; *slave = s;
    return 0;
}

// Signal handling. Handlers may only set sig_atomic_t flags and call
// async-signal-safe functions, so they are written in C. The state below is
// `static`: every Swift source file that calls these functions gets its own
// copy, so exactly one Swift file (Terminal/Signals.swift) may use them.
#include <signal.h>
#include <termios.h>
#include <string.h>
#include <poll.h>

static volatile sig_atomic_t duban_quit_signal_seen = 0;
static volatile sig_atomic_t duban_continued_seen = 0;
static int duban_restore_fd = -1;
static int duban_restore_have_modes = 0;
static size_t duban_restore_length = 0;
// Aggregates live in a function-local static: Swift's importer emits file-scope
// scalars it references but not file-scope arrays or structs.
struct duban_restore_state {
    struct termios modes;
    char bytes[512];
    struct sigaction previous[65];
};
static inline struct duban_restore_state *duban_restore(void) {
    static struct duban_restore_state state;
    return &state;
}

static void duban_on_quit_signal(int sig) { duban_quit_signal_seen = sig; }
static void duban_on_continue(int sig) { (void)sig; duban_continued_seen = 1; }

// Crash path: put the terminal back (the escape sequences that leave the
// alternate screen and show the cursor, then the saved tty modes) with write
// and tcsetattr only, then hand the signal to whoever handled it before us
// (the Swift runtime's backtracer, or the default action).
static void duban_on_fatal_signal(int sig) {
    if (duban_restore_fd >= 0) {
        if (duban_restore_length > 0) {
            ssize_t r = write(duban_restore_fd, duban_restore()->bytes, duban_restore_length);
            (void)r;
        }
        if (duban_restore_have_modes) tcsetattr(duban_restore_fd, TCSANOW, &duban_restore()->modes);
    }
    if (sig > 0 && sig < 65) sigaction(sig, &duban_restore()->previous[sig], NULL);
    raise(sig);
}

static inline int duban_install_handler(int sig, int kind) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sigemptyset(&sa.sa_mask);
    // No SA_RESTART for the quit signals: an interrupted read returns at once.
    switch (kind) {
    case 0: sa.sa_handler = duban_on_quit_signal; break;
    case 1: sa.sa_handler = duban_on_continue; sa.sa_flags = SA_RESTART; break;
    case 2: sa.sa_handler = duban_on_fatal_signal; sa.sa_flags = SA_RESETHAND | SA_NODEFER; break;
    case 3: sa.sa_handler = SIG_IGN; break;
    default: sa.sa_handler = SIG_DFL; break;
    }
    if (sig <= 0 || sig >= 65) return -1;
    return sigaction(sig, &sa, &duban_restore()->previous[sig]);
}
static inline int duban_restore_handler(int sig) {
    if (sig <= 0 || sig >= 65) return -1;
    return sigaction(sig, &duban_restore()->previous[sig], NULL);
}
static inline int duban_take_quit_signal(void) { return duban_quit_signal_seen; }
static inline void duban_reset_quit_signal(void) { duban_quit_signal_seen = 0; }
static inline int duban_take_continued(void) {
    int c = duban_continued_seen; duban_continued_seen = 0; return c;
}
// `modes` are the tty modes to go back to (saved before ncurses started).
static inline void duban_set_crash_restore(int fd, const char *bytes, size_t length, const struct termios *modes) {
    duban_restore_fd = -1;
    if (length > sizeof duban_restore()->bytes) length = sizeof duban_restore()->bytes;
    if (bytes && length) memcpy(duban_restore()->bytes, bytes, length);
    duban_restore_length = bytes ? length : 0;
    duban_restore_have_modes = 0;
    if (modes) { duban_restore()->modes = *modes; duban_restore_have_modes = 1; }
    duban_restore_fd = fd;
}
static inline void duban_clear_crash_restore(void) { duban_restore_fd = -1; }
// Is the tty still there and able to take output without blocking?
static inline int duban_fd_writable(int fd) {
    struct pollfd p = { fd, POLLOUT, 0 };
    if (poll(&p, 1, 0) != 1) return 0;
    return (p.revents & (POLLHUP | POLLERR | POLLNVAL)) == 0 && (p.revents & POLLOUT) != 0;
}
// Has the other end of the tty gone away (hang-up)? A read would fail at once,
// so a loop waiting for input would spin instead of waiting.
static inline int duban_fd_hung_up(int fd) {
    struct pollfd p = { fd, POLLIN, 0 };
    if (poll(&p, 1, 0) != 1) return 0;
    return (p.revents & (POLLHUP | POLLERR | POLLNVAL)) != 0;
}
// Stop the process as a cooked-mode program would on Ctrl-Z, whatever handler
// SIGTSTP has; returns once continued (at once if the process group is
// orphaned, where the kernel discards the stop).
static inline void duban_stop_self(void) {
    struct sigaction dfl, old;
    memset(&dfl, 0, sizeof dfl);
    dfl.sa_handler = SIG_DFL;
    sigemptyset(&dfl.sa_mask);
    sigaction(SIGTSTP, &dfl, &old);
    sigset_t set, saved;
    sigemptyset(&set);
    sigaddset(&set, SIGTSTP);
    sigprocmask(SIG_UNBLOCK, &set, &saved);
    raise(SIGTSTP);
    sigprocmask(SIG_SETMASK, &saved, NULL);
    sigaction(SIGTSTP, &old, NULL);
}
// tigetstr returns (char *)-1 for a capability that is not a string.
static inline const char *duban_tigetstr(const char *name) {
    char *s = tigetstr(name);
    return (s == NULL || s == (char *)-1) ? NULL : s;
}
static inline void duban_sigset_block(int sig, int block) {
    sigset_t set; sigemptyset(&set); sigaddset(&set, sig);
    sigprocmask(block ? SIG_BLOCK : SIG_UNBLOCK, &set, NULL);
}

#endif
