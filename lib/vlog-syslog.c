/* The syslog destination, apart: <syslog.h> defines LOG_ERR and LOG_INFO
 * too, with other values than log.h. */
#include "vlog-syslog.h"

#include <string.h>
#include <strings.h>
#include <syslog.h>

static int facility = LOG_DAEMON;

static const struct {
	const char *name;
	int value;
} facilities[] = {
	{ "kern", LOG_KERN }, { "user", LOG_USER }, { "mail", LOG_MAIL },
	{ "daemon", LOG_DAEMON }, { "auth", LOG_AUTH },
	{ "syslog", LOG_SYSLOG }, { "lpr", LOG_LPR }, { "news", LOG_NEWS },
	{ "uucp", LOG_UUCP }, { "clock", LOG_CRON }, { "ftp", LOG_FTP },
	{ "ntp", 12 << 3 }, { "audit", 13 << 3 }, { "alert", 14 << 3 },
	{ "clock2", 15 << 3 }, { "local0", LOG_LOCAL0 },
	{ "local1", LOG_LOCAL1 }, { "local2", LOG_LOCAL2 },
	{ "local3", LOG_LOCAL3 }, { "local4", LOG_LOCAL4 },
	{ "local5", LOG_LOCAL5 }, { "local6", LOG_LOCAL6 },
	{ "local7", LOG_LOCAL7 },
};

bool vlog_syslog_set_facility(const char *name)
{
	for (size_t i = 0; i < sizeof facilities / sizeof *facilities; i++) {
		if (!strcasecmp(name, facilities[i].name)) {
			facility = facilities[i].value;
			return true;
		}
	}
	return false;
}

void vlog_syslog_write(int severity, const char *line)
{
	/* Weir's levels emer..dbg, 1..5, in syslog's priorities. */
	static const int priorities[] = { LOG_DEBUG, LOG_EMERG, LOG_ERR,
					  LOG_WARNING, LOG_INFO, LOG_DEBUG };

	if (severity < 0 || severity > 5)
		severity = 5;
	syslog(facility | priorities[severity], "%s", line);
}
