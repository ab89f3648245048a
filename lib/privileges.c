#include "privileges.h"

#include <cap-ng.h>
#include <errno.h>
#include <grp.h>
#include <stdbool.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* "USER" or "USER:GROUP" to ids; the group defaults to the user's own. */
static int resolve_user(const char *spec, uid_t *uid, gid_t *gid,
			char *err, size_t size)
{
	char *user = strdup(spec), *group = strchr(user, ':');
	struct passwd *pw;
	int rc = 0;

	if (group)
		*group++ = '\0';
	pw = getpwnam(user);
	if (!pw) {
		snprintf(err, size, "--user=%s: no user named %s", spec, user);
		rc = -ENOENT;
	} else {
		*uid = pw->pw_uid;
		*gid = pw->pw_gid;
		if (group) {
			struct group *gr = getgrnam(group);

			if (gr) {
				*gid = gr->gr_gid;
			} else {
				snprintf(err, size, "--user=%s: no group named "
					 "%s", spec, group);
				rc = -ENOENT;
			}
		}
	}
	free(user);
	return rc;
}

int privileges_drop(const char *user, const char *run_dir, const int caps[],
		    size_t n, char *err, size_t size)
{
	uid_t uid = 0;
	gid_t gid = 0;
	int rc;

	if (user && (rc = resolve_user(user, &uid, &gid, err, size)))
		return rc;
	if (user && run_dir && chown(run_dir, uid, gid)) {
		rc = -errno;
		snprintf(err, size, "%s: cannot give it to %s: %s", run_dir,
			 user, strerror(errno));
		return rc;
	}
	/* Keep what we have of 'caps': asking for one we lack fails. */
	bool have[64] = { false };

	capng_get_caps_process();
	for (size_t i = 0; i < n; i++)
		if (caps[i] >= 0 && caps[i] < 64)
			have[caps[i]] = capng_have_capability(CAPNG_PERMITTED,
							      caps[i]);
	capng_clear(CAPNG_SELECT_BOTH);
	for (size_t i = 0; i < n; i++)
		if (caps[i] >= 0 && caps[i] < 64 && have[caps[i]])
			capng_update(CAPNG_ADD,
				     CAPNG_EFFECTIVE | CAPNG_PERMITTED,
				     caps[i]);
	/* capng_change_id() keeps the capabilities above across setuid and
	 * drops the rest, the bounding set and other groups included. */
	if (user)
		rc = capng_change_id(uid, gid, CAPNG_DROP_SUPP_GRP |
					       CAPNG_CLEAR_BOUNDING);
	else
		rc = capng_apply(CAPNG_SELECT_BOTH);
	if (rc) {
		snprintf(err, size, "cannot drop privileges%s%s (libcap-ng "
			 "error %d)", user ? " to " : "", user ? user : "", rc);
		return -EPERM;
	}
	return 0;
}
