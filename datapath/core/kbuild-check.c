// SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause
/* Links the datapath core into a module of its own, so that a kbuild run
 * proves the core compiles, warning-free, as kernel code.  The real module
 * (datapath/linux) replaces this once it exists. */
#include <linux/module.h>

MODULE_LICENSE("Dual BSD/GPL");
MODULE_DESCRIPTION("Weir datapath core, compile check");
