/* A daemon's log: one line per event on stderr (which a detached daemon
 * points at its log file), "TIME|PROGRAM|LEVEL|message". */
#ifndef WEIR_LOG_H
#define WEIR_LOG_H 1

enum log_level { LOG_ERR, LOG_WARN, LOG_INFO };

void log_set_program(const char *program);
void log_msg(enum log_level, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#endif /* WEIR_LOG_H */
