#!/usr/bin/env python3
"""ptybytes.py - how many bytes does a full-screen program write while idle?

Runs COMMAND in a pseudo-terminal of the given size (TERM=xterm-256color,
LANG=C.UTF-8), waits until its start-up output has gone quiet, then counts
every byte it writes for --seconds, and ends it with SIGTERM.  Prints one JSON
object:

  {"startup": bytes before counting, "bytes": bytes while counting,
   "seconds": how long it counted, "bursts": [[t, bytes], ...],
   "exit": exit status or -signal}

A burst is output with no gap longer than 100 ms; t is seconds since counting
began.  Only the Python standard library is used.

With --keys K1,K2,… it instead sends each key once the output has been
quiet for --key-settle seconds and reports the bytes written in answer to
each, as "keys": [bytes, ...].  A key is a literal string; \\e is Esc.

Usage: ptybytes.py [--rows 24] [--cols 80] [--seconds 10] [--settle 0.7]
                   [--keys K1,K2,...] [--key-settle 0.15] -- COMMAND [ARG ...]
"""
import argparse
import fcntl
import json
import os
import pty
import select
import signal
import struct
import sys
import termios
import time


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rows", type=int, default=24)
    ap.add_argument("--cols", type=int, default=80)
    ap.add_argument("--seconds", type=float, default=10)
    ap.add_argument("--settle", type=float, default=0.7, help="silence that ends start-up (s)")
    ap.add_argument("--startup-timeout", type=float, default=10)
    ap.add_argument("--keys", default=None, help="comma-separated keys to send one by one")
    ap.add_argument("--key-settle", type=float, default=0.15, help="silence that ends the answer to a key (s)")
    ap.add_argument("command", nargs=argparse.REMAINDER)
    a = ap.parse_args()
    cmd = a.command[1:] if a.command[:1] == ["--"] else a.command
    if not cmd:
        ap.error("no command")

    pid, fd = pty.fork()
    if pid == 0:
        os.environ["TERM"] = "xterm-256color"
        os.environ["LANG"] = "C.UTF-8"
        os.environ.pop("NO_COLOR", None)
        try:
            os.execvp(cmd[0], cmd)
        finally:
            os._exit(127)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", a.rows, a.cols, 0, 0))
    os.kill(pid, signal.SIGWINCH)

    def read_for(timeout):
        r, _, _ = select.select([fd], [], [], max(0, timeout))
        if not r:
            return b""
        try:
            return os.read(fd, 65536)
        except OSError:
            return None

    # Start-up: until quiet for --settle.
    startup = 0
    start = time.monotonic()
    last = start
    while time.monotonic() - start < a.startup_timeout:
        d = read_for(0.05)
        if d is None:
            break
        if d:
            startup += len(d)
            last = time.monotonic()
        elif startup and time.monotonic() - last >= a.settle:
            break

    per_key = []
    if a.keys is not None:
        for key in a.keys.split(","):
            os.write(fd, key.replace("\\e", "\x1b").encode())
            got = 0
            last = time.monotonic()
            first_deadline = last + 1.0
            while True:
                d = read_for(0.02)
                if d is None:
                    break
                now = time.monotonic()
                if d:
                    got += len(d)
                    last = now
                elif (got and now - last >= a.key_settle) or (not got and now >= first_deadline):
                    break
            per_key.append(got)
        a.seconds = 0

    # Counting.
    total = 0
    bursts = []
    t0 = time.monotonic()
    prev = None
    while True:
        now = time.monotonic()
        if now - t0 >= a.seconds:
            break
        d = read_for(min(0.05, a.seconds - (now - t0)))
        if d is None:
            break
        if d:
            now = time.monotonic()
            total += len(d)
            if prev is not None and now - prev <= 0.1 and bursts:
                bursts[-1][1] += len(d)
            else:
                bursts.append([round(now - t0, 3), len(d)])
            prev = now

    os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + 3
    status = None
    while time.monotonic() < deadline:
        read_for(0.05)
        p, st = os.waitpid(pid, os.WNOHANG)
        if p == pid:
            status = os.waitstatus_to_exitcode(st)
            break
    if status is None:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    print(json.dumps({"startup": startup, "bytes": total, "seconds": a.seconds,
                      "bursts": bursts, "keys": per_key, "exit": status}))


if __name__ == "__main__":
    main()
