/* Where Weir's daemons keep their run-time files (pid files, control
 * sockets): $WEIR_RUNDIR, else /var/run/weir. */
#ifndef WEIR_DIRS_H
#define WEIR_DIRS_H 1

const char *weir_rundir(void);

/* "<rundir>/<name>", which the caller frees. */
char *weir_rundir_file(const char *name);

/* Creates the run directory and its parents, as needed: 0 or -errno. */
int weir_rundir_create(void);

#endif /* WEIR_DIRS_H */
