"""Reading a dossier: YAML to data with the position of every key, placeholders set aside, the schema matched."""
