#!/usr/bin/env python3
"""Times whole processes interleaved (A, B, C, A, B, C, ...) so that load drifting on a shared machine hits every
command alike, which matters for ratios such as "credential-process hit / JVM hello".

Usage: interleave.py OUT_DIR RUNS WARMUP NAME=COMMAND [NAME=COMMAND ...]
Each COMMAND is split with shlex and run without a shell, stdout/stderr discarded; a non-zero exit is an error.
Writes OUT_DIR/hf-NAME.json in hyperfine's shape ({"results": [{"times": [seconds, ...]}]}).
"""
import json
import os
import shlex
import subprocess
import sys
import time


def main():
    out, runs, warmup = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    commands = []
    for spec in sys.argv[4:]:
        name, _, command = spec.partition("=")
        commands.append((name, shlex.split(command)))
    times = {name: [] for name, _ in commands}
    failed = set()
    for i in range(warmup + runs):
        for name, argv in commands:
            if name in failed:
                continue
            t0 = time.perf_counter()
            rc = subprocess.run(argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL).returncode
            elapsed = time.perf_counter() - t0
            if rc != 0:
                print(f"{name}: exit {rc}", file=sys.stderr)
                failed.add(name)
            elif i >= warmup:
                times[name].append(elapsed)
    for name, _ in commands:
        if name in failed:
            continue
        with open(os.path.join(out, f"hf-{name}.json"), "w") as f:
            json.dump({"results": [{"command": name, "times": times[name]}]}, f)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
