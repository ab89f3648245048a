# The daemon.
bin_PROGRAMS += vswitchd/weir-vswitchd
vswitchd_weir_vswitchd_SOURCES = \
	vswitchd/weir-vswitchd.c \
	vswitchd/dpctl.h vswitchd/dpctl-private.h \
	vswitchd/dpctl.c vswitchd/dpctl-dp.c vswitchd/dpctl-flow.c vswitchd/dpctl-pmd.c \
	vswitchd/dpctl-flow-text.h vswitchd/dpctl-flow-text.c \
	vswitchd/vswitchd-ops.h vswitchd/vswitchd-ops.c \
	vswitchd/switch-ctl.h vswitchd/switch-ctl.c
vswitchd_weir_vswitchd_LDADD = vswitchd/libbridge.a ofproto/libofproto.a \
	lib/libweir.a $(JANSSON_LIBS)
