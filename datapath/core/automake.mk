# The datapath core, compiled into userspace through libweir.
lib_libweir_a_SOURCES += \
	datapath/core/compat.h \
	datapath/core/packets.h \
	datapath/core/flow.h \
	datapath/core/flow-extract.c \
	datapath/core/nlattr.h \
	datapath/core/nlattr.c
