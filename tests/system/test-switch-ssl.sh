#!/bin/bash
# A controller over TLS: certificates from a scratch CA, the switch's in
# the SSL table (weir-vsctl set-ssl), Debian's ovs-testcontroller on
# pssl: with its own; the connection comes up verified both ways and the
# controller's learning switch carries h1's pings to h2.  A controller
# whose certificate another CA signed is refused.
. "$(dirname "$0")/lib.sh"
. "$SYSTEM_DIR/switch-lib.sh"
require_cmd ovs-testcontroller openssl

pki() {
    local name=$1 ca=$2
    openssl req -new -newkey rsa:2048 -nodes -subj "/CN=$name" \
        -keyout "$TEST_DIR/$name-key.pem" -out "$TEST_DIR/$name.csr" \
        2>/dev/null
    openssl x509 -req -in "$TEST_DIR/$name.csr" -CA "$TEST_DIR/$ca-cert.pem" \
        -CAkey "$TEST_DIR/$ca-key.pem" -CAcreateserial -days 2 \
        -out "$TEST_DIR/$name-cert.pem" 2>/dev/null
}
ca() {
    openssl req -x509 -new -newkey rsa:2048 -nodes -subj "/CN=$1" -days 2 \
        -keyout "$TEST_DIR/$1-key.pem" -out "$TEST_DIR/$1-cert.pem" \
        2>/dev/null
}
ca ca
ca otherca
pki switch ca
pki ctl ca
pki rogue otherca

switch_start
switch_hosts 2
vsctl set-fail-mode br0 secure
ofctl del-flows
vsctl set-ssl "$TEST_DIR/switch-key.pem" "$TEST_DIR/switch-cert.pem" \
    "$TEST_DIR/ca-cert.pem"

start_controller() {    # NAME PORT
    ns_bg sw env OVS_RUNDIR="$TEST_DIR" ovs-testcontroller -O OpenFlow13 \
        --no-chdir -p "$TEST_DIR/$1-key.pem" -c "$TEST_DIR/$1-cert.pem" \
        -C "$TEST_DIR/ca-cert.pem" "pssl:$2:127.0.0.1" \
        --log-file="$TEST_DIR/$1.log"
    CONTROLLER_PID=$BG_PID
    wait_listen sw "$2"
}
connected() {
    [ "$("$WEIR_BUILD/utilities/weir-vsctl" --db="$SWITCH_DB" get controller . is_connected)" = true ]
}

port=$((20000 + $$ % 20000))
start_controller rogue "$port"
vsctl set-controller br0 "ssl:127.0.0.1:$port"
sleep 3
check "a controller with a certificate from another CA is refused" \
    bash -c "! [ \"\$('$WEIR_BUILD/utilities/weir-vsctl' --db=$SWITCH_DB get controller . is_connected)\" = true ]"
kill "$CONTROLLER_PID"

port=$((port + 1))
start_controller ctl "$port"
vsctl set-controller br0 "ssl:127.0.0.1:$port"
check "the TLS controller connects" wait_for 15 connected
check "h1 pings h2 through the TLS controller" wait_for 15 pings 1 2 2
finish
