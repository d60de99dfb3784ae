"""The knowledge base: YAML sources from the July 2018 report, their validation, schema, loader and queries."""
