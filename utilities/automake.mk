# Command-line clients of the daemons.
bin_PROGRAMS += utilities/weir-appctl utilities/weir-dpctl
utilities_weir_appctl_SOURCES = utilities/weir-appctl.c
utilities_weir_appctl_LDADD = lib/libweir.a $(JANSSON_LIBS)

utilities_weir_dpctl_SOURCES = utilities/weir-dpctl.c
utilities_weir_dpctl_LDADD = lib/libweir.a $(JANSSON_LIBS)
