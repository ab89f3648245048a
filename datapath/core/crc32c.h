/* CRC32c (Castagnoli), the checksum of SCTP (RFC 9260 appendix A). */
#ifndef WEIR_DP_CRC32C_H
#define WEIR_DP_CRC32C_H 1

#include "compat.h"

#define DP_CRC32C_INIT 0xffffffffu

/* Runs the CRC register 'reg' over len bytes at p.  Start from
 * DP_CRC32C_INIT; the CRC is the complement of the final register. */
u32 dp_crc32c_update(u32 reg, const void *p, u32 len);

#endif /* WEIR_DP_CRC32C_H */
