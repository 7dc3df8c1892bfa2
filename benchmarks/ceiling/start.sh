# Sourced by the benchmarks that compare with the ceiling (reads.sh, mixed.sh), from the project's
# root with NAME (the benchmark's name) and STAMP set: installs wrk when missing, builds unless
# SKIP_BUILD=1, then starts the bare Jetty of benchmarks/ceiling on CEILING_PORT (18099) in its own
# JVM, logging to benchmarks/results/NAME-STAMP-ceiling.log, stopped when the script exits, and
# waits until it answers. Sets PORT and CEILING (its pid).
if ! command -v wrk >/dev/null; then
    apt-get update && apt-get install -y wrk
fi
if [ "${SKIP_BUILD:-0}" != "1" ]; then
    mvn -B -q install -DskipTests
fi
mkdir -p benchmarks/results
mvn -B -q -f benchmarks/ceiling/pom.xml compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
PORT="${CEILING_PORT:-18099}"
java -Xmx256m -cp "benchmarks/ceiling/target/classes:$(cat benchmarks/ceiling/target/classpath.txt)" \
    org.ceportal.benchmarks.Ceiling "$PORT" > "benchmarks/results/$NAME-$STAMP-ceiling.log" 2>&1 &
CEILING=$!
trap 'kill $CEILING 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do
    curl -fs "http://127.0.0.1:$PORT/" >/dev/null && break
    sleep 0.2
done
