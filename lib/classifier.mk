# The OpenFlow classifier: rules, subtables and versions (classifier.c),
# lookup (classifier-lookup.c), prefix tries (classifier-trie.c).
lib_libweir_a_SOURCES += \
	lib/classifier.h lib/classifier-private.h \
	lib/classifier.c lib/classifier-lookup.c lib/classifier-trie.c

UNIT_TESTS += tests/unit/test-classifier
tests_unit_test_classifier_SOURCES = tests/unit/test-classifier.c
tests_unit_test_classifier_CFLAGS = $(UNITFLAGS)
tests_unit_test_classifier_LDADD = $(UNITLIBS)

BENCHES += tests/bench/bench-classifier
tests_bench_bench_classifier_SOURCES = tests/bench/bench-classifier.c
tests_bench_bench_classifier_LDADD = lib/libweir.a
