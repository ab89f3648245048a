/* A small schema with a column of every shape the OVSDB data model
 * knows, shared by the OVSDB unit tests and fuzz targets. */
#ifndef WEIR_TESTS_OVSDB_TEST_SCHEMA_H
#define WEIR_TESTS_OVSDB_TEST_SCHEMA_H 1

#define OVSDB_TEST_SCHEMA "{\"name\": \"Test\", \"version\": \"1.2.3\", " \
	"\"tables\": {" \
	"\"A\": {\"isRoot\": true, \"indexes\": [[\"s\"]], \"columns\": {" \
	"\"i\": {\"type\": \"integer\"}," \
	"\"r\": {\"type\": \"real\"}," \
	"\"b\": {\"type\": \"boolean\"}," \
	"\"s\": {\"type\": \"string\"}," \
	"\"u\": {\"type\": \"uuid\"}," \
	"\"ri\": {\"type\": {\"key\": {\"type\": \"integer\", " \
	"\"minInteger\": 1, \"maxInteger\": 4}}}," \
	"\"rr\": {\"type\": {\"key\": {\"type\": \"real\", " \
	"\"minReal\": -1.5, \"maxReal\": 100}}}," \
	"\"oi\": {\"type\": {\"key\": \"integer\", \"min\": 0, \"max\": 1}}," \
	"\"si\": {\"type\": {\"key\": \"integer\", \"min\": 0, " \
	"\"max\": \"unlimited\"}}," \
	"\"sr\": {\"type\": {\"key\": \"real\", \"min\": 0, " \
	"\"max\": \"unlimited\"}}," \
	"\"ss\": {\"type\": {\"key\": {\"type\": \"string\", " \
	"\"maxLength\": 5}, \"min\": 0, \"max\": 3}}," \
	"\"s1\": {\"type\": {\"key\": {\"type\": \"integer\", " \
	"\"maxInteger\": 100}, \"min\": 1, \"max\": 2}}," \
	"\"m\": {\"type\": {\"key\": \"string\", \"value\": \"integer\", " \
	"\"min\": 0, \"max\": \"unlimited\"}}," \
	"\"e\": {\"type\": {\"key\": {\"type\": \"string\", " \
	"\"enum\": [\"set\", [\"red\", \"green\"]]}}}," \
	"\"ref\": {\"type\": {\"key\": {\"type\": \"uuid\", " \
	"\"refTable\": \"B\"}, \"min\": 0, \"max\": \"unlimited\"}}," \
	"\"wref\": {\"type\": {\"key\": {\"type\": \"uuid\", " \
	"\"refTable\": \"B\", \"refType\": \"weak\"}, \"min\": 0, " \
	"\"max\": 1}}," \
	"\"imm\": {\"type\": \"integer\", \"mutable\": false}," \
	"\"eph\": {\"type\": \"string\", \"ephemeral\": true}" \
	"}}," \
	"\"B\": {\"maxRows\": 10, \"columns\": {" \
	"\"name\": {\"type\": \"string\"}}}}}"

#endif /* WEIR_TESTS_OVSDB_TEST_SCHEMA_H */
