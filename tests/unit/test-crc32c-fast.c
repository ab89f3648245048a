/* The userspace CRC32c: the same registers as the datapath's portable
 * dp_crc32c_update() for every length and alignment, by instruction and
 * by table, and the check value of the Castagnoli CRC. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>

#include "crc32c-fast.h"
#include "crc32c.h"

static void test_check_value(void **state)
{
	(void) state;
	/* CRC-32C of "123456789" (RFC 3720 appendix B.4 lists others). */
	assert_int_equal(~crc32c_fast_update(0xffffffffu, "123456789", 9),
			 0xe3069283u);
	assert_int_equal(~crc32c_sw_update(0xffffffffu, "123456789", 9),
			 0xe3069283u);
	assert_int_equal(~crc32c_fast_update(0xffffffffu, "", 0), 0);
}

static void test_same_as_datapath(void **state)
{
	unsigned char buf[300];
	uint32_t seed = 12345;

	(void) state;
	for (size_t i = 0; i < sizeof buf; i++) {
		seed = seed * 1103515245u + 12345u;
		buf[i] = seed >> 16;
	}
	for (size_t ofs = 0; ofs < 9; ofs++) {
		for (size_t len = 0; ofs + len <= sizeof buf; len++) {
			uint32_t reg = len * 0x9e3779b9u;
			uint32_t want = dp_crc32c_update(reg, buf + ofs, len);

			assert_int_equal(crc32c_fast_update(reg, buf + ofs,
							    len), want);
			assert_int_equal(crc32c_sw_update(reg, buf + ofs, len),
					 want);
		}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_check_value),
		cmocka_unit_test(test_same_as_datapath),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
