/* weir-vsctl internals: the command table, the context a command runs in,
 * value syntax, and output tables. */
#ifndef WEIR_VSCTL_H
#define WEIR_VSCTL_H 1

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ovsdb-data.h"
#include "ovsdb-idl.h"

struct ovsdb_symbol_table;

/* A growing NUL-terminated string. */
struct vstr {
	char *s;
	size_t len, cap;
};

void vstr_printf(struct vstr *, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void vstr_put(struct vstr *, const char *);
void vstr_putc(struct vstr *, char);
const char *vstr_cstr(struct vstr *);
void vstr_free(struct vstr *);

/* Value syntax (vsctl-value.c).  Errors are returned as strings to free. */
char *vsctl_token_parse(const char **s, char **token);
bool vsctl_token_is_delim(unsigned char);
char *vsctl_atom_from_string(union ovsdb_atom *,
			     const struct ovsdb_base_type *, const char *s,
			     struct ovsdb_symbol_table *);
char *vsctl_datum_from_string(struct ovsdb_datum *, const struct ovsdb_type *,
			      const char *s, struct ovsdb_symbol_table *);
void vsctl_atom_to_string(const union ovsdb_atom *, enum ovsdb_atomic_type,
			  struct vstr *);
void vsctl_datum_to_string(const struct ovsdb_datum *,
			   const struct ovsdb_type *, struct vstr *);
void vsctl_datum_to_bare(const struct ovsdb_datum *,
			 const struct ovsdb_type *, struct vstr *);
void vsctl_json_string(const char *, struct vstr *);

/* COLUMN[:KEY][OP VALUE], as in "set" and "find".  'ops' lists the allowed
 * operators (NULL: none, no value expected); the longest match wins. */
struct vsctl_ckv {
	const struct ovsdb_column *column;
	char *key;		/* NULL when absent */
	int op;			/* index into 'ops' */
	char *value;		/* NULL when 'ops' is NULL */
};
char *vsctl_parse_ckv(const char *arg, const struct ovsdb_table_schema *,
		      const char *const *ops, size_t n_ops,
		      struct vsctl_ckv *);
void vsctl_ckv_free(struct vsctl_ckv *);
/* Exact name, else a unique case-insensitive prefix ('-' matches '_'). */
char *vsctl_find_column(const struct ovsdb_table_schema *, const char *name,
			const struct ovsdb_column **);
char *vsctl_find_table(const struct ovsdb_schema *, const char *name,
		       const struct ovsdb_table_schema **);

/* Output tables (vsctl-table.c). */
enum vsctl_format { VF_TABLE, VF_LIST, VF_HTML, VF_CSV, VF_JSON };
enum vsctl_data { VD_STRING, VD_BARE, VD_JSON };

struct vsctl_style {
	enum vsctl_format format;
	enum vsctl_data data;
	bool headings;
	bool pretty;
};

struct vsctl_cell {
	char *text;			/* a text cell, or NULL */
	json_t *json;			/* a datum cell's value */
	const struct ovsdb_type *type;	/* ...and its type */
};

struct vsctl_table {
	char **headings;
	size_t n_columns;
	struct vsctl_cell *cells;	/* row after row */
	size_t n_cells, alloc;
	size_t n_rows;
};

struct vsctl_table *vsctl_table_create(void);
void vsctl_table_destroy(struct vsctl_table *);
void vsctl_table_add_column(struct vsctl_table *, const char *heading);
void vsctl_table_add_row(struct vsctl_table *);
/* A datum cell (shown per the data style) or a text cell. */
void vsctl_table_add_datum(struct vsctl_table *, const struct ovsdb_datum *,
			   const struct ovsdb_type *);
void vsctl_table_add_text(struct vsctl_table *, const char *);
/* Appends the table as 'style' says; 'first' is false for every table but
 * the first printed, which is then set apart by a blank line. */
void vsctl_table_format(struct vsctl_table *, const struct vsctl_style *,
			bool *first, struct vstr *);
bool vsctl_parse_format(const char *, enum vsctl_format *);
bool vsctl_parse_data(const char *, enum vsctl_data *);

/* Commands. */
struct vsctl_ctx;

struct vsctl_syntax {
	const char *name;
	int min_args, max_args;
	const char *arguments;
	void (*run)(struct vsctl_ctx *);
	void (*post)(struct vsctl_ctx *);	/* after commit */
	const char *options;	/* e.g. "--if-exists,--id=" */
	bool rw;
};

struct vsctl_option {
	char *name;		/* with the leading "--" */
	char *value;		/* NULL when none */
};

struct vsctl_command {
	const struct vsctl_syntax *syntax;
	int argc;
	char **argv;		/* argv[0] is the command name */
	struct vsctl_option *opts;
	size_t n_opts;
	struct vstr output;
	struct vsctl_table *table;
	struct uuid created;	/* "create": the row made */
	bool has_created;
};

struct vsctl_ctx {
	struct ovsdb_idl *idl;
	struct vsctl_command *cmd;
	int argc;
	char **argv;
	struct ovsdb_symbol_table *symtab;
	struct ovsdb_idl_row *ovs;	/* the Open_vSwitch row */
	const struct vsctl_style *style;
	bool try_again;
	struct vsctl_cache *cache;	/* NULL until a bridge command */
};

extern const struct vsctl_syntax vsctl_db_commands[];
extern const struct vsctl_syntax vsctl_bridge_commands[];
extern const struct vsctl_syntax vsctl_misc_commands[];

__attribute__((noreturn, format(printf, 1, 2)))
void vsctl_fatal(const char *fmt, ...);
bool vsctl_has_option(const struct vsctl_ctx *, const char *name);
const char *vsctl_option_value(const struct vsctl_ctx *, const char *name);
void vsctl_print(struct vsctl_ctx *, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Rows and values (vsctl-db.c). */
struct ovsdb_idl_table *vsctl_table(struct vsctl_ctx *, const char *name);
/* Resolves a record name as ovs-vsctl does; NULL when not found and not
 * 'must_exist' (otherwise fatal). */
struct ovsdb_idl_row *vsctl_get_row(struct vsctl_ctx *,
				    struct ovsdb_idl_table *, const char *id,
				    bool must_exist);
void vsctl_set_string(struct ovsdb_idl_row *, const char *column,
		      const char *value);
void vsctl_set_integer(struct ovsdb_idl_row *, const char *column,
		       int64_t value);
void vsctl_set_uuids(struct ovsdb_idl_row *, const char *column,
		     const struct uuid *, size_t n);
/* Adds or removes one uuid of a set-of-uuids column. */
void vsctl_add_uuid(struct ovsdb_idl_row *, const char *column,
		    const struct uuid *);
void vsctl_remove_uuid(struct ovsdb_idl_row *, const char *column,
		       const struct uuid *);
/* The string in a string column, "" when empty. */
const char *vsctl_get_string(const struct ovsdb_idl_row *, const char *col);
/* Sets 'key' of a string map column (removes it when 'value' is NULL). */
void vsctl_set_map_key(struct ovsdb_idl_row *, const char *column,
		       const char *key, const char *value);
/* The whole-column-value arguments of add-br/add-port: COL[:KEY]=VALUE. */
void vsctl_set_column_args(struct vsctl_ctx *, struct ovsdb_idl_row *,
			   char **args, int n);
void vsctl_verify(struct ovsdb_idl_row *, const char *column);

/* The row of bridge 'name' (of its parent, for a fake bridge when
 * 'allow_fake'; otherwise a fake bridge is an error). */
struct ovsdb_idl_row *vsctl_bridge_row(struct vsctl_ctx *, const char *name,
				       bool allow_fake);

/* An interface this run inserts: once the daemon has applied the
 * change, a missing or -1 ofport means it failed to set it up. */
void vsctl_expect_iface(const struct uuid *);

/* Bridge cache invalidation after database commands change things. */
void vsctl_cache_invalidate(struct vsctl_ctx *);

#endif /* WEIR_VSCTL_H */
