#!/bin/bash
# Debian's ovs-vsctl against weir-dbd, compared with ovs-vsctl against
# Debian's ovsdb-server: the database and bridge scripts of the weir-vsctl
# tests (hundreds of commands: bridges, fake bridges, ports with VLAN tags
# and trunks, bonds, controllers, managers, external_ids, zone timeout
# policies, list/find/get/set/add/remove/clear/create/destroy, error cases),
# the same output, exit status and final database contents.  Needs no root.
. "$(dirname "$0")/lib.sh"
require_cmd ovs-vsctl ovsdb-server
[ -x "$WEIR_BUILD/ovsdb/weir-dbd" ] || skip "weir-dbd is not built in $WEIR_BUILD"
for t in test-vsctl-db test-vsctl-bridge; do
    if VSCTL_TOOL=ovs-vsctl VSCTL_WEIR_SERVER=weir-dbd \
        bash "$SYSTEM_DIR/$t.sh" >"$TEST_DIR/$t.out" 2>&1; then
        echo "ok: ovs-vsctl on weir-dbd, the script of $t"
    else
        echo "FAIL: ovs-vsctl on weir-dbd, $t's script:" >&2
        sed 's/^/    /' "$TEST_DIR/$t.out" >&2
        _failures=$((_failures + 1))
    fi
done
finish
