# The datapath core, compiled into userspace through libweir.
lib_libweir_a_SOURCES += \
	datapath/core/compat.h \
	datapath/core/packets.h \
	datapath/core/flow.h \
	datapath/core/flow-extract.c \
	datapath/core/flow-netlink.h \
	datapath/core/flow-netlink.c \
	datapath/core/nlattr.h \
	datapath/core/nlattr.c \
	datapath/core/csum.h \
	datapath/core/csum.c

# Actions: validation at install, execution per packet.
lib_libweir_a_SOURCES += \
	datapath/core/actions.h \
	datapath/core/actions-private.h \
	datapath/core/actions.c \
	datapath/core/actions-validate.c \
	datapath/core/actions-set.c \
	datapath/core/actions-vlan-mpls.c \
	datapath/core/crc32c.h \
	datapath/core/crc32c.c

lib_libweir_a_SOURCES += \
	datapath/core/hash.h \
	datapath/core/rcu-hmap.h \
	datapath/core/rcu-hmap.c \
	datapath/core/flow-actions.h \
	datapath/core/flow-table.h \
	datapath/core/flow-table.c \
	datapath/core/flow-emc.h \
	datapath/core/flow-emc.c \
	datapath/core/meter.h \
	datapath/core/meter.c
# The kernel home's packet API, checked by tests/kernel/test-core-kbuild.sh.
EXTRA_DIST += datapath/linux/dp-packet.h
