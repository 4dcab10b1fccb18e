"""serve: the command line (later the REST API and web workbench)."""
