#!/usr/bin/env python3
"""Where a flight recording's CPU samples go, grouped for reading in docs/performance.md.

usage: python3 scripts/jfr-top.py RECORDING.jfr [--threads SUBSTRING] [--top N]

Reads `jfr print --events jdk.ExecutionSample` (the JDK's own tool) and prints, for the samples of the threads whose
name contains SUBSTRING (all threads without it):
  1. the share by area — the first frame from the top of the stack that belongs to an area listed in AREAS
     (PostgreSQL driver, Drools, our intake, our rendering …); the JDK's own packages (collections, strings, I/O)
     count only when no other area is on the stack (JFR keeps the top 64 frames of a stack);
  2. the share by the innermost frame of our own code (org.slatecheck.*), the place in our code that is on CPU or
     that called the library on CPU.
"""
import collections
import re
import subprocess
import sys

AREAS = [
    ("storage: PostgreSQL driver / COPY", ("org.postgresql.",)),
    ("JSON (Jackson)", ("com.fasterxml.",)),
    ("Drools / MVEL", ("org.drools.", "org.kie.", "org.mvel2.")),
    ("intake: reading and validating", ("org.slatecheck.rules.intake.",)),
    ("citations and texts", ("org.slatecheck.rules.text.", "org.slatecheck.rules.explain.", "org.slatecheck.rules.params.Citations")),
    ("rendering / facts", ("org.slatecheck.explanation.",)),
    ("batch: spill, storage code", ("org.slatecheck.batch.", "org.slatecheck.records.")),
    ("rules engine glue", ("org.slatecheck.rules.",)),
    ("other SlateCheck", ("org.slatecheck.",)),
    ("CSV parser", ("org.apache.commons.csv.",)),
    ("java.io / nio", ("java.io.", "java.nio.", "sun.nio.")),
    ("collections / strings", ("java.util.", "java.lang.")),
]
GENERIC = {("java.io.", "java.nio.", "sun.nio."), ("java.util.", "java.lang.")}


def main():
    args = sys.argv[1:]
    if not args:
        print(__doc__)
        sys.exit(2)
    path = args[0]
    threads = args[args.index("--threads") + 1] if "--threads" in args else None
    top = int(args[args.index("--top") + 1]) if "--top" in args else 12
    text = subprocess.run(["jfr", "print", "--events", "jdk.ExecutionSample", path], capture_output=True,
                          text=True, check=True).stdout
    by_area = collections.Counter()
    by_ours = collections.Counter()
    total = 0
    for event in text.split("jdk.ExecutionSample")[1:]:
        thread = re.search(r'sampledThread = "([^"]*)"', event)
        if threads and (not thread or threads not in thread.group(1)):
            continue
        frames = re.findall(r"^\s+([\w$.<>]+)\(", event, re.M)
        if not frames:
            continue
        total += 1
        area = None
        for generic in (False, True):  # the JDK's own packages only when no other area is on the stack
            for frame in frames:
                hit = next((name for name, prefixes in AREAS
                            if frame.startswith(prefixes) and (prefixes in GENERIC) == generic), None)
                if hit:
                    area = hit
                    break
            if area:
                break
        area = area or "other"
        by_area[area] += 1
        ours = next((f for f in frames if f.startswith("org.slatecheck.")), "(no SlateCheck frame)")
        by_ours[ours] += 1
    print(f"{total} samples" + (f" of threads containing '{threads}'" if threads else ""))
    print("\nby area (first frame from the top that belongs to one):")
    for area, n in by_area.most_common():
        print(f"  {100 * n / max(total, 1):5.1f} %  {area}")
    print(f"\nby the innermost SlateCheck frame (top {top}):")
    for frame, n in by_ours.most_common(top):
        print(f"  {100 * n / max(total, 1):5.1f} %  {frame}")


if __name__ == "__main__":
    main()
