#include "socket-addr.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int addr_error(char *err, size_t size, const char *s, const char *why)
{
	snprintf(err, size, "%s: %s", s, why);
	return -EINVAL;
}

/* A decimal port 0..65535 taking all of 'p'. */
static bool parse_port(const char *p, unsigned short *port)
{
	char *end;
	unsigned long v;

	if (*p < '0' || *p > '9')
		return false;
	errno = 0;
	v = strtoul(p, &end, 10);
	if (*end || errno || v > 65535)
		return false;
	*port = v;
	return true;
}

static bool valid_host_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_';
}

/* Copies host [from, from + n) into 'a': a bracketed IPv6 literal, or a
 * name or IPv4 literal of hostname characters. */
static int take_host(struct socket_addr *a, const char *from, size_t n,
		     bool bracketed, const char *s, char *err, size_t size)
{
	size_t i;

	if (!n)
		return addr_error(err, size, s, "missing host");
	if (n >= sizeof a->host)
		return addr_error(err, size, s, "host name too long");
	memcpy(a->host, from, n);
	a->host[n] = '\0';
	if (bracketed) {
		struct in6_addr in6;

		if (inet_pton(AF_INET6, a->host, &in6) != 1)
			return addr_error(err, size, s, "bad IPv6 address");
		return 0;
	}
	for (i = 0; i < n; i++)
		if (!valid_host_char(a->host[i]))
			return addr_error(err, size, s,
					  "bad character in host name");
	return 0;
}

int socket_addr_parse_active(const char *s, unsigned short default_port,
			     struct socket_addr *a, char *err, size_t size)
{
	const char *host = s, *rest;
	size_t n;
	int error;

	a->port = default_port;
	if (*s == '[') {
		const char *close = strchr(s, ']');

		if (!close)
			return addr_error(err, size, s, "missing ']'");
		host = s + 1;
		n = close - host;
		rest = close + 1;
	} else {
		rest = strchr(s, ':');
		if (!rest)
			rest = s + strlen(s);
		n = rest - s;
	}
	error = take_host(a, host, n, *s == '[', s, err, size);
	if (error)
		return error;
	if (!*rest)
		return 0;
	if (*rest != ':' || !parse_port(rest + 1, &a->port))
		return addr_error(err, size, s, "bad port (0 to 65535)");
	return 0;
}

int socket_addr_parse_passive(const char *s, unsigned short default_port,
			      struct socket_addr *a, char *err, size_t size)
{
	const char *colon = strchr(s, ':');
	char port[8];
	size_t n = colon ? (size_t)(colon - s) : strlen(s);
	const char *ip = colon ? colon + 1 : "";

	a->port = default_port;
	a->host[0] = '\0';
	if (n) {
		if (n >= sizeof port)
			return addr_error(err, size, s, "bad port (0 to 65535)");
		memcpy(port, s, n);
		port[n] = '\0';
		if (!parse_port(port, &a->port))
			return addr_error(err, size, s, "bad port (0 to 65535)");
	}
	if (!*ip)
		return 0;
	if (*ip == '[') {
		size_t len = strlen(ip);

		if (ip[len - 1] != ']')
			return addr_error(err, size, s, "missing ']'");
		return take_host(a, ip + 1, len - 2, true, s, err, size);
	}
	if (strlen(ip) >= sizeof a->host)
		return addr_error(err, size, s, "address too long");
	strcpy(a->host, ip);
	if (!socket_addr_is_literal(a->host))
		return addr_error(err, size, s,
				  "listening needs an IP address, not a name");
	return 0;
}

bool socket_addr_is_literal(const char *host)
{
	struct in6_addr in6;
	struct in_addr in4;

	return inet_pton(AF_INET, host, &in4) == 1 ||
	       inet_pton(AF_INET6, host, &in6) == 1;
}

int socket_addr_to_sockaddr(const char *host, unsigned short port,
			    struct sockaddr_storage *ss, socklen_t *len)
{
	struct sockaddr_in *sin = (struct sockaddr_in *)ss;
	struct sockaddr_in6 *sin6 = (struct sockaddr_in6 *)ss;

	memset(ss, 0, sizeof *ss);
	if (!*host || inet_pton(AF_INET, host, &sin->sin_addr) == 1) {
		sin->sin_family = AF_INET;
		sin->sin_port = htons(port);
		*len = sizeof *sin;
		return 0;
	}
	if (inet_pton(AF_INET6, host, &sin6->sin6_addr) == 1) {
		sin6->sin6_family = AF_INET6;
		sin6->sin6_port = htons(port);
		*len = sizeof *sin6;
		return 0;
	}
	return -EINVAL;
}

void socket_addr_format(const struct sockaddr *sa, char *buf, size_t size)
{
	char ip[INET6_ADDRSTRLEN];

	if (sa->sa_family == AF_INET) {
		const struct sockaddr_in *sin = (const void *)sa;

		inet_ntop(AF_INET, &sin->sin_addr, ip, sizeof ip);
		snprintf(buf, size, "%s:%u", ip, ntohs(sin->sin_port));
	} else if (sa->sa_family == AF_INET6) {
		const struct sockaddr_in6 *sin6 = (const void *)sa;

		inet_ntop(AF_INET6, &sin6->sin6_addr, ip, sizeof ip);
		snprintf(buf, size, "[%s]:%u", ip, ntohs(sin6->sin6_port));
	} else {
		snprintf(buf, size, "unknown");
	}
}
