#include "vlog.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "coverage.h"
#include "vlog-syslog.h"
#include "xalloc.h"

static const char *const level_names[LOG_N_LEVELS] = {
	"off", "emer", "err", "warn", "info", "dbg",
};
static const char *const level_upper[LOG_N_LEVELS] = {
	"OFF", "EMER", "ERR", "WARN", "INFO", "DBG",
};
static const char *const dest_names[VLOG_N_DESTINATIONS] = {
	"console", "syslog", "file",
};
/* What a new module starts with: syslog stays quiet unless asked. */
static const enum log_level default_levels[VLOG_N_DESTINATIONS] = {
	LOG_INFO, LOG_OFF, LOG_INFO,
};

LOG_MODULE(vlog);
COVERAGE_DEFINE(vlog_lines);
COVERAGE_DEFINE(vlog_rate_limited);

static pthread_mutex_t vlog_mutex = PTHREAD_MUTEX_INITIALIZER;
static struct vlog_module *modules;    /* under vlog_mutex */
static struct vlog_module default_module = { .name = "weir" };
static int file_fd = -1;                /* under vlog_mutex */
static char *file_path;                 /* under vlog_mutex */

static long long real_clock_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000LL + ts.tv_nsec / 1000000;
}

static long long (*clock_ms)(void) = real_clock_ms;

void vlog_set_clock(long long (*now_ms)(void))
{
	clock_ms = now_ms ? now_ms : real_clock_ms;
}

static void update_max(struct vlog_module *m)
{
	int max = LOG_OFF;

	for (int d = 0; d < VLOG_N_DESTINATIONS; d++) {
		int l = atomic_load_explicit(&m->levels[d],
					     memory_order_relaxed);
		if (l > max)
			max = l;
	}
	atomic_store_explicit(&m->max_level, max, memory_order_relaxed);
}

void vlog_module_register(struct vlog_module *m)
{
	for (int d = 0; d < VLOG_N_DESTINATIONS; d++)
		atomic_init(&m->levels[d], default_levels[d]);
	update_max(m);
	pthread_mutex_lock(&vlog_mutex);
	m->next = modules;
	modules = m;
	pthread_mutex_unlock(&vlog_mutex);
}

__attribute__((constructor)) static void vlog_default_init(void)
{
	vlog_module_register(&default_module);
}

struct vlog_module *vlog_default_module(void)
{
	return &default_module;
}

void vlog_set_default_name(const char *name)
{
	default_module.name = name;
}

struct vlog_module *vlog_module_find(const char *name)
{
	struct vlog_module *m;

	pthread_mutex_lock(&vlog_mutex);
	for (m = modules; m; m = m->next)
		if (!strcasecmp(m->name, name))
			break;
	pthread_mutex_unlock(&vlog_mutex);
	return m;
}

enum log_level vlog_get_level(const struct vlog_module *m,
			      enum vlog_destination d)
{
	return atomic_load_explicit(&m->levels[d], memory_order_relaxed);
}

static bool dest_enabled(const struct vlog_module *m,
			 enum vlog_destination d, enum log_level level)
{
	return (int)level <= (int)vlog_get_level(m, d);
}

/* "TIME|MODULE|LEVEL|message" in a heap string. */
static char *format_line(const struct vlog_module *m, enum log_level level,
			 const char *fmt, va_list args)
{
	char stamp[32], *msg, *line;
	struct timespec ts;
	struct tm tm;

	clock_gettime(CLOCK_REALTIME, &ts);
	gmtime_r(&ts.tv_sec, &tm);
	strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%S", &tm);
	if (vasprintf(&msg, fmt, args) < 0)
		return NULL;
	line = xasprintf("%s.%03ldZ|%s|%s|%s\n", stamp,
			 ts.tv_nsec / 1000000, m->name, level_upper[level],
			 msg);
	free(msg);
	return line;
}

static void write_all(int fd, const char *s, size_t n)
{
	while (n) {
		ssize_t w = write(fd, s, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return;
		s += w;
		n -= (size_t)w;
	}
}

void vlog_valist(struct vlog_module *m, enum log_level level,
		 const char *fmt, va_list args)
{
	size_t len;
	char *line;

	if (level <= LOG_OFF || level >= LOG_N_LEVELS
	    || !vlog_is_enabled(m, level))
		return;
	line = format_line(m, level, fmt, args);
	if (!line)
		return;
	COVERAGE_INC(vlog_lines);
	len = strlen(line);
	if (dest_enabled(m, VLOG_SYSLOG, level)) {
		line[len - 1] = '\0';
		vlog_syslog_write(level, strchr(line, '|') + 1);
		line[len - 1] = '\n';
	}
	/* One write per line under the lock, so threads' lines don't mix;
	 * with a log file, stderr is that file too: the console is skipped. */
	pthread_mutex_lock(&vlog_mutex);
	if (file_fd >= 0) {
		if (dest_enabled(m, VLOG_FILE, level))
			write_all(file_fd, line, len);
	} else if (dest_enabled(m, VLOG_CONSOLE, level)) {
		write_all(STDERR_FILENO, line, len);
	}
	pthread_mutex_unlock(&vlog_mutex);
	free(line);
}

void vlog_msg(struct vlog_module *m, enum log_level level,
	      const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	vlog_valist(m, level, fmt, args);
	va_end(args);
}

bool vlog_rate_limit_take(struct vlog_rate_limit *rl,
			  unsigned int *n_dropped)
{
	const unsigned long long per_msg = 60000;
	unsigned long long cap = (unsigned long long)rl->burst * per_msg;
	long long now = clock_ms();
	bool ok;

	pthread_mutex_lock(&rl->mutex);
	if (!rl->last_ms) {
		rl->tokens = cap;
	} else if (now > rl->last_ms) {
		unsigned long long add = (unsigned long long)(now - rl->last_ms)
					 * rl->per_minute;

		rl->tokens = add >= cap - rl->tokens ? cap : rl->tokens + add;
	}
	rl->last_ms = now ? now : 1;
	ok = rl->tokens >= per_msg;
	*n_dropped = 0;
	if (ok) {
		rl->tokens -= per_msg;
		*n_dropped = rl->n_dropped;
		rl->n_dropped = 0;
	} else {
		rl->n_dropped++;
		COVERAGE_INC(vlog_rate_limited);
	}
	pthread_mutex_unlock(&rl->mutex);
	return ok;
}

void vlog_rate_limited(struct vlog_module *m, enum log_level level,
		       struct vlog_rate_limit *rl, const char *fmt, ...)
{
	unsigned int dropped;
	va_list args;

	if (!vlog_rate_limit_take(rl, &dropped))
		return;
	if (dropped)
		vlog_msg(m, LOG_INFO, "dropped %u log messages due to "
			 "excessive rate", dropped);
	va_start(args, fmt);
	vlog_valist(m, level, fmt, args);
	va_end(args);
}

static int find_name(const char *const names[], int n, const char *word)
{
	for (int i = 0; i < n; i++)
		if (!strcasecmp(names[i], word))
			return i;
	return -1;
}

static void set_levels(struct vlog_module *m, int dest, enum log_level level)
{
	for (int d = 0; d < VLOG_N_DESTINATIONS; d++)
		if (dest < 0 || dest == d)
			atomic_store_explicit(&m->levels[d], level,
					      memory_order_relaxed);
	update_max(m);
}

/* 'module' NULL: every module; 'dest' -1: every destination. */
static void apply_levels(struct vlog_module *module, int dest,
			 enum log_level level)
{
	if (module) {
		set_levels(module, dest, level);
		return;
	}
	pthread_mutex_lock(&vlog_mutex);
	for (struct vlog_module *m = modules; m; m = m->next)
		set_levels(m, dest, level);
	pthread_mutex_unlock(&vlog_mutex);
}

void vlog_set_all(enum log_level level)
{
	apply_levels(NULL, -1, level);
}

static char *set_pattern(char *save)
{
	const char *word = strtok_r(NULL, " ,:\t", &save);

	if (!word)
		return xstrdup("missing destination");
	if (strcasecmp(word, "ANY")
	    && find_name(dest_names, VLOG_N_DESTINATIONS, word) < 0)
		return xasprintf("unknown destination \"%s\"", word);
	return xstrdup("log patterns are fixed in Weir");
}

/* One word of a level spec into whichever slot it names. */
static char *spec_word(const char *word, int *dest, int *level,
		       struct vlog_module **module)
{
	int i;

	if (!strcasecmp(word, "ANY"))
		return NULL;
	if ((i = find_name(dest_names, VLOG_N_DESTINATIONS, word)) >= 0) {
		if (*dest >= 0)
			return xstrdup("cannot specify multiple destinations");
		*dest = i;
	} else if ((i = find_name(level_names, LOG_N_LEVELS, word)) >= 0) {
		if (*level >= 0)
			return xstrdup("cannot specify multiple levels");
		*level = i;
	} else if (vlog_module_find(word)) {
		if (*module)
			return xstrdup("cannot specify multiple modules");
		*module = vlog_module_find(word);
	} else {
		return xasprintf("no destination, level, or module \"%s\"",
				 word);
	}
	return NULL;
}

char *vlog_set_spec(const char *spec)
{
	char *s = xstrdup(spec), *save = NULL, *err = NULL;
	char *word = strtok_r(s, " ,:\t", &save);
	struct vlog_module *module = NULL;
	int dest = -1, level = -1;

	if (word && !strcasecmp(word, "PATTERN")) {
		err = set_pattern(save);
	} else if (word && !strcasecmp(word, "FACILITY")) {
		word = strtok_r(NULL, " ,:\t", &save);
		if (!word || !vlog_syslog_set_facility(word))
			err = xstrdup("invalid facility");
	} else {
		for (; word && !err; word = strtok_r(NULL, " ,:\t", &save))
			err = spec_word(word, &dest, &level, &module);
		if (!err)
			apply_levels(module, dest, level < 0 ? LOG_DBG
							     : level);
	}
	free(s);
	if (!err)
		VLOG(vlog, LOG_DBG, "levels set: \"%s\"", spec);
	return err;
}

static int cmp_lines(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

char *vlog_list(void)
{
	size_t n = 0, i = 0, size;
	char **lines, *out;
	FILE *f;

	pthread_mutex_lock(&vlog_mutex);
	for (struct vlog_module *m = modules; m; m = m->next)
		n++;
	lines = xcalloc(n ? n : 1, sizeof *lines);
	for (struct vlog_module *m = modules; m; m = m->next)
		lines[i++] = xasprintf("%-16s  %4s       %4s       %4s\n",
				       m->name,
				       level_upper[vlog_get_level(m, 0)],
				       level_upper[vlog_get_level(m, 1)],
				       level_upper[vlog_get_level(m, 2)]);
	pthread_mutex_unlock(&vlog_mutex);
	qsort(lines, n, sizeof *lines, cmp_lines);
	f = open_memstream(&out, &size);
	if (!f)
		abort();
	fputs("                 console    syslog    file\n"
	      "                 -------    ------    ------\n", f);
	for (i = 0; i < n; i++) {
		fputs(lines[i], f);
		free(lines[i]);
	}
	fclose(f);
	free(lines);
	return out;
}

int vlog_set_log_file(const char *path, int fd)
{
	if (fd < 0)
		return -EBADF;
	pthread_mutex_lock(&vlog_mutex);
	if (file_fd >= 0)
		close(file_fd);
	free(file_path);
	file_fd = fd;
	file_path = xstrdup(path);
	pthread_mutex_unlock(&vlog_mutex);
	return 0;
}

void vlog_close_log_file(void)
{
	pthread_mutex_lock(&vlog_mutex);
	if (file_fd >= 0)
		close(file_fd);
	file_fd = -1;
	free(file_path);
	file_path = NULL;
	pthread_mutex_unlock(&vlog_mutex);
}

int vlog_reopen(void)
{
	int error = 0, fd;

	pthread_mutex_lock(&vlog_mutex);
	if (!file_path) {
		error = -EBADF;
	} else if ((fd = open(file_path, O_WRONLY | O_APPEND | O_CREAT
				| O_CLOEXEC, 0640)) < 0) {
		error = -errno;
	} else {
		/* Same fd numbers, so writers in flight stay valid. */
		dup2(fd, file_fd);
		dup2(fd, STDERR_FILENO);
		close(fd);
	}
	pthread_mutex_unlock(&vlog_mutex);
	if (!error)
		VLOG(vlog, LOG_INFO, "reopened the log file");
	return error;
}
