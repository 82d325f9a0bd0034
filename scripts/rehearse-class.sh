#!/usr/bin/env bash
# Rehearses a networked class on this machine, process by process, as docs/performance.md measures it: a headless
# host of TABLES tables in one process, and bot laptops filling every table from BOT_PROCESSES other processes
# (`tradetable bots --codes-file`, reading the join codes the host keeps in its results folder), all on loopback.
# Waits for every table to end, at most REHEARSAL_TIMEOUT seconds, then reports the host's CPU time and peak memory,
# the bots' peak memory, the moves, the move latency the bots saw (median, 99th percentile) and the host's own time
# per message (from its summary line).
#
#   scripts/rehearse-class.sh TABLES [BOT_PROCESSES]
#
# Environment: TRADETABLE (the binary; default target/release/tradetable, else target/debug/tradetable),
# REHEARSAL_TIMEOUT (seconds, default 600), REHEARSAL_PORT (default 17878), BOT_THREADS (threads per bots process,
# default 1), REHEARSAL_DIR (where logs and results go; default a new temporary folder, kept for reading).
set -u

tables=${1:-}
processes=${2:-2}
if ! [[ "$tables" =~ ^[0-9]+$ ]] || ((tables < 1 || tables > 127)) || ! [[ "$processes" =~ ^[0-9]+$ ]] ||
    ((processes < 1)); then
    echo "usage: $0 TABLES(1-127) [BOT_PROCESSES]" >&2
    exit 2
fi
((processes > tables)) && processes=$tables

root=$(cd "$(dirname "$0")/.." && pwd)
binary=${TRADETABLE:-}
if [[ -z "$binary" ]]; then
    for candidate in "$root/target/release/tradetable" "$root/target/debug/tradetable"; do
        [[ -x "$candidate" ]] && binary=$candidate && break
    done
fi
if [[ -z "$binary" || ! -x "$binary" ]]; then
    echo "error: no tradetable binary; build it (cargo build --release) or set TRADETABLE=PATH" >&2
    exit 2
fi
timeout_seconds=${REHEARSAL_TIMEOUT:-600}
port=${REHEARSAL_PORT:-17878}
threads=${BOT_THREADS:-1}
dir=${REHEARSAL_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/tradetable-rehearsal-XXXXXX")}
mkdir -p "$dir"
results="$dir/results"
codes="$results/in-progress/join-codes.json"
rm -rf "$results"

# /usr/bin/time -v gives each process's CPU time and peak memory; without it they are read from /proc while it runs.
timer=()
[[ -x /usr/bin/time ]] && timer=(/usr/bin/time -v -o)

started_process() { # NAME COMMAND...: starts COMMAND in the background, its output in $dir/NAME.log
    local name=$1
    shift
    if ((${#timer[@]})); then
        "${timer[@]}" "$dir/$name.time" "$@" >"$dir/$name.log" 2>&1 &
    else
        "$@" >"$dir/$name.log" 2>&1 &
    fi
    echo $!
}

echo "binary: $binary"
echo "machine: $(nproc) core(s); load average at the start:$(cut -d' ' -f1-3 /proc/loadavg | sed 's/^/ /')"
echo "logs and results: $dir"

host_pid=$(started_process host "$binary" host --tables "$tables" --headless --bind 127.0.0.1 --port "$port" \
    --results "$results" --computer-pace 0)
for _ in $(seq 1 600); do
    [[ -s "$codes" ]] && break
    kill -0 "$host_pid" 2>/dev/null || break
    sleep 0.1
done
if [[ ! -s "$codes" ]]; then
    echo "error: the host wrote no join codes within 60 s; its log:" >&2
    tail -20 "$dir/host.log" >&2
    kill "$host_pid" 2>/dev/null
    exit 1
fi

share=$(((tables + processes - 1) / processes))
bot_pids=()
for ((i = 0; i < processes; i++)); do
    first=$((1 + i * share))
    ((first > tables)) && break
    count=$((tables - first + 1 < share ? tables - first + 1 : share))
    bot_pids+=("$(started_process "bots-$i" "$binary" bots --join "127.0.0.1:$port" --codes-file "$codes" \
        --first-table "$first" --tables "$count" --threads "$threads" --latencies "$dir/latencies-$i.txt" \
        --timeout "$timeout_seconds")")
done

# Every process is watched until it exits, at most the timeout (and a little for the host's last messages); the
# host's real process (under /usr/bin/time) is sampled for CPU and memory in case /usr/bin/time is missing.
real_pid() { pgrep -P "$1" -x tradetable 2>/dev/null | head -1 || true; }
host_cpu_ticks=0
host_peak_kb=0
start=$SECONDS
gave_up=0
while :; do
    running=0
    for pid in "$host_pid" "${bot_pids[@]}"; do
        kill -0 "$pid" 2>/dev/null && running=1
    done
    ((running)) || break
    target=$host_pid
    ((${#timer[@]})) && target=$(real_pid "$host_pid")
    if [[ -n "$target" && -r "/proc/$target/stat" ]]; then
        ticks=$(awk '{sub(/.*\) /, ""); print $12 + $13}' "/proc/$target/stat" 2>/dev/null || echo 0)
        peak=$(awk '/^VmHWM:/ {print $2}' "/proc/$target/status" 2>/dev/null || echo 0)
        ((ticks > host_cpu_ticks)) && host_cpu_ticks=$ticks
        ((${peak:-0} > host_peak_kb)) && host_peak_kb=$peak
    fi
    if ((SECONDS - start > timeout_seconds + 30)); then
        gave_up=1
        echo "gave up after $((SECONDS - start)) s (REHEARSAL_TIMEOUT=$timeout_seconds): stopping the host and the bots"
        for pid in "$host_pid" "${bot_pids[@]}"; do
            kill "$pid" 2>/dev/null
        done
        break
    fi
    sleep 0.2
done
wall=$((SECONDS - start))
wait 2>/dev/null

field() { # FILE LABEL: a number from /usr/bin/time -v's report
    sed -n "s/^[[:space:]]*$2: //p" "$1" 2>/dev/null | head -1
}
echo
echo "== $tables tables, $((2 * tables)) bot laptops in ${#bot_pids[@]} process(es) of $threads thread(s); $wall s"
echo "load average at the end:$(cut -d' ' -f1-3 /proc/loadavg | sed 's/^/ /')"
if [[ -f "$dir/host.time" ]]; then
    user=$(field "$dir/host.time" "User time (seconds)")
    system=$(field "$dir/host.time" "System time (seconds)")
    echo "host CPU: $(awk -v u="$user" -v s="$system" 'BEGIN {printf "%.2f s (user %.2f, system %.2f)", u + s, u, s}')"
    echo "host peak memory (max RSS): $(awk -v k="$(field "$dir/host.time" "Maximum resident set size (kbytes)")" \
        'BEGIN {printf "%.1f MB", k / 1024}')"
else
    echo "host CPU: $(awk -v t="$host_cpu_ticks" 'BEGIN {printf "%.2f s", t / 100}') (sampled from /proc)"
    echo "host peak memory (VmHWM): $(awk -v k="$host_peak_kb" 'BEGIN {printf "%.1f MB", k / 1024}') (sampled)"
fi
for ((i = 0; i < ${#bot_pids[@]}; i++)); do
    if [[ -f "$dir/bots-$i.time" ]]; then
        user=$(field "$dir/bots-$i.time" "User time (seconds)")
        system=$(field "$dir/bots-$i.time" "System time (seconds)")
        rss=$(field "$dir/bots-$i.time" "Maximum resident set size (kbytes)")
        echo "bots process $i: CPU $(awk -v u="$user" -v s="$system" 'BEGIN {printf "%.2f s", u + s}'), peak memory \
$(awk -v k="$rss" 'BEGIN {printf "%.1f MB", k / 1024}')"
    fi
    grep -h "laptops saw their table end\|links that went down\|error:" "$dir/bots-$i.log" | sed 's/^/  /'
done
cat "$dir"/latencies-*.txt 2>/dev/null | sort -n | awk '
    { v[NR - 1] = $1 }
    END {
        if (NR == 0) { print "moves seen by the bots: none"; exit }
        printf "moves seen by the bots: %d; move latency at the bots (sent to its view back): median %.1f ms, 99th percentile %.1f ms\n", NR, v[int(NR * 50 / 100)], v[int(NR * 99 / 100)]
    }'
summary=$(grep -h "^summary:" "$dir/host.log" | tail -1)
echo "host: ${summary:-no summary line in its log}"
over=$(grep -c "game over; written" "$dir/host.log")
echo "tables over at the host: $over of $tables"
((gave_up == 0 && over == tables)) && exit 0
exit 1
