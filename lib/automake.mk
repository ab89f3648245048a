# Userspace building blocks.
lib_libweir_a_SOURCES += \
	lib/dp-packet.h \
	lib/dp-packet.c

lib_libweir_a_SOURCES += lib/pcap-file.h lib/pcap-file.c

lib_libweir_a_SOURCES += lib/odp-key-text.h lib/odp-key-text.c
