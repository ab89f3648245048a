/* The netdev registry: the provider for a type name, and the fields of
 * struct netdev that every provider shares. */
#include "netdev-provider.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct netdev_class *const classes[] = {
	&netdev_afpacket_class,
	&netdev_afxdp_class,
	&netdev_tap_class,
	&netdev_internal_class,
	&netdev_dummy_class,
};

const struct netdev_class *netdev_class_find(const char *type)
{
	if (!type || !*type)
		type = "system";
	for (size_t i = 0; i < sizeof classes / sizeof classes[0]; i++)
		if (!strcmp(classes[i]->type, type))
			return classes[i];
	return NULL;
}

int netdev_open(const char *name, const char *type,
		const char *const *options, struct netdev **devp)
{
	const struct netdev_class *class = netdev_class_find(type);
	struct netdev *dev;
	int err;

	*devp = NULL;
	if (!class) {
		netdev_log("%s: unknown type '%s'", name, type);
		return -EINVAL;
	}
	if (!name || !*name || strlen(name) >= 16) {
		netdev_log("'%s': not a valid interface name", name ? name : "");
		return -EINVAL;
	}
	err = class->open(name, options, &dev);
	if (err)
		return err;
	/* The provider set dev->class, which differs from 'class' when an
	 * "afxdp" port runs as "system"; 'type' stays what was asked for. */
	dev->name = strdup(name);
	dev->type = strdup(class->type);
	if (!dev->name || !dev->type) {
		netdev_close(dev);
		return -ENOMEM;
	}
	*devp = dev;
	return 0;
}

void netdev_close(struct netdev *dev)
{
	char *name, *type;

	if (!dev)
		return;
	name = dev->name;
	type = dev->type;
	dev->class->close(dev);
	free(name);
	free(type);
}

int netdev_get_stats(const struct netdev *dev, struct netdev_stats *stats)
{
	memset(stats, 0, sizeof *stats);
	if (!dev->class->get_stats)
		return -EOPNOTSUPP;
	return dev->class->get_stats(dev, stats);
}

void *netdev_alloc_plain(const struct netdev_class *class, const char *name,
			 const char *const *options, size_t size, int *errp)
{
	struct netdev *dev;

	*errp = netdev_parse_options(name, options, netdev_option_unknown, NULL);
	if (*errp)
		return NULL;
	dev = calloc(1, size);
	if (!dev) {
		*errp = -ENOMEM;
		return NULL;
	}
	dev->class = class;
	return dev;
}

int netdev_one_queue(const struct netdev *dev)
{
	return 1;
}

void netdev_log(const char *fmt, ...)
{
	char line[512];
	va_list args;

	va_start(args, fmt);
	vsnprintf(line, sizeof line, fmt, args);
	va_end(args);
	/* One write, so that lines from several threads do not interleave. */
	fprintf(stderr, "netdev: %s\n", line);
}

int netdev_option_error(const char *name, const char *key,
			const char *value, const char *why)
{
	if (value)
		netdev_log("%s: option %s=%s: %s", name, key, value, why);
	else
		netdev_log("%s: option '%s': %s", name, key, why);
	return -EINVAL;
}

int netdev_option_unknown(const char *name, const char *key,
			  const char *value, void *aux)
{
	return netdev_option_error(name, key, value, "unknown option");
}

int netdev_parse_options(const char *name, const char *const *options,
			 int (*fn)(const char *name, const char *key,
				   const char *value, void *aux),
			 void *aux)
{
	for (; options && *options; options++) {
		const char *eq = strchr(*options, '=');
		char key[64];
		int err;

		if (!eq || eq == *options || (size_t)(eq - *options) >= sizeof key)
			return netdev_option_error(name, *options, NULL,
						   "expected key=value");
		memcpy(key, *options, eq - *options);
		key[eq - *options] = '\0';
		err = fn(name, key, eq + 1, aux);
		if (err)
			return err;
	}
	return 0;
}
