/* An OpenFlow channel: a stream (stream.h) carrying whole OpenFlow
 * messages, opened with the HELLO exchange that agrees on a version.
 *
 *   active    vconn_open("tcp:HOST[:PORT]" | "ssl:..." | "unix:PATH")
 *   passive   pvconn_open("ptcp:[PORT][:IP]" | "pssl:..." | "punix:PATH"),
 *             then pvconn_accept()
 *
 * The default port is 6653.  Both ends send HELLO at once with the versions
 * they speak; the agreed version is the highest both have (OpenFlow 1.3.1+
 * bitmaps, or the smaller header version), or the connection fails with a
 * HELLO_FAILED error sent to the peer.  Nonblocking throughout: poll
 * vconn_fd() for vconn_poll_events() and call again. */
#ifndef WEIR_VCONN_H
#define WEIR_VCONN_H 1

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct bytebuf;
struct stream;
struct vconn;
struct pvconn;

#define OFP_DEFAULT_PORT 6653
#define VCONN_MAX_MSG 65535     /* an OpenFlow length is 16 bits */

/* 'versions' is a bitmap of wire versions (OFP_VERSION_BIT). */
int vconn_open(const char *name, uint32_t versions, struct vconn **,
	       char *err, size_t err_size);
/* Over an accepted (or otherwise connected) stream, which it takes. */
struct vconn *vconn_from_stream(struct stream *, uint32_t versions);

/* Progress of the connection and the HELLO exchange: 0 once a version is
 * agreed, -EAGAIN, or -errno (vconn_error() says why; -EPROTO when no
 * version is common or the peer spoke something else). */
int vconn_connect(struct vconn *);
/* The agreed version, 0 before. */
uint8_t vconn_version(const struct vconn *);

/* Receives one whole message into 'msg' (cleared first): 0, -EAGAIN, or
 * -errno (-EPIPE at end of stream, -EPROTO for a length field below 8).
 * Receive until -EAGAIN before waiting on the fd: several messages may
 * have come in one read. */
int vconn_recv(struct vconn *, struct bytebuf *msg);
/* Queues 'msg' ('len' bytes, a whole message) and writes what the stream
 * takes without blocking: 0 or -errno. */
int vconn_send(struct vconn *, const void *msg, size_t len);
int vconn_flush(struct vconn *);
size_t vconn_backlog(const struct vconn *);

/* Blocking, for command-line clients: connects within 'timeout_ms' (-1:
 * no limit), answering nothing but the HELLO. */
int vconn_connect_block(struct vconn *, int timeout_ms);
/* Sends 'request' and waits for the message with the same xid, answering
 * echo requests meanwhile; the reply (an ERROR, perhaps) goes in 'reply'. */
int vconn_transact(struct vconn *, const void *request, size_t len,
		   struct bytebuf *reply, int timeout_ms);

int vconn_fd(const struct vconn *);
/* The events to poll for, given those wanted (POLLIN, POLLOUT). */
short vconn_poll_events(const struct vconn *, short wanted);
const char *vconn_name(const struct vconn *);
const char *vconn_error(const struct vconn *);
void vconn_close(struct vconn *);

int pvconn_open(const char *name, uint32_t versions, struct pvconn **,
		char *err, size_t err_size);
/* 0 with a new vconn (its HELLO exchange still to do), -EAGAIN or -errno. */
int pvconn_accept(struct pvconn *, struct vconn **);
int pvconn_fd(const struct pvconn *);
unsigned short pvconn_port(const struct pvconn *);
void pvconn_close(struct pvconn *);

#endif /* WEIR_VCONN_H */
