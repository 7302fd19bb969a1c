"""Reading a region: load YAML with positions, validate against the models, check."""
