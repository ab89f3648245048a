/* What stream.c, pstream.c and stream-ssl.c share. */
#ifndef WEIR_STREAM_PRIVATE_H
#define WEIR_STREAM_PRIVATE_H 1

#include <stdbool.h>

#include "socket-addr.h"
#include "stream.h"

enum stream_kind { STREAM_TCP, STREAM_SSL, STREAM_UNIX };

enum stream_state {
	STREAM_RESOLVING,               /* waiting for the host's address */
	STREAM_CONNECTING,              /* TCP connect() under way */
	STREAM_HANDSHAKE,               /* TLS handshake under way */
	STREAM_OPEN,
	STREAM_FAILED,
};

struct ssl_st;
struct dns_query;

struct stream {
	enum stream_kind kind;
	enum stream_state state;
	int error;                      /* when FAILED: -errno */
	int fd;
	char *name;
	struct socket_addr addr;        /* TCP and TLS */
	struct dns_query *dns;          /* RESOLVING */
	struct ssl_st *ssl;             /* TLS */
	bool server;                    /* accepted: TLS accepts, not connects */
	short ssl_want;                 /* poll events a TLS retry waits for */
};

/* A stream around a connected or connecting socket 'fd' (taken). */
struct stream *stream_create(enum stream_kind, enum stream_state, int fd,
			     const char *name);

/* TLS (stream-ssl.c): 0 or -errno, with the reason in 'err'. */
int stream_ssl_check_config(char *err, size_t err_size);
int stream_ssl_attach(struct stream *);
/* 0 done, -EAGAIN (s->ssl_want set), or -errno. */
int stream_ssl_handshake(struct stream *);
ssize_t stream_ssl_recv(struct stream *, void *, size_t);
ssize_t stream_ssl_send(struct stream *, const void *, size_t);
bool stream_ssl_pending(const struct stream *);
void stream_ssl_detach(struct stream *);

#endif /* WEIR_STREAM_PRIVATE_H */
