#!/usr/bin/env bash
# Compares TradeTable's bargaining engine with NegMAS on the domains in benches/negmas/domains/.
#
# Sets up a Python venv with negmas 0.16.0 (once), runs every domain x strategy pair x deadline on both
# sides, and prints a side-by-side table (see docs/negmas-comparison.md). Exits non-zero if any case differs.
#
# Environment:
#   NEGMAS_VENV      where the venv lives (default: $HOME/.cache/tradetable/negmas-venv)
#   TRADETABLE_BIN   run this binary instead of `cargo run --release --no-default-features --` (e.g. a scratch build)
#   STEPS            comma-separated deadlines in rounds (default: 20,100)
#   REPEAT           timed runs of our command per case (default: 5)
#   NEGMAS_REPEAT    timed NegMAS negotiations per case (default: 20)
#   JSON_OUT         also write every case with both traces to this file
# Extra arguments are passed on to compare.py (e.g. --strategies boulware,linear).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
venv="${NEGMAS_VENV:-$HOME/.cache/tradetable/negmas-venv}"

if ! "$venv/bin/python" -c 'import negmas, sys; sys.exit(negmas.__version__ != "0.16.0")' 2>/dev/null; then
    echo "Setting up NegMAS 0.16.0 in $venv (about 800 MB, a few minutes)..." >&2
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet negmas==0.16.0
fi

if [[ -n "${TRADETABLE_BIN:-}" ]]; then
    ours="$(printf '%q' "$TRADETABLE_BIN")"
    timed="$ours"
else
    # Build once, so that the first timed case does not include compiling.
    (cd "$repo" && cargo build --quiet --release --no-default-features)
    ours="cargo run --quiet --release --no-default-features --manifest-path $(printf '%q' "$repo/Cargo.toml") --"
    # Timing `cargo run` would mostly measure cargo's own start-up; time the binary it runs instead.
    target_dir="$(cd "$repo" && cargo metadata --format-version 1 --no-deps |
        "$venv/bin/python" -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])')"
    timed="$(printf '%q' "$target_dir/release/tradetable")"
fi

json_args=()
if [[ -n "${JSON_OUT:-}" ]]; then
    json_args=(--json "$JSON_OUT")
fi

exec "$venv/bin/python" "$here/compare.py" \
    --ours "$ours" \
    --ours-timed "$timed" \
    --domains "$here/domains" \
    --steps "${STEPS:-20,100}" \
    --repeat "${REPEAT:-5}" \
    --negmas-repeat "${NEGMAS_REPEAT:-20}" \
    "${json_args[@]}" \
    "$@"
