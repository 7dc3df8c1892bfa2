#!/usr/bin/env bash
# Boot benchmark of the assembled distribution: time from `bin/karaf run` to the
# first HTTP 200 of /api/health, and the resident memory of Karaf at that moment.
#
#   benchmarks/boot.sh [tarball]          RUNS=5 PORT=18181 by default
#   LOAD_SECONDS=60 benchmarks/boot.sh    also: read load with wrk after each boot, max RSS under it
#
# Each run unpacks the tarball into a fresh temporary folder (so every boot is a
# first boot: empty Derby database, empty bundle cache), moves HTTP to $PORT on
# 127.0.0.1, starts Karaf, measures, stops it and deletes the folder. The summary
# is printed and written to benchmarks/results/boot-<UTC timestamp>.json.
# See benchmarks/README.md.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS="${RUNS:-5}"
PORT="${PORT:-18181}"
TIMEOUT_S="${BOOT_TIMEOUT:-120}"
LOAD_SECONDS="${LOAD_SECONDS:-0}"
LOAD_CONNECTIONS="${LOAD_CONNECTIONS:-64}"
# Read load: each URL in turn for an equal share of LOAD_SECONDS (the calls of the performance issue).
LOAD_PATHS=(/index.html /api/directory/regions /api/learning-forms /api/portal
    "/api/directory/regions/410300/units?size=25" /api/health)
STOP_WAIT_S=30
STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
RESULTS_DIR="$ROOT/benchmarks/results"

# State of the run in progress, for the clean-up trap.
SNAPSHOT=""  # private copy of the tarball, so that a build rewriting it cannot interfere
WORK=""      # the temporary folder of the current run
HOME_DIR=""  # the unpacked distribution in $WORK
LAUNCHER=""  # PID of the bin/karaf shell script
KARAF_PID="" # PID of Karaf's java process
LOG=""       # console log of the current run
RUN=0

log() { printf 'boot.sh: %s\n' "$*" >&2; }

die() {
    log "ERROR: $*"
    if [ -n "$LOG" ] && [ -f "$LOG" ]; then
        mkdir -p "$RESULTS_DIR"
        local keep="$RESULTS_DIR/boot-$STAMP-run$RUN-failed.log"
        {
            cat "$LOG"
            if [ -n "$HOME_DIR" ] && [ -f "$HOME_DIR/data/log/karaf.log" ]; then
                printf '\n===== data/log/karaf.log =====\n'
                cat "$HOME_DIR/data/log/karaf.log"
            fi
        } > "$keep" 2>/dev/null || true
        log "last lines of the Karaf logs (kept in ${keep#"$ROOT"/}):"
        tail -n 40 "$keep" >&2 || true
    fi
    exit 1
}

alive() { [ -n "${1:-}" ] && kill -0 "$1" 2>/dev/null; }

# Stops whatever this script started and removes the current temporary folder.
cleanup() {
    local pid
    if [ -z "$KARAF_PID" ] && [ -n "$HOME_DIR" ]; then
        # failed before the PID was recorded: find it, or it would outlive its folder
        KARAF_PID="$(pgrep -f "karaf.base=$HOME_DIR" || true)"
    fi
    for pid in $KARAF_PID; do
        if alive "$pid"; then
            kill -9 "$pid" 2>/dev/null || true
        fi
    done
    if alive "$LAUNCHER"; then
        # java not started yet or not found: end the children of bin/karaf, then bin/karaf
        pkill -9 -P "$LAUNCHER" 2>/dev/null || true
        kill -9 "$LAUNCHER" 2>/dev/null || true
    fi
    if [ -n "$LAUNCHER" ]; then
        wait "$LAUNCHER" 2>/dev/null || true
    fi
    if [ -n "$WORK" ] && [ -d "$WORK" ]; then
        rm -rf "$WORK"
    fi
    KARAF_PID=""
    LAUNCHER=""
    WORK=""
    HOME_DIR=""
    LOG=""
}
trap 'cleanup; [ -z "$SNAPSHOT" ] || rm -f "$SNAPSHOT"' EXIT
trap 'log "interrupted"; exit 130' INT TERM

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; }

# Replaces the line setting org.osgi.service.http.port in a file, or appends it.
set_port_line() {
    local file="$1" line="$2"
    [ -f "$file" ] || die "missing $file in the distribution"
    if grep -q '^[[:space:]]*org\.osgi\.service\.http\.port[[:space:]]*=' "$file"; then
        sed -i "s|^[[:space:]]*org\.osgi\.service\.http\.port[[:space:]]*=.*|$line|" "$file"
    else
        printf '\n%s\n' "$line" >> "$file"
    fi
    grep -qx "$line" "$file" || die "could not set the port in $file"
}

json_string() {
    local s="${1//\\/\\\\}"
    s="${s//\"/\\\"}"
    printf '"%s"' "$s"
}

# Median of numbers on stdin, printed with the given printf format.
median() {
    sort -n | awk -v fmt="$1" '{ v[NR] = $1 }
        END {
            if (NR == 0) { exit 1 }
            m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
            printf fmt "\n", m
        }'
}

# --- arguments and prerequisites ---

case "$RUNS" in '' | *[!0-9]* | 0) die "RUNS must be a positive integer, not '$RUNS'" ;; esac
case "$TIMEOUT_S" in "" | *[!0-9]* | 0) die "BOOT_TIMEOUT must be a positive number of seconds, not '$TIMEOUT_S'" ;; esac
case "$PORT" in '' | *[!0-9]*) die "PORT must be a port number, not '$PORT'" ;; esac
case "$LOAD_SECONDS" in '' | *[!0-9]*) die "LOAD_SECONDS must be a number of seconds, not '$LOAD_SECONDS'" ;; esac
if [ "$LOAD_SECONDS" -gt 0 ] && ! command -v wrk >/dev/null; then
    log "installing wrk (Debian package) for the read load"
    { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk; } >/dev/null 2>&1 \
        || die "LOAD_SECONDS needs wrk (apt-get install -y wrk)"
fi
[ "$PORT" -ge 1024 ] && [ "$PORT" -le 65535 ] || die "PORT must lie in 1024..65535, not $PORT"
for tool in tar gzip curl pgrep awk sed sort; do
    command -v "$tool" >/dev/null || die "$tool is required"
done

if [ $# -ge 1 ]; then
    TARBALL="$1"
else
    shopt -s nullglob
    candidates=("$ROOT"/karaf-distribution/target/ceportal-distribution-*.tar.gz)
    shopt -u nullglob
    [ ${#candidates[@]} -gt 0 ] || die "no karaf-distribution/target/ceportal-distribution-*.tar.gz; build it first (mvn -B install -DskipTests) or pass the tarball as argument"
    # the newest, if several versions lie there
    TARBALL="$(ls -t "${candidates[@]}" | head -n 1)"
fi
[ -f "$TARBALL" ] || die "tarball not found: $TARBALL"
TARBALL="$(cd "$(dirname "$TARBALL")" && pwd)/$(basename "$TARBALL")"
SNAPSHOT="$(mktemp "${TMPDIR:-/tmp}/ceportal-boot-tarball.XXXXXXXX")"
cp "$TARBALL" "$SNAPSHOT"
gzip -t "$SNAPSHOT" 2>/dev/null || die "$TARBALL is not a complete gzip file (is a build writing it?)"
TARBALL_BYTES="$(stat -c %s "$SNAPSHOT")"
TARBALL_MB="$(awk -v b="$TARBALL_BYTES" 'BEGIN { printf "%.1f", b / 1048576 }')"

# The environment must not point bin/karaf at another installation.
unset KARAF_HOME KARAF_BASE KARAF_DATA KARAF_ETC KARAF_LOG KARAF_OPTS KARAF_DEBUG

URL="http://127.0.0.1:$PORT/api/health"
log "tarball $TARBALL ($TARBALL_MB MB), $RUNS run(s), health at $URL"

BOOT_MS=()
RSS_MB=()
LOAD_RSS_MB=()
LOAD_REQUESTS=()

# --- the runs ---

for ((RUN = 1; RUN <= RUNS; RUN++)); do
    port_in_use && die "port $PORT on 127.0.0.1 is already in use; stop what listens there or choose another PORT"

    WORK="$(mktemp -d "${TMPDIR:-/tmp}/ceportal-boot.XXXXXXXX")"
    LOG="$WORK/karaf-console.log"
    tar xzf "$SNAPSHOT" -C "$WORK"
    HOME_DIR="$(find "$WORK" -mindepth 1 -maxdepth 1 -type d | head -n 1)"
    [ -n "$HOME_DIR" ] && [ -x "$HOME_DIR/bin/karaf" ] || die "no bin/karaf in $TARBALL"

    set_port_line "$HOME_DIR/etc/custom.properties" "org.osgi.service.http.port=$PORT"
    set_port_line "$HOME_DIR/etc/org.apache.felix.http.cfg" "org.osgi.service.http.port = $PORT"
    # Listen on the loopback interface only: the benchmark instance is not for others.
    printf '\norg.apache.felix.http.host = 127.0.0.1\n' >> "$HOME_DIR/etc/org.apache.felix.http.cfg"

    start="$(now_ms)"
    (cd "$HOME_DIR" && exec bin/karaf run) </dev/null >"$LOG" 2>&1 &
    LAUNCHER=$!

    code="000"
    while :; do
        code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$URL" || true)"
        [ "$code" = "200" ] && break
        alive "$LAUNCHER" || die "run $RUN: Karaf exited before $URL answered 200"
        [ $(( $(now_ms) - start )) -lt $(( TIMEOUT_S * 1000 )) ] \
            || die "run $RUN: $URL did not answer 200 within ${TIMEOUT_S} s (last status $code)"
        sleep 0.1
    done
    boot_ms=$(( $(now_ms) - start ))

    pids="$(pgrep -f "karaf.base=$HOME_DIR" || true)"
    [ -n "$pids" ] || die "run $RUN: cannot find the Karaf java process"
    [ "$(printf '%s\n' "$pids" | wc -l)" -eq 1 ] || die "run $RUN: several processes match karaf.base=$HOME_DIR: $pids"
    KARAF_PID="$pids"
    rss_kb="$(awk '/^VmRSS:/ { print $2 }' "/proc/$KARAF_PID/status")"
    [ -n "$rss_kb" ] || die "run $RUN: no VmRSS for PID $KARAF_PID"
    rss_mb="$(awk -v k="$rss_kb" 'BEGIN { printf "%.1f", k / 1024 }')"

    log "run $RUN: health 200 after $boot_ms ms, RSS $rss_mb MB"
    BOOT_MS+=("$boot_ms")
    RSS_MB+=("$rss_mb")

    if [ "$LOAD_SECONDS" -gt 0 ]; then
        # sample the RSS every 200 ms while wrk reads each path in turn
        samples="$WORK/rss-samples"
        ( while alive "$KARAF_PID"; do awk '/^VmRSS:/ { print $2 }' "/proc/$KARAF_PID/status" 2>/dev/null; sleep 0.2; done ) \
            > "$samples" &
        sampler=$!
        per=$(( (LOAD_SECONDS + ${#LOAD_PATHS[@]} - 1) / ${#LOAD_PATHS[@]} ))
        requests=0
        for path in "${LOAD_PATHS[@]}"; do
            out="$(wrk -t2 -c"$LOAD_CONNECTIONS" -d"${per}s" "http://127.0.0.1:$PORT$path" 2>&1 || true)"
            n="$(printf '%s\n' "$out" | awk '/requests in/ { print $1 }')"
            non2xx="$(printf '%s\n' "$out" | awk '/Non-2xx/ { print $NF }')"
            log "run $RUN: load $path: ${n:-0} requests${non2xx:+, $non2xx non-2xx}"
            requests=$(( requests + ${n:-0} ))
        done
        kill "$sampler" 2>/dev/null || true
        wait "$sampler" 2>/dev/null || true
        max_kb="$(sort -n "$samples" | tail -n 1)"
        load_mb="$(awk -v k="${max_kb:-0}" 'BEGIN { printf "%.1f", k / 1024 }')"
        log "run $RUN: max RSS under load $load_mb MB ($requests requests in about $(( per * ${#LOAD_PATHS[@]} )) s)"
        LOAD_RSS_MB+=("$load_mb")
        LOAD_REQUESTS+=("$requests")
    fi
    log "run $RUN: stopping"

    (cd "$HOME_DIR" && bin/stop) </dev/null >>"$LOG" 2>&1 || log "run $RUN: bin/stop failed; killing Karaf"
    for ((i = 0; i < STOP_WAIT_S * 10; i++)); do
        alive "$KARAF_PID" || break
        sleep 0.1
    done
    if alive "$KARAF_PID"; then
        log "run $RUN: Karaf did not stop within ${STOP_WAIT_S} s; kill -9"
        kill -9 "$KARAF_PID" 2>/dev/null || true
    fi
    # bin/karaf ends once its java process has ended
    wait "$LAUNCHER" 2>/dev/null || true
    LAUNCHER=""
    cleanup
done

# --- summary ---

MEDIAN_BOOT="$(printf '%s\n' "${BOOT_MS[@]}" | median '%.0f')"
MEDIAN_RSS="$(printf '%s\n' "${RSS_MB[@]}" | median '%.1f')"

printf '\n%-8s %10s %10s\n' "run" "boot ms" "RSS MB"
for ((i = 0; i < ${#BOOT_MS[@]}; i++)); do
    printf '%-8s %10s %10s\n' "$((i + 1))" "${BOOT_MS[$i]}" "${RSS_MB[$i]}"
done
printf '%-8s %10s %10s\n' "median" "$MEDIAN_BOOT" "$MEDIAN_RSS"
if [ "$LOAD_SECONDS" -gt 0 ]; then
    MAX_LOAD_RSS="$(printf '%s\n' "${LOAD_RSS_MB[@]}" | sort -n | tail -n 1)"
    printf '\nmax RSS under read load (%s s, %s connections): %s MB\n' "$LOAD_SECONDS" "$LOAD_CONNECTIONS" "$MAX_LOAD_RSS"
fi
printf '\ntarball  %s: %s MB\n' "$(basename "$TARBALL")" "$TARBALL_MB"

mkdir -p "$RESULTS_DIR"
OUT="$RESULTS_DIR/boot-$STAMP.json"
{
    printf '{\n'
    printf '  "timestamp": %s,\n' "$(json_string "$STAMP")"
    printf '  "tarball": %s,\n' "$(json_string "$(basename "$TARBALL")")"
    printf '  "tarball_mb": %s,\n' "$TARBALL_MB"
    printf '  "port": %s,\n' "$PORT"
    printf '  "cpus": %s,\n' "$(nproc 2>/dev/null || echo null)"
    printf '  "java": %s,\n' "$(json_string "$("${JAVA_HOME:+$JAVA_HOME/bin/}java" -version 2>&1 | head -n 1 || true)")"
    printf '  "runs": [\n'
    for ((i = 0; i < ${#BOOT_MS[@]}; i++)); do
        sep=","
        [ $((i + 1)) -eq ${#BOOT_MS[@]} ] && sep=""
        load=""
        [ "$LOAD_SECONDS" -gt 0 ] && load=", \"load_requests\": ${LOAD_REQUESTS[$i]}, \"max_rss_under_load_mb\": ${LOAD_RSS_MB[$i]}"
        printf '    {"run": %d, "boot_ms": %s, "rss_mb": %s%s}%s\n' "$((i + 1))" "${BOOT_MS[$i]}" "${RSS_MB[$i]}" "$load" "$sep"
    done
    printf '  ],\n'
    printf '  "median_boot_ms": %s,\n' "$MEDIAN_BOOT"
    if [ "$LOAD_SECONDS" -gt 0 ]; then
        printf '  "load_seconds": %s,\n  "load_connections": %s,\n  "max_rss_under_load_mb": %s,\n' \
            "$LOAD_SECONDS" "$LOAD_CONNECTIONS" "$MAX_LOAD_RSS"
    fi
    printf '  "median_rss_mb": %s\n' "$MEDIAN_RSS"
    printf '}\n'
} > "$OUT"
printf 'results  %s\n' "${OUT#"$ROOT"/}"
