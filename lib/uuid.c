/* Random (version 4) uuids and their text form. */
#include "uuid.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>

static void uuid_random_bytes(void *buf, size_t n)
{
	unsigned char *p = buf;

	while (n) {
		ssize_t got = getrandom(p, n, 0);

		if (got < 0) {
			if (errno == EINTR)
				continue;
			perror("getrandom");
			abort();
		}
		p += got;
		n -= got;
	}
}

void uuid_generate(struct uuid *u)
{
	uuid_random_bytes(u->parts, sizeof u->parts);
	/* Version 4 in the 13th hex digit, variant 10xx in the 17th. */
	u->parts[1] = (u->parts[1] & ~0xf000u) | 0x4000u;
	u->parts[2] = (u->parts[2] & 0x3fffffffu) | 0x80000000u;
}

void uuid_zero(struct uuid *u)
{
	memset(u, 0, sizeof *u);
}

bool uuid_is_zero(const struct uuid *u)
{
	return !(u->parts[0] | u->parts[1] | u->parts[2] | u->parts[3]);
}

int uuid_compare(const struct uuid *a, const struct uuid *b)
{
	for (int i = 0; i < 4; i++)
		if (a->parts[i] != b->parts[i])
			return a->parts[i] < b->parts[i] ? -1 : 1;
	return 0;
}

bool uuid_equals(const struct uuid *a, const struct uuid *b)
{
	return !uuid_compare(a, b);
}

uint32_t uuid_hash(const struct uuid *u)
{
	/* Random uuids are already well mixed; fold them for zero ones too. */
	uint32_t h = u->parts[0] ^ u->parts[1] ^ u->parts[2] ^ u->parts[3];

	h ^= h >> 16;
	h *= 0x45d9f3bu;
	h ^= h >> 16;
	return h;
}

static int uuid_hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

bool uuid_from_string(struct uuid *u, const char *s)
{
	struct uuid tmp = { { 0, 0, 0, 0 } };
	int nibble = 0;

	for (int i = 0; i < UUID_LEN; i++) {
		if (i == 8 || i == 13 || i == 18 || i == 23) {
			if (s[i] != '-')
				return false;
			continue;
		}
		int d = uuid_hex_digit(s[i]);
		if (d < 0)
			return false;
		tmp.parts[nibble / 8] = (tmp.parts[nibble / 8] << 4) | d;
		nibble++;
	}
	if (s[UUID_LEN] != '\0')
		return false;
	*u = tmp;
	return true;
}

bool uuid_is_valid_string(const char *s)
{
	struct uuid u;

	return uuid_from_string(&u, s);
}

void uuid_format(const struct uuid *u, char buf[UUID_LEN + 1])
{
	snprintf(buf, UUID_LEN + 1, "%08x-%04x-%04x-%04x-%04x%08x",
		 u->parts[0], u->parts[1] >> 16, u->parts[1] & 0xffff,
		 u->parts[2] >> 16, u->parts[2] & 0xffff, u->parts[3]);
}
