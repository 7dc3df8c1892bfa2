#!/usr/bin/env bash
# 学员导入 benchmark: a base's attendance list of ROWS lines (default 10000) as .xlsx, all but
# UNREGISTERED (default 200) of them approved professionals (written into the accounts' tables with
# JDBC), uploaded over real HTTP first as a dry run, then committed; each timed, with the server's
# heap sampled every 20 ms.
#
#   benchmarks/import.sh                  ROWS=10000 UNREGISTERED=200 XMX=256m (the heap of bin/setenv)
#   SKIP_BUILD=1 benchmarks/import.sh     reuse the distribution already installed in ~/.m2
#
# Pax Exam boots the assembled distribution (itests/.../ImportBench.java, not part of the test
# suite). Results: printed, and written to benchmarks/results/import-<UTC timestamp>.json.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
OUT="$ROOT/benchmarks/results/import-$STAMP.json"
cd "$ROOT"
if [ "${SKIP_BUILD:-0}" != "1" ]; then
    mvn -B -q install -DskipTests
fi
mkdir -p "$ROOT/benchmarks/results"
mvn -B verify -pl itests -DskipPostgresqlITs -Dit.test=ImportBench -Dsurefire.failIfNoSpecifiedTests=false \
    -Dbench.rows="${ROWS:-10000}" -Dbench.unregistered="${UNREGISTERED:-200}" -Dbench.xmx="${XMX:-256m}" -Dbench.results="$OUT" \
    > "$ROOT/benchmarks/results/import-$STAMP.log" 2>&1 || { tail -n 60 "$ROOT/benchmarks/results/import-$STAMP.log"; exit 1; }
echo "import benchmark: $(cat "$OUT")"
