#!/bin/bash
# The datapath core compiles as a kernel object with kbuild against Debian's
# cloud-kernel headers, with warnings as errors.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
kdir=$(ls -d /usr/src/linux-headers-*-cloud-amd64 2>/dev/null | sort -V | tail -1)
if [ -z "$kdir" ]; then
    echo "SKIP: no cloud-kernel headers (apt-get install linux-headers-cloud-amd64)"
    exit 77
fi
work=$(mktemp -d --suffix=-weir-kbuild)
trap 'rm -rf "$work"' EXIT
# The layout of the repository, so that Kbuild finds ../linux/dp-packet.h.
mkdir -p "$work/core" "$work/linux"
cp "$top"/datapath/core/*.[ch] "$top"/datapath/core/Kbuild "$work"/core/
cp "$top"/datapath/linux/dp-packet.h "$work"/linux/
if ! make -C "$kdir" M="$work/core" modules >"$work/log" 2>&1; then
    cat "$work/log"
    echo "FAIL: datapath/core does not compile as kernel code against $kdir"
    exit 1
fi
if grep -i "warning" "$work/log"; then
    echo "FAIL: kbuild warnings"
    exit 1
fi
[ -f "$work/core/weir_core_check.ko" ] || { echo "FAIL: no module produced"; exit 1; }
echo "ok: datapath/core builds as $(basename "$kdir") module ($(stat -c %s "$work/core/weir_core_check.ko") bytes)"
