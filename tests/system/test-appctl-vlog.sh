#!/bin/bash
# The logging, coverage and memory control commands every daemon has, on
# weir-dbd: vlog/list's table, vlog/set turning on debug lines in the log
# file, vlog/reopen after the file was moved away, bad specs refused with
# OVS's words (and ovs-appctl-compatible exit status), coverage/show and
# memory/show layouts, and --verbose at start-up.  Needs no root.
. "$(dirname "$0")/lib.sh"
DBD=$WEIR_BUILD/ovsdb/weir-dbd
DBTOOL=$WEIR_BUILD/ovsdb/weir-dbtool
APPCTL=$WEIR_BUILD/utilities/weir-appctl
[ -x "$DBD" ] && [ -x "$DBTOOL" ] && [ -x "$APPCTL" ] ||
    skip "weir-dbd or weir-appctl is not built in $WEIR_BUILD"
SCHEMA=$SYSTEM_DIR/../../vswitchd/vswitch.ovsschema
export WEIR_RUNDIR=$TEST_DIR/run
DB=$TEST_DIR/conf.db
LOG=$TEST_DIR/weir-dbd.log
CTL=$WEIR_RUNDIR/weir-dbd.ctl

ctl() {
    "$APPCTL" -t "$CTL" "$@"
}

"$DBTOOL" create "$DB" "$SCHEMA" || fail "cannot create the database"
"$DBD" --detach --pidfile --log-file="$LOG" --verbose=vlog:console:warn \
    --remote=punix:"$TEST_DIR/db.sock" "$DB" || fail "weir-dbd did not start"
PID=$(cat "$WEIR_RUNDIR/weir-dbd.pid")
_pids+=("$PID")

LIST=$(ctl vlog/list)
assert_eq "vlog/list heading" \
"                 console    syslog    file
                 -------    ------    ------" "$(head -2 <<<"$LIST")"
assert_eq "the program's own module" \
    "weir-dbd          INFO        OFF       INFO" \
    "$(grep '^weir-dbd ' <<<"$LIST")"
assert_eq "--verbose set a level" \
    "vlog              WARN        OFF       INFO" \
    "$(grep '^vlog ' <<<"$LIST")"
check "modules are sorted" bash -c "tail -n +3 <<<'$LIST' | sort -c"

check "no debug line yet" bash -c "! grep -q '|DBG|' '$LOG'"
check "vlog/set ANY:file:dbg" ctl vlog/set ANY:file:dbg
check "a debug line reaches the file" grep -q '|vlog|DBG|levels set: "ANY:file:dbg"' "$LOG"
assert_eq "file level shown" \
    "vlog              WARN        OFF        DBG" \
    "$(ctl vlog/list | grep '^vlog ')"

# Bad specs: OVS's messages, exit status 2, nothing changed.
bad() {
    local out rc=0
    out=$(ctl vlog/set "$1" 2>&1) || rc=$?
    [ "$rc" = 2 ] && grep -qxF "$2" <<<"$out" ||
        { echo "  '$1': rc=$rc, $out"; return 1; }
}
check "unknown word" bad foo:bar 'no destination, level, or module "foo"'
check "unknown level" bad ANY:file:xx 'no destination, level, or module "xx"'
check "two destinations" bad ANY:console:file 'cannot specify multiple destinations'
check "two levels" bad dbg:warn 'cannot specify multiple levels'
check "bad facility" bad FACILITY:foo 'invalid facility'
check "bad pattern destination" bad PATTERN:bad:x 'unknown destination "bad"'
assert_eq "levels unchanged by bad specs" \
    "vlog              WARN        OFF        DBG" \
    "$(ctl vlog/list | grep '^vlog ')"
check "too many arguments for vlog/list" bash -c "! '$APPCTL' -t '$CTL' vlog/list x 2>/dev/null"

# logrotate: move the file away, reopen, and new lines go to a new file.
mv "$LOG" "$LOG.1"
check "vlog/reopen" ctl vlog/reopen
check "the new file has the reopen line" grep -q '|vlog|INFO|reopened the log file' "$LOG"
ctl vlog/set vlog:file:dbg
check "later lines go to the new file" grep -q 'levels set: "vlog:file:dbg"' "$LOG"
check "and not to the old one" bash -c "! grep -q 'vlog:file:dbg' '$LOG.1'"

PATTERNS=$(ctl vlog/list-pattern)
assert_eq "vlog/list-pattern heading" \
"         prefix                            format
         ------                            ------" "$(head -2 <<<"$PATTERNS")"

COV=$(ctl coverage/show)
check "coverage/show heading" grep -qE '^Event coverage, avg rate over last: 5 seconds, last minute, last hour,  hash=[0-9a-f]{8}:$' <<<"$COV"
check "a counter line" grep -qE '^vlog_lines +[0-9]+\.[0-9]/sec +[0-9]+\.[0-9]{3}/sec +[0-9]+\.[0-9]{4}/sec   total: [0-9]+$' <<<"$COV"
check "never-hit line" grep -qE '^[0-9]+ events never hit$' <<<"$COV"
check "coverage/read-counter" grep -qE '^[1-9][0-9]*$' <<<"$(ctl coverage/read-counter vlog_lines)"
NOCOUNTER=$(ctl coverage/read-counter nothing 2>&1 || true)
assert_eq "unknown counter" "No such counter" "$(sed -n 1p <<<"$NOCOUNTER")"
check "memory/show answers" bash -c "'$APPCTL' -t '$CTL' memory/show >/dev/null"

kill "$PID"
check "SIGTERM stops it" wait_for 10 bash -c "! kill -0 $PID"
check "no sanitizer report" bash -c "! grep -E 'Sanitizer|runtime error' '$LOG' '$LOG.1'"
check "bad --verbose is refused" bash -c \
    "'$DBD' --verbose=nothing:dbg '$DB' 2>&1 | grep -qF 'no destination, level, or module \"nothing\"'"
finish
