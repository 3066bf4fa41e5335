#!/usr/bin/env python3
"""Runs a command and reports wall time and the peak resident memory of its whole process tree.

Usage: measure.py -- CMD ARGS...   prints one JSON line: {"wall_s": ..., "peak_rss_mb": ..., "exit": ...}
Chromium and Playwright run as child processes, so /usr/bin/time's max-RSS of one process would undercount.
"""
import json, os, subprocess, sys, time


def tree_rss_kb(root):
    children = {}
    total = 0
    for pid in os.listdir('/proc'):
        if not pid.isdigit():
            continue
        try:
            with open(f'/proc/{pid}/stat') as f:
                parts = f.read().rsplit(')', 1)[1].split()
            children.setdefault(int(parts[1]), []).append(int(pid))
        except OSError:
            pass
    stack = [root]
    while stack:
        pid = stack.pop()
        try:
            with open(f'/proc/{pid}/status') as f:
                for line in f:
                    if line.startswith('VmRSS:'):
                        total += int(line.split()[1])
        except OSError:
            pass
        stack.extend(children.get(pid, []))
    return total


def main():
    cmd = sys.argv[sys.argv.index('--') + 1:]
    start = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak = 0
    while proc.poll() is None:
        peak = max(peak, tree_rss_kb(proc.pid))
        time.sleep(0.02)
    wall = time.monotonic() - start
    print(json.dumps({"wall_s": round(wall, 3), "peak_rss_mb": round(peak / 1024, 1), "exit": proc.returncode}))


main()
