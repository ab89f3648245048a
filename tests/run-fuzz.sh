#!/bin/bash
# Runs libFuzzer targets for a number of inputs each, starting from their
# seed corpus (tests/fuzz/corpus/<target>, copied so the repository's corpus
# stays as committed).
# Usage: run-fuzz.sh CORPUS_DIR RUNS TARGET...   Ends with "RESULT p f s".
corpus=$1 runs=$2; shift 2
work=$(mktemp -d --suffix=-weir-fuzz)
trap 'rm -rf "$work"' EXIT
pass=0 fail=0
for target in "$@"; do
    name=$(basename "$target")
    mkdir -p "$work/$name"
    cp -r "$corpus/$name/." "$work/$name/" 2>/dev/null
    log="$work/$name.log"
    if "./$target" -runs="$runs" -rss_limit_mb=2048 -artifact_prefix="$work/$name-" \
           "$work/$name" >"$log" 2>&1; then
        done_line=$(grep -E '^#[0-9]+.*DONE' "$log" | tail -1)
        echo "ok   $name: $runs runs ${done_line:+(${done_line%% *})}"
        pass=$((pass + 1))
    else
        echo "FAIL $name"
        tail -n 40 "$log" | sed 's/^/    /'
        for a in "$work/$name"-*; do
            [ -e "$a" ] && echo "    crashing input: $(od -An -tx1 "$a" | head -4 | tr -d '\n')"
        done
        fail=$((fail + 1))
    fi
done
echo "RESULT $pass $fail 0"
[ "$fail" -eq 0 ]
