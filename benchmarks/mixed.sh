#!/usr/bin/env bash
# Mixed-load benchmark (issue 13): on the generated province (PEOPLE professionals, DECLARATIONS
# declarations, as province.sh makes them), CLIENTS clients, each logged in as a generated person,
# go round log in (every 20th round), list, read a schema, upload a proof, save a draft, save it
# again, submit, and every 10th round the unit admin's review (pending queue, approve one):
# WARM_UP (20) s, then SECONDS_EACH (30) s measured. Then a submit burst: SUBMITS drafts made
# beforehand, submitted by all clients at once. Each call's rate, p50 and p99 are reported as
# ratios to a bare Jetty 12 handler answering a fixed JSON body (benchmarks/ceiling, the Jetty
# version the portal embeds), measured with wrk in the same run on the same cores; the portal's
# JVM's RSS is sampled every 200 ms throughout.
#
#   benchmarks/mixed.sh                        PEOPLE=100000 DECLARATIONS=1000000 SECONDS_EACH=30 CLIENTS=64 SUBMITS=6000
#   SKIP_BUILD=1 PEOPLE=10000 DECLARATIONS=100000 benchmarks/mixed.sh
#   PROFILE=1 ...                              also a JFR profile of the submit burst (results/mixed-<stamp>-jfr/);
#                                              JFR_SETTINGS=/path/to.jfc for other settings than `profile`
#
# Needs wrk (Debian package `wrk`; installed here when missing). Pax Exam boots the assembled
# distribution with the distribution's heap (XMX, default 256m) (itests/.../MixedBench.java, not
# part of the suite). Results: printed, and written to benchmarks/results/mixed-<UTC timestamp>.json.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
OUT="$ROOT/benchmarks/results/mixed-$STAMP.json"
cd "$ROOT"
NAME=mixed
. benchmarks/ceiling/start.sh
if [ -n "${PROFILE:-}" ]; then mkdir -p "$ROOT/benchmarks/results/mixed-$STAMP-jfr"; fi
mvn -B verify -pl itests -DskipPostgresqlITs -Dit.test=MixedBench -Dsurefire.failIfNoSpecifiedTests=false \
    -Dbench.people="${PEOPLE:-100000}" -Dbench.declarations="${DECLARATIONS:-1000000}" -Dbench.seconds="${SECONDS_EACH:-30}" -Dbench.warmup="${WARM_UP:-20}" \
    -Dbench.clients="${CLIENTS:-64}" -Dbench.submits="${SUBMITS:-6000}" \
    -Dbench.ceiling="http://127.0.0.1:$PORT/" -Dbench.wrk="$(command -v wrk)" -Dbench.xmx="${XMX:-256m}" \
    -Dbench.profile="${PROFILE:+$ROOT/benchmarks/results/mixed-$STAMP-jfr}" -Dbench.jfr="${JFR_SETTINGS:-profile}" \
    -Dbench.results="$OUT" \
    > "$ROOT/benchmarks/results/mixed-$STAMP.log" 2>&1 || { tail -n 60 "$ROOT/benchmarks/results/mixed-$STAMP.log"; exit 1; }
echo "mixed benchmark: $(cat "$OUT")"
