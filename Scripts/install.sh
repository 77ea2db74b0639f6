#!/usr/bin/env bash
# Builds duban as one file (the Swift runtime linked in statically, the themes and
# the sample store built in) and installs it with its man page and shell completions.
#
#   sudo Scripts/install.sh                 # into /usr/local
#   PREFIX=/opt/duban Scripts/install.sh    # elsewhere
#
# PREFIX     where to install (default /usr/local)
# DESTDIR    staging root for packaging (default none)
# SCRATCH    build directory of the release build (default .build-static)
# MANUAL     an already generated duban.1, or "none"; by default it is generated with
#            swift-argument-parser's generate-manual plugin (a debug build in .build)
set -euo pipefail
cd "$(dirname "$0")/.."

PREFIX=${PREFIX:-/usr/local}
DESTDIR=${DESTDIR:-}
SCRATCH=${SCRATCH:-.build-static}
MANUAL=${MANUAL:-}

swift build -c release --static-swift-stdlib --product duban --scratch-path "$SCRATCH"
binary="$SCRATCH/release/duban"

if [ -z "$MANUAL" ]; then
    swift package generate-manual --configuration debug
    MANUAL=.build/plugins/GenerateManual/outputs/duban/duban.1
fi

root="$DESTDIR$PREFIX"
install -d "$root/bin" "$root/share/man/man1" "$root/share/bash-completion/completions" \
    "$root/share/zsh/site-functions" "$root/share/fish/vendor_completions.d"
# Stripped (when strip is there): the debug information is a quarter of the file.
strip_flag=()
command -v strip >/dev/null 2>&1 && strip_flag=(--strip)
install -m 755 "${strip_flag[@]}" "$binary" "$root/bin/duban"
echo "installed $root/bin/duban"
if [ "$MANUAL" != none ]; then
    install -m 644 "$MANUAL" "$root/share/man/man1/duban.1"
    echo "installed $root/share/man/man1/duban.1"
fi
"$root/bin/duban" --generate-completion-script bash > "$root/share/bash-completion/completions/duban"
"$root/bin/duban" --generate-completion-script zsh > "$root/share/zsh/site-functions/_duban"
"$root/bin/duban" --generate-completion-script fish > "$root/share/fish/vendor_completions.d/duban.fish"
chmod 644 "$root/share/bash-completion/completions/duban" "$root/share/zsh/site-functions/_duban" \
    "$root/share/fish/vendor_completions.d/duban.fish"
echo "installed completions for bash, zsh and fish under $root/share"
