/* Unix-domain stream sockets by path, for the control channel. */
#ifndef WEIR_UNIX_SOCKET_H
#define WEIR_UNIX_SOCKET_H 1

/* A nonblocking listening socket bound to 'path'.  A socket file nobody
 * answers on is replaced; one a live server answers is not (-EADDRINUSE).
 * Returns the fd or -errno (-ENAMETOOLONG for a path sun_path can't hold). */
int unix_socket_listen(const char *path);

/* A blocking socket connected to 'path': the fd or -errno. */
int unix_socket_connect(const char *path);

#endif /* WEIR_UNIX_SOCKET_H */
