/* Big-endian reads from wire bytes whose length the caller has checked. */
#ifndef OFP_WIRE_H
#define OFP_WIRE_H 1

#include <stdint.h>

static inline uint16_t ofp_get16(const uint8_t *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}

static inline uint32_t ofp_get32(const uint8_t *p)
{
	return (uint32_t)ofp_get16(p) << 16 | ofp_get16(p + 2);
}

static inline uint64_t ofp_get64(const uint8_t *p)
{
	return (uint64_t)ofp_get32(p) << 32 | ofp_get32(p + 4);
}

#endif
