/* The syslog side of vlog.c (which cannot include <syslog.h>). */
#ifndef WEIR_VLOG_SYSLOG_H
#define WEIR_VLOG_SYSLOG_H 1

#include <stdbool.h>

/* 'name' is "daemon", "local0".. and the like, any case; false if none. */
bool vlog_syslog_set_facility(const char *name);
/* 'severity' is an enum log_level value. */
void vlog_syslog_write(int severity, const char *line);

#endif /* WEIR_VLOG_SYSLOG_H */
