/* TLS for ssl: and pssl: streams (OpenSSL): one context for the process,
 * TLS 1.2 or later, peers verified against the configured CA both ways. */
#include "stream.h"

#include <errno.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "stream-private.h"

static SSL_CTX *ssl_ctx;
static pthread_mutex_t ssl_lock = PTHREAD_MUTEX_INITIALIZER;

/* The first queued OpenSSL error as text ("unknown" if none). */
static const char *ssl_error_text(char *buf, size_t size)
{
	unsigned long e = ERR_get_error();

	if (!e)
		return "unknown error";
	ERR_error_string_n(e, buf, size);
	ERR_clear_error();
	return buf;
}

static int ssl_fail(char *err, size_t size, const char *what,
		    const char *file)
{
	char why[256];

	snprintf(err, size, "SSL: %s %s: %s", what, file,
		 ssl_error_text(why, sizeof why));
	return -EINVAL;
}

static bool key_mismatch(void)
{
	return ERR_GET_REASON(ERR_peek_error()) == X509_R_KEY_VALUES_MISMATCH;
}

static SSL_CTX *ctx_build(const char *key, const char *cert, const char *ca,
			  char *err, size_t size)
{
	SSL_CTX *ctx = SSL_CTX_new(TLS_method());

	if (!ctx) {
		snprintf(err, size, "SSL: cannot create a context");
		return NULL;
	}
	SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION);
	/* A peer that closes without close_notify ends the stream. */
	SSL_CTX_set_options(ctx, SSL_OP_IGNORE_UNEXPECTED_EOF);
	SSL_CTX_set_mode(ctx, SSL_MODE_ENABLE_PARTIAL_WRITE |
			      SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER);
	SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER |
			   SSL_VERIFY_FAIL_IF_NO_PEER_CERT, NULL);
	if (SSL_CTX_use_certificate_chain_file(ctx, cert) != 1)
		ssl_fail(err, size, "cannot load certificate", cert);
	else if (SSL_CTX_use_PrivateKey_file(ctx, key, SSL_FILETYPE_PEM) != 1)
		ssl_fail(err, size, key_mismatch() ? "private key does not "
			 "match certificate" : "cannot load private key", key);
	else if (SSL_CTX_check_private_key(ctx) != 1)
		ssl_fail(err, size, "private key does not match certificate",
			 key);
	else if (SSL_CTX_load_verify_locations(ctx, ca, NULL) != 1)
		ssl_fail(err, size, "cannot load CA certificate", ca);
	else
		return ctx;
	SSL_CTX_free(ctx);
	return NULL;
}

int stream_ssl_configure(const char *key, const char *cert, const char *ca,
			 char *err, size_t size)
{
	SSL_CTX *ctx, *old;

	if (!key || !cert || !ca) {
		snprintf(err, size, "SSL: the private key, the certificate and "
			 "the CA certificate must all be given");
		return -EINVAL;
	}
	ctx = ctx_build(key, cert, ca, err, size);
	if (!ctx)
		return -EINVAL;
	/* OpenSSL writes with write(2): a peer gone mid-write must give
	 * EPIPE, not kill the process. */
	signal(SIGPIPE, SIG_IGN);
	pthread_mutex_lock(&ssl_lock);
	old = ssl_ctx;
	ssl_ctx = ctx;
	pthread_mutex_unlock(&ssl_lock);
	SSL_CTX_free(old);
	return 0;
}

bool stream_ssl_is_configured(void)
{
	bool yes;

	pthread_mutex_lock(&ssl_lock);
	yes = ssl_ctx != NULL;
	pthread_mutex_unlock(&ssl_lock);
	return yes;
}

int stream_ssl_check_config(char *err, size_t size)
{
	if (stream_ssl_is_configured())
		return 0;
	snprintf(err, size, "SSL: no private key, certificate and CA "
		 "certificate configured");
	return -EINVAL;
}

int stream_ssl_attach(struct stream *s)
{
	pthread_mutex_lock(&ssl_lock);
	s->ssl = ssl_ctx ? SSL_new(ssl_ctx) : NULL;
	pthread_mutex_unlock(&ssl_lock);
	if (!s->ssl || SSL_set_fd(s->ssl, s->fd) != 1)
		return -EPROTO;
	if (s->server)
		SSL_set_accept_state(s->ssl);
	else
		SSL_set_connect_state(s->ssl);
	return 0;
}

/* Maps an OpenSSL result to -EAGAIN (with the events a retry waits for),
 * 0 for a clean end of stream, or -errno. */
static int ssl_result(struct stream *s, int rc)
{
	int e = SSL_get_error(s->ssl, rc);

	switch (e) {
	case SSL_ERROR_WANT_READ:
		s->ssl_want = POLLIN;
		return -EAGAIN;
	case SSL_ERROR_WANT_WRITE:
		s->ssl_want = POLLOUT;
		return -EAGAIN;
	case SSL_ERROR_ZERO_RETURN:
		return 0;
	case SSL_ERROR_SYSCALL:
		ERR_clear_error();
		return errno ? -errno : -EPIPE;
	default:
		ERR_clear_error();
		return -EPROTO;
	}
}

int stream_ssl_handshake(struct stream *s)
{
	int rc = SSL_do_handshake(s->ssl);

	if (rc == 1) {
		s->ssl_want = 0;
		return 0;
	}
	rc = ssl_result(s, rc);
	return rc ? rc : -ECONNRESET;
}

ssize_t stream_ssl_recv(struct stream *s, void *buf, size_t n)
{
	int rc = SSL_read(s->ssl, buf, n > INT32_MAX ? INT32_MAX : (int)n);

	if (rc > 0) {
		s->ssl_want = 0;
		return rc;
	}
	return ssl_result(s, rc);
}

ssize_t stream_ssl_send(struct stream *s, const void *buf, size_t n)
{
	int rc = SSL_write(s->ssl, buf, n > INT32_MAX ? INT32_MAX : (int)n);

	if (rc > 0) {
		s->ssl_want = 0;
		return rc;
	}
	rc = ssl_result(s, rc);
	return rc ? rc : -EPIPE;
}

bool stream_ssl_pending(const struct stream *s)
{
	return SSL_pending(s->ssl) > 0;
}

void stream_ssl_detach(struct stream *s)
{
	if (!s->ssl)
		return;
	if (s->state == STREAM_OPEN)
		SSL_shutdown(s->ssl);
	SSL_free(s->ssl);
	s->ssl = NULL;
}
