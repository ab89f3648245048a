/* Passive streams: listening sockets that hand out accepted streams. */
#include "stream.h"

#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "stream-private.h"
#include "unix-socket.h"
#include "xalloc.h"

struct pstream {
	enum stream_kind kind;
	int fd;
	unsigned short port;
	char *name;
};

static int pname_error(char *err, size_t size, const char *name,
		       const char *why)
{
	snprintf(err, size, "%s: %s", name, why);
	return -EINVAL;
}

static int pstream_parse(const char *name, unsigned short default_port,
			 enum stream_kind *kind, struct socket_addr *addr,
			 char *err, size_t size)
{
	struct sockaddr_un sun;
	const char *rest;

	if (!strncmp(name, "ptcp:", 5)) {
		*kind = STREAM_TCP;
		rest = name + 5;
	} else if (!strncmp(name, "pssl:", 5)) {
		*kind = STREAM_SSL;
		rest = name + 5;
	} else if (!strncmp(name, "punix:", 6)) {
		*kind = STREAM_UNIX;
		rest = name + 6;
		if (!*rest)
			return pname_error(err, size, name,
					   "missing socket path");
		if (strlen(rest) >= sizeof sun.sun_path)
			return pname_error(err, size, name,
					   "socket path too long");
		snprintf(addr->host, sizeof addr->host, "%s", rest);
		return 0;
	} else {
		return pname_error(err, size, name,
				   "unknown listener type (ptcp:, pssl:, punix:)");
	}
	return socket_addr_parse_passive(rest, default_port, addr, err, size);
}

int pstream_verify_name(const char *name, char *err, size_t size)
{
	enum stream_kind kind;
	struct socket_addr addr;

	return pstream_parse(name, 1, &kind, &addr, err, size);
}

static int tcp_listen(const struct socket_addr *addr, unsigned short *port)
{
	struct sockaddr_storage ss;
	socklen_t len;
	int fd, one = 1;

	if (socket_addr_to_sockaddr(addr->host, addr->port, &ss, &len))
		return -EINVAL;
	fd = socket(ss.ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC,
		    0);
	if (fd < 0)
		return -errno;
	/* A restarted daemon must get its port back at once. */
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
	if (bind(fd, (struct sockaddr *)&ss, len) < 0 || listen(fd, 64) < 0 ||
	    getsockname(fd, (struct sockaddr *)&ss, &len) < 0) {
		int error = -errno;

		close(fd);
		return error;
	}
	*port = ntohs(ss.ss_family == AF_INET
		      ? ((struct sockaddr_in *)&ss)->sin_port
		      : ((struct sockaddr_in6 *)&ss)->sin6_port);
	return fd;
}

int pstream_open(const char *name, unsigned short default_port,
		 struct pstream **psp, char *err, size_t size)
{
	enum stream_kind kind;
	struct socket_addr addr;
	struct pstream *ps;
	unsigned short port = 0;
	int fd;
	int error = pstream_parse(name, default_port, &kind, &addr, err, size);

	if (!error && kind == STREAM_SSL)
		error = stream_ssl_check_config(err, size);
	if (error)
		return error;
	fd = kind == STREAM_UNIX ? unix_socket_listen(addr.host)
				 : tcp_listen(&addr, &port);
	if (fd < 0) {
		snprintf(err, size, "%s: %s", name, strerror(-fd));
		return fd;
	}
	ps = xcalloc(1, sizeof *ps);
	ps->kind = kind;
	ps->fd = fd;
	ps->port = port;
	ps->name = xstrdup(name);
	*psp = ps;
	return 0;
}

/* "tcp:1.2.3.4:5678" for a peer, "unix:PATH" for a unix client. */
static void peer_name(const struct pstream *ps, const struct sockaddr *sa,
		      char *buf, size_t size)
{
	char addr[80];

	if (ps->kind == STREAM_UNIX) {
		snprintf(buf, size, "unix:%s", ps->name + strlen("punix:"));
		return;
	}
	socket_addr_format(sa, addr, sizeof addr);
	snprintf(buf, size, "%s:%s", ps->kind == STREAM_SSL ? "ssl" : "tcp",
		 addr);
}

int pstream_accept(struct pstream *ps, struct stream **sp)
{
	struct sockaddr_storage ss;
	socklen_t len = sizeof ss;
	char name[128];
	struct stream *s;
	int fd, one = 1;

	fd = accept4(ps->fd, (struct sockaddr *)&ss, &len,
		     SOCK_NONBLOCK | SOCK_CLOEXEC);
	if (fd < 0)
		return errno == EWOULDBLOCK || errno == EINTR ? -EAGAIN : -errno;
	if (ps->kind != STREAM_UNIX)
		setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
	peer_name(ps, (struct sockaddr *)&ss, name, sizeof name);
	s = stream_create(ps->kind, STREAM_OPEN, fd, name);
	if (ps->kind == STREAM_SSL) {
		s->server = true;
		if (stream_ssl_attach(s)) {
			stream_close(s);
			return -EPROTO;
		}
		s->state = STREAM_HANDSHAKE;
	}
	*sp = s;
	return 0;
}

int pstream_fd(const struct pstream *ps)
{
	return ps->fd;
}

unsigned short pstream_port(const struct pstream *ps)
{
	return ps->port;
}

const char *pstream_name(const struct pstream *ps)
{
	return ps->name;
}

void pstream_close(struct pstream *ps)
{
	if (!ps)
		return;
	close(ps->fd);
	if (ps->kind == STREAM_UNIX)
		unlink(ps->name + strlen("punix:"));
	free(ps->name);
	free(ps);
}
