# Command-line clients of the daemons.
bin_PROGRAMS += utilities/weir-appctl utilities/weir-dpctl
utilities_weir_appctl_SOURCES = utilities/weir-appctl.c
utilities_weir_appctl_LDADD = lib/libweir.a $(JANSSON_LIBS)

utilities_weir_dpctl_SOURCES = utilities/weir-dpctl.c
utilities_weir_dpctl_LDADD = lib/libweir.a $(JANSSON_LIBS)

# weir-vsctl: ovs-vsctl's command language over the configuration database.
bin_PROGRAMS += utilities/weir-vsctl
utilities_weir_vsctl_SOURCES = utilities/weir-vsctl.c utilities/vsctl.h \
	utilities/vsctl-value.c utilities/vsctl-table.c utilities/vsctl-row.c \
	utilities/vsctl-db.c utilities/vsctl-bridge.c utilities/vsctl-misc.c
utilities_weir_vsctl_LDADD = lib/libweir.a $(JANSSON_LIBS)
