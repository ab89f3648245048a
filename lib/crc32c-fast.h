/* CRC32c (Castagnoli) for userspace bulk data such as the OVSDB log: the
 * same register and results as dp_crc32c_update() in datapath/core, which
 * stays portable to the kernel, but eight bytes at a time (the SSE4.2
 * crc32 instruction where the CPU has it, slicing-by-8 tables if not). */
#ifndef WEIR_CRC32C_FAST_H
#define WEIR_CRC32C_FAST_H 1

#include <stddef.h>
#include <stdint.h>

/* Runs the register 'reg' over 'len' bytes at 'p'; start from 0xffffffff
 * and complement the final register, as with dp_crc32c_update(). */
uint32_t crc32c_fast_update(uint32_t reg, const void *p, size_t len);
/* The table version alone, on any CPU: what the tests compare both
 * ways against. */
uint32_t crc32c_sw_update(uint32_t reg, const void *p, size_t len);

#endif /* WEIR_CRC32C_FAST_H */
