"""Turning dossiers into documents through Jinja templates."""
