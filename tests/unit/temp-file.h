/* Unique scratch files and directories for unit tests: named after the
 * process and a counter, created exclusively. */
#ifndef WEIR_TEST_TEMP_FILE_H
#define WEIR_TEST_TEMP_FILE_H 1

#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

static inline void temp_name(char *path, size_t size, const char *what)
{
	static unsigned int seq;

	snprintf(path, size, "/tmp/weir-%s-%ld-%u", what, (long)getpid(),
		 seq++);
}

/* A new file: its fd, or -1. */
static inline int temp_file(char *path, size_t size, const char *what)
{
	temp_name(path, size, what);
	return open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
}

/* A new directory: 'path', or NULL. */
static inline char *temp_dir(char *path, size_t size, const char *what)
{
	temp_name(path, size, what);
	return mkdir(path, 0700) ? NULL : path;
}

#endif
