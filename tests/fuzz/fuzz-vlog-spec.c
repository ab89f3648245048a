/* libFuzzer: vlog/set specs as a control-socket client sends them.  A spec
 * that is refused must leave every level as it was; one that is taken must
 * leave a table that still lists every module with a known level. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "vlog.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *spec = malloc(size + 1), *before, *after, *err;

	if (!spec)
		return 0;
	memcpy(spec, data, size);
	spec[size] = '\0';
	vlog_set_all(LOG_OFF);
	before = vlog_list();
	err = vlog_set_spec(spec);
	after = vlog_list();
	if (err ? strcmp(before, after) : strlen(before) != strlen(after))
		abort();
	free(err);
	free(before);
	free(after);
	free(spec);
	return 0;
}
