#!/bin/bash
# Runs cmocka unit test programs with TAP output and counts their cases.
# Usage: run-unit.sh PROGRAM...   Ends with "RESULT <passed> <failed> <skipped>".
pass=0 fail=0 skip=0
# ThreadSanitizer builds: the suppressions, each justified in the file.
export TSAN_OPTIONS="suppressions=$(cd "$(dirname "$0")" && pwd)/tsan.supp ${TSAN_OPTIONS:-}"
for prog in "$@"; do
    out=$(CMOCKA_MESSAGE_OUTPUT=TAP "./$prog" 2>&1)
    rc=$?
    p=$(grep -c '^ok ' <<<"$out")
    s=$(grep -c '^ok .*# SKIP' <<<"$out")
    f=$(grep -c '^not ok ' <<<"$out")
    p=$((p - s))
    # A crash (sanitizer report, abort) counts as a failure even when the
    # cases that ran before it passed.
    if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
    if [ "$p" -eq 0 ] && [ "$f" -eq 0 ] && [ "$s" -eq 0 ]; then f=1; fi
    pass=$((pass + p)) fail=$((fail + f)) skip=$((skip + s))
    if [ "$f" -ne 0 ]; then
        echo "FAIL $prog"
        echo "$out" | sed 's/^/    /'
    else
        echo "ok   $prog ($p passed, $s skipped)"
    fi
done
echo "RESULT $pass $fail $skip"
[ "$fail" -eq 0 ]
