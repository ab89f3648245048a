# OpenFlow messages: the message table, errors, hello negotiation.
lib_libweir_a_SOURCES += lib/ofp-version.h lib/bytebuf.h lib/bytebuf.c
