#!/usr/bin/env bash
# Read benchmark (issue 13): the portal's reads under wrk (2 threads, 64 connections, SECONDS_EACH
# each, after a WARM_UP (20) s warm-up: the JIT needs that long) on the generated province (PEOPLE professionals, DECLARATIONS
# declarations, as province.sh makes them), each as a share of a bare Jetty 12 handler answering a
# fixed JSON body (benchmarks/ceiling, the Jetty version the portal embeds), measured in the same
# run on the same cores, before and after the portal's calls.
#
#   benchmarks/reads.sh                        PEOPLE=100000 DECLARATIONS=1000000 SECONDS_EACH=10
#   SKIP_BUILD=1 PEOPLE=10000 DECLARATIONS=100000 benchmarks/reads.sh
#   PROFILE=1 ...                              also a JFR profile of each measured call (results/reads-<stamp>-jfr/);
#                                              JFR_SETTINGS=/path/to.jfc for other settings than `profile`
#
# Needs wrk (Debian package `wrk`; installed here when missing). Pax Exam boots the assembled
# distribution with the distribution's heap (XMX, default 256m) (itests/.../ReadBench.java, not
# part of the suite). Results: printed, and written to benchmarks/results/reads-<UTC timestamp>.json.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
OUT="$ROOT/benchmarks/results/reads-$STAMP.json"
cd "$ROOT"
NAME=reads
. benchmarks/ceiling/start.sh
if [ -n "${PROFILE:-}" ]; then mkdir -p "$ROOT/benchmarks/results/reads-$STAMP-jfr"; fi
mvn -B verify -pl itests -DskipPostgresqlITs -Dit.test=ReadBench -Dsurefire.failIfNoSpecifiedTests=false \
    -Dbench.people="${PEOPLE:-100000}" -Dbench.declarations="${DECLARATIONS:-1000000}" -Dbench.seconds="${SECONDS_EACH:-10}" -Dbench.warmup="${WARM_UP:-20}" \
    -Dbench.ceiling="http://127.0.0.1:$PORT/" -Dbench.wrk="$(command -v wrk)" -Dbench.xmx="${XMX:-256m}" \
    -Dbench.profile="${PROFILE:+$ROOT/benchmarks/results/reads-$STAMP-jfr}" -Dbench.jfr="${JFR_SETTINGS:-profile}" \
    -Dbench.results="$OUT" \
    > "$ROOT/benchmarks/results/reads-$STAMP.log" 2>&1 || { tail -n 60 "$ROOT/benchmarks/results/reads-$STAMP.log"; exit 1; }
echo "read benchmark: $(cat "$OUT")"
