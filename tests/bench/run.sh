#!/bin/bash
# Runs each benchmark program given, printing the machine first so that
# figures copied into docs/PERFORMANCE.md say where they were measured.
echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
for b in "$@"; do
    echo "## $b"
    "./$b" || exit 1
done
