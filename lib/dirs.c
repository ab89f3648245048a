#include "dirs.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "xalloc.h"

const char *weir_rundir(void)
{
	const char *dir = getenv("WEIR_RUNDIR");

	return dir && *dir ? dir : "/var/run/weir";
}

char *weir_rundir_file(const char *name)
{
	return xasprintf("%s/%s", weir_rundir(), name);
}

int weir_rundir_create(void)
{
	char *path = xstrdup(weir_rundir());
	int error = 0;

	for (char *p = path + 1; ; p++) {
		if (*p && *p != '/')
			continue;
		char c = *p;
		*p = '\0';
		if (mkdir(path, 0755) < 0 && errno != EEXIST)
			error = -errno;
		*p = c;
		if (!c || error)
			break;
	}
	free(path);
	return error;
}
