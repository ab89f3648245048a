#include "crc32c-fast.h"

#include <pthread.h>
#include <stdbool.h>
#include <string.h>

#define CRC32C_POLY 0x82f63b78u	/* 0x1edc6f41 bit-reversed */

/* table[k][b]: the register after byte b followed by k zero bytes. */
static uint32_t table[8][256];
static bool use_sse42;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void crc32c_init(void)
{
	for (uint32_t b = 0; b < 256; b++) {
		uint32_t reg = b;

		for (int i = 0; i < 8; i++)
			reg = reg >> 1 ^ (reg & 1 ? CRC32C_POLY : 0);
		table[0][b] = reg;
	}
	for (int k = 1; k < 8; k++)
		for (uint32_t b = 0; b < 256; b++)
			table[k][b] = table[k - 1][b] >> 8 ^
				      table[0][table[k - 1][b] & 0xff];
#if defined(__x86_64__)
	__builtin_cpu_init();
	use_sse42 = __builtin_cpu_supports("sse4.2");
#endif
}

static uint32_t crc32c_bytes(uint32_t reg, const uint8_t *p, size_t len)
{
	while (len--)
		reg = reg >> 8 ^ table[0][(reg ^ *p++) & 0xff];
	return reg;
}

/* Slicing-by-8: eight table lookups fold eight bytes (little-endian
 * loads: the register is reflected). */
static uint32_t crc32c_slice8(uint32_t reg, const uint8_t *p, size_t len)
{
	for (; len >= 8; p += 8, len -= 8) {
		uint32_t lo = reg ^ (p[0] | p[1] << 8 | p[2] << 16 |
				     (uint32_t)p[3] << 24);
		uint32_t hi = p[4] | p[5] << 8 | p[6] << 16 |
			      (uint32_t)p[7] << 24;

		reg = table[7][lo & 0xff] ^ table[6][lo >> 8 & 0xff] ^
		      table[5][lo >> 16 & 0xff] ^ table[4][lo >> 24] ^
		      table[3][hi & 0xff] ^ table[2][hi >> 8 & 0xff] ^
		      table[1][hi >> 16 & 0xff] ^ table[0][hi >> 24];
	}
	return crc32c_bytes(reg, p, len);
}

#if defined(__x86_64__)
__attribute__((target("sse4.2")))
static uint32_t crc32c_sse42(uint32_t reg, const uint8_t *p, size_t len)
{
	uint64_t r = reg;

	for (; len >= 8; p += 8, len -= 8) {
		uint64_t w;

		memcpy(&w, p, sizeof w);
		r = __builtin_ia32_crc32di(r, w);
	}
	reg = (uint32_t)r;
	for (; len; p++, len--)
		reg = __builtin_ia32_crc32qi(reg, *p);
	return reg;
}
#endif

uint32_t crc32c_sw_update(uint32_t reg, const void *p, size_t len)
{
	pthread_once(&once, crc32c_init);
	return crc32c_slice8(reg, p, len);
}

uint32_t crc32c_fast_update(uint32_t reg, const void *p, size_t len)
{
	pthread_once(&once, crc32c_init);
#if defined(__x86_64__)
	if (use_sse42)
		return crc32c_sse42(reg, p, len);
#endif
	return crc32c_slice8(reg, p, len);
}
