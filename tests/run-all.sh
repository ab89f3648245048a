#!/bin/bash
# The test command: installs what it needs, builds Weir four ways (gcc with
# -Werror; ASan+UBSan; ThreadSanitizer; clang with libFuzzer), runs the unit
# tests in the first three, a smoke run of every fuzz target, the system
# tests (root) and the kernel tests.
# Ends with "N passed, N failed, N skipped".
#   FUZZ_SMOKE_RUNS  inputs per fuzz target (default 100000; make fuzz does 1M)
set -u
cd "$(dirname "$0")/.."
top=$PWD
jobs=$(nproc)
total_pass=0 total_fail=0 total_skip=0

scripts/install-deps.sh || { echo "0 passed, 1 failed, 0 skipped"; exit 1; }
./boot.sh >/tmp/weir-boot.log 2>&1 || { cat /tmp/weir-boot.log; echo "0 passed, 1 failed, 0 skipped"; exit 1; }

# build DIR CONFIGURE-ARGS...: a failed build counts as one failure.
build() {
    local dir=$1; shift
    mkdir -p "$dir"
    echo "=== build $dir: configure $*"
    if ! (cd "$dir" && "$top/configure" "$@" >configure.log 2>&1 &&
          make -j"$jobs" >make.log 2>&1); then
        tail -n 40 "$dir/configure.log" "$dir/make.log" 2>/dev/null
        total_fail=$((total_fail + 1))
        return 1
    fi
}

# stage NAME COMMAND...: runs a runner and adds up its RESULT line.
stage() {
    local name=$1; shift
    echo "=== $name"
    local log out
    log=$(mktemp --suffix=-weir-stage)
    "$@" 2>&1 | tee "$log"
    out=$(grep '^RESULT ' "$log" | tail -1)
    rm -f "$log"
    if [ -z "$out" ]; then
        echo "$name: runner gave no result"
        total_fail=$((total_fail + 1))
        return
    fi
    set -- $out
    total_pass=$((total_pass + $2)) total_fail=$((total_fail + $3)) total_skip=$((total_skip + $4))
}

if build build --enable-werror; then
    stage "unit tests" bash -c "cd build && make -j$jobs \$(make -s print-unit-tests) >/dev/null && $top/tests/run-unit.sh \$(make -s print-unit-tests)"
    stage "system tests" tests/run-system.sh build
    stage "kernel tests" bash -c "tests/run-system.sh build tests/kernel/test-*.sh"
fi
if build build-asan --enable-werror --enable-asan --enable-ubsan; then
    stage "unit tests under ASan+UBSan" bash -c "cd build-asan && make -j$jobs \$(make -s print-unit-tests) >/dev/null && $top/tests/run-unit.sh \$(make -s print-unit-tests)"
fi
if build build-tsan --enable-werror --enable-tsan; then
    stage "unit tests under ThreadSanitizer" bash -c "cd build-tsan && make -j$jobs \$(make -s print-unit-tests) >/dev/null && $top/tests/run-unit.sh \$(make -s print-unit-tests)"
fi
if build build-fuzz CC=clang --enable-werror --enable-fuzz; then
    stage "fuzz smoke" bash -c "cd build-fuzz && $top/tests/run-fuzz.sh $top/tests/fuzz/corpus ${FUZZ_SMOKE_RUNS:-100000} \$(make -s print-fuzz-targets)"
fi

echo "$total_pass passed, $total_fail failed, $total_skip skipped"
[ "$total_fail" -eq 0 ]
