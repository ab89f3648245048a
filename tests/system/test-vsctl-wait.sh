#!/bin/bash
# weir-vsctl's waiting, against ovs-vsctl on twin ovsdb-servers: a change
# bumps Open_vSwitch next_cfg and waits until cur_cfg reaches it (a fake
# daemon writes cur_cfg here); without a daemon --timeout ends the wait
# with SIGALRM after the change is committed; read-only commands do not
# wait; wait-until blocks until another client makes its condition true.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/vsctl-lib.sh"

both --no-wait init

# No daemon: both time out, exit status 142, the change committed.
both --timeout=1 add-br br0
both --no-wait list-br
both --no-wait get open . next_cfg cur_cfg

# Read-only commands neither bump next_cfg nor wait.
both --timeout=1 list-br
both --no-wait get open . next_cfg

# fake_daemon DB: sets cur_cfg to next_cfg, as the daemon does once a
# configuration is live, until killed.
fake_daemon() {
    local db=$1 next
    trap - ERR
    while next=$(ovs-vsctl --db="$db" --no-wait get open . next_cfg \
                 2>/dev/null) &&
          ovs-vsctl --db="$db" --no-wait set open . cur_cfg="$next" \
              2>/dev/null; do
        sleep 0.1
    done
}
fake_daemon "$OVS_DB" &
_pids+=("$!")
fake_daemon "$WEIR_DB" &
_pids+=("$!")
both --timeout=10 add-br br1
both --timeout=10 add-port br1 p1 -- list-ports br1
both --timeout=10 del-br br1
both --no-wait get open . next_cfg

# wait-until: blocks until the row exists and the condition holds.
N_CHECKS=$((N_CHECKS + 1))
rc=0
timeout 10 "$WEIR_VSCTL" --db="$WEIR_DB" wait-until bridge br7 \
    other_config:x=1 >"$TEST_DIR/wait.out" 2>&1 &
waiter=$!
sleep 0.5
kill -0 "$waiter" || fail "wait-until returned before br7 existed"
"$WEIR_VSCTL" --db="$WEIR_DB" --no-wait add-br br7
sleep 0.3
kill -0 "$waiter" || fail "wait-until returned before other_config:x=1"
ovs-vsctl --db="$WEIR_DB" --no-wait set bridge br7 other_config:x=1
wait "$waiter" || rc=$?
[ "$rc" = 0 ] || fail "wait-until exited $rc: $(cat "$TEST_DIR/wait.out")"
ovs-vsctl --db="$OVS_DB" --no-wait add-br br7 -- \
    set bridge br7 other_config:x=1
vsctl_done
