#!/usr/bin/env bash
# Login benchmark: latency of POST /api/sessions one at a time (median, p99) and
# logins per second with concurrent clients, on the assembled distribution with the
# production KDF cost (Argon2id at OWASP's m=19 MiB, t=2, p=1; or PBKDF2-HMAC-SHA256 at 600 000
# iterations with KDF=pbkdf2-sha256).
#
#   benchmarks/login.sh                 SEQUENTIAL=200 DURATION=20 THREADS=4
#   SKIP_BUILD=1 benchmarks/login.sh    reuse the distribution already installed in ~/.m2
#   KDF=pbkdf2-sha256 benchmarks/login.sh   measure the other KDF (default: the distribution's, Argon2id)
#
# Pax Exam boots the distribution (itests/.../LoginBench.java, which is not part of
# the test suite) with the test-only known-answer captcha bundle installed, so that
# a script can pass the captcha; everything else is the production set-up. The
# per-address login limit is lifted for the run (all requests come from 127.0.0.1).
# Results: printed, and written to benchmarks/results/login-<UTC timestamp>.json.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
OUT="$ROOT/benchmarks/results/login-$STAMP.json"
cd "$ROOT"
if [ "${SKIP_BUILD:-0}" != "1" ]; then
    mvn -B -q install -DskipTests
fi
mkdir -p "$ROOT/benchmarks/results"
mvn -B verify -pl itests -DskipPostgresqlITs -Dit.test=LoginBench -Dsurefire.failIfNoSpecifiedTests=false \
    -Dbench.sequential="${SEQUENTIAL:-200}" -Dbench.seconds="${DURATION:-20}" -Dbench.threads="${THREADS:-4}" -Dbench.results="$OUT" \
    ${KDF:+-Dbench.kdf="$KDF"} \
    > "$ROOT/benchmarks/results/login-$STAMP.log" 2>&1 || { tail -n 60 "$ROOT/benchmarks/results/login-$STAMP.log"; exit 1; }
echo "login benchmark: $(cat "$OUT")"
