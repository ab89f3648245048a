# Userspace building blocks.
lib_libweir_a_SOURCES +=
