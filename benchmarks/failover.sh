#!/usr/bin/env bash
# Node failure under load (issue 17): benchmarks/cluster.sh's two nodes on PostgreSQL behind nginx;
# CLIENTS professionals (each from an address of their own) go round through nginx — list, read a
# schema, upload a proof, declare and submit, save a draft — for DURATION s; after KILL_AT s node 1's
# JVM gets SIGKILL. Reports failed requests per call before and after the kill, the recovery time
# (the kill to the end of the last failed request), and checks in the database that every write the
# server acknowledged is there and every declaration is whole (itests/.../FailoverBench.java).
#
#   benchmarks/failover.sh                     CLIENTS=24 DURATION=60 KILL_AT=20
#   SKIP_BUILD=1 benchmarks/failover.sh        with the distribution last installed (mvn -B install -DskipTests)
#
# Results: printed, and written to benchmarks/results/failover-<UTC timestamp>.json (the log beside it).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
OUT="$ROOT/benchmarks/results/failover-$STAMP.json"
LOG="$ROOT/benchmarks/results/failover-$STAMP.log"
cd "$ROOT"
mkdir -p benchmarks/results
if [ -z "${SKIP_BUILD:-}" ]; then
    mvn -B -q install -DskipTests
fi
mvn -o -B verify -pl itests -Dit.test=FailoverBench -DskipPostgresqlITs -Dfailsafe.failIfNoSpecifiedTests=false \
    -Dbench.clients="${CLIENTS:-24}" -Dbench.seconds="${DURATION:-60}" -Dbench.killAt="${KILL_AT:-20}" \
    -Dbench.results="$OUT" > "$LOG" 2>&1 || { tail -n 60 "$LOG"; exit 1; }
echo "failover benchmark: $(cat "$OUT")"
