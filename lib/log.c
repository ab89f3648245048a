#include "log.h"

#include <stdarg.h>

#include "vlog.h"

void log_set_program(const char *program)
{
	vlog_set_default_name(program);
}

void log_msg(enum log_level level, const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	vlog_valist(vlog_default_module(), level, fmt, args);
	va_end(args);
}
