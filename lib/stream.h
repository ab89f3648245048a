/* Byte streams to and from peers, named as OVS tools name them:
 *
 *   active   tcp:HOST[:PORT]   ssl:HOST[:PORT]   unix:PATH
 *   passive  ptcp:[PORT][:IP]  pssl:[PORT][:IP]  punix:PATH
 *
 * HOST is an IPv4 address, an IPv6 address in brackets, or a host name,
 * resolved asynchronously as part of connecting (dns-resolve.h); a missing
 * PORT is the caller's default (6653 for OpenFlow, 6640 for OVSDB); ptcp:0
 * binds any free port and ptcp:PORT:IP one address.
 * Everything is nonblocking: an event loop polls stream_fd() for
 * stream_poll_events() and calls again. */
#ifndef WEIR_STREAM_H
#define WEIR_STREAM_H 1

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

struct stream;
struct pstream;

/* Checks 'name' without opening anything: 0, or -EINVAL with the reason
 * in 'err' (e.g. "tcp:1.2.3.4:99999: port out of range"). */
int stream_verify_name(const char *name, char *err, size_t err_size);
int pstream_verify_name(const char *name, char *err, size_t err_size);

/* Starts connecting to 'name'.  Returns 0 with '*s' (connection under
 * way: see stream_connect()), or -errno with the reason in 'err'. */
int stream_open(const char *name, unsigned short default_port,
		struct stream **s, char *err, size_t err_size);
/* A stream over 'fd', a connected (nonblocking or not) socket it takes. */
struct stream *stream_from_fd(int fd, const char *name);
/* Progress of the connection (name resolution, TCP, TLS handshake): 0 once
 * established,
 * -EAGAIN while under way, else -errno (the stream is then unusable). */
int stream_connect(struct stream *);
/* >0 bytes received, 0 at end of stream, -EAGAIN, or -errno. */
ssize_t stream_recv(struct stream *, void *, size_t);
/* >0 bytes taken, -EAGAIN, or -errno. */
ssize_t stream_send(struct stream *, const void *, size_t);
/* True if bytes are buffered inside the stream (TLS records already read
 * from the socket): receive again before waiting on the fd. */
bool stream_pending(const struct stream *);
int stream_fd(const struct stream *);
/* The poll() events to wait for before retrying, given those the caller
 * wants (POLLIN to receive, POLLOUT to send): TLS may need the other
 * direction, and a connection under way waits for POLLOUT. */
short stream_poll_events(const struct stream *, short wanted);
const char *stream_name(const struct stream *);
void stream_close(struct stream *);

/* Listens on 'name': 0 with '*ps', or -errno with the reason in 'err'. */
int pstream_open(const char *name, unsigned short default_port,
		 struct pstream **ps, char *err, size_t err_size);
/* 0 with a new stream (named like "tcp:127.0.0.1:53422" after its peer;
 * a TLS stream still has its handshake to do: stream_connect()), -EAGAIN,
 * or -errno. */
int pstream_accept(struct pstream *, struct stream **);
int pstream_fd(const struct pstream *);
/* The TCP port bound (for ptcp:0), 0 for unix sockets. */
unsigned short pstream_port(const struct pstream *);
const char *pstream_name(const struct pstream *);
void pstream_close(struct pstream *);

/* TLS configuration for ssl: and pssl: streams, shared by all of them (as
 * a daemon has one identity): the private key and certificate presented,
 * and the CA certificate that peers' certificates must chain to.  Peers
 * are always verified; without all three files, TLS streams fail to open
 * with a message saying which is missing.  Returns 0 or -errno with the
 * reason in 'err' (unreadable file, key not matching certificate). */
int stream_ssl_configure(const char *private_key, const char *certificate,
			 const char *ca_cert, char *err, size_t err_size);
bool stream_ssl_is_configured(void);

#endif /* WEIR_STREAM_H */
