#!/bin/sh
# Builds the Linux package from the binary CI already compiled (no second build: `cargo deb --no-build` on the dev
# profile's binary, which cargo-deb strips), installs it with apt from a fresh temporary folder outside the source tree,
# and tries the installed copy as a teacher would: --version, validate of a built-in scenario, `check`, and the game
# under Xvfb for screenshots, checked not blank. It then checks the game wrote only to the user's data folder (and
# the screenshot folder it was given), and removes the package. Needs cargo-deb, apt, xvfb and Mesa's Vulkan.
#
#   scripts/check-deb.sh [BINARY]     (default: $CARGO_TARGET_DIR/debug/tradetable, built with the default features)
set -eu
SCRIPTS=$(cd "$(dirname "$0")" && pwd)
cd "$(dirname "$0")/.."
TARGET=${CARGO_TARGET_DIR:-target}
BIN=${1:-$TARGET/debug/tradetable}
if [ ! -x "$BIN" ]; then
    echo "check-deb: no binary at $BIN (build it with: cargo build)" >&2
    exit 1
fi
PROFILE=dev
case "$BIN" in */release/*) PROFILE=release ;; esac

WORK=$(mktemp -d /tmp/tradetable-deb-check.XXXXXX)
cleanup() {
    if dpkg -s tradetable >/dev/null 2>&1; then
        DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq tradetable >/dev/null 2>&1 || true
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT

echo "check-deb: packaging $BIN"
START=$(date +%s)
# cargo-deb takes the binary from the target folder; a scratch one holding a copy of BINARY packages exactly that
# binary. It warns that a dev-profile package is not a release: here it is a test of the packaging, not a download.
PROFILE_DIR=debug
[ "$PROFILE" = release ] && PROFILE_DIR=release
mkdir -p "$WORK/target/$PROFILE_DIR"
cp "$BIN" "$WORK/target/$PROFILE_DIR/tradetable"
CARGO_TARGET_DIR="$WORK/target" cargo deb --no-build --profile "$PROFILE" --output "$WORK/" 2>&1 |
    grep -v "dev profile\|debug symbols\|custom profiles\|^/" || true
rm -rf "$WORK/target"
DEB=$(ls "$WORK"/tradetable_*.deb)
echo "check-deb: $(basename "$DEB"), $(du -k "$DEB" | cut -f1) KiB, packaged in $(($(date +%s) - START)) s"

# From here on, nothing of the source tree: a clean folder, a fresh home, the installed program on PATH.
cd "$WORK"
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "./$(basename "$DEB")" >/dev/null
INSTALLED=$(command -v tradetable)
[ "$INSTALLED" = /usr/bin/tradetable ] || { echo "check-deb: tradetable is $INSTALLED, not /usr/bin/tradetable" >&2; exit 1; }
for FILE in /usr/share/applications/tradetable.desktop /usr/share/icons/hicolor/256x256/apps/tradetable.png \
    /usr/share/doc/tradetable/LICENSE-MIT /usr/share/doc/tradetable/LICENSE-APACHE /usr/share/doc/tradetable/copyright; do
    [ -s "$FILE" ] || { echo "check-deb: the package did not install $FILE" >&2; exit 1; }
done

mkdir -p "$WORK/home"
export HOME="$WORK/home"
unset TRADETABLE_DATA_DIR XDG_DATA_HOME
touch "$WORK/before"

tradetable --version | tee "$WORK/version.txt"
grep -q "^tradetable [0-9]" "$WORK/version.txt"
grep -q "scenario format [0-9a-f]\{8\}" "$WORK/version.txt"

tradetable validate tutorial spring-2025
tradetable check | tee "$WORK/check.txt"
grep -q "ok       data folder: $HOME/.local/share/tradetable (writable)" "$WORK/check.txt"
grep -q "graphics: " "$WORK/check.txt"

# A software renderer on 2 cores is slow; the tutorial's autoplay takes about a minute.
SHOTS="$WORK/shots"
timeout 300 xvfb-run -a -s "-screen 0 1280x720x24" tradetable play --autoplay --side us --scenario tutorial \
    --screenshot-dir "$SHOTS" >"$WORK/game.log" 2>&1 || { tail -n 20 "$WORK/game.log" >&2; exit 1; }
grep -o "launch-to-title [0-9]* ms" "$WORK/game.log" | head -n 1 || true
FIRST=$(find "$SHOTS" -name "*.png" | sort | head -n 1)
python3 "$SCRIPTS/png-has-content.py" check-deb "$FIRST" 20

# Everything the installed copy wrote since it was installed: only the user's data folder and the screenshots.
WRITTEN=$(find "$WORK" -newer "$WORK/before" -type f \
    ! -path "$HOME/.local/share/tradetable/*" ! -path "$SHOTS/*" \
    ! -name version.txt ! -name check.txt ! -name game.log)
if [ -n "$WRITTEN" ]; then
    echo "check-deb: the installed game wrote outside the user's data folder:" >&2
    echo "$WRITTEN" >&2
    exit 1
fi

DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq tradetable >/dev/null
if [ -e /usr/bin/tradetable ]; then
    echo "check-deb: tradetable is still installed after apt-get remove" >&2
    exit 1
fi
echo "check-deb: ok — installed, run from $WORK, removed ($(($(date +%s) - START)) s in all)"
