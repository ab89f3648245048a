/* The OpenFlow error table: every error Weir knows, declared once.
 *
 * Each row is OFPERR_DEF(NAME, DESCRIPTION, ENCODING...) and becomes
 * enum ofperr value OFPERR_NAME.  An ENCODING covers the OpenFlow versions
 * LO through HI (10 = OpenFlow 1.0 ... 15 = OpenFlow 1.5):
 *
 *   OF(LO, HI, TYPE, CODE)   standard error (type, code).
 *   NX(LO, HI, TYPE, CODE)   Nicira error carried in OF1.0/1.1 as
 *                            NXET_VENDOR/NXVC_VENDOR_ERROR + (vendor, type,
 *                            code).
 *   NXE(LO, HI, EXP_TYPE)    Nicira error carried in OF1.2+ as
 *                            OFPET12_EXPERIMENTER with exp_type.
 *   ONF(LO, HI, EXP_TYPE)    ONF extension error, same experimenter form.
 *
 * Versions without an encoding cannot carry the error; they get
 * NXBRC_UNENCODABLE_ERROR instead.  Where two rows share an encoding in one
 * version (the spec split one code into two later), decoding picks the row
 * that comes first here. */

/* OFPET_HELLO_FAILED (0) */
OFPERR_DEF(OFPHFC_INCOMPATIBLE, "no OpenFlow version in common",
	   OF(10, 15, 0, 0))
OFPERR_DEF(OFPHFC_EPERM, "hello refused: permission denied", OF(10, 15, 0, 1))

/* OFPET_BAD_REQUEST (1) */
OFPERR_DEF(OFPBRC_BAD_VERSION, "message version not supported",
	   OF(10, 15, 1, 0))
OFPERR_DEF(OFPBRC_BAD_TYPE, "message type not supported", OF(10, 15, 1, 1))
OFPERR_DEF(OFPBRC_BAD_STAT, "multipart (stats) type not supported",
	   OF(10, 15, 1, 2))
OFPERR_DEF(OFPBRC_BAD_VENDOR, "experimenter (vendor) id not supported",
	   OF(10, 15, 1, 3))
OFPERR_DEF(OFPBRC_BAD_SUBTYPE, "experimenter subtype not supported",
	   OF(10, 15, 1, 4))
OFPERR_DEF(OFPBRC_EPERM, "request refused: permission denied", OF(10, 15, 1, 5))
OFPERR_DEF(OFPBRC_BAD_LEN, "request length wrong for its type",
	   OF(10, 15, 1, 6))
OFPERR_DEF(OFPBRC_BUFFER_EMPTY, "buffer id already used", OF(10, 15, 1, 7))
OFPERR_DEF(OFPBRC_BUFFER_UNKNOWN, "buffer id does not exist", OF(10, 15, 1, 8))
OFPERR_DEF(OFPBRC_BAD_TABLE_ID, "table id invalid or absent",
	   NX(10, 10, 1, 512), OF(11, 15, 1, 9))
OFPERR_DEF(OFPBRC_IS_SECONDARY,
	   "request refused: controller has the secondary (slave) role",
	   OF(10, 11, 1, 5), OF(12, 15, 1, 10))
OFPERR_DEF(OFPBRC_BAD_PORT, "port invalid or missing",
	   NX(10, 11, 1, 514), OF(12, 15, 1, 11))
OFPERR_DEF(OFPBRC_BAD_PACKET, "packet in packet-out is invalid",
	   OF(12, 15, 1, 12))
OFPERR_DEF(OFPBRC_MULTIPART_BUFFER_OVERFLOW,
	   "multipart request overflowed its buffer",
	   OF(13, 15, 1, 13))
OFPERR_DEF(OFPBRC_MULTIPART_REQUEST_TIMEOUT, "multipart request timed out",
	   ONF(13, 13, 2640), OF(14, 15, 1, 14))
OFPERR_DEF(OFPBRC_MULTIPART_REPLY_TIMEOUT, "multipart reply timed out",
	   ONF(13, 13, 2641), OF(14, 15, 1, 15))
OFPERR_DEF(OFPBRC_MULTIPART_BAD_SCHED,
	   "bundle features request: scheduling tolerance not updated",
	   OF(15, 15, 1, 16))
OFPERR_DEF(OFPBRC_PIPELINE_FIELDS_ONLY, "match may use pipeline fields only",
	   OF(15, 15, 1, 17))
OFPERR_DEF(OFPBRC_UNKNOWN, "bad request, reason unspecified", OF(15, 15, 1, 18))
OFPERR_DEF(NXBRC_NXM_INVALID, "NXM match is invalid",
	   NX(10, 11, 1, 256), NXE(12, 15, 2))
OFPERR_DEF(NXBRC_NXM_BAD_TYPE,
	   "NXM field type, mask bit or length invalid or unsupported",
	   NX(10, 11, 1, 257), NXE(12, 15, 3))
OFPERR_DEF(NXBRC_MUST_BE_ZERO, "field that must be zero is not",
	   NX(10, 11, 1, 515), NXE(12, 15, 4))
OFPERR_DEF(NXBRC_BAD_REASON, "port status reason invalid",
	   NX(10, 11, 1, 516), NXE(12, 15, 5))
OFPERR_DEF(NXBRC_FM_BAD_EVENT, "flow monitor reply event invalid",
	   NX(10, 11, 1, 520), NXE(12, 15, 9))
OFPERR_DEF(NXBRC_UNENCODABLE_ERROR,
	   "error has no encoding in this OpenFlow version",
	   NX(10, 11, 1, 521), NXE(12, 15, 10))

/* OFPET_BAD_ACTION (2) */
OFPERR_DEF(OFPBAC_BAD_TYPE, "action type unknown or unsupported",
	   OF(10, 15, 2, 0))
OFPERR_DEF(OFPBAC_BAD_LEN, "action length wrong", OF(10, 15, 2, 1))
OFPERR_DEF(OFPBAC_BAD_VENDOR, "action experimenter id unknown",
	   OF(10, 15, 2, 2))
OFPERR_DEF(OFPBAC_BAD_VENDOR_TYPE,
	   "action type unknown for its experimenter id",
	   OF(10, 15, 2, 3))
OFPERR_DEF(OFPBAC_BAD_OUT_PORT, "output port invalid", OF(10, 15, 2, 4))
OFPERR_DEF(OFPBAC_BAD_ARGUMENT, "action argument invalid", OF(10, 15, 2, 5))
OFPERR_DEF(OFPBAC_EPERM, "action refused: permission denied", OF(10, 15, 2, 6))
OFPERR_DEF(OFPBAC_TOO_MANY, "too many actions", OF(10, 15, 2, 7))
OFPERR_DEF(OFPBAC_BAD_QUEUE, "output queue invalid", OF(10, 15, 2, 8))
OFPERR_DEF(OFPBAC_BAD_OUT_GROUP, "output group invalid",
	   NX(10, 10, 2, 9), OF(11, 15, 2, 9))
OFPERR_DEF(OFPBAC_MATCH_INCONSISTENT,
	   "action inconsistent with the match or its prerequisites unmet",
	   NX(10, 10, 1, 522), OF(11, 15, 2, 10))
OFPERR_DEF(OFPBAC_UNSUPPORTED_ORDER, "apply-actions order not supported",
	   OF(11, 15, 2, 11))
OFPERR_DEF(OFPBAC_BAD_TAG, "action uses an unsupported tag or encapsulation",
	   OF(11, 15, 2, 12))
OFPERR_DEF(OFPBAC_BAD_SET_TYPE, "action uses an unknown or unsupported field",
	   NX(10, 11, 1, 523), OF(12, 15, 2, 13))
OFPERR_DEF(OFPBAC_BAD_SET_LEN,
	   "action reaches past the end of a field or has zero length",
	   NX(10, 11, 1, 524), OF(12, 15, 2, 14))
OFPERR_DEF(OFPBAC_BAD_SET_ARGUMENT,
	   "action sets an invalid value or a read-only field",
	   NX(10, 11, 1, 525), OF(12, 15, 2, 15))
OFPERR_DEF(OFPBAC_BAD_SET_MASK, "set-field action has the has-mask bit set",
	   ONF(13, 14, 4250), OF(15, 15, 2, 16))
OFPERR_DEF(OFPBAC_BAD_METER, "meter action names an invalid meter",
	   OF(15, 15, 2, 17))
OFPERR_DEF(NXBAC_MUST_BE_ZERO, "action field that must be zero is not",
	   NX(10, 11, 2, 256), NXE(12, 15, 11))
OFPERR_DEF(NXBAC_BAD_CONJUNCTION,
	   "conjunction must stand alone with 1 <= k <= n and 2 <= n <= 64",
	   NX(10, 11, 2, 526), NXE(12, 15, 15))
OFPERR_DEF(NXBAC_BAD_HEADER_TYPE, "encap/decap packet type unsupported",
	   NXE(13, 15, 39))
OFPERR_DEF(NXBAC_UNKNOWN_ED_PROP, "encap/decap property unknown",
	   NXE(13, 15, 40))
OFPERR_DEF(NXBAC_BAD_ED_PROP, "encap/decap property invalid", NXE(13, 15, 41))
OFPERR_DEF(NXBAC_CT_DATAPATH_SUPPORT,
	   "action needs connection tracking support the datapath lacks",
	   NX(10, 11, 1, 265), NXE(12, 15, 42))

/* OFPET_BAD_INSTRUCTION (3) */
OFPERR_DEF(OFPBIC_UNKNOWN_INST, "instruction unknown", OF(11, 15, 3, 0))
OFPERR_DEF(OFPBIC_UNSUP_INST, "instruction not supported by switch or table",
	   NX(10, 10, 2, 257), OF(11, 15, 3, 1))
OFPERR_DEF(OFPBIC_BAD_TABLE_ID, "instruction names an invalid table",
	   OF(11, 15, 3, 2))
OFPERR_DEF(OFPBIC_UNSUP_METADATA, "metadata value unsupported",
	   OF(11, 15, 3, 3))
OFPERR_DEF(OFPBIC_UNSUP_METADATA_MASK, "metadata mask unsupported",
	   OF(11, 15, 3, 4))
OFPERR_DEF(OFPBIC_BAD_EXPERIMENTER, "instruction experimenter id unknown",
	   OF(11, 15, 3, 5))
OFPERR_DEF(OFPBIC_BAD_EXP_TYPE,
	   "instruction type unknown for its experimenter id",
	   OF(11, 11, 3, 5), OF(12, 15, 3, 6))
OFPERR_DEF(OFPBIC_BAD_LEN, "instruction length wrong", OF(12, 15, 3, 7))
OFPERR_DEF(OFPBIC_EPERM, "instruction refused: permission denied",
	   OF(12, 15, 3, 8))
OFPERR_DEF(OFPBIC_DUP_INST, "instruction appears twice",
	   NX(11, 11, 3, 256), ONF(12, 13, 2600), OF(14, 15, 3, 9))

/* OFPET_BAD_MATCH (4) */
OFPERR_DEF(OFPBMC_BAD_TYPE, "match type unsupported", OF(11, 15, 4, 0))
OFPERR_DEF(OFPBMC_BAD_LEN, "match length wrong", OF(11, 15, 4, 1))
OFPERR_DEF(OFPBMC_BAD_TAG, "match uses an unsupported tag or encapsulation",
	   OF(11, 15, 4, 2))
OFPERR_DEF(OFPBMC_BAD_DL_ADDR_MASK,
	   "arbitrary Ethernet address masks unsupported",
	   OF(11, 15, 4, 3))
OFPERR_DEF(OFPBMC_BAD_NW_ADDR_MASK,
	   "arbitrary network address masks unsupported",
	   OF(11, 15, 4, 4))
OFPERR_DEF(OFPBMC_BAD_WILDCARDS, "match wildcards unsupported",
	   NX(10, 10, 1, 262), OF(11, 15, 4, 5))
OFPERR_DEF(OFPBMC_BAD_FIELD, "match field unsupported",
	   NX(10, 10, 0, 263), OF(11, 15, 4, 6))
OFPERR_DEF(OFPBMC_BAD_VALUE, "match field value unsupported",
	   NX(10, 10, 1, 258), OF(11, 15, 4, 7))
OFPERR_DEF(OFPBMC_BAD_MASK, "match mask unsupported",
	   NX(10, 11, 1, 259), OF(12, 15, 4, 8))
OFPERR_DEF(OFPBMC_BAD_PREREQ, "match field prerequisite not met",
	   NX(10, 11, 1, 260), OF(12, 15, 4, 9))
OFPERR_DEF(OFPBMC_DUP_FIELD, "match field appears twice",
	   NX(10, 11, 1, 261), OF(12, 15, 4, 10))
OFPERR_DEF(OFPBMC_EPERM, "match refused: permission denied", OF(12, 15, 4, 11))
OFPERR_DEF(NXBMC_CT_DATAPATH_SUPPORT,
	   "match needs connection tracking support the datapath lacks",
	   NX(10, 11, 1, 264), NXE(12, 15, 43))

/* OFPET_FLOW_MOD_FAILED (5) */
OFPERR_DEF(OFPFMFC_UNKNOWN, "flow mod failed, reason unspecified",
	   OF(11, 15, 5, 0))
OFPERR_DEF(OFPFMFC_TABLE_FULL, "flow not added: table full",
	   OF(10, 10, 3, 0), OF(11, 15, 5, 1))
OFPERR_DEF(OFPFMFC_BAD_TABLE_ID, "flow mod names a table that does not exist",
	   OF(11, 15, 5, 2))
OFPERR_DEF(OFPFMFC_OVERLAP,
	   "flow not added: overlaps an existing flow (check-overlap set)",
	   OF(10, 10, 3, 1), OF(11, 15, 5, 3))
OFPERR_DEF(OFPFMFC_EPERM, "flow mod refused: permission denied",
	   OF(10, 10, 3, 2), OF(11, 15, 5, 4))
OFPERR_DEF(OFPFMFC_BAD_TIMEOUT,
	   "flow not added: idle or hard timeout unsupported",
	   OF(11, 15, 5, 5))
OFPERR_DEF(OFPFMFC_BAD_EMERG_TIMEOUT,
	   "emergency flow not added: timeouts must be zero",
	   OF(10, 10, 3, 3))
OFPERR_DEF(OFPFMFC_BAD_COMMAND, "flow mod command unknown or unsupported",
	   OF(10, 10, 3, 4), OF(11, 15, 5, 6))
OFPERR_DEF(OFPFMFC_BAD_FLAGS, "flow mod flags unknown or unsupported",
	   NX(10, 10, 3, 258), NX(11, 11, 5, 258), OF(12, 15, 5, 7))
OFPERR_DEF(OFPFMFC_CANT_SYNC, "table synchronisation problem", OF(14, 15, 5, 8))
OFPERR_DEF(OFPFMFC_BAD_PRIORITY, "flow priority unsupported",
	   ONF(13, 13, 2360), OF(14, 15, 5, 9))
OFPERR_DEF(OFPFMFC_IS_SYNC, "synchronised flow entry is read-only",
	   OF(14, 15, 5, 10))
OFPERR_DEF(OFPFMFC_UNSUPPORTED, "action list order cannot be processed",
	   OF(10, 10, 3, 5))
OFPERR_DEF(NXFMFC_HARDWARE, "flow mod failed: hardware error",
	   NX(10, 11, 5, 256), NXE(12, 15, 12))
OFPERR_DEF(NXFMFC_BAD_TABLE_ID,
	   "flow mod command field names a nonexistent table",
	   NX(10, 11, 5, 257), NXE(12, 15, 13))
OFPERR_DEF(NXFMFC_INVALID_TLV_FIELD,
	   "flow uses an invalid variable-length field",
	   NX(10, 11, 1, 536), NXE(12, 15, 37))

/* OFPET_GROUP_MOD_FAILED (6) */
OFPERR_DEF(OFPGMFC_GROUP_EXISTS, "group add: group already exists",
	   NX(10, 10, 6, 0), OF(11, 15, 6, 0))
OFPERR_DEF(OFPGMFC_INVALID_GROUP, "group id invalid",
	   NX(10, 10, 6, 1), OF(11, 15, 6, 1))
OFPERR_DEF(OFPGMFC_WEIGHT_UNSUPPORTED,
	   "unequal select-group weights unsupported",
	   NX(10, 10, 6, 2), OF(11, 15, 6, 2))
OFPERR_DEF(OFPGMFC_OUT_OF_GROUPS, "group table full",
	   NX(10, 10, 6, 3), OF(11, 15, 6, 3))
OFPERR_DEF(OFPGMFC_OUT_OF_BUCKETS, "too many buckets in group",
	   NX(10, 10, 6, 4), OF(11, 15, 6, 4))
OFPERR_DEF(OFPGMFC_CHAINING_UNSUPPORTED,
	   "groups forwarding to groups unsupported",
	   NX(10, 10, 6, 5), OF(11, 15, 6, 5))
OFPERR_DEF(OFPGMFC_WATCH_UNSUPPORTED, "watch port or group cannot be watched",
	   NX(10, 10, 6, 6), OF(11, 15, 6, 6))
OFPERR_DEF(OFPGMFC_LOOP, "group would create a loop",
	   NX(10, 10, 6, 7), OF(11, 15, 6, 7))
OFPERR_DEF(OFPGMFC_UNKNOWN_GROUP, "group modify: group does not exist",
	   NX(10, 10, 6, 8), OF(11, 15, 6, 8))
OFPERR_DEF(OFPGMFC_CHAINED_GROUP, "group delete: another group forwards to it",
	   NX(10, 10, 6, 9), OF(12, 15, 6, 9))
OFPERR_DEF(OFPGMFC_BAD_TYPE, "group type unknown or unsupported",
	   NX(10, 10, 6, 10), OF(12, 15, 6, 10))
OFPERR_DEF(OFPGMFC_BAD_COMMAND, "group mod command unknown or unsupported",
	   NX(10, 10, 6, 11), OF(12, 15, 6, 11))
OFPERR_DEF(OFPGMFC_BAD_BUCKET, "group bucket invalid",
	   NX(10, 10, 6, 12), OF(12, 15, 6, 12))
OFPERR_DEF(OFPGMFC_BAD_WATCH, "watch port or group invalid",
	   NX(10, 10, 6, 13), OF(12, 15, 6, 13))
OFPERR_DEF(OFPGMFC_EPERM, "group mod refused: permission denied",
	   NX(10, 10, 6, 14), OF(12, 15, 6, 14))
OFPERR_DEF(OFPGMFC_UNKNOWN_BUCKET,
	   "bucket id unknown in insert or remove bucket",
	   NX(10, 10, 6, 15), OF(15, 15, 6, 15))
OFPERR_DEF(OFPGMFC_BUCKET_EXISTS, "insert bucket: bucket id already exists",
	   NX(10, 10, 6, 16), OF(15, 15, 6, 16))

/* OFPET_PORT_MOD_FAILED (7) */
OFPERR_DEF(OFPPMFC_BAD_PORT, "port mod: port does not exist",
	   OF(10, 10, 4, 0), OF(11, 15, 7, 0))
OFPERR_DEF(OFPPMFC_BAD_HW_ADDR,
	   "port mod: hardware address does not match the port",
	   OF(10, 10, 4, 1), OF(11, 15, 7, 1))
OFPERR_DEF(OFPPMFC_BAD_CONFIG, "port mod: config invalid", OF(11, 15, 7, 2))
OFPERR_DEF(OFPPMFC_BAD_ADVERTISE, "port mod: advertise invalid",
	   OF(11, 15, 7, 3))
OFPERR_DEF(OFPPMFC_EPERM, "port mod refused: permission denied",
	   OF(12, 15, 7, 4))

/* OFPET_TABLE_MOD_FAILED (8) */
OFPERR_DEF(OFPTMFC_BAD_TABLE, "table mod: table does not exist",
	   OF(11, 15, 8, 0))
OFPERR_DEF(OFPTMFC_BAD_CONFIG, "table mod: config invalid", OF(11, 15, 8, 1))
OFPERR_DEF(OFPTMFC_EPERM, "table mod refused: permission denied",
	   OF(12, 15, 8, 2))

/* OFPET_QUEUE_OP_FAILED (9) */
OFPERR_DEF(OFPQOFC_BAD_PORT, "queue operation: port invalid or absent",
	   OF(10, 10, 5, 0), OF(11, 15, 9, 0))
OFPERR_DEF(OFPQOFC_BAD_QUEUE, "queue does not exist",
	   OF(10, 10, 5, 1), OF(11, 15, 9, 1))
OFPERR_DEF(OFPQOFC_EPERM, "queue operation refused: permission denied",
	   OF(10, 10, 5, 2), OF(11, 15, 9, 2))
OFPERR_DEF(NXQOFC_QUEUE_ERROR, "system error while reading queue details",
	   NXE(14, 15, 23))

/* OFPET_SWITCH_CONFIG_FAILED (10) */
OFPERR_DEF(OFPSCFC_BAD_FLAGS, "switch config flags invalid", OF(11, 15, 10, 0))
OFPERR_DEF(OFPSCFC_BAD_LEN, "switch config miss_send_len invalid",
	   OF(11, 15, 10, 1))
OFPERR_DEF(OFPSCFC_EPERM, "switch config refused: permission denied",
	   OF(12, 15, 10, 2))

/* OFPET_ROLE_REQUEST_FAILED (11) */
OFPERR_DEF(OFPRRFC_STALE, "role request has a stale generation id",
	   OF(12, 15, 11, 0))
OFPERR_DEF(OFPRRFC_UNSUP, "controller role change unsupported",
	   OF(12, 15, 11, 1))
OFPERR_DEF(OFPRRFC_BAD_ROLE, "role invalid",
	   NX(10, 11, 1, 513), OF(12, 15, 11, 2))
OFPERR_DEF(OFPRRFC_ID_UNSUP, "changing the controller id unsupported",
	   OF(15, 15, 11, 3))
OFPERR_DEF(OFPRRFC_ID_IN_USE, "controller id already in use", OF(15, 15, 11, 4))

/* OFPET_METER_MOD_FAILED (12) */
OFPERR_DEF(OFPMMFC_UNKNOWN, "meter mod failed, reason unspecified",
	   OF(13, 15, 12, 0))
OFPERR_DEF(OFPMMFC_METER_EXISTS, "meter add: meter already exists",
	   OF(13, 15, 12, 1))
OFPERR_DEF(OFPMMFC_INVALID_METER, "meter id invalid", OF(13, 15, 12, 2))
OFPERR_DEF(OFPMMFC_UNKNOWN_METER, "meter does not exist", OF(13, 15, 12, 3))
OFPERR_DEF(OFPMMFC_BAD_COMMAND, "meter mod command unknown or unsupported",
	   OF(13, 15, 12, 4))
OFPERR_DEF(OFPMMFC_BAD_FLAGS, "meter flags unsupported", OF(13, 15, 12, 5))
OFPERR_DEF(OFPMMFC_BAD_RATE, "meter rate unsupported", OF(13, 15, 12, 6))
OFPERR_DEF(OFPMMFC_BAD_BURST, "meter burst size unsupported", OF(13, 15, 12, 7))
OFPERR_DEF(OFPMMFC_BAD_BAND, "meter band unsupported", OF(13, 15, 12, 8))
OFPERR_DEF(OFPMMFC_BAD_BAND_VALUE, "meter band value unsupported",
	   OF(13, 15, 12, 9))
OFPERR_DEF(OFPMMFC_OUT_OF_METERS, "no meters left", OF(13, 15, 12, 10))
OFPERR_DEF(OFPMMFC_OUT_OF_BANDS, "too many bands in meter", OF(13, 15, 12, 11))

/* OFPET_TABLE_FEATURES_FAILED (13) */
OFPERR_DEF(OFPTFFC_BAD_TABLE, "table features: table does not exist",
	   OF(13, 15, 13, 0))
OFPERR_DEF(OFPTFFC_BAD_METADATA, "table features: metadata mask invalid",
	   OF(13, 15, 13, 1))
OFPERR_DEF(OFPTFFC_EPERM, "table features refused: permission denied",
	   OF(13, 15, 13, 5))
OFPERR_DEF(OFPTFFC_BAD_CAPA, "table features: capabilities invalid",
	   OF(15, 15, 13, 6))
OFPERR_DEF(OFPTFFC_BAD_MAX_ENT, "table features: max_entries invalid",
	   OF(15, 15, 13, 7))
OFPERR_DEF(OFPTFFC_BAD_FEATURES, "table features: features invalid",
	   OF(15, 15, 13, 8))
OFPERR_DEF(OFPTFFC_BAD_COMMAND, "table features: command invalid",
	   OF(15, 15, 13, 9))
OFPERR_DEF(OFPTFFC_TOO_MANY, "table features: too many tables",
	   OF(15, 15, 13, 10))
OFPERR_DEF(NXTFFC_DUP_TABLE, "table features: table listed twice",
	   NXE(13, 15, 44))

/* OFPET_BAD_PROPERTY (14) */
OFPERR_DEF(OFPBPC_BAD_TYPE, "property type unknown or unsupported",
	   NX(10, 11, 13, 2), NXE(12, 12, 25),
	   OF(13, 13, 13, 2), OF(14, 15, 14, 0))
OFPERR_DEF(OFPBPC_BAD_LEN, "property length wrong",
	   NX(10, 11, 13, 3), NXE(12, 12, 26),
	   OF(13, 13, 13, 3), OF(14, 15, 14, 1))
OFPERR_DEF(OFPBPC_BAD_VALUE, "property value unsupported",
	   NX(10, 11, 13, 4), NXE(12, 12, 27),
	   OF(13, 13, 13, 4), OF(14, 15, 14, 2))
OFPERR_DEF(OFPBPC_TOO_MANY, "too many properties",
	   NX(10, 11, 14, 3), NXE(12, 12, 28),
	   ONF(13, 13, 4443), OF(14, 15, 14, 3))
OFPERR_DEF(OFPBPC_DUP_TYPE, "property type appears twice",
	   NX(10, 11, 14, 4), NXE(12, 12, 29),
	   ONF(13, 13, 4444), OF(14, 15, 14, 4))
OFPERR_DEF(OFPBPC_BAD_EXPERIMENTER, "property experimenter id unknown",
	   NX(10, 11, 14, 5), NXE(12, 12, 30),
	   ONF(13, 13, 4445), OF(14, 15, 14, 5))
OFPERR_DEF(OFPBPC_BAD_EXP_TYPE,
	   "property exp_type unknown for its experimenter id",
	   NX(10, 11, 14, 6), NXE(12, 12, 31),
	   ONF(13, 13, 4446), OF(14, 15, 14, 6))
OFPERR_DEF(OFPBPC_BAD_EXP_VALUE,
	   "property value unknown for its experimenter id",
	   NX(10, 11, 14, 7), NXE(12, 12, 32),
	   ONF(13, 13, 4447), OF(14, 15, 14, 7))
OFPERR_DEF(OFPBPC_EPERM, "property refused: permission denied",
	   NX(10, 11, 14, 8), NXE(12, 12, 33),
	   ONF(13, 13, 4448), OF(14, 15, 14, 8))

/* OFPET_ASYNC_CONFIG_FAILED (15) */
OFPERR_DEF(OFPACFC_INVALID, "async config: a mask is invalid",
	   ONF(13, 13, 2370), OF(14, 15, 15, 0))
OFPERR_DEF(OFPACFC_UNSUPPORTED, "async config unsupported",
	   ONF(13, 13, 2371), OF(14, 15, 15, 1))
OFPERR_DEF(OFPACFC_EPERM, "async config refused: permission denied",
	   ONF(13, 13, 2372), OF(14, 15, 15, 2))

/* OFPET_BUNDLE_FAILED (17) */
OFPERR_DEF(OFPBFC_UNKNOWN, "bundle failed, reason unspecified",
	   ONF(13, 13, 2300), OF(14, 15, 17, 0))
OFPERR_DEF(OFPBFC_EPERM, "bundle refused: permission denied",
	   ONF(13, 13, 2301), OF(14, 15, 17, 1))
OFPERR_DEF(OFPBFC_BAD_ID, "bundle id does not exist",
	   ONF(13, 13, 2302), OF(14, 15, 17, 2))
OFPERR_DEF(OFPBFC_BUNDLE_EXIST, "bundle id already exists",
	   ONF(13, 13, 2303), OF(14, 15, 17, 3))
OFPERR_DEF(OFPBFC_BUNDLE_CLOSED, "bundle is closed",
	   ONF(13, 13, 2304), OF(14, 15, 17, 4))
OFPERR_DEF(OFPBFC_OUT_OF_BUNDLES, "too many bundles",
	   ONF(13, 13, 2305), OF(14, 15, 17, 5))
OFPERR_DEF(OFPBFC_BAD_TYPE, "bundle control type unknown or unsupported",
	   ONF(13, 13, 2306), OF(14, 15, 17, 6))
OFPERR_DEF(OFPBFC_BAD_FLAGS,
	   "bundle flags unknown, unsupported or inconsistent",
	   ONF(13, 13, 2307), OF(14, 15, 17, 7))
OFPERR_DEF(OFPBFC_MSG_BAD_LEN, "bundled message length wrong",
	   ONF(13, 13, 2308), OF(14, 15, 17, 8))
OFPERR_DEF(OFPBFC_MSG_BAD_XID, "bundled message xid inconsistent or repeated",
	   ONF(13, 13, 2309), OF(14, 15, 17, 9))
OFPERR_DEF(OFPBFC_MSG_UNSUP, "message type not allowed in this bundle",
	   ONF(13, 13, 2310), OF(14, 15, 17, 10))
OFPERR_DEF(OFPBFC_MSG_CONFLICT,
	   "message combination not allowed in this bundle",
	   ONF(13, 13, 2311), OF(14, 15, 17, 11))
OFPERR_DEF(OFPBFC_MSG_TOO_MANY, "too many messages in bundle",
	   ONF(13, 13, 2312), OF(14, 15, 17, 12))
OFPERR_DEF(OFPBFC_MSG_FAILED, "a bundled message failed",
	   ONF(13, 13, 2313), OF(14, 15, 17, 13))
OFPERR_DEF(OFPBFC_TIMEOUT, "bundle took too long",
	   ONF(13, 13, 2314), OF(14, 15, 17, 14))
OFPERR_DEF(OFPBFC_BUNDLE_IN_PROGRESS, "bundle holds the resource locked",
	   ONF(13, 13, 2315), OF(14, 15, 17, 15))
OFPERR_DEF(OFPBFC_SCHED_NOT_SUPPORTED, "scheduled bundle commit unsupported",
	   OF(15, 15, 17, 16))
OFPERR_DEF(OFPBFC_SCHED_FUTURE, "scheduled commit time too far ahead",
	   OF(15, 15, 17, 17))
OFPERR_DEF(OFPBFC_SCHED_PAST, "scheduled commit time already past",
	   OF(15, 15, 17, 18))
OFPERR_DEF(OFPBFC_BAD_VERSION,
	   "bundled message version differs from the bundle's",
	   NXE(14, 15, 22))

/* OFPET_FLOW_MONITOR_FAILED (16) */
OFPERR_DEF(OFPMOFC_UNKNOWN, "flow monitor failed, reason unspecified",
	   OF(14, 15, 16, 0))
OFPERR_DEF(OFPMOFC_MONITOR_EXISTS, "monitor add: monitor already exists",
	   NX(10, 11, 1, 517), NXE(12, 13, 6), OF(14, 15, 16, 1))
OFPERR_DEF(OFPMOFC_INVALID_MONITOR, "monitor invalid", OF(14, 15, 16, 2))
OFPERR_DEF(OFPMOFC_UNKNOWN_MONITOR, "monitor modify: monitor does not exist",
	   NX(10, 11, 1, 519), NXE(12, 13, 8), OF(14, 15, 16, 3))
OFPERR_DEF(OFPMOFC_BAD_COMMAND, "monitor command unknown or unsupported",
	   OF(14, 15, 16, 4))
OFPERR_DEF(OFPMOFC_BAD_FLAGS, "monitor flags unsupported",
	   NX(10, 11, 1, 518), NXE(12, 13, 7), OF(14, 15, 16, 5))
OFPERR_DEF(OFPMOFC_BAD_TABLE_ID, "monitor names a table that does not exist",
	   OF(14, 15, 16, 6))
OFPERR_DEF(OFPMOFC_BAD_OUT, "monitor output port or group invalid",
	   OF(14, 15, 16, 7))

/* Nicira TLV table mod errors */
OFPERR_DEF(NXTTMFC_BAD_COMMAND, "TLV table mod command invalid",
	   NX(10, 11, 1, 527), NXE(12, 15, 16))
OFPERR_DEF(NXTTMFC_BAD_OPT_LEN, "TLV option length invalid",
	   NX(10, 11, 1, 528), NXE(12, 15, 17))
OFPERR_DEF(NXTTMFC_BAD_FIELD_IDX, "tun_metadata field index out of range",
	   NX(10, 11, 1, 529), NXE(12, 15, 18))
OFPERR_DEF(NXTTMFC_TABLE_FULL, "TLV table full",
	   NX(10, 11, 1, 530), NXE(12, 15, 19))
OFPERR_DEF(NXTTMFC_ALREADY_MAPPED, "tun_metadata field index already mapped",
	   NX(10, 11, 1, 531), NXE(12, 15, 20))
OFPERR_DEF(NXTTMFC_DUP_ENTRY, "TLV option already mapped to another field",
	   NX(10, 11, 1, 532), NXE(12, 15, 21))
OFPERR_DEF(NXTTMFC_INVALID_TLV_DEL, "TLV mapping in use by a flow",
	   NX(10, 11, 1, 537), NXE(12, 15, 38))

/* Nicira resume errors */
OFPERR_DEF(NXR_NOT_SUPPORTED, "datapath does not support resume",
	   NX(10, 11, 1, 533), NXE(12, 15, 34))
OFPERR_DEF(NXR_STALE, "continuation is stale or from another switch instance",
	   NX(10, 11, 1, 534), NXE(12, 15, 35))

/* Nicira protocol errors */
OFPERR_DEF(NXST_NOT_CONFIGURED, "protocol not configured on this switch",
	   NX(10, 11, 1, 535), NXE(12, 15, 36))
