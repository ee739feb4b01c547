"""Byte-preserving writers: one new item added to a dossier (log, accept) and every file written atomically."""
