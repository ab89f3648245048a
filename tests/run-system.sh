#!/bin/bash
# Runs system tests (tests/system/test-*.sh, or those named) against the
# build in BUILD_DIR.  A test exits 0 to pass, 77 to skip, else it fails.
# Usage: run-system.sh BUILD_DIR [TEST...]
# Ends with "RESULT <passed> <failed> <skipped>".
build=$(cd "${1:?usage: run-system.sh BUILD_DIR [TEST...]}" && pwd) || exit 2
shift
tests=("$@")
[ ${#tests[@]} -gt 0 ] || tests=("$(dirname "$0")"/system/test-*.sh)
limit=${WEIR_TEST_TIMEOUT:-300}         # seconds per test

pass=0 fail=0 skip=0
for test in "${tests[@]}"; do
    name=$(basename "$test" .sh)
    # A hung test gets SIGTERM, so its traps still tear the topology down.
    out=$(WEIR_BUILD=$build timeout -k 10 "$limit" bash "$test" 2>&1)
    rc=$?
    case $rc in
    0)  pass=$((pass + 1)); echo "ok   $name" ;;
    77) skip=$((skip + 1)); echo "skip $name: $(grep -m1 '^SKIP' <<<"$out")" ;;
    *)  fail=$((fail + 1)); echo "FAIL $name (exit $rc)"
        echo "$out" | sed 's/^/    /' ;;
    esac
    [ "${WEIR_VERBOSE:-0}" = 1 ] && [ "$rc" = 0 ] && echo "$out" | sed 's/^/    /'
done
echo "RESULT $pass $fail $skip"
[ "$fail" -eq 0 ]
