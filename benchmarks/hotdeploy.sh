#!/usr/bin/env bash
# Load during hot deploy: CLIENTS logged-in professionals list learning forms, read a
# schema and save drafts without pause while the example learning-form bundle is
# installed and uninstalled CYCLES times (feature:install / bundle:install in turn).
# Passes only with 0 failed requests.
#
#   benchmarks/hotdeploy.sh                  CLIENTS=6 CYCLES=5
#   SKIP_BUILD=1 benchmarks/hotdeploy.sh     reuse the distribution already installed in ~/.m2
#
# Pax Exam boots the assembled distribution (itests/.../HotDeployBench.java, not part
# of the test suite) with the test-only captcha so that the script can log in.
# Results: printed, and written to benchmarks/results/hotdeploy-<UTC timestamp>.json.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
OUT="$ROOT/benchmarks/results/hotdeploy-$STAMP.json"
cd "$ROOT"
if [ "${SKIP_BUILD:-0}" != "1" ]; then
    mvn -B -q install -DskipTests
fi
mkdir -p "$ROOT/benchmarks/results"
mvn -B verify -pl itests -DskipPostgresqlITs -Dit.test=HotDeployBench -Dsurefire.failIfNoSpecifiedTests=false \
    -Dbench.clients="${CLIENTS:-6}" -Dbench.cycles="${CYCLES:-5}" -Dbench.results="$OUT" \
    > "$ROOT/benchmarks/results/hotdeploy-$STAMP.log" 2>&1 || { grep -a 'HOTDEPLOY-BENCH\|FAIL\|expected' "$ROOT/benchmarks/results/hotdeploy-$STAMP.log" | tail -n 20; exit 1; }
echo "hot-deploy load: $(cat "$OUT")"
