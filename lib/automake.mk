# Userspace building blocks.
lib_libweir_a_SOURCES += \
	lib/dp-packet.h \
	lib/dp-packet.c

lib_libweir_a_SOURCES += lib/pcap-file.h lib/pcap-file.c

lib_libweir_a_SOURCES += lib/odp-key-text.h lib/odp-key-text.c
lib_libweir_a_SOURCES += lib/odp-actions-text.h lib/odp-actions-text.c
lib_libweir_a_SOURCES += lib/odp-flow-text.h lib/odp-flow-text.c
lib_libweir_a_SOURCES += lib/of-flow-key.h lib/of-flow-key.c

# The control channel (JSON-RPC, unixctl) and what a daemon needs.
lib_libweir_a_SOURCES += \
	lib/daemon.h lib/daemon.c \
	lib/daemon-cli.h lib/daemon-cli.c \
	lib/privileges.h lib/privileges.c \
	lib/dirs.h lib/dirs.c \
	lib/json-stream.h lib/json-stream.c \
	lib/jsonrpc.h lib/jsonrpc.c lib/jsonrpc-msg.c \
	lib/log.h lib/log.c \
	lib/pidfile.h lib/pidfile.c \
	lib/poll-loop.h lib/poll-loop.c \
	lib/unix-socket.h lib/unix-socket.c \
	lib/socket-addr.h lib/socket-addr.c \
	lib/dns-resolve.h lib/dns-resolve.c \
	lib/stream.h lib/stream-private.h lib/stream.c lib/pstream.c \
	lib/stream-ssl.c \
	lib/reconnect.h lib/reconnect.c \
	lib/vconn.h lib/vconn.c \
	lib/unixctl.h lib/unixctl.c lib/unixctl-client.c \
	lib/xalloc.h lib/xalloc.c

# Network devices: the registry and its providers (system, afxdp, tap).
lib_libweir_a_SOURCES += \
	lib/netdev.h \
	lib/netdev.c \
	lib/netdev-provider.h \
	lib/netdev-linux.h \
	lib/netdev-linux.c \
	lib/netdev-vnet.h \
	lib/netdev-vnet.c \
	lib/netdev-gso.c \
	lib/netdev-afpacket.h \
	lib/netdev-afpacket.c \
	lib/netdev-afpacket-rx.c \
	lib/netdev-afxdp.h \
	lib/netdev-afxdp.c \
	lib/netdev-afxdp-io.c \
	lib/netdev-tap.c

# The userspace datapath (dpif-netdev) behind the dpif registry, and the
# in-memory "dummy" port for tests.
lib_libweir_a_SOURCES += \
	lib/dpif.h lib/dpif.c \
	lib/dpif-netdev.h lib/dpif-netdev-private.h \
	lib/dpif-netdev.c \
	lib/dpif-netdev-flow.c \
	lib/dpif-netdev-port.c \
	lib/dpif-netdev-pmd.c \
	lib/dpif-netdev-input.c \
	lib/dpif-netdev-upcall.c \
	lib/netdev-dummy.h lib/netdev-dummy.c
