/* Named log modules, each with its own level per destination (console,
 * syslog, file), as ovs-appctl vlog/list shows them.
 *
 *   LOG_MODULE(dpif_netdev);                     once, in the file that logs
 *   VLOG(dpif_netdev, LOG_DBG, "miss on %s", name);
 *   LOG_RL(dpif_netdev, LOG_WARN, "bad packet");  at most a burst per call
 *                                                  site, then a few a minute
 *
 * VLOG and LOG_RL test the level before evaluating their arguments, so a
 * disabled debug line costs one relaxed load.  Lines read
 * "TIME|MODULE|LEVEL|message". */
#ifndef WEIR_VLOG_H
#define WEIR_VLOG_H 1

#include <pthread.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdbool.h>

#include "log.h"

struct unixctl_server;

enum vlog_destination { VLOG_CONSOLE, VLOG_SYSLOG, VLOG_FILE,
			VLOG_N_DESTINATIONS };

struct vlog_module {
	const char *name;
	atomic_int levels[VLOG_N_DESTINATIONS];
	atomic_int max_level;           /* the highest of 'levels' */
	struct vlog_module *next;
};

#define LOG_MODULE(NAME)						\
	static struct vlog_module log_module_##NAME = { .name = #NAME };\
	__attribute__((constructor)) static void			\
	vlog_module_init_##NAME(void)					\
	{								\
		vlog_module_register(&log_module_##NAME);		\
	}

void vlog_module_register(struct vlog_module *);
struct vlog_module *vlog_module_find(const char *name);
struct vlog_module *vlog_default_module(void);
void vlog_set_default_name(const char *name);

static inline bool vlog_is_enabled(struct vlog_module *m,
				   enum log_level level)
{
	return level != LOG_OFF
	       && (int)level <= atomic_load_explicit(&m->max_level,
						     memory_order_relaxed);
}

void vlog_msg(struct vlog_module *, enum log_level, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void vlog_valist(struct vlog_module *, enum log_level, const char *fmt,
		 va_list);

#define VLOG(NAME, LEVEL, ...)						\
	do {								\
		if (vlog_is_enabled(&log_module_##NAME, LEVEL))		\
			vlog_msg(&log_module_##NAME, LEVEL, __VA_ARGS__);\
	} while (0)

/* A token bucket: 'burst' messages at once, refilled at 'per_minute'. */
struct vlog_rate_limit {
	unsigned int per_minute;
	unsigned int burst;
	pthread_mutex_t mutex;
	unsigned long long tokens;      /* in 1/60000ths of a message */
	long long last_ms;              /* last refill; 0: never */
	unsigned int n_dropped;
};
#define VLOG_RATE_LIMIT_INIT(PER_MINUTE, BURST)				\
	{ .per_minute = (PER_MINUTE), .burst = (BURST),			\
	  .mutex = PTHREAD_MUTEX_INITIALIZER }

/* True if a message may go out now.  When some were dropped since the last
 * one allowed, '*n_dropped' says how many (and is reset). */
bool vlog_rate_limit_take(struct vlog_rate_limit *, unsigned int *n_dropped);
void vlog_rate_limited(struct vlog_module *, enum log_level,
		       struct vlog_rate_limit *, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

#define LOG_RL(NAME, LEVEL, ...)					\
	do {								\
		static struct vlog_rate_limit vlog_rl_ =		\
			VLOG_RATE_LIMIT_INIT(5, 20);			\
		if (vlog_is_enabled(&log_module_##NAME, LEVEL))		\
			vlog_rate_limited(&log_module_##NAME, LEVEL,	\
					  &vlog_rl_, __VA_ARGS__);	\
	} while (0)

/* Milliseconds of a monotonic clock; tests replace it (NULL: the real
 * one). */
void vlog_set_clock(long long (*now_ms)(void));

/* Applies one vlog/set spec ("MODULE:DEST:LEVEL" in any order, words
 * separated by ':', ',', space or tab, "ANY" for all; "PATTERN:DEST:..."
 * and "FACILITY:NAME").  Returns NULL or an error message in OVS's words
 * that the caller frees; on error nothing changes. */
char *vlog_set_spec(const char *spec);
/* Every module and destination at 'level'. */
void vlog_set_all(enum log_level);
enum log_level vlog_get_level(const struct vlog_module *,
			      enum vlog_destination);
/* The vlog/list table (caller frees). */
char *vlog_list(void);

/* From now on the file destination is 'path', already open as 'fd' (which
 * vlog takes); the console is left alone, as stderr goes to the same
 * file.  Returns 0, or -EBADF (and changes nothing) if 'fd' is negative. */
int vlog_set_log_file(const char *path, int fd);
/* Back to the console only. */
void vlog_close_log_file(void);
/* Opens the log file's path again (after logrotate moved it), also as
 * stderr.  Returns 0 or -errno; -EBADF if there is no log file. */
int vlog_reopen(void);

/* vlog/set, vlog/list, vlog/list-pattern and vlog/reopen. */
void vlog_register_commands(struct unixctl_server *);

#endif /* WEIR_VLOG_H */
