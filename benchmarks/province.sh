#!/usr/bin/env bash
# A province's data and the yearly completion on it: PEOPLE professionals (default
# 100000) over the 19 regions and 950 generated units, DECLARATIONS declarations
# (default 1000000) over 5 years in every state and learning form, written through the
# real schema of a booted distribution; then SAMPLES requests of one person's
# 年度完成情况 and as many of a year's 继续历程明细, over real HTTP, for 20 people; then
# each of them issues a 学时证明 of a year with approved hours and draws its PDF 5 times; then the
# 单位统计报表 of a unit of 10 000 people (the first people generated) and of an ordinary one.
#
#   benchmarks/province.sh                          PEOPLE=100000 DECLARATIONS=1000000 SAMPLES=200
#   SKIP_BUILD=1 PEOPLE=10000 DECLARATIONS=100000 benchmarks/province.sh
#
# Pax Exam boots the assembled distribution (itests/.../ProvinceBench.java, not part of
# the test suite) with the test-only captcha; the generator writes with JDBC batches into
# the tables the bundles' migrations made. Results: printed, and written to
# benchmarks/results/province-<UTC timestamp>.json (fill time, Derby's size on disk,
# completion median and p99).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
OUT="$ROOT/benchmarks/results/province-$STAMP.json"
cd "$ROOT"
if [ "${SKIP_BUILD:-0}" != "1" ]; then
    mvn -B -q install -DskipTests
fi
mkdir -p "$ROOT/benchmarks/results"
mvn -B verify -pl itests -DskipPostgresqlITs -Dit.test=ProvinceBench -Dsurefire.failIfNoSpecifiedTests=false \
    -Dbench.people="${PEOPLE:-100000}" -Dbench.declarations="${DECLARATIONS:-1000000}" -Dbench.samples="${SAMPLES:-200}" \
    -Dbench.results="$OUT" \
    > "$ROOT/benchmarks/results/province-$STAMP.log" 2>&1 || { tail -n 60 "$ROOT/benchmarks/results/province-$STAMP.log"; exit 1; }
echo "province benchmark: $(cat "$OUT")"
