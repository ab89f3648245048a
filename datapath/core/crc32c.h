/* CRC32c (Castagnoli), the checksum of SCTP (RFC 9260 appendix A). */
#ifndef WEIR_DP_CRC32C_H
#define WEIR_DP_CRC32C_H 1

#include "compat.h"

#define DP_CRC32C_INIT 0xffffffffu

/* Runs the CRC register 'reg' over len bytes at p.  Start from
 * DP_CRC32C_INIT; the CRC is the complement of the final register. */
u32 dp_crc32c_update(u32 reg, const void *p, u32 len);

/* The CRC32c of the SCTP packet of len bytes at 'sctp' (len at least
 * SCTP_HEADER_LEN), its checksum field taken as zero. */
u32 dp_sctp_crc(const u8 *sctp, u32 len);

/* The SCTP checksum field holds the CRC least significant byte first, as
 * the kernel stores it (RFC 9260 appendix A leaves the order to the
 * reference code, which stores it so). */
u32 dp_sctp_crc_get(const u8 *field);
void dp_sctp_crc_put(u8 *field, u32 crc);

#endif /* WEIR_DP_CRC32C_H */
