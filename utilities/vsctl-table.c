/* Tables of records as "list" and "find" print them: aligned columns,
 * "column : value" lists, CSV, HTML or JSON, with each cell shown as a
 * string, bare words or JSON. */
#include "vsctl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ovsdb-error.h"
#include "xalloc.h"

struct vsctl_table *vsctl_table_create(void)
{
	return xcalloc(1, sizeof(struct vsctl_table));
}

void vsctl_table_destroy(struct vsctl_table *t)
{
	if (!t)
		return;
	for (size_t i = 0; i < t->n_columns; i++)
		free(t->headings[i]);
	for (size_t i = 0; i < t->n_cells; i++) {
		free(t->cells[i].text);
		json_decref(t->cells[i].json);
	}
	free(t->headings);
	free(t->cells);
	free(t);
}

void vsctl_table_add_column(struct vsctl_table *t, const char *heading)
{
	t->headings = xrealloc(t->headings,
			       (t->n_columns + 1) * sizeof *t->headings);
	t->headings[t->n_columns++] = xstrdup(heading);
}

void vsctl_table_add_row(struct vsctl_table *t)
{
	t->n_rows++;
}

static struct vsctl_cell *vsctl_table_add_cell(struct vsctl_table *t)
{
	t->cells = xgrow_n(t->cells, &t->alloc, t->n_cells + 1,
			   sizeof *t->cells);
	memset(&t->cells[t->n_cells], 0, sizeof *t->cells);
	return &t->cells[t->n_cells++];
}

void vsctl_table_add_datum(struct vsctl_table *t, const struct ovsdb_datum *d,
			   const struct ovsdb_type *type)
{
	struct vsctl_cell *cell = vsctl_table_add_cell(t);

	cell->json = ovsdb_datum_to_json(d, type);
	cell->type = type;
}

void vsctl_table_add_text(struct vsctl_table *t, const char *text)
{
	vsctl_table_add_cell(t)->text = xstrdup(text);
}

static char *vsctl_json_text(const json_t *json)
{
	char *s = json_dumps(json, JSON_COMPACT | JSON_SORT_KEYS
				   | JSON_ENCODE_ANY);
	return s ? s : xstrdup("");
}

/* The cell as text in the style's data format. */
static char *vsctl_cell_text(const struct vsctl_cell *cell,
			     enum vsctl_data data)
{
	struct ovsdb_datum d;
	struct ovsdb_error *error;
	struct vstr s = { 0 };

	if (cell->text)
		return xstrdup(cell->text);
	if (data == VD_JSON || !cell->type)
		return vsctl_json_text(cell->json);
	error = ovsdb_datum_from_json(&d, cell->type, cell->json, NULL);
	if (error) {
		ovsdb_error_destroy(error);
		return vsctl_json_text(cell->json);
	}
	if (data == VD_STRING)
		vsctl_datum_to_string(&d, cell->type, &s);
	else
		vsctl_datum_to_bare(&d, cell->type, &s);
	vstr_put(&s, "");
	ovsdb_datum_destroy(&d, cell->type);
	return s.s;
}

static void vsctl_finish_line(struct vstr *out)
{
	while (out->len && out->s[out->len - 1] == ' ')
		out->s[--out->len] = '\0';
	vstr_putc(out, '\n');
}

static void vsctl_format_table(const struct vsctl_table *t, char **texts,
			       const struct vsctl_style *style,
			       struct vstr *out)
{
	size_t *widths = xcalloc(t->n_columns + 1, sizeof *widths);

	for (size_t x = 0; x < t->n_columns; x++) {
		if (style->headings)
			widths[x] = strlen(t->headings[x]);
		for (size_t y = 0; y < t->n_rows; y++) {
			size_t n = strlen(texts[y * t->n_columns + x]);
			if (n > widths[x])
				widths[x] = n;
		}
	}
	if (style->headings) {
		for (size_t x = 0; x < t->n_columns; x++)
			vstr_printf(out, "%s%-*s", x ? " " : "",
				    (int) widths[x], t->headings[x]);
		vsctl_finish_line(out);
		for (size_t x = 0; x < t->n_columns; x++) {
			vstr_put(out, x ? " " : "");
			for (size_t i = 0; i < widths[x]; i++)
				vstr_putc(out, '-');
		}
		vsctl_finish_line(out);
	}
	for (size_t y = 0; y < t->n_rows; y++) {
		for (size_t x = 0; x < t->n_columns; x++)
			vstr_printf(out, "%s%-*s", x ? " " : "",
				    (int) widths[x],
				    texts[y * t->n_columns + x]);
		vsctl_finish_line(out);
	}
	free(widths);
}

static void vsctl_format_list(const struct vsctl_table *t, char **texts,
			      const struct vsctl_style *style,
			      struct vstr *out)
{
	for (size_t y = 0; y < t->n_rows; y++) {
		if (y)
			vstr_putc(out, '\n');
		for (size_t x = 0; x < t->n_columns; x++) {
			if (style->headings)
				vstr_printf(out, "%-20s: ", t->headings[x]);
			vstr_printf(out, "%s\n", texts[y * t->n_columns + x]);
		}
	}
}

static void vsctl_csv_cell(const char *s, struct vstr *out)
{
	if (!strpbrk(s, "\n\",")) {
		vstr_put(out, s);
		return;
	}
	vstr_putc(out, '"');
	for (; *s; s++)
		vstr_put(out, *s == '"' ? "\"\"" : (char[]) { *s, 0 });
	vstr_putc(out, '"');
}

static void vsctl_format_csv(const struct vsctl_table *t, char **texts,
			     const struct vsctl_style *style,
			     struct vstr *out)
{
	if (style->headings) {
		for (size_t x = 0; x < t->n_columns; x++) {
			vstr_put(out, x ? "," : "");
			vsctl_csv_cell(t->headings[x], out);
		}
		vstr_putc(out, '\n');
	}
	for (size_t y = 0; y < t->n_rows; y++) {
		for (size_t x = 0; x < t->n_columns; x++) {
			vstr_put(out, x ? "," : "");
			vsctl_csv_cell(texts[y * t->n_columns + x], out);
		}
		vstr_putc(out, '\n');
	}
}

static void vsctl_html_escape(const char *s, size_t n, struct vstr *out)
{
	for (size_t i = 0; i < n && s[i]; i++) {
		switch (s[i]) {
		case '&': vstr_put(out, "&amp;"); break;
		case '<': vstr_put(out, "&lt;"); break;
		case '>': vstr_put(out, "&gt;"); break;
		case '"': vstr_put(out, "&quot;"); break;
		default: vstr_putc(out, s[i]);
		}
	}
}

/* A cell whose uuids link to the rows they name. */
static void vsctl_html_cell(const char *element, const char *s,
			    struct vstr *out)
{
	vstr_printf(out, "    <%s>", element);
	while (*s) {
		char u[UUID_LEN + 1];
		struct uuid uuid;
		snprintf(u, sizeof u, "%s", s);
		if (strlen(u) == UUID_LEN && uuid_from_string(&uuid, u)) {
			vstr_printf(out, "<a href=\"#%s\">%.8s</a>", u, u);
			s += UUID_LEN;
		} else {
			vsctl_html_escape(s++, 1, out);
		}
	}
	vstr_printf(out, "</%s>\n", element);
}

static void vsctl_format_html(const struct vsctl_table *t, char **texts,
			      const struct vsctl_style *style,
			      struct vstr *out)
{
	vstr_put(out, "<table border=1>\n");
	if (style->headings) {
		vstr_put(out, "  <tr>\n");
		for (size_t x = 0; x < t->n_columns; x++)
			vsctl_html_cell("th", t->headings[x], out);
		vstr_put(out, "  </tr>\n");
	}
	for (size_t y = 0; y < t->n_rows; y++) {
		vstr_put(out, "  <tr>\n");
		for (size_t x = 0; x < t->n_columns; x++) {
			const char *s = texts[y * t->n_columns + x];
			if (strcmp(t->headings[x], "_uuid")) {
				vsctl_html_cell("td", s, out);
				continue;
			}
			vstr_put(out, "    <td><a name=\"");
			vsctl_html_escape(s, strlen(s), out);
			vstr_put(out, "\">");
			vsctl_html_escape(s, 8, out);
			vstr_put(out, "</a></td>\n");
		}
		vstr_put(out, "  </tr>\n");
	}
	vstr_put(out, "</table>\n");
}

static int vsctl_cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *) a, *(const char *const *) b);
}

/* The layout ovs-vsctl --pretty uses: members and elements one a line,
 * indented by two, closers right after the last value. */
static void vsctl_json_pretty(const json_t *json, int indent,
			      struct vstr *out)
{
	size_t n = json_is_object(json) ? json_object_size(json)
					: json_array_size(json);

	if ((!json_is_object(json) && !json_is_array(json)) || !n) {
		char *s = vsctl_json_text(json);
		vstr_put(out, s);
		free(s);
		return;
	}
	vstr_putc(out, json_is_object(json) ? '{' : '[');
	if (json_is_object(json)) {
		const char **keys = xcalloc(n, sizeof *keys);
		const char *key;
		json_t *v;
		size_t i = 0;
		json_object_foreach((json_t *) json, key, v)
			keys[i++] = key;
		qsort(keys, n, sizeof *keys, vsctl_cmp_str);
		for (i = 0; i < n; i++) {
			vstr_printf(out, "%s\n%*s", i ? "," : "", indent + 2,
				    "");
			vsctl_json_string(keys[i], out);
			vstr_put(out, ": ");
			vsctl_json_pretty(json_object_get(json, keys[i]),
					  indent + 2, out);
		}
		free(keys);
		vstr_putc(out, '}');
		return;
	}
	for (size_t i = 0; i < n; i++) {
		vstr_printf(out, "%s\n%*s", i ? "," : "", indent + 2, "");
		vsctl_json_pretty(json_array_get(json, i), indent + 2, out);
	}
	vstr_putc(out, ']');
}

static void vsctl_format_json(const struct vsctl_table *t,
			      const struct vsctl_style *style,
			      struct vstr *out)
{
	json_t *headings = json_array(), *data = json_array();

	for (size_t x = 0; x < t->n_columns; x++)
		json_array_append_new(headings, json_string(t->headings[x]));
	for (size_t y = 0; y < t->n_rows; y++) {
		json_t *row = json_array();
		for (size_t x = 0; x < t->n_columns; x++) {
			const struct vsctl_cell *c;
			c = &t->cells[y * t->n_columns + x];
			json_array_append_new(row, c->text
					      ? json_string(c->text)
					      : json_incref(c->json));
		}
		json_array_append_new(data, row);
	}
	json_t *json = json_pack("{s:o,s:o}", "data", data, "headings",
				 headings);
	if (style->pretty) {
		vsctl_json_pretty(json, 0, out);
	} else {
		char *s = vsctl_json_text(json);
		vstr_put(out, s);
		free(s);
	}
	vstr_putc(out, '\n');
	json_decref(json);
}

void vsctl_table_format(struct vsctl_table *t,
			const struct vsctl_style *style, bool *first,
			struct vstr *out)
{
	size_t n = t->n_rows * t->n_columns;
	char **texts = xcalloc(n + 1, sizeof *texts);

	for (size_t i = 0; i < n && i < t->n_cells; i++)
		texts[i] = vsctl_cell_text(&t->cells[i], style->data);
	for (size_t i = t->n_cells; i < n; i++)
		texts[i] = xstrdup("");
	if (style->format != VF_HTML && style->format != VF_JSON) {
		if (!*first)
			vstr_putc(out, '\n');
		*first = false;
	}
	switch (style->format) {
	case VF_TABLE: vsctl_format_table(t, texts, style, out); break;
	case VF_LIST: vsctl_format_list(t, texts, style, out); break;
	case VF_HTML: vsctl_format_html(t, texts, style, out); break;
	case VF_CSV: vsctl_format_csv(t, texts, style, out); break;
	case VF_JSON: vsctl_format_json(t, style, out); break;
	}
	vstr_put(out, "");
	for (size_t i = 0; i < n; i++)
		free(texts[i]);
	free(texts);
}

bool vsctl_parse_format(const char *s, enum vsctl_format *f)
{
	static const char *const names[] = { "table", "list", "html", "csv",
					     "json" };

	for (size_t i = 0; i < sizeof names / sizeof *names; i++)
		if (!strcmp(s, names[i])) {
			*f = (enum vsctl_format) i;
			return true;
		}
	return false;
}

bool vsctl_parse_data(const char *s, enum vsctl_data *d)
{
	static const char *const names[] = { "string", "bare", "json" };

	for (size_t i = 0; i < sizeof names / sizeof *names; i++)
		if (!strcmp(s, names[i])) {
			*d = (enum vsctl_data) i;
			return true;
		}
	return false;
}
