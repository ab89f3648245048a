/* Host names to addresses without blocking the caller: each query runs in
 * a thread of its own through libunbound (which reads /etc/resolv.conf and
 * /etc/hosts), and its fd becomes readable when the answer is in, so a
 * daemon's loop never waits on a name server. */
#ifndef WEIR_DNS_RESOLVE_H
#define WEIR_DNS_RESOLVE_H 1

#include <stddef.h>

struct dns_query;

/* Starts resolving 'name' (IPv4 first, then IPv6): 0 with '*q', or -errno
 * with the reason in 'err'. */
int dns_resolve_start(const char *name, struct dns_query **q,
		      char *err, size_t err_size);
/* Readable (POLLIN) once the query is answered. */
int dns_query_fd(const struct dns_query *);
/* 0 with the address as text in 'ip', -EAGAIN while pending, or -ENOENT
 * (no such name, no address, no answer) with the reason in 'err'. */
int dns_resolve_result(struct dns_query *, char *ip, size_t ip_size,
		       char *err, size_t err_size);
/* Frees 'q'; a query still running finishes unseen. */
void dns_query_free(struct dns_query *q);

#endif /* WEIR_DNS_RESOLVE_H */
