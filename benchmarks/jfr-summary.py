#!/usr/bin/env python3
"""Where a bench's JFR recording spent its samples (issue 13).

    benchmarks/jfr-summary.py benchmarks/results/mixed-<stamp>-jfr/submit-burst.jfr [THREAD_PREFIX] [PORTAL_METHOD]

Reads the recording's execution samples (`jfr print --json --stack-depth 256`, the JDK's own
tool), keeps the threads whose name starts with THREAD_PREFIX (default `qtp`: Jetty's request
threads) and prints, with counts:
  - the samples by thread group (all threads), to see how much of the CPU the requests got;
  - by the library of the innermost frame (JDK, Derby, Jersey, Jetty, MyBatis, Jackson, portal...);
  - by the innermost frame itself (top 25), and for JDK frames the first non-JDK caller;
  - under PORTAL_METHOD (default `Declarations.submit`): by the mapper statement or service call
    the sample is in (the first frame of a MyBatis mapper proxy's caller, or an org.ceportal frame).
"""
import collections
import json
import os
import subprocess
import sys

LIBRARIES = [
    ("org.apache.derby", "Derby"), ("org.glassfish.jersey", "Jersey"), ("org.eclipse.jetty", "Jetty"),
    ("org.apache.ibatis", "MyBatis"), ("com.fasterxml.jackson", "Jackson"), ("org.ceportal", "portal"),
    ("org.apache.commons.dbcp2", "dbcp2"), ("org.apache.commons.pool2", "dbcp2"), ("org.apache.felix", "Felix"),
    ("org.ops4j", "pax"), ("java.", "JDK"), ("jdk.", "JDK"), ("sun.", "JDK"), ("com.sun.", "JDK"),
    ("javax.", "JDK"), ("jakarta.", "jakarta API"),
]


def library(type_name):
    for prefix, name in LIBRARIES:
        if type_name.startswith(prefix):
            return name
    return "other"


def type_name(f):
    return f["method"]["type"]["name"].replace("/", ".")


def frame_name(f):
    return type_name(f) + "." + f["method"]["name"]


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        sys.exit(2)
    path = sys.argv[1]
    prefix = sys.argv[2] if len(sys.argv) > 2 else "qtp"
    portal = sys.argv[3] if len(sys.argv) > 3 else "Declarations.submit"
    jfr = os.path.join(os.environ.get("JAVA_HOME", "/usr"), "bin", "jfr")
    out = subprocess.run([jfr, "print", "--json", "--stack-depth", "256", "--events", "jdk.ExecutionSample", path],
                         check=True, capture_output=True, text=True).stdout
    events = json.loads(out)["recording"]["events"]
    groups = collections.Counter()
    libs = collections.Counter()
    inner = collections.Counter()
    jdk_callers = collections.Counter()
    under = collections.Counter()
    requests = 0
    under_total = 0
    for e in events:
        v = e["values"]
        thread = (v.get("sampledThread") or {}).get("javaName") or "?"
        groups[thread.rstrip("0123456789-").rstrip("-") or thread] += 1
        if not thread.startswith(prefix):
            continue
        frames = (v.get("stackTrace") or {}).get("frames") or []
        if not frames:
            continue
        requests += 1
        top = type_name(frames[0])
        libs[library(top)] += 1
        inner[frame_name(frames[0])] += 1
        if library(top) == "JDK":
            caller = next((frame_name(f) for f in frames if library(type_name(f)) != "JDK"), "?")
            jdk_callers[caller] += 1
        names = [frame_name(f) for f in frames]
        at = next((i for i, n in enumerate(names) if n.endswith(portal)), None)
        if at is None:
            continue
        under_total += 1
        # innermost portal frame below the method, or the mapper statement a MyBatis proxy ran
        part = None
        for i in range(at - 1, -1, -1):
            n = names[i]
            if "jdk.proxy" in n or "$Proxy" in n:
                part = "statement " + frames[i]["method"]["name"] + (" (in " + part + ")" if part else "")
                break
            if n.startswith("org.ceportal"):
                part = n.rsplit(".", 2)[-2] + "." + n.rsplit(".", 1)[-1]
        under[part or names[at]] += 1
    print(f"samples: {len(events)} in all, {requests} on threads '{prefix}*', {under_total} under {portal}")
    for title, counter, n in (("threads (all samples)", groups, 12), ("innermost frame's library", libs, 15),
                              ("innermost frame", inner, 25), ("JDK innermost: first non-JDK caller", jdk_callers, 20),
                              (f"under {portal}: statement or portal frame", under, 30)):
        print(f"\n## {title}")
        for k, c in counter.most_common(n):
            print(f"{c:6d}  {k}")


if __name__ == "__main__":
    main()
