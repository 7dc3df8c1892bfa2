#!/usr/bin/env bash
# Review benchmark: one unit with PENDING pending declarations (default 2000, each with
# a PDF, submitted over real HTTP by PENDING/100 people); then what its admin does:
# PAGES random pages of the pending queue (p50, p95; and as many searches by name) and
# one bulk approval of BULK items (default 200), timed.
#
#   benchmarks/review.sh                  PENDING=2000 BULK=200 PAGES=200
#   SKIP_BUILD=1 benchmarks/review.sh     reuse the distribution already installed in ~/.m2
#
# Pax Exam boots the assembled distribution (itests/.../ReviewBench.java, not part of
# the test suite) with the test-only known-answer captcha, so that the script can
# register and log in the people. Results: printed, and written to
# benchmarks/results/review-<UTC timestamp>.json.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
OUT="$ROOT/benchmarks/results/review-$STAMP.json"
cd "$ROOT"
if [ "${SKIP_BUILD:-0}" != "1" ]; then
    mvn -B -q install -DskipTests
fi
mkdir -p "$ROOT/benchmarks/results"
mvn -B verify -pl itests -DskipPostgresqlITs -Dit.test=ReviewBench -Dsurefire.failIfNoSpecifiedTests=false \
    -Dbench.pending="${PENDING:-2000}" -Dbench.bulk="${BULK:-200}" -Dbench.pages="${PAGES:-200}" -Dbench.results="$OUT" \
    > "$ROOT/benchmarks/results/review-$STAMP.log" 2>&1 || { tail -n 60 "$ROOT/benchmarks/results/review-$STAMP.log"; exit 1; }
echo "review benchmark: $(cat "$OUT")"
