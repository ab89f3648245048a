/* Active streams: a name becomes an address (resolved if need be), a
 * nonblocking connect, a TLS handshake for ssl:, then bytes both ways. */
#include "stream.h"

#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "dns-resolve.h"
#include "stream-private.h"
#include "xalloc.h"

struct stream *stream_create(enum stream_kind kind, enum stream_state state,
			     int fd, const char *name)
{
	struct stream *s = xcalloc(1, sizeof *s);

	s->kind = kind;
	s->state = state;
	s->fd = fd;
	s->name = xstrdup(name);
	return s;
}

struct stream *stream_from_fd(int fd, const char *name)
{
	return stream_create(STREAM_UNIX, STREAM_OPEN, fd, name);
}

static int name_error(char *err, size_t size, const char *name,
		      const char *why)
{
	snprintf(err, size, "%s: %s", name, why);
	return -EINVAL;
}

/* The kind a name's prefix says, and where the rest begins. */
static int stream_kind_of(const char *name, enum stream_kind *kind,
			  const char **rest)
{
	static const struct { const char *prefix; enum stream_kind kind; }
	kinds[] = {
		{ "tcp:", STREAM_TCP }, { "ssl:", STREAM_SSL },
		{ "unix:", STREAM_UNIX },
	};

	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
		size_t n = strlen(kinds[i].prefix);

		if (!strncmp(name, kinds[i].prefix, n)) {
			*kind = kinds[i].kind;
			*rest = name + n;
			return 0;
		}
	}
	return -EINVAL;
}

static int check_unix_path(const char *name, const char *path, char *err,
			   size_t size)
{
	struct sockaddr_un sun;

	if (!*path)
		return name_error(err, size, name, "missing socket path");
	if (strlen(path) >= sizeof sun.sun_path)
		return name_error(err, size, name, "socket path too long");
	return 0;
}

/* Parses 'name' into kind and address, without side effects. */
static int stream_parse(const char *name, unsigned short default_port,
			enum stream_kind *kind, struct socket_addr *addr,
			const char **path, char *err, size_t size)
{
	const char *rest;

	if (stream_kind_of(name, kind, &rest))
		return name_error(err, size, name,
				  "unknown stream type (tcp:, ssl:, unix:)");
	if (*kind == STREAM_UNIX) {
		*path = rest;
		return check_unix_path(name, rest, err, size);
	}
	return socket_addr_parse_active(rest, default_port, addr, err, size);
}

int stream_verify_name(const char *name, char *err, size_t size)
{
	enum stream_kind kind;
	struct socket_addr addr;
	const char *path;

	return stream_parse(name, 1, &kind, &addr, &path, err, size);
}

static int unix_connect(const char *path, int *fdp)
{
	struct sockaddr_un sun = { .sun_family = AF_UNIX };
	int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);

	if (fd < 0)
		return -errno;
	strcpy(sun.sun_path, path);
	if (connect(fd, (struct sockaddr *)&sun, sizeof sun) < 0) {
		int error = -errno;

		close(fd);
		return error;
	}
	*fdp = fd;
	return 0;
}

/* Starts a TCP connect() to the literal address in s->addr. */
static int tcp_start(struct stream *s, const char *host)
{
	struct sockaddr_storage ss;
	socklen_t len;
	int one = 1;

	if (socket_addr_to_sockaddr(host, s->addr.port, &ss, &len))
		return -EINVAL;
	s->fd = socket(ss.ss_family,
		       SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	if (s->fd < 0)
		return -errno;
	/* Control traffic is small messages that want to go now. */
	setsockopt(s->fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
	if (connect(s->fd, (struct sockaddr *)&ss, len) < 0 &&
	    errno != EINPROGRESS)
		return -errno;
	s->state = STREAM_CONNECTING;
	return 0;
}

int stream_open(const char *name, unsigned short default_port,
		struct stream **sp, char *err, size_t size)
{
	enum stream_kind kind;
	struct socket_addr addr;
	const char *path = NULL;
	struct stream *s;
	int error, fd = -1;

	error = stream_parse(name, default_port, &kind, &addr, &path, err,
			     size);
	if (!error && kind == STREAM_SSL)
		error = stream_ssl_check_config(err, size);
	if (error)
		return error;
	if (kind == STREAM_UNIX) {
		error = unix_connect(path, &fd);
		if (error) {
			snprintf(err, size, "%s: %s", name, strerror(-error));
			return error;
		}
		*sp = stream_create(kind, STREAM_OPEN, fd, name);
		return 0;
	}
	s = stream_create(kind, STREAM_RESOLVING, -1, name);
	s->addr = addr;
	if (socket_addr_is_literal(addr.host))
		error = tcp_start(s, addr.host);
	else
		error = dns_resolve_start(addr.host, &s->dns, err, size);
	if (error) {
		if (!*err || !strstr(err, addr.host))
			snprintf(err, size, "%s: %s", name, strerror(-error));
		stream_close(s);
		return error;
	}
	*sp = s;
	return 0;
}

static int stream_fail(struct stream *s, int error)
{
	s->state = STREAM_FAILED;
	s->error = error;
	return error;
}

static int resolve_step(struct stream *s)
{
	char ip[64], why[256];
	int error = dns_resolve_result(s->dns, ip, sizeof ip, why, sizeof why);

	if (error == -EAGAIN)
		return error;
	dns_query_free(s->dns);
	s->dns = NULL;
	if (error)
		return stream_fail(s, -EHOSTUNREACH);
	error = tcp_start(s, ip);
	return error ? stream_fail(s, error) : 0;
}

static int connect_step(struct stream *s)
{
	struct pollfd pfd = { .fd = s->fd, .events = POLLOUT };
	socklen_t len = sizeof(int);
	int soerr = 0;

	if (poll(&pfd, 1, 0) == 0)
		return -EAGAIN;
	if (getsockopt(s->fd, SOL_SOCKET, SO_ERROR, &soerr, &len) < 0)
		soerr = errno;
	if (soerr)
		return stream_fail(s, -soerr);
	if (s->kind != STREAM_SSL) {
		s->state = STREAM_OPEN;
		return 0;
	}
	if (stream_ssl_attach(s))
		return stream_fail(s, -EPROTO);
	s->state = STREAM_HANDSHAKE;
	return 0;
}

/* Each step returns 0 when it moved to the next state, which may be able
 * to go on at once. */
int stream_connect(struct stream *s)
{
	int error = 0;

	while (!error) {
		switch (s->state) {
		case STREAM_RESOLVING:
			error = resolve_step(s);
			break;
		case STREAM_CONNECTING:
			error = connect_step(s);
			break;
		case STREAM_HANDSHAKE:
			error = stream_ssl_handshake(s);
			if (!error)
				s->state = STREAM_OPEN;
			else if (error != -EAGAIN)
				stream_fail(s, error);
			break;
		case STREAM_OPEN:
			return 0;
		default:
			return s->error;
		}
	}
	return error;
}

ssize_t stream_recv(struct stream *s, void *buf, size_t n)
{
	ssize_t r;
	int error = stream_connect(s);

	if (error)
		return error;
	if (s->ssl)
		return stream_ssl_recv(s, buf, n);
	r = recv(s->fd, buf, n, MSG_DONTWAIT);
	if (r < 0)
		return errno == EINTR || errno == EWOULDBLOCK ? -EAGAIN : -errno;
	return r;
}

ssize_t stream_send(struct stream *s, const void *buf, size_t n)
{
	ssize_t r;
	int error = stream_connect(s);

	if (error)
		return error;
	if (s->ssl)
		return stream_ssl_send(s, buf, n);
	r = send(s->fd, buf, n, MSG_DONTWAIT | MSG_NOSIGNAL);
	if (r < 0)
		return errno == EINTR || errno == EWOULDBLOCK ? -EAGAIN : -errno;
	return r;
}

bool stream_pending(const struct stream *s)
{
	return s->ssl && s->state == STREAM_OPEN && stream_ssl_pending(s);
}

int stream_fd(const struct stream *s)
{
	return s->state == STREAM_RESOLVING && s->dns ? dns_query_fd(s->dns)
						      : s->fd;
}

short stream_poll_events(const struct stream *s, short wanted)
{
	switch (s->state) {
	case STREAM_RESOLVING:
		return POLLIN;
	case STREAM_CONNECTING:
		return POLLOUT;
	case STREAM_HANDSHAKE:
		return s->ssl_want;
	default:
		return s->ssl && s->ssl_want ? s->ssl_want : wanted;
	}
}

const char *stream_name(const struct stream *s)
{
	return s->name;
}

void stream_close(struct stream *s)
{
	if (!s)
		return;
	stream_ssl_detach(s);
	dns_query_free(s->dns);
	if (s->fd >= 0)
		close(s->fd);
	free(s->name);
	free(s);
}
