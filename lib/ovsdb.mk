# OVSDB data model (RFC 7047): uuids, types, atoms and datums, schemas,
# rows, conditions and mutations; shared by the server and its clients.
