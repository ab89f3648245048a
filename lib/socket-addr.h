/* IP socket addresses as the stream names write them: "1.2.3.4:6653",
 * "[2001:db8::1]:6653", "host.example:6653", and the passive form
 * "6653:1.2.3.4". */
#ifndef WEIR_SOCKET_ADDR_H
#define WEIR_SOCKET_ADDR_H 1

#include <stdbool.h>
#include <stddef.h>
#include <sys/socket.h>

#define SOCKET_HOST_MAX 256     /* longest host name taken, with its NUL */

struct socket_addr {
	char host[SOCKET_HOST_MAX];     /* as written, brackets removed */
	unsigned short port;
};

/* "HOST[:PORT]": 0, or -EINVAL with the reason in 'err'. */
int socket_addr_parse_active(const char *s, unsigned short default_port,
			     struct socket_addr *, char *err, size_t err_size);
/* "[PORT][:IP]", with an empty IP meaning every address: 0 or -EINVAL. */
int socket_addr_parse_passive(const char *s, unsigned short default_port,
			      struct socket_addr *, char *err,
			      size_t err_size);

/* True if 'host' is an IPv4 or IPv6 literal. */
bool socket_addr_is_literal(const char *host);
/* The sockaddr of a literal 'host' (or of every address, for "") and
 * 'port': 0 or -EINVAL. */
int socket_addr_to_sockaddr(const char *host, unsigned short port,
			    struct sockaddr_storage *, socklen_t *);
/* "1.2.3.4:80" or "[::1]:80" into 'buf'. */
void socket_addr_format(const struct sockaddr *, char *buf, size_t size);

#endif /* WEIR_SOCKET_ADDR_H */
