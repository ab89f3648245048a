/* Stream and listener names (from the configuration database and command
 * lines): any bytes give 0 or -EINVAL with a message, never a crash. */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "socket-addr.h"
#include "stream.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *name = malloc(size + 1), err[256];
	struct socket_addr a;
	int rc;

	memcpy(name, data, size);
	name[size] = '\0';
	rc = stream_verify_name(name, err, sizeof err);
	if (rc && rc != -EINVAL)
		abort();
	rc = pstream_verify_name(name, err, sizeof err);
	if (rc && rc != -EINVAL)
		abort();
	if (!socket_addr_parse_active(name, 6653, &a, err, sizeof err) &&
	    !a.host[0])
		abort();
	socket_addr_parse_passive(name, 6653, &a, err, sizeof err);
	free(name);
	return 0;
}
