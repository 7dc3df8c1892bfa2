#!/usr/bin/env bash
# Hostile-input run: the in-container suite's HostileInputChecks with many more
# requests than CI sends (every documented endpoint with random bytes, invalid UTF-8,
# deep nesting, huge strings, wrong JSON types, wrong content types, broken
# percent-encoding; anonymous and with a session of each role). It passes when no
# request got a 5xx or a dropped connection, health stayed UP and Karaf logged no ERROR.
#
#   benchmarks/hostile.sh                       REQUESTS=20000 SEED=20261130
#   SKIP_BUILD=1 REQUESTS=50000 SEED=7 benchmarks/hostile.sh
#
# Pax Exam boots the assembled distribution once (with the test-only captcha, as the
# suite does). Output: benchmarks/results/hostile-<UTC timestamp>.log, whose line
# "HostileInputChecks: seed ..., N requests, statuses {...}" gives the status counts.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
LOG="$ROOT/benchmarks/results/hostile-$STAMP.log"
cd "$ROOT"
if [ "${SKIP_BUILD:-0}" != "1" ]; then
    mvn -B -q install -DskipTests
fi
mkdir -p "$ROOT/benchmarks/results"
start=$(date +%s)
if mvn -B verify -pl itests -DskipPostgresqlITs -Dit.test=HostileInputChecks -Dsurefire.failIfNoSpecifiedTests=false \
    -Dhostile.requests="${REQUESTS:-20000}" -Dhostile.seed="${SEED:-20261130}" > "$LOG" 2>&1; then
    result=passed
else
    result=FAILED
fi
grep -h "HostileInputChecks: seed" "$LOG" itests/target/failsafe-reports/*HostileInputChecks-output.txt 2>/dev/null | tail -n 1 || true
echo "hostile run $result in $(( $(date +%s) - start )) s; log: ${LOG#"$ROOT"/}"
[ "$result" = passed ] || { grep -A12 "AssertionError" itests/target/failsafe-reports/*HostileInputChecks.txt | head -n 40; exit 1; }
