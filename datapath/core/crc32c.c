/* CRC32c, reflected, four bits at a time: a 16-entry table is small enough
 * to keep in a header-sized file and fast enough for SCTP port rewrites. */
#include "crc32c.h"
#include "packets.h"

/* nibble_table[i]: the register after shifting nibble i through polynomial
 * 0x82f63b78 (0x1edc6f41 bit-reversed). */
static const u32 nibble_table[16] = {
	0x00000000, 0x105ec76f, 0x20bd8ede, 0x30e349b1,
	0x417b1dbc, 0x5125dad3, 0x61c69362, 0x7198540d,
	0x82f63b78, 0x92a8fc17, 0xa24bb5a6, 0xb21572c9,
	0xc38d26c4, 0xd3d3e1ab, 0xe330a81a, 0xf36e6f75,
};

u32 dp_crc32c_update(u32 reg, const void *p, u32 len)
{
	const u8 *b = p;

	while (len--) {
		reg ^= *b++;
		reg = (reg >> 4) ^ nibble_table[reg & 0xf];
		reg = (reg >> 4) ^ nibble_table[reg & 0xf];
	}
	return reg;
}

u32 dp_sctp_crc(const u8 *sctp, u32 len)
{
	static const u8 zero[4];
	u32 csum_ofs = offsetof(struct pkt_sctp, csum);
	u32 reg = dp_crc32c_update(DP_CRC32C_INIT, sctp, csum_ofs);

	reg = dp_crc32c_update(reg, zero, sizeof zero);
	return ~dp_crc32c_update(reg, sctp + SCTP_HEADER_LEN,
				 len - SCTP_HEADER_LEN);
}

u32 dp_sctp_crc_get(const u8 *field)
{
	return field[0] | field[1] << 8 | field[2] << 16 | (u32)field[3] << 24;
}

void dp_sctp_crc_put(u8 *field, u32 crc)
{
	field[0] = (u8)crc;
	field[1] = (u8)(crc >> 8);
	field[2] = (u8)(crc >> 16);
	field[3] = (u8)(crc >> 24);
}
