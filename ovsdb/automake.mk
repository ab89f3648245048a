# The OVSDB server (weir-dbd) and its storage.
