/* A daemon's log: one line per event, "TIME|MODULE|LEVEL|message", where
 * log_msg() logs as the program's default module (named after the
 * program).  Named modules, destinations and per-destination levels are
 * in vlog.h. */
#ifndef WEIR_LOG_H
#define WEIR_LOG_H 1

/* From most to least severe; a destination at level L takes messages at
 * L and above, one at LOG_OFF none. */
enum log_level { LOG_OFF, LOG_EMER, LOG_ERR, LOG_WARN, LOG_INFO, LOG_DBG,
		 LOG_N_LEVELS };

void log_set_program(const char *program);
void log_msg(enum log_level, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#endif /* WEIR_LOG_H */
