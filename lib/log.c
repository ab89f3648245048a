#include "log.h"

#include <stdarg.h>
#include <stdio.h>
#include <time.h>

static const char *log_program = "weir";

void log_set_program(const char *program)
{
	log_program = program;
}

void log_msg(enum log_level level, const char *fmt, ...)
{
	static const char *const names[] = { "ERR", "WARN", "INFO" };
	char stamp[32];
	struct timespec ts;
	struct tm tm;
	va_list args;

	clock_gettime(CLOCK_REALTIME, &ts);
	gmtime_r(&ts.tv_sec, &tm);
	strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%S", &tm);
	/* One fprintf per part under a lock, so threads' lines don't mix. */
	flockfile(stderr);
	fprintf(stderr, "%s.%03ldZ|%s|%s|", stamp, ts.tv_nsec / 1000000,
		log_program, names[level]);
	va_start(args, fmt);
	vfprintf(stderr, fmt, args);
	va_end(args);
	fputc('\n', stderr);
	funlockfile(stderr);
}
