# weir-ofctl's online commands (talking to a switch).
OFCTL_ONLINE_SOURCES = utilities/ofctl.h utilities/ofctl-main.c \
	utilities/ofctl-conn.c utilities/ofctl-bundle.c \
	utilities/ofctl-ports.c utilities/ofctl-flows.c \
	utilities/ofctl-groups.c utilities/ofctl-monitor.c \
	utilities/ofctl-replace.c
utilities_weir_ofctl_SOURCES += $(OFCTL_ONLINE_SOURCES)

UNIT_TESTS += tests/unit/test-ofctl
tests_unit_test_ofctl_SOURCES = tests/unit/test-ofctl.c $(OFCTL_ONLINE_SOURCES)
tests_unit_test_ofctl_CFLAGS = $(UNITFLAGS) -I$(srcdir)/utilities
tests_unit_test_ofctl_LDADD = $(UNITLIBS)

EXTRA_DIST += tests/system/test-ofctl-online.sh tests/system/ofctl_relay.py \
	tests/system/test-ofctl-on-weir.sh
